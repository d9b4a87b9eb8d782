"""Money and initiatives per municipality, sector and donor over a period."""

from flask import url_for

from civicapp.api import params, spec
from civicapp.api.fields import COUNT, INTEGER, STRING, URL, Shape, enum, field, nullable
from civicapp.api.resources.initiatives import DONOR_FILTER, amount, euro
from civicapp.municipalities.models import Country
from civicapp.portfolio.services import (
    MAX_YEARS,
    YEAR_MAX,
    YEAR_MIN,
    PeriodError,
    Portfolio,
    PortfolioFilters,
    portfolio,
)
from civicapp.sectors import Sector

TAG = "portfolio"
NONE_GIVEN = "null for the initiatives that give none."


def _breakdown(key: str, schema: dict, key_type=str) -> dict:
    """One line per municipality, sector or donor; its key is None for those that give none."""
    row = Shape(
        f"{key}Row",
        {
            key: field(schema, lambda row: key_type(row.key) if row.key else None),
            "label": field(STRING, doc="In the reader's language."),
            "initiatives": field(COUNT),
            "amount": amount(),
        },
    )
    return row.many(inline=True)


FILTERS = Shape(
    "PortfolioSelection",
    {
        "start_year": field(INTEGER),
        "end_year": field(INTEGER),
        "municipality": field(STRING, null=True),
        "sector": enum(Sector, null=True),
        "donor": field(INTEGER, null=True),
        "country": enum(Country, null=True),
    },
)
PORTFOLIO = Shape(
    "Portfolio",
    {
        "filters": field(FILTERS.schema(), doc="The selection, with the default years filled in."),
        "initiatives": field(COUNT, doc="Initiatives in the selection, cancelled ones apart."),
        "amount": amount(doc="Their total budget."),
        "currency": euro(),
        "cancelled": field(COUNT, doc="Cancelled initiatives, left out of every figure."),
        "by_municipality": _breakdown(
            "municipality", nullable(STRING) | {"description": NONE_GIVEN}
        ),
        "by_sector": _breakdown(
            "sector", nullable(enum(Sector).schema) | {"description": NONE_GIVEN}
        ),
        "by_donor": _breakdown("donor_id", {"type": "integer"}, int),
        "html_url": field(URL),
        "csv_url": field(URL),
    },
)
SHAPES = (PORTFOLIO,)


def figures(filters: PortfolioFilters) -> Portfolio:
    """The portfolio of the selection; a period the page would refuse is a bad parameter."""
    try:
        return portfolio(filters)
    except PeriodError as error:
        raise params.BadParameter(error.message, error.field) from error


def portfolio_json(figures: Portfolio, selection: dict) -> dict:
    """The portfolio page's figures; `selection` holds its filters as query arguments."""
    given = {name: getattr(value, "value", value) for name, value in selection.items()}
    query = {name: value for name, value in given.items() if value is not None}
    return PORTFOLIO.dump(
        figures,
        filters=given,
        html_url=url("portfolio.index", query),
        csv_url=url("portfolio.download", query),
    )


def url(endpoint: str, query: dict) -> str:
    return url_for(endpoint, **query, _external=True)


def paths(slugs: list[str]) -> dict:
    years = (
        f"The period may not start after it ends nor last more than {MAX_YEARS} years; by "
        "default it is the last five years, this one included, as on the portfolio page."
    )
    year = spec.whole(YEAR_MAX, YEAR_MIN)
    parameters = [
        spec.query("start_year", year, f"The first year of the period. {years}"),
        spec.query("end_year", year, f"The last year of the period. {years}"),
        spec.query("municipality", spec.slug(slugs), "Only initiatives in this municipality."),
        spec.query("sector", enum(Sector).schema, "Only initiatives in this sector."),
        DONOR_FILTER,
        spec.query(
            "country",
            enum(Country).schema,
            "Only initiatives in a municipality of this country: XK Kosovo, AL Albania, RS Serbia.",
        ),
    ]
    return {
        "/portfolio": spec.item_operation(
            "Show the portfolio figures", PORTFOLIO, parameters, TAG, not_found=False
        )
    }
