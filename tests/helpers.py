"""Helpers that the tests of several features share (the fixtures are in tests/conftest.py)."""

from contextlib import contextmanager

from sqlalchemy import event

from civicapp.extensions import db

TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA")


@contextmanager
def count_statements(engine=None):
    """Collect the SQL statements the block sends (to the app's database unless told)."""
    statements = []

    def before(conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith(TRANSACTION_CONTROL):
            statements.append(statement)

    engine = engine or db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


def statements_of(client, url: str) -> int:
    """How many SQL statements the page at `url` costs; it must answer 200."""
    with count_statements() as executed:
        response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return len(executed)
