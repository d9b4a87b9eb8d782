"""The OpenAPI 3.0 document of the API, built from the same enums and limits the API checks."""

from civicapp.api import params, schemas
from civicapp.api.queries import SORTS as PRIORITY_SORTS
from civicapp.consultations.models import Phase
from civicapp.municipalities.models import Country
from civicapp.priorities.models import Sector, Status
from civicapp.responses.accountability import SORTS as LEAGUE_SORTS

DESCRIPTION = (
    "Open data of civicapp: municipalities, consultations, citizens' priorities, the official "
    "answers municipalities give them and how each municipality keeps its response deadlines. "
    "Read-only and public; no key is needed. Lists are paginated with `page` and `per_page`; "
    "times are ISO 8601 in UTC. A parameter the API does not understand is refused with a 400 "
    "that names it, in the language asked for by Accept-Language."
)


def _values(enum_cls) -> list[str]:
    return [member.value for member in enum_cls]


def _query(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


def _path(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": schema,
        "description": description,
    }


def _whole(high: int) -> dict:
    return {"type": "integer", "minimum": 1, "maximum": high}


def _slug(slugs: list[str]) -> dict:
    """Slugs of the municipalities there are now (any slug, when there are none yet)."""
    return (
        {"type": "string", "enum": slugs}
        if slugs
        else {"type": "string", "pattern": "^[a-z0-9-]{1,64}$"}
    )


PAGING = [
    _query("page", _whole(params.MAX_PAGE) | {"default": 1}, "Page number, from 1."),
    _query(
        "per_page",
        _whole(params.MAX_PER_PAGE) | {"default": params.DEFAULT_PER_PAGE},
        "Rows per page.",
    ),
]


def _operation(summary: str, ok: dict, parameters=(), not_found=False, tag="") -> dict:
    responses = {"200": ok, "400": schemas.error_response("A parameter is not valid.")}
    if not_found:
        responses["404"] = schemas.error_response("There is no such object.")
    return {
        "get": {
            "summary": summary,
            "operationId": summary.lower().replace(" ", "_").replace("'", "").replace(",", ""),
            "tags": [tag],
            "parameters": list(parameters),
            "responses": responses,
        }
    }


def _paths(slugs: list[str]) -> dict:
    slug = _path("slug", _slug(slugs), "The municipality's slug.")
    consultation = _path("consultation_id", _whole(params.MAX_ID), "The consultation's id.")
    priority = _path("priority_id", _whole(params.MAX_ID), "The priority's id.")
    return {
        "/municipalities": _operation(
            "List municipalities",
            schemas.list_response("Municipality"),
            [
                _query(
                    "country",
                    {"type": "string", "enum": _values(Country)},
                    "Country code: XK Kosovo, AL Albania, RS Serbia.",
                ),
                *PAGING,
            ],
            tag="municipalities",
        ),
        "/municipalities/{slug}": _operation(
            "Show a municipality",
            schemas.item_response("Municipality"),
            [slug],
            True,
            "municipalities",
        ),
        "/consultations": _operation(
            "List consultations",
            schemas.list_response("Consultation"),
            [
                _query("municipality", _slug(slugs), "Only this municipality's consultations."),
                _query("phase", {"type": "string", "enum": _values(Phase)}, "Only this phase."),
                *PAGING,
            ],
            tag="consultations",
        ),
        "/consultations/{consultation_id}": _operation(
            "Show a consultation",
            schemas.item_response("Consultation"),
            [consultation],
            True,
            "consultations",
        ),
        "/consultations/{consultation_id}/priorities.csv": _operation(
            "Download a consultation's priorities as CSV",
            schemas.csv_response(),
            [consultation],
            True,
            "consultations",
        ),
        "/priorities": _operation(
            "List priorities",
            schemas.list_response("Priority"),
            _priority_filters(slugs),
            tag="priorities",
        ),
        "/priorities/{priority_id}": _operation(
            "Show a priority", schemas.item_response("Priority"), [priority], True, "priorities"
        ),
        "/priorities/{priority_id}/answers": _operation(
            "List a priority's official answers",
            schemas.list_response("Answer"),
            [priority, *PAGING],
            True,
            "priorities",
        ),
        "/accountability": _operation(
            "List the accountability figures of every municipality",
            schemas.list_response("Figures"),
            _league_parameters(),
            tag="accountability",
        ),
        "/accountability/{slug}": _operation(
            "Show a municipality's accountability figures",
            schemas.item_response("MunicipalityFigures"),
            [slug],
            True,
            "accountability",
        ),
    }


def _priority_filters(slugs: list[str]) -> list[dict]:
    return [
        _query("municipality", _slug(slugs), "Only this municipality's priorities."),
        _query("consultation", _whole(params.MAX_ID), "Only this consultation's priorities."),
        _query("sector", {"type": "string", "enum": _values(Sector)}, "Only this sector."),
        _query(
            "status",
            {"type": "string", "enum": _values(Status)},
            "Only priorities with this official status.",
        ),
        _query(
            "overdue",
            {"type": "string", "enum": ["1"]},
            "1: only priorities whose first official answer is overdue.",
        ),
        _query(
            "q",
            {"type": "string"},
            "Search titles, texts and comments (diacritics and Serbian script ignored). "
            "Words shorter than two letters are not searched; a query without a longer word "
            "matches nothing.",
        ),
        _query(
            "sort",
            {"type": "string", "enum": PRIORITY_SORTS},
            "Order: supported (default), newest, discussed, answered (recently answered "
            "first), relevance (the default when q is given).",
        ),
        *PAGING,
    ]


def _league_parameters() -> list[dict]:
    return [
        _query(
            "sort",
            {"type": "string", "enum": list(LEAGUE_SORTS)},
            "Sort by a column, as the accountability page does; by slug when absent. Rows "
            "with nothing due come last.",
        ),
        _query(
            "order",
            {"type": "string", "enum": ["asc", "desc"]},
            "Sort order; by default each column sorts as on the accountability page, and the "
            "slug order is ascending.",
        ),
        *PAGING,
    ]


def document(slugs: list[str]) -> dict:
    """The whole document; slugs are those of the municipalities there are now."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "civicapp open data", "version": "1.0.0", "description": DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        "tags": [
            {"name": name}
            for name in ("municipalities", "consultations", "priorities", "accountability")
        ],
        "paths": _paths(slugs),
        "components": {"schemas": schemas.components()},
    }
