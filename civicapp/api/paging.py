"""Pages of a list and the envelope every list answers in: its rows, meta and links."""

from dataclasses import dataclass
from math import ceil
from urllib.parse import urlencode

from flask import request, url_for

from civicapp.api.fields import COUNT, URL, Shape, field
from civicapp.extensions import db


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


PAGE_META = Shape(
    "PageMeta",
    {
        "page": field({"type": "integer", "minimum": 1}, lambda page: page.number),
        "per_page": field({"type": "integer", "minimum": 1}, lambda page: page.size),
        "total": field(COUNT),
        "pages": field(COUNT),
    },
)
PAGE_LINKS = Shape(
    "PageLinks",
    {"self": field(URL), "next": field(URL, null=True), "prev": field(URL, null=True)},
)
SHAPES = (PAGE_META, PAGE_LINKS)


def paginate(stmt, number: int, size: int) -> Page:
    """One page of a statement's rows (a count query and a rows query)."""
    found = db.paginate(stmt, page=number, per_page=size, max_per_page=size, error_out=False)
    return Page(list(found.items), number, size, found.total or 0)


def paginate_list(rows: list, number: int, size: int) -> Page:
    """One page of rows already in memory."""
    start = (number - 1) * size
    return Page(rows[start : start + size], number, size, len(rows))


def envelope(page: Page, data: list, args) -> dict:
    """The list response; its links keep the request's other parameters `args`."""
    last = max(page.pages, 1)
    links = {
        "self": page_url(args, page.number, page.size),
        "next": page_url(args, page.number + 1, page.size) if page.number < page.pages else None,
        "prev": page_url(args, min(page.number - 1, last), page.size) if page.number > 1 else None,
    }
    return {"data": data, "meta": PAGE_META.dump(page), "links": PAGE_LINKS.dump(None, **links)}


def page_url(args, number: int, size: int) -> str:
    """This request's URL, with every other parameter kept, at another page."""
    kept = [(k, v) for k, v in args.items(multi=True) if k not in ("page", "per_page")]
    query = urlencode([*kept, ("page", number), ("per_page", size)])
    return f"{url_for(request.endpoint, **(request.view_args or {}), _external=True)}?{query}"
