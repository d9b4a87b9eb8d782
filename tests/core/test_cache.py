"""The content generation moves with every committed write a page can show, and only then;
cached copies are bounded, expire, and are shared between workers through Redis."""

import logging
import uuid

import pytest
from sqlalchemy import delete, select, update

from civicapp.audit.services import record_event
from civicapp.core.models import CacheGeneration
from civicapp.core.stores import MemoryStore, SharedStore, _redis_key
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.municipalities.models import Municipality

REDIS_URL = "redis://127.0.0.1:6379/14"


def generation() -> int | None:
    return db.session.scalar(select(CacheGeneration.value).where(CacheGeneration.id == 1))


def test_a_committed_write_moves_the_generation_once(app_ctx, make_municipality):
    town = make_municipality()
    before = generation()
    town.name_en = "Pristina"
    db.session.commit()
    assert generation() == before + 1
    db.session.commit()  # nothing written
    assert generation() == before + 1


def test_a_rolled_back_write_leaves_it(app_ctx, make_municipality):
    town = make_municipality()
    before = generation()
    town.name_en = "Pristina"
    db.session.flush()
    db.session.rollback()
    assert generation() == before


def test_bulk_statements_move_it(app_ctx, make_municipality):
    make_municipality()
    before = generation()
    db.session.execute(update(Municipality).values(support_threshold=70))
    db.session.commit()
    assert generation() == before + 1


def test_private_rows_and_columns_leave_it(app_ctx, make_user):
    user = make_user()
    before = generation()
    user.last_login_at = utcnow()
    record_event("login", actor=user, target_user=user)
    db.session.commit()
    assert generation() == before
    user.display_name = "Arta K."  # shown beside every comment
    db.session.commit()
    assert generation() == before + 1


def test_a_savepoint_moves_it_at_the_outer_commit_only(app_ctx, make_municipality):
    town = make_municipality()
    before = generation()
    with db.session.begin_nested():
        town.name_en = "Pristina"
    assert generation() == before  # the counter is locked only by the last statement
    db.session.commit()
    assert generation() == before + 1


def test_an_emptied_table_starts_far_from_its_old_value(app_ctx, make_municipality):
    make_municipality()
    old = generation()
    db.session.rollback()  # on SQLite the session holds the write lock
    with db.engine.begin() as conn:
        conn.execute(delete(CacheGeneration))
    make_municipality("prizren")
    assert abs(generation() - old) > 1000  # old copies never match the new counter


def test_memory_store_drops_the_least_recently_used_beyond_its_bytes():
    store = MemoryStore(max_bytes=1600)  # at most 100 bytes a copy
    for n in range(16):
        store.set(n, 1, f"page {n}", 100, 60)
    assert store.get(0, 1) == "page 0"  # now the most recently used
    store.set(16, 1, "page 16", 100, 60)
    assert store.size <= 1600
    assert store.get(1, 1) is None and store.get(0, 1) == "page 0"
    store.set("big", 1, "x" * 500, 500, 60)
    assert store.get("big", 1) is None


def test_memory_store_refuses_other_generations_and_expired_copies():
    store = MemoryStore(max_bytes=10_000)
    store.set("page", 1, "old", 3, 60)
    assert store.get("page", 2) is None
    assert store.get("page", 1) is None  # dropped when a newer generation asked
    store.set("page", 2, "new", 3, 0)
    assert store.get("page", 2) is None and store.size == 0


@pytest.fixture
def redis():
    import redis as redis_client

    conn = redis_client.Redis.from_url(REDIS_URL)
    try:
        conn.ping()
    except redis_client.ConnectionError as exc:  # shared copies must be tested for real
        pytest.fail(f"Redis must run at {REDIS_URL}: {exc}")
    return conn


def test_workers_share_copies_through_redis(redis):
    first, second = (SharedStore(MemoryStore(100_000), 60, redis) for _ in range(2))
    key = ("test", uuid.uuid4().hex)
    first.set(key, 7, "<p>page</p>", 11)
    assert second.get(key, 7) == "<p>page</p>"
    assert second.get(key, 8) is None
    assert 0 < redis.ttl(_redis_key(key)) <= 60


def test_redis_that_is_down_is_a_cache_miss(caplog):
    import redis as redis_client

    down = redis_client.Redis.from_url("redis://127.0.0.1:1")
    store = SharedStore(MemoryStore(100_000), 60, down)
    with caplog.at_level(logging.WARNING):
        store.set(("test", "down"), 1, "<p>page</p>", 11)
        assert store.get(("test", "other"), 1) is None
    assert "Redis unavailable" in caplog.text


def test_reading_the_generation_from_many_threads_holds_no_connection(app, make_municipality):
    """A threaded server runs each request in a new thread: none may keep a connection."""
    import threading

    from civicapp.cache import latest_generation

    with app.app_context():
        make_municipality()
        pool = db.engine.pool

    def read():
        with app.test_request_context("/"):
            latest_generation()

    threads = [threading.Thread(target=read) for _ in range(40)]
    for thread in threads:
        thread.start()
        thread.join()
    assert pool.checkedout() == 0
