"""Cached copies are bounded, expire, and are shared between workers through Redis."""

import logging
import uuid

import pytest

from civicapp.cache.store import MemoryStore, SharedStore, _redis_key

REDIS_URL = "redis://127.0.0.1:6379/14"


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
