"""The OpenAPI paths of organisations, initiatives, donors and the portfolio."""

from civicapp.api import params, schemas, spec
from civicapp.api.queries_cso import INITIATIVE_STATUSES, VERIFIED
from civicapp.municipalities.models import Country
from civicapp.organisations.models import Kind
from civicapp.portfolio.services import MAX_YEARS, YEAR_MAX, YEAR_MIN
from civicapp.sectors import Sector

TAGS = ("organisations", "initiatives", "donors", "portfolio")
ORGANISATION_SLUG = {"type": "string", "pattern": f"^{params.ORGANISATION_SLUG.pattern}$"}
SECTOR = {"type": "string", "enum": spec.values(Sector)}
YEAR = spec.whole(YEAR_MAX, YEAR_MIN)
DONOR = spec.query(
    "donor",
    spec.whole(params.MAX_ID),
    "A donor's id; one the registry does not hold matches nothing.",
)


def paths(slugs: list[str]) -> dict:
    organisation = spec.path("slug", ORGANISATION_SLUG, "The organisation's slug.")
    initiative = spec.path("initiative_id", spec.whole(params.MAX_ID), "The initiative's id.")
    donor = spec.path("donor_id", spec.whole(params.MAX_ID), "The donor's id.")
    return {
        "/organisations": spec.operation(
            "List organisations",
            schemas.list_response("Organisation"),
            _organisation_filters(slugs),
            tag="organisations",
        ),
        "/organisations/{slug}": spec.operation(
            "Show an organisation",
            schemas.item_response("Organisation"),
            [organisation],
            True,
            "organisations",
        ),
        "/initiatives": spec.operation(
            "List initiatives",
            schemas.list_response("Initiative"),
            _initiative_filters(slugs),
            tag="initiatives",
        ),
        "/initiatives/{initiative_id}": spec.operation(
            "Show an initiative",
            schemas.item_response("Initiative"),
            [initiative],
            True,
            "initiatives",
        ),
        "/donors": spec.operation(
            "List donors", schemas.list_response("Donor"), spec.PAGING, tag="donors"
        ),
        "/donors/{donor_id}": spec.operation(
            "Show a donor", schemas.item_response("Donor"), [donor], True, "donors"
        ),
        "/portfolio": spec.operation(
            "Show the portfolio figures",
            schemas.item_response("Portfolio"),
            _portfolio_filters(slugs),
            tag="portfolio",
        ),
    }


def _organisation_filters(slugs: list[str]) -> list[dict]:
    return [
        spec.query("municipality", spec.slug(slugs), "Only organisations working there."),
        spec.query("sector", SECTOR, "Only organisations working in this sector."),
        spec.query("kind", {"type": "string", "enum": spec.values(Kind)}, "Only this kind."),
        spec.query(
            "verified",
            {"type": "string", "enum": list(VERIFIED)},
            "true: only organisations verified now; false: only suspended ones. The directory "
            "shows both, and never those still awaiting verification.",
        ),
        spec.query(
            "q",
            {"type": "string"},
            "Search the names; every word must match the start of a word of a name. A query "
            "without a word of two letters or more matches nothing.",
        ),
        *spec.PAGING,
    ]


def _initiative_filters(slugs: list[str]) -> list[dict]:
    return [
        spec.query("municipality", spec.slug(slugs), "Only initiatives in this municipality."),
        spec.query("sector", SECTOR, "Only initiatives in this sector."),
        DONOR,
        spec.query(
            "organisation",
            ORGANISATION_SLUG,
            "Only initiatives this organisation leads; one the directory does not show leads none.",
        ),
        spec.query("status", {"type": "string", "enum": INITIATIVE_STATUSES}, "Only this status."),
        spec.query("year", YEAR, "Only initiatives running at some time in this year."),
        spec.query(
            "q",
            {"type": "string"},
            "Search titles, summaries and the lead organisation's name (diacritics and Serbian "
            "script ignored). A query without a word of two letters or more matches nothing.",
        ),
        *spec.PAGING,
    ]


def _portfolio_filters(slugs: list[str]) -> list[dict]:
    years = (
        f"The period may not start after it ends nor last more than {MAX_YEARS} years; by "
        "default it is the last five years, this one included, as on the portfolio page."
    )
    return [
        spec.query("start_year", YEAR, f"The first year of the period. {years}"),
        spec.query("end_year", YEAR, f"The last year of the period. {years}"),
        spec.query("municipality", spec.slug(slugs), "Only initiatives in this municipality."),
        spec.query("sector", SECTOR, "Only initiatives in this sector."),
        DONOR,
        spec.query(
            "country",
            {"type": "string", "enum": spec.values(Country)},
            "Only initiatives in a municipality of this country: XK Kosovo, AL Albania, RS Serbia.",
        ),
    ]
