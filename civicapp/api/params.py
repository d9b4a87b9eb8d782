"""Query string parameters of the API: checked strictly, refused with a 400 that names them."""

import re
from dataclasses import dataclass
from enum import StrEnum
from math import ceil
from urllib.parse import urlencode

from flask import request, url_for
from flask_babel import gettext as _

from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.municipalities.models import Municipality
from civicapp.municipalities.services import get_municipality_by_slug
from civicapp.priorities import queries as priority_queries

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = priority_queries.MAX_PAGE
MAX_ID = priority_queries.MAX_ID
ORGANISATION_SLUG = re.compile(r"[a-z0-9-]{1,80}")


class BadParameter(DomainError):
    """A query string parameter the API does not understand; `field` names it."""


def whole_number_error(name: str, high: int, low: int = 1) -> BadParameter:
    message = _(
        "The parameter %(name)s must be a whole number from %(low)s to %(high)s.",
        name=name,
        low=low,
        high=high,
    )
    return BadParameter(message, name)


def one_of_error(name: str, values) -> BadParameter:
    message = _(
        "The parameter %(name)s must be one of: %(values)s.", name=name, values=", ".join(values)
    )
    return BadParameter(message, name)


def enum_arg(name: str, enum_cls: type[StrEnum]) -> StrEnum | None:
    """The member named by the parameter, None when it is absent."""
    raw = request.args.get(name)
    if raw is None:
        return None
    values = [member.value for member in enum_cls]
    if raw not in values:
        raise one_of_error(name, values)
    return enum_cls(raw)


def choice_arg(name: str, values) -> str | None:
    raw = request.args.get(name)
    if raw is not None and raw not in values:
        raise one_of_error(name, values)
    return raw


def municipality_arg(name: str = "municipality") -> Municipality | None:
    """The municipality whose slug the parameter gives, None when it is absent."""
    raw = request.args.get(name)
    if raw is None:
        return None
    municipality = get_municipality_by_slug(raw[:64])
    if municipality is None:
        raise unknown_municipality_error(name)
    return municipality


def unknown_municipality_error(name: str) -> BadParameter:
    message = _("The parameter %(name)s names no municipality: give the slug of one.", name=name)
    return BadParameter(message, name)


def number_arg(name: str, low: int, high: int) -> int | None:
    """The whole number the parameter gives, None when it is absent."""
    raw = request.args.get(name)
    if raw is None:
        return None
    value = priority_queries.positive_int(raw, high)
    if value is None or value < low:
        raise whole_number_error(name, high, low)
    return value


def organisation_arg(name: str = "organisation") -> str | None:
    """The organisation slug the parameter gives, None when it is absent."""
    raw = request.args.get(name)
    if raw is not None and not ORGANISATION_SLUG.fullmatch(raw):
        message = _(
            "The parameter %(name)s must be an organisation's slug: small letters, digits "
            "and hyphens.",
            name=name,
        )
        raise BadParameter(message, name)
    return raw


def _whole_number(name: str, default: int, high: int) -> int:
    value = number_arg(name, 1, high)
    return default if value is None else value


@dataclass
class Page:
    """One page of a list: its rows and where it sits in the whole."""

    items: list
    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        return ceil(self.total / self.size)


def page_args() -> tuple[int, int]:
    """The `page` and `per_page` asked for, checked."""
    return (
        _whole_number("page", 1, MAX_PAGE),
        _whole_number("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE),
    )


def paginate(stmt) -> Page:
    """One page of a statement's rows (a count query and a rows query)."""
    number, size = page_args()
    found = db.paginate(stmt, page=number, per_page=size, max_per_page=size, error_out=False)
    return Page(list(found.items), number, size, found.total or 0)


def paginate_list(rows: list) -> Page:
    """One page of rows already in memory."""
    number, size = page_args()
    start = (number - 1) * size
    return Page(rows[start : start + size], number, size, len(rows))


def envelope(page: Page, data: list) -> dict:
    """The list response: its data, where the page sits, and links to its neighbours."""
    return {
        "data": data,
        "meta": {
            "page": page.number,
            "per_page": page.size,
            "total": page.total,
            "pages": page.pages,
        },
        "links": {
            "self": page_url(page.number, page.size),
            "next": page_url(page.number + 1, page.size) if page.number < page.pages else None,
            "prev": page_url(min(page.number - 1, max(page.pages, 1)), page.size)
            if page.number > 1
            else None,
        },
    }


def page_url(number: int, size: int) -> str:
    """This request's URL, with every other parameter kept, at another page."""
    kept = [(k, v) for k, v in request.args.items(multi=True) if k not in ("page", "per_page")]
    query = urlencode([*kept, ("page", number), ("per_page", size)])
    return f"{url_for(request.endpoint, **(request.view_args or {}), _external=True)}?{query}"
