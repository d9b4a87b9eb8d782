"""URL converters every route gets: path integers stay within what a database column holds."""

from flask import Flask
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
