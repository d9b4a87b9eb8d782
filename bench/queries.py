"""Count the SQL statements each page's request runs, in-process through the test client."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from flask import Flask
from sqlalchemy import event

from bench.spec import Page, Prepared

# Transaction control is not a query: civicapp issues BEGIN itself on every transaction.
CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA")
SAMPLE_LIMIT = 50  # statements kept per page in the results file, to diagnose N+1 patterns


@dataclass(frozen=True)
class QueryCount:
    """Statements per request for one page, over repeated identical requests."""

    status: int
    counts: tuple[int, ...]
    statements: list[str] = field(default_factory=list)

    @property
    def queries(self) -> int:
        """The figure reported: the largest count seen."""
        return max(self.counts)

    @property
    def stable(self) -> bool:
        """Whether every repetition ran the same number of statements."""
        return len(set(self.counts)) == 1

    def to_json(self) -> dict:
        """Plain-dict form for the results file."""
        return {**asdict(self), "queries": self.queries, "stable": self.stable}


class StatementCounter:
    """A before_cursor_execute listener recording statements while active."""

    def __init__(self) -> None:
        self.active = False
        self.statements: list[str] = []

    def __call__(self, _conn, _cursor, statement: str, *_rest) -> None:
        if self.active and not statement.lstrip().upper().startswith(CONTROL):
            self.statements.append(statement)


@contextmanager
def patched_environ(env: dict[str, str]) -> Iterator[None]:
    """Make os.environ exactly env for the block, as create_app reads it."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextmanager
def bench_app(env: dict[str, str]) -> Iterator[Flask]:
    """The civicapp app built from env, its engine disposed afterwards."""
    with patched_environ(env):
        from civicapp import create_app
        from civicapp.extensions import db

        app = create_app()
        try:
            yield app
        finally:
            with app.app_context():
                db.engine.dispose()


def count(app: Flask, prepared: Prepared, repeats: int = 2) -> QueryCount:
    """Warm once, then count statements over `repeats` identical requests."""
    from civicapp.extensions import db

    client = app.test_client(use_cookies=False)
    counter = StatementCounter()
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", counter)
    try:
        send(client, prepared)
        counts, status = [], 0
        for _ in range(repeats):
            counter.statements = []
            counter.active = True
            status = send(client, prepared)
            counter.active = False
            counts.append(len(counter.statements))
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    sample = [" ".join(s.split())[:300] for s in counter.statements[:SAMPLE_LIMIT]]
    return QueryCount(status, tuple(counts), sample)


def send(client, prepared: Prepared) -> int:
    """Issue the prepared request through the test client; return its status code."""
    response = client.open(
        prepared.path, method=prepared.method, headers=prepared.headers, data=prepared.body or None
    )
    response.close()
    return response.status_code


def prepare_and_count(app: Flask, pages: list[Page]) -> dict[str, tuple[Prepared, QueryCount]]:
    """Run each page's setup against app and count its queries."""
    results = {}
    for page in pages:
        prepared = page.prepare(app)
        results[page.name] = (prepared, count(app, prepared))
    return results
