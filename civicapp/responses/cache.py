"""A short-lived, per-process cache for what every visitor sees alike (the league table)."""

import time
from collections.abc import Callable

from flask import current_app

_STORE = "civicapp_responses_cache"
DEFAULT_SECONDS = 30


def cached(key: tuple, produce: Callable[[], str]) -> str:
    """`produce()`'s value for `key`, computed at most once per ACCOUNTABILITY_CACHE_SECONDS."""
    seconds = current_app.config.get(
        "ACCOUNTABILITY_CACHE_SECONDS", 0 if current_app.testing else DEFAULT_SECONDS
    )
    if not seconds:
        return produce()
    store = current_app.extensions.setdefault(_STORE, {})
    now = time.monotonic()
    hit = store.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    value = produce()
    store[key] = (now + seconds, value)
    return value


def forget() -> None:
    """Drop this process's cached pages (after an answer changed the figures)."""
    current_app.extensions.get(_STORE, {}).clear()
