"""The content generation: one counter that moves with every committed write a page can show.

Every transaction that writes something a page can show adds to one counter in the database
(civicapp.cache.models.CacheGeneration), in that same transaction. A request reads the counter
before anything else it shows, so a copy stored under the value it read holds every write up
to that value, and a copy of an older value is never served once a write is committed.
What changes with no write (a deadline passing) shows when a job that notices it calls
invalidate(), or at the latest when the copy's time is up.
"""

import random
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

from flask import g, has_app_context
from sqlalchemy import event, inspect, select
from sqlalchemy.sql.dml import UpdateBase

from civicapp.cache.models import CacheGeneration
from civicapp.db import insert_with_conflicts
from civicapp.extensions import db

# Rows no page of a visitor who is not signed in shows (the only pages copied whole): writing
# them leaves every copy valid. Features declare theirs with keep_private(). Pages reached with
# a token from a mail show some of a user's state to such a visitor (the unsubscribe link, an
# invitation), so the rows those pages show must not be declared.
_private_tables: set[str] = {"cache_generations"}
# Columns of otherwise public rows that no page shows (a sign-in, a new password...).
_private_columns: dict[str, frozenset[str]] = {}
_WRITTEN = "civicapp_cache_written"  # session.info: this transaction wrote public rows
_GENERATION = "_cache_generation"  # g: the value this request read


def keep_private(table: str, columns: Iterable[str] | None = None) -> None:
    """Declare a table (or only some of its columns) that no visitor's page shows."""
    if columns is None:
        _private_tables.add(table)
    else:
        _private_columns[table] = _private_columns.get(table, frozenset()) | set(columns)


def invalidate() -> None:
    """Make the commit of the current transaction move the generation, as a write would.

    For a change no row shows by itself, such as a deadline that has passed.
    """
    db.session.info[_WRITTEN] = True


def current_generation() -> int | None:
    """The content generation this request works with, read once (None before any write).

    Read in the request's own transaction, so that what it renders next is at least as new.
    """
    if _GENERATION not in g:
        query = _generation_query()
        setattr(g, _GENERATION, db.session.connection().scalar(query))
    return g.get(_GENERATION)


def latest_generation() -> int | None:
    """The generation as committed now, read before the request touches its session.

    What the request reads afterwards is at least as new, so copies stored under this value
    are sound. Read on a pooled connection of its own, in autocommit, given back at once: a
    connection held per thread would leak under threaded servers, one per request thread.
    """
    with db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        value = conn.scalar(_generation_query())
    setattr(g, _GENERATION, value)
    return value


@lru_cache(maxsize=1)
def _generation_query():
    # Core, built once: this is the only query of a page served from the cache.
    table = CacheGeneration.__table__
    return select(table.c.value).where(table.c.id == 1)


def _bump_statement(dialect: str):
    # A random first value: a counter that restarts (an emptied table) never meets old copies.
    insert = insert_with_conflicts(dialect, CacheGeneration)
    stmt = insert.values(id=1, value=random.randrange(1, 2**62))
    return stmt.on_conflict_do_update(
        index_elements=[CacheGeneration.id], set_={"value": CacheGeneration.value + 1}
    )


def _is_public_write(obj) -> bool:
    table = getattr(obj, "__tablename__", None)
    if table in _private_tables:
        return False
    private = _private_columns.get(table)
    state = inspect(obj)
    if private is None or state.pending or state.deleted or state.was_deleted:
        return True
    changed = {a.key for a in state.attrs if a.history.has_changes()}
    return not changed <= private


def _after_flush(session, _context) -> None:
    if not session.info.get(_WRITTEN) and any(
        _is_public_write(obj) for obj in chain(session.new, session.dirty, session.deleted)
    ):
        session.info[_WRITTEN] = True


def _on_execute(state) -> None:
    if state.is_select or session_written(state.session):
        return
    statement = state.statement
    if isinstance(statement, UpdateBase):
        table = getattr(statement.table, "name", None)
        if table in _private_tables:
            return
    elif str(statement).lstrip()[:6].upper() in ("SELECT", "PRAGMA"):
        return
    state.session.info[_WRITTEN] = True


def session_written(session) -> bool:
    """Whether the session's transaction wrote rows a page may show."""
    return bool(session.info.get(_WRITTEN))


def _before_commit(session) -> None:
    if session.in_nested_transaction():
        return  # bump at the outer commit, the last statement: no lock held longer than that
    if session.new or session.dirty or session.deleted:
        session.flush()
    if not session.info.pop(_WRITTEN, False):
        return
    session.execute(_bump_statement(session.get_bind().dialect.name))
    if has_app_context():
        g.pop(_GENERATION, None)  # what this request renders next is of the new generation


def _after_transaction_end(session, transaction) -> None:
    if transaction.parent is None and not transaction.nested:
        session.info.pop(_WRITTEN, None)


_installed = False


def watch_writes() -> None:
    """Listen to the shared session once per process, whatever the number of apps."""
    global _installed
    if _installed:
        return
    event.listen(db.session, "after_flush", _after_flush)
    event.listen(db.session, "do_orm_execute", _on_execute)
    event.listen(db.session, "before_commit", _before_commit)
    event.listen(db.session, "after_transaction_end", _after_transaction_end)
    _installed = True
