"""An app with its caches on, as in production (they are off under TESTING)."""

import pytest
from sqlalchemy import update

from civicapp.extensions import db
from tests.conftest import english_client, make_test_app
from tests.helpers import count_statements


def change_behind_the_cache(row, **values) -> None:
    """Change a row outside the app's session: no generation moves, so copies stay valid."""
    table, row_id = type(row).__table__, row.id
    db.session.rollback()  # SQLite: the test's own session would hold the write lock
    with db.engine.begin() as conn:
        conn.execute(update(table).where(table.c.id == row_id).values(**values))


@pytest.fixture
def cached_app(app, database_url, tmp_path):
    """A second app on the test database whose page and fragment caches are on."""
    return make_test_app(database_url, tmp_path / "cached", CACHE_SECONDS=60)


@pytest.fixture
def visitor(cached_app):
    """A visitor of the cached app reading English, with no session yet."""
    return english_client(cached_app)


@pytest.fixture
def reader(cached_app):
    """Another client of the cached app, to sign in or to be a second visitor."""
    return english_client(cached_app)


@pytest.fixture
def statements(cached_app):
    """The SQL statements the cached app runs (transaction control left out)."""
    from civicapp.extensions import db

    with cached_app.app_context():
        engine = db.engine
    with count_statements(engine) as seen:
        yield seen
