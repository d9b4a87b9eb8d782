"""Pieces of pages rendered once per content generation and locale, for every reader alike."""

import sys
from collections.abc import Callable

from markupsafe import Markup

from civicapp.cache.generation import current_generation
from civicapp.cache.store import cache_seconds, store
from civicapp.i18n import current_locale

# Stands in a cached copy for the reader's CSRF token (NUL: in no page, refused in requests).
CSRF_HOLE = "\x00csrf-token\x00"


def cached_html(key: tuple, produce: Callable[[], dict[str, str]]) -> dict[str, Markup]:
    """The named HTML parts produce() renders for key in the reader's locale, once a generation.

    The key names everything the parts depend on besides the database and the locale (a
    query string, a reader's role); nothing of one reader may go into the parts.
    """
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
