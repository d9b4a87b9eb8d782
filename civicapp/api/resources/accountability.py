"""How each municipality keeps its deadlines: the league and one municipality's figures."""

from civicapp.api import spec
from civicapp.api.fields import COUNT, SHARE, Shape, field, link, slug_of
from civicapp.api.resources.municipalities import NAMES
from civicapp.api.resources.priorities import OVERDUE_PRIORITY
from civicapp.responses import accountability
from civicapp.responses.accountability import SORTS

# Median days are computed from timestamps; three decimals (under two minutes) are plenty.
DAYS_DECIMALS = 3
COUNTS = ("due", "answered", "overdue", "implemented", "decided", "on_time")
SHARES = ("answered_share", "implemented_share", "on_time_share")
TAG = "accountability"


def _median(figures):
    median = figures.median_days
    return None if median is None else round(median, DAYS_DECIMALS)


FIGURES = Shape(
    "Figures",
    {
        "municipality": slug_of("municipality", "The municipality's slug."),
        "names": NAMES.one(lambda f: f.municipality),
        **{name: field(COUNT) for name in COUNTS},
        **{name: field(SHARE, null=True) for name in SHARES},
        "median_days": field({"type": "number", "minimum": 0}, _median, null=True),
        "url": link("api.accountability_municipality", slug=lambda f: f.municipality.slug),
        "html_url": link("responses.municipality", slug=lambda f: f.municipality.slug),
    },
)
MUNICIPALITY_FIGURES = FIGURES.extended(
    "MunicipalityFigures", {"overdue_priorities": OVERDUE_PRIORITY.many()}
)
SHAPES = (FIGURES, MUNICIPALITY_FIGURES)


def league(key: str | None, order: str | None) -> list:
    """Every municipality's figures, by slug or sorted by a column as on the league page."""
    figures = accountability.league_figures()
    if key is None:
        figures.sort(key=lambda f: f.municipality.slug, reverse=order == "desc")
        return figures
    descending = order == "desc" if order else accountability.default_descending(key)
    return accountability.sort_figures(figures, key, descending)


def municipality_json(place, now) -> dict:
    """One municipality's figures with its overdue priorities."""
    figures = accountability.municipality_figures(place, now)
    overdue = accountability.overdue_priorities(place, now)
    return MUNICIPALITY_FIGURES.dump(figures, overdue_priorities=overdue)


def paths(slugs: list[str]) -> dict:
    parameters = [
        spec.query(
            "sort",
            {"type": "string", "enum": list(SORTS)},
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
    return {
        "/accountability": spec.list_operation(
            "List the accountability figures of every municipality", FIGURES, parameters, TAG
        ),
        "/accountability/{slug}": spec.item_operation(
            "Show a municipality's accountability figures",
            MUNICIPALITY_FIGURES,
            [spec.municipality_path(slugs)],
            TAG,
        ),
    }
