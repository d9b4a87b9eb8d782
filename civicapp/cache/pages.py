"""Whole pages for visitors who are not signed in, served again until the content changes.

A GET by a visitor with no session state of their own (no sign-in, no flashed message) is
answered from a copy keyed by host, path, query string and locale, valid for one content
generation. The only per-visitor part such a page may hold is a form's CSRF token (the
sign-in form): the copy keeps a placeholder and each visitor gets their own token.
A view keeps its answer out with `Cache-Control: no-store` or `private`, or with
`@never_cached` (pages reached with a mailed token, whose answer changes once it is used).
"""

from functools import wraps

from flask import Response, current_app, g, make_response, request, session
from flask.globals import request_ctx
from flask_wtf.csrf import generate_csrf

from civicapp.cache.fragments import CSRF_HOLE
from civicapp.cache.generation import latest_generation
from civicapp.cache.store import cache_seconds, store
from civicapp.i18n import LOCALE_COOKIE, visitor_locale

CACHED_TYPES = frozenset({"text/html", "application/json"})
# Session keys a visitor gets without doing anything: the CSRF token, Flask-Login's flag.
VISITOR_SESSION_KEYS = frozenset({"csrf_token", "_fresh"})
DROPPED_HEADERS = frozenset({"set-cookie", "content-length", "retry-after"})
TOKEN_HOLE = CSRF_HOLE.encode()
# What a page's address is made of, as the server received it (Host: for external links).
KEY_ENVIRON = ("wsgi.url_scheme", "HTTP_HOST", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING")
_KEY = "_page_cache_key"


def never_cached(view):
    """Keep a view's answers out of the page cache, and out of browsers' and proxies' caches."""

    @wraps(view)
    def uncached_view(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        response.cache_control.no_store = True
        return response

    uncached_view.never_cached = True
    return uncached_view


def _anonymous_request() -> bool:
    cookies = request.cookies
    allowed = {current_app.config["SESSION_COOKIE_NAME"], LOCALE_COOKIE}
    if "Authorization" in request.headers or not allowed.issuperset(cookies):
        return False
    return VISITOR_SESSION_KEYS.issuperset(session.keys())


def serve_cached_page():
    """Answer a visitor's GET from the cached copy of the page, if there is a valid one."""
    if request.method != "GET" or request.endpoint in (None, "static"):
        return None
    if not cache_seconds() or not _anonymous_request():
        return None
    generation = latest_generation()
    if generation is None:
        return None
    key = ("page", visitor_locale(), *(request.environ.get(name, "") for name in KEY_ENVIRON))
    copy = store().get(key, generation)
    if copy is not None:
        return _from_copy(*copy)
    setattr(g, _KEY, (key, generation))
    return None


def _from_copy(headers: list, body: bytes) -> Response:
    if TOKEN_HOLE in body:
        body = body.replace(TOKEN_HOLE, generate_csrf().encode())
    return Response(body, 200, headers)


def store_page(response: Response) -> Response:
    """Keep a copy of a visitor's page that holds nothing of theirs but a CSRF token."""
    found = g.pop(_KEY, None)
    if found is None or not _storable(response):
        return response
    body = response.get_data()
    if len(body) > current_app.config["CACHE_MAX_PAGE_BYTES"]:
        return response
    token = g.get("csrf_token")
    if token:
        body = body.replace(token.encode(), TOKEN_HOLE)
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in DROPPED_HEADERS]
    headers = [(k, v) for k, v in headers if not k.lower().startswith("x-ratelimit")]
    key, generation = found
    store().set(key, generation, (headers, body), len(body) + 200)
    return response


def _storable(response: Response) -> bool:
    if response.status_code != 200 or response.direct_passthrough or response.is_streamed:
        return False
    if response.mimetype not in CACHED_TYPES or "Set-Cookie" in response.headers:
        return False
    control = response.cache_control
    if control.no_store or control.private:
        return False
    # A message flashed and shown in this very page is for this visitor only.
    if getattr(request_ctx, "flashes", None):
        return False
    return VISITOR_SESSION_KEYS.issuperset(session.keys())
