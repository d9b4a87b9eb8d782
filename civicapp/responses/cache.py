"""A short-lived, per-process cache for what every visitor sees alike (the league table)."""

import time
from collections.abc import Callable

from flask import current_app

from civicapp.cache import cache_seconds, current_generation

_STORE = "civicapp_responses_cache"
DEFAULT_SECONDS = 30


def cached(key: tuple, produce: Callable[[], str]) -> str:
    """`produce()`'s value for `key`, computed at most once per ACCOUNTABILITY_CACHE_SECONDS.

    With the content caches on, a copy is also kept to one content generation: an answer
    committed in any worker shows at once in every other (forget() only reaches this one).
    """
    seconds = current_app.config.get(
        "ACCOUNTABILITY_CACHE_SECONDS", 0 if current_app.testing else DEFAULT_SECONDS
    )
    if not seconds:
        return produce()
    generation = current_generation() if cache_seconds() else None
    store = current_app.extensions.setdefault(_STORE, {})
    now = time.monotonic()
    hit = store.get(key)
    if hit is not None and hit[0] > now and hit[1] == generation:
        return hit[2]
    value = produce()
    store[key] = (now + seconds, generation, value)
    return value


def forget() -> None:
    """Drop this process's cached pages (after an answer changed the figures)."""
    current_app.extensions.get(_STORE, {}).clear()
