"""Where cached copies live: a bounded LRU in each worker, in front of Redis when configured.

Without CIVICAPP_REDIS_URL (a laptop, SQLite) each worker keeps its own copies; the content
generation in the database keeps them correct all the same.
"""

import hashlib
import logging
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Hashable

from flask import current_app

from civicapp.jobs import redis_connection

log = logging.getLogger(__name__)
DEFAULT_SECONDS = 30
_STORE = "civicapp_cache"


def cache_seconds() -> int:
    """How long a copy may be served (0: caching off, the default under TESTING)."""
    seconds = current_app.config["CACHE_SECONDS"]
    if seconds is None:
        return 0 if current_app.testing else DEFAULT_SECONDS
    return int(seconds)


def store() -> "SharedStore":
    """This app's store, made on first use."""
    found = current_app.extensions.get(_STORE)
    if found is None:
        config = current_app.config
        memory = MemoryStore(config["CACHE_MAX_BYTES"], config["CACHE_MAX_ENTRIES"])
        found = SharedStore(memory, cache_seconds(), redis_connection())
        current_app.extensions[_STORE] = found
    return found


class MemoryStore:
    """A least-recently-used map bounded in bytes; values carry their generation and expiry."""

    def __init__(self, max_bytes: int, max_entries: int = 20_000):
        self.max_bytes, self.max_entries = max_bytes, max_entries
        self.size = 0
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, generation: int):
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if item[0] != generation or item[1] < time.monotonic():
                self._drop(key)
                return None
            self._items.move_to_end(key)
            return item[2]

    def set(self, key: Hashable, generation: int, value, size: int, seconds: int) -> None:
        if size > self.max_bytes // 16:
            return  # one page may not push out most of the others
        with self._lock:
            if key in self._items:
                self._drop(key)
            self._items[key] = (generation, time.monotonic() + seconds, value, size)
            self.size += size
            while self.size > self.max_bytes or len(self._items) > self.max_entries:
                self._drop(next(iter(self._items)))

    def _drop(self, key: Hashable) -> None:
        self.size -= self._items.pop(key)[3]


class SharedStore:
    """The worker's MemoryStore in front of Redis, which every worker reads and fills."""

    def __init__(self, memory: MemoryStore, seconds: int, redis=None):
        self.memory, self.seconds, self.redis = memory, seconds, redis

    def get(self, key: Hashable, generation: int):
        value = self.memory.get(key, generation)
        if value is not None or self.redis is None:
            return value
        try:
            raw = self.redis.get(_redis_key(key))
        except Exception as error:  # a cache that is down is a cache miss, not an error page
            log.warning("cache: Redis unavailable: %s", error)
            return None
        if raw is None:
            return None
        stored_generation, value, size = pickle.loads(raw)
        if stored_generation != generation:
            return None
        self.memory.set(key, generation, value, size, self.seconds)
        return value

    def set(self, key: Hashable, generation: int, value, size: int) -> None:
        self.memory.set(key, generation, value, size, self.seconds)
        if self.redis is None:
            return
        try:
            # Redis is trusted as the job queue is (rq pickles its jobs too).
            raw = pickle.dumps((generation, value, size), protocol=pickle.HIGHEST_PROTOCOL)
            self.redis.set(_redis_key(key), raw, ex=self.seconds)
        except Exception as error:
            log.warning("cache: Redis unavailable: %s", error)


def _redis_key(key: Hashable) -> str:
    return "civicapp:cache:" + hashlib.blake2b(repr(key).encode(), digest_size=20).hexdigest()
