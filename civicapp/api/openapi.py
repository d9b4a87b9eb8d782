"""The OpenAPI 3.0 document of the API, put together from its resources' declarations."""

from functools import cache

from civicapp.api import paging, spec
from civicapp.api.fields import components
from civicapp.api.resources import ALL as RESOURCES

DESCRIPTION = (
    "Open data of civicapp: municipalities, consultations, citizens' priorities, the official "
    "answers municipalities give them and how each municipality keeps its response deadlines; "
    "the civil society organisations of the directory, their initiatives, the donors who fund "
    "them and the portfolio figures of that funding. "
    "Read-only and public; no key is needed. Lists are paginated with `page` and `per_page`; "
    "times are ISO 8601 in UTC; amounts of money are in EUR, as decimal strings. A parameter "
    "the API does not understand is refused with a 400 that names it, in the language asked "
    "for by Accept-Language, which also chooses the language of names shown for the reader "
    "(such as `label` or a partner's `name`)."
)


def document(slugs: list[str]) -> dict:
    """The whole document; slugs are those of the municipalities there are now."""
    paths, shapes = {}, [*paging.SHAPES]
    for resource in RESOURCES:
        paths |= resource.paths(slugs)
        shapes += resource.SHAPES
    return {
        "openapi": "3.0.3",
        "info": {"title": "civicapp open data", "version": "1.0.0", "description": DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        "tags": [{"name": resource.TAG} for resource in RESOURCES],
        "paths": paths,
        "components": {"schemas": components(*shapes) | {"Error": spec.ERROR}},
    }


@cache
def query_names() -> dict[str, frozenset[str]]:
    """The query parameters each path takes, as the document declares them."""
    return {
        route: frozenset(p["name"] for p in item["get"]["parameters"] if p["in"] == "query")
        for route, item in document([])["paths"].items()
    }
