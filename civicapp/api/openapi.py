"""The OpenAPI 3.0 document of the API, built from the same enums and limits the API checks."""

from civicapp.api import openapi_cso, params, schemas, schemas_cso, spec
from civicapp.api.queries import SORTS as PRIORITY_SORTS
from civicapp.consultations.models import Phase
from civicapp.municipalities.models import Country
from civicapp.priorities.models import Sector, Status
from civicapp.responses.accountability import SORTS as LEAGUE_SORTS

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
TAGS = (
    "municipalities",
    "consultations",
    "priorities",
    "accountability",
    *openapi_cso.TAGS,
)


def _paths(slugs: list[str]) -> dict:
    slug = spec.path("slug", spec.slug(slugs), "The municipality's slug.")
    consultation = spec.path("consultation_id", spec.whole(params.MAX_ID), "The consultation's id.")
    priority = spec.path("priority_id", spec.whole(params.MAX_ID), "The priority's id.")
    return {
        "/municipalities": spec.operation(
            "List municipalities",
            schemas.list_response("Municipality"),
            [
                spec.query(
                    "country",
                    {"type": "string", "enum": spec.values(Country)},
                    "Country code: XK Kosovo, AL Albania, RS Serbia.",
                ),
                *spec.PAGING,
            ],
            tag="municipalities",
        ),
        "/municipalities/{slug}": spec.operation(
            "Show a municipality",
            schemas.item_response("Municipality"),
            [slug],
            True,
            "municipalities",
        ),
        "/consultations": spec.operation(
            "List consultations",
            schemas.list_response("Consultation"),
            [
                spec.query(
                    "municipality", spec.slug(slugs), "Only this municipality's consultations."
                ),
                spec.query(
                    "phase", {"type": "string", "enum": spec.values(Phase)}, "Only this phase."
                ),
                *spec.PAGING,
            ],
            tag="consultations",
        ),
        "/consultations/{consultation_id}": spec.operation(
            "Show a consultation",
            schemas.item_response("Consultation"),
            [consultation],
            True,
            "consultations",
        ),
        "/consultations/{consultation_id}/priorities.csv": spec.operation(
            "Download a consultation's priorities as CSV",
            schemas.csv_response(),
            [consultation],
            True,
            "consultations",
        ),
        "/priorities": spec.operation(
            "List priorities",
            schemas.list_response("Priority"),
            _priority_filters(slugs),
            tag="priorities",
        ),
        "/priorities/{priority_id}": spec.operation(
            "Show a priority", schemas.item_response("Priority"), [priority], True, "priorities"
        ),
        "/priorities/{priority_id}/answers": spec.operation(
            "List a priority's official answers",
            schemas.list_response("Answer"),
            [priority, *spec.PAGING],
            True,
            "priorities",
        ),
        "/accountability": spec.operation(
            "List the accountability figures of every municipality",
            schemas.list_response("Figures"),
            _league_parameters(),
            tag="accountability",
        ),
        "/accountability/{slug}": spec.operation(
            "Show a municipality's accountability figures",
            schemas.item_response("MunicipalityFigures"),
            [slug],
            True,
            "accountability",
        ),
    }


def _priority_filters(slugs: list[str]) -> list[dict]:
    return [
        spec.query("municipality", spec.slug(slugs), "Only this municipality's priorities."),
        spec.query(
            "consultation", spec.whole(params.MAX_ID), "Only this consultation's priorities."
        ),
        spec.query("sector", {"type": "string", "enum": spec.values(Sector)}, "Only this sector."),
        spec.query(
            "status",
            {"type": "string", "enum": spec.values(Status)},
            "Only priorities with this official status.",
        ),
        spec.query(
            "overdue",
            {"type": "string", "enum": ["1"]},
            "1: only priorities whose first official answer is overdue.",
        ),
        spec.query(
            "withdrawn",
            {"type": "string", "enum": ["1"]},
            "1: only the priorities their authors withdrew, which the list leaves out otherwise.",
        ),
        spec.query(
            "q",
            {"type": "string"},
            "Search titles, texts and comments (diacritics and Serbian script ignored). "
            "Words shorter than two letters are not searched; a query without a longer word "
            "matches nothing.",
        ),
        spec.query(
            "sort",
            {"type": "string", "enum": PRIORITY_SORTS},
            "Order: supported (default), newest, discussed, answered (recently answered "
            "first), relevance (the default when q is given).",
        ),
        *spec.PAGING,
    ]


def _league_parameters() -> list[dict]:
    return [
        spec.query(
            "sort",
            {"type": "string", "enum": list(LEAGUE_SORTS)},
            "Sort by a column, as the accountability page does; by slug when absent. Rows "
            "with nothing due come last.",
        ),
        spec.query(
            "order",
            {"type": "string", "enum": ["asc", "desc"]},
            "Sort order; by default each column sorts as on the accountability page, and the "
            "slug order is ascending.",
        ),
        *spec.PAGING,
    ]


def document(slugs: list[str]) -> dict:
    """The whole document; slugs are those of the municipalities there are now."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "civicapp open data", "version": "1.0.0", "description": DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        "tags": [{"name": name} for name in TAGS],
        "paths": _paths(slugs) | openapi_cso.paths(slugs),
        "components": {"schemas": schemas.components() | schemas_cso.components()},
    }
