"""Security headers, safe redirect targets, request bodies read safely, limits on posts."""

from urllib.parse import urlsplit

from flask import current_app
from flask_limiter.util import get_remote_address
from flask_login import current_user
from werkzeug.exceptions import BadRequest, SecurityError

from civicapp.extensions import limiter

CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
)


def set_security_headers(response):
    """Add CSP, anti-framing, nosniff and referrer headers (a view's own value is kept)."""
    # One pass over the headers: setdefault() raised and caught a KeyError for each missing one.
    present = {key.lower() for key in response.headers.keys()}
    response.headers.extend(
        [(name, value) for name, value in SECURITY_HEADERS if name.lower() not in present]
    )
    return response


def refuse_untrusted_hosts():
    """Answer 400 to a request naming a host that is not in TRUSTED_HOSTS, before all else.

    Flask finds it while routing but runs the before-request hooks first, with no way to
    build a URL: no hook may serve a cached copy or render a page for such a request.
    """
    from flask import request
    from flask_babel import gettext as _

    if not isinstance(request.routing_exception, SecurityError):
        return None
    title = _("Bad request")
    text = _("The request could not be understood. Please go back and try again.")
    return f"{title}\n\n{text}\n", 400, {"Content-Type": "text/plain; charset=utf-8"}


def refuse_nul_characters():
    """Answer 400, naming the field, to a query or form that carries a NUL character.

    No text in civicapp contains one, and PostgreSQL refuses them in strings with an error.
    """
    from flask import request
    from flask_babel import gettext as _

    from civicapp.core.errors import render_error

    if "\x00" in request.path:
        return render_error(404)
    query = request.query_string
    args = request.args.items(multi=True) if b"\x00" in query or b"%00" in query else ()
    form = request.form.items(multi=True) if request.want_form_data_parsed else ()
    for name, value in [*args, *form]:
        if "\x00" in value:
            message = _("“%(name)s” contains a character that is not allowed.", name=name)
            return render_error(400, message)
    return None


def safe_next(target: str | None, fallback: str = "/") -> str:
    """Return target when it is a path on this site, otherwise fallback."""
    if not target:
        return fallback
    target = target.strip()
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target


def person_key() -> str:
    """Whom a rate limit counts: the signed-in user, or else the visitor's address."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return get_remote_address()


def limit_posts(setting: str, default: str | None = None):
    """Limit a view's POSTs, per person, to the rate that the config `setting` names."""
    return limiter.limit(
        lambda: current_app.config.get(setting, default), key_func=person_key, methods=["POST"]
    )


class CheckedBodies:
    """WSGI middleware: a request body the server cannot read is the client's error, a 400."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        environ["wsgi.input"] = CheckedInput(environ["wsgi.input"])
        return self.wsgi_app(environ, start_response)


class CheckedInput:
    """The server's wsgi.input, whose read errors (a chunk size of `ZZ`) raise BadRequest.

    Servers raise their own types: werkzeug an OSError, gunicorn a ParseException that is no
    OSError, and a read error that escaped would be a 500. Only the body is read here, so
    whatever fails is the request's framing or its connection.
    """

    def __init__(self, stream):
        self._stream = stream

    def read(self, *args):
        return self._checked(self._stream.read, *args)

    def readline(self, *args):
        return self._checked(self._stream.readline, *args)

    def readlines(self, *args):
        return self._checked(self._stream.readlines, *args)

    def __iter__(self):
        return iter(self.readline, b"")

    @staticmethod
    def _checked(method, *args):
        try:
            return method(*args)
        except BadRequest:
            raise
        except Exception as error:  # any server's own framing error, see above
            raise BadRequest() from error
