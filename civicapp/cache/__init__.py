"""One cache of rendered HTML, correct across workers: pages, fragments, the content generation.

- generation.py: the counter every committed write a page can show moves on (models.py);
- store.py: where copies live, a bounded LRU per worker in front of Redis when configured;
- fragments.py: pieces of pages that every reader sees alike, kept for one generation;
- pages.py: whole pages for visitors who are not signed in, kept for one generation.
Features call this package (cached_html, keep_private, invalidate, never_cached); it imports
no feature.
"""

from flask import Flask

from civicapp.cache.fragments import CSRF_HOLE, cached_fragment, cached_html
from civicapp.cache.generation import (
    current_generation,
    invalidate,
    keep_private,
    latest_generation,
    watch_writes,
)
from civicapp.cache.pages import never_cached, serve_cached_page, store_page
from civicapp.cache.store import cache_seconds, store

__all__ = [
    "CSRF_HOLE",
    "cache_seconds",
    "cached_fragment",
    "cached_html",
    "current_generation",
    "init_app",
    "invalidate",
    "keep_private",
    "latest_generation",
    "never_cached",
    "store",
]


def init_app(app: Flask) -> None:
    """Watch writes for the generation and serve visitors' pages from their copies."""
    watch_writes()
    app.before_request(serve_cached_page)
    app.after_request(store_page)
