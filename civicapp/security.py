"""Security headers on every response and safe redirect targets."""

from urllib.parse import urlsplit

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


def set_security_headers(response):
    """Add CSP, anti-framing, nosniff and referrer headers."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    return response


def refuse_nul_characters():
    """Answer 400, naming the field, to a query or form that carries a NUL character.

    No text in civicapp contains one, and PostgreSQL refuses them in strings with an error.
    """
    from flask import request
    from flask_babel import gettext as _

    from civicapp.core.errors import render_error

    if "\x00" in request.path:
        return render_error(404)
    for name, value in [*request.args.items(multi=True), *request.form.items(multi=True)]:
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
