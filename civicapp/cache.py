"""Caches of rendered HTML that stay correct across workers: keyed on the content generation.

Every transaction that writes something a page can show adds to one counter in the database
(civicapp.core.models.CacheGeneration), in that same transaction. A request reads the counter
before anything else it shows, so a copy stored under the value it read holds every write up
to that value, and a copy of an older value is never served once a write is committed. Copies
live in a bounded per-worker LRU, and also in Redis when CIVICAPP_REDIS_URL is set; a time
limit bounds what changes without a write (a deadline passing).
"""

import random
import sys
from collections.abc import Callable
from functools import lru_cache
from itertools import chain

from flask import current_app, g, has_app_context
from markupsafe import Markup
from sqlalchemy import event, inspect, select
from sqlalchemy.sql.dml import UpdateBase

from civicapp.core.stores import MemoryStore, SharedStore
from civicapp.db import insert_with_conflicts
from civicapp.extensions import db

# Rows no page of a visitor who is not signed in shows (the only pages copied whole): writing
# them leaves every copy valid. Pages reached with a token from a mail show some of a user's
# state to such a visitor (the unsubscribe link, an invitation), so those rows are not here.
PRIVATE_TABLES = frozenset({"cache_generations", "audit_events", "notifications", "follows"})
# Columns of otherwise public rows that no page shows (a sign-in, a new password...).
PRIVATE_COLUMNS = {
    "users": frozenset(
        {
            "last_login_at",
            "password_hash",
            "session_version",
            "totp_secret",
            "totp_enabled_at",
            "totp_last_step",
            "updated_at",
        }
    )
}
_WRITTEN = "civicapp_cache_written"  # session.info: this transaction wrote public rows
_GENERATION = "_cache_generation"  # g: the value this request read
_STORE = "civicapp_cache"
DEFAULT_SECONDS = 30
# Stands in a cached copy for the reader's CSRF token (NUL: in no page, refused in requests).
CSRF_HOLE = "\x00csrf-token\x00"


def cache_seconds() -> int:
    """How long a copy may be served (0: caching off, the default under TESTING)."""
    seconds = current_app.config.get("CACHE_SECONDS")
    if seconds is None:
        return 0 if current_app.testing else DEFAULT_SECONDS
    return int(seconds)


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
    from civicapp.core.models import CacheGeneration

    # Core, built once: this is the only query of a page served from the cache.
    table = CacheGeneration.__table__
    return select(table.c.value).where(table.c.id == 1)


def _bump_statement(dialect: str):
    from civicapp.core.models import CacheGeneration

    # A random first value: a counter that restarts (an emptied table) never meets old copies.
    insert = insert_with_conflicts(dialect, CacheGeneration)
    stmt = insert.values(id=1, value=random.randrange(1, 2**62))
    return stmt.on_conflict_do_update(
        index_elements=[CacheGeneration.id], set_={"value": CacheGeneration.value + 1}
    )


def _is_public_write(obj) -> bool:
    table = getattr(obj, "__tablename__", None)
    if table in PRIVATE_TABLES:
        return False
    private = PRIVATE_COLUMNS.get(table)
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
        if table in PRIVATE_TABLES:
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


def store():
    """This app's store, made on first use."""
    found = current_app.extensions.get(_STORE)
    if found is None:
        from civicapp.jobs import redis_connection

        max_bytes = current_app.config["CACHE_MAX_BYTES"]
        found = SharedStore(MemoryStore(max_bytes), cache_seconds(), redis_connection())
        current_app.extensions[_STORE] = found
    return found


def cached_html(key: tuple, produce: Callable[[], dict[str, str]]) -> dict[str, Markup]:
    """The named HTML parts produce() renders for key in the reader's locale, once a generation.

    The key names everything the parts depend on besides the database and the locale (a
    query string, a reader's role); nothing of one reader may go into the parts.
    """
    from civicapp.i18n import current_locale

    generation = current_generation() if cache_seconds() else None
    if generation is None:
        return {name: Markup(html) for name, html in produce().items()}
    full_key = ("html", current_locale(), *key)
    parts = store().get(full_key, generation)
    if parts is None:
        parts = {name: str(html) for name, html in produce().items()}
        size = sum(sys.getsizeof(html) for html in parts.values())
        store().set(full_key, generation, parts, size)
    return {name: Markup(html) for name, html in parts.items()}


def cached_fragment(key: tuple, produce: Callable[[], str]) -> Markup:
    """One piece of HTML produce() renders, cached like cached_html."""
    return cached_html(key, lambda: {"html": produce()})["html"]
