"""The page number of a list, read from the query string the same way everywhere."""

from flask import request
from flask_babel import gettext as _

from civicapp.core.errors import render_error

MAX_PAGE = 10_000


def page_number() -> int | None:
    """The `page` of the query string, or None when it is not a page number we serve."""
    raw = request.args.get("page") or "1"
    if not raw.isdecimal() or len(raw) > 5 or not 1 <= int(raw) <= MAX_PAGE:
        return None
    return int(raw)


def bad_page():
    """The 400 answer to a page number that cannot exist."""
    return render_error(400, _("There is no such page."))
