"""URLs: path integers within what a database column holds, links on the public host."""

from flask import Flask, current_app, request, url_for
from werkzeug.routing import IntegerConverter

# PostgreSQL's INTEGER, the narrowest id column: a larger id in a URL matches no route (404)
# instead of reaching the database as a number it refuses (500).
MAX_ID = 2**31 - 1


class BoundedIntegerConverter(IntegerConverter):
    """`<int:...>` with an upper bound of MAX_ID unless the route gives its own."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def register_converters(app: Flask) -> None:
    """Replace `int` before any route is added: rules pick their converters when added."""
    app.url_map.converters["int"] = BoundedIntegerConverter


def public_url(path: str) -> str:
    """A site path (from url_for) as an absolute link on the configured public host.

    Links leaving the site (in mail above all) never follow the request's Host header: with
    no SERVER_NAME (development) they use the request's host, which TRUSTED_HOSTS vouches for.
    """
    config = current_app.config
    if not config.get("SERVER_NAME"):
        return request.host_url.rstrip("/") + path
    return f"{config['PREFERRED_URL_SCHEME']}://{config['SERVER_NAME']}{path}"


def external_url(endpoint: str, **values) -> str:
    """url_for(endpoint, **values) as an absolute link on the configured public host."""
    return public_url(url_for(endpoint, _external=False, **values))
