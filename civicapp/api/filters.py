"""The filters of each list, read by the views from the query string into plain values."""

from werkzeug.datastructures import MultiDict

from civicapp.api import params
from civicapp.api.params import BadParameter, one_of_error
from civicapp.api.resources.initiatives import STATUSES
from civicapp.api.resources.organisations import VERIFIED, OrganisationFilters
from civicapp.api.resources.priorities import SORTS
from civicapp.initiatives.models import Status
from civicapp.initiatives.queries import Filters as InitiativeFilters
from civicapp.municipalities.models import Country
from civicapp.organisations.models import Kind
from civicapp.portfolio.services import YEAR_MAX, YEAR_MIN, PortfolioFilters, default_period
from civicapp.priorities import queries as priority_queries
from civicapp.priorities.models import Sector as PrioritySector
from civicapp.priorities.models import Status as PriorityStatus
from civicapp.sectors import Sector

PRIORITY_FILTERS = (
    "municipality",
    "consultation",
    "sector",
    "status",
    "overdue",
    "withdrawn",
    "sort",
)


def priority_filters(args) -> priority_queries.Filters:
    """The list's filters read by the HTML list's own parser; one it does not understand is a
    400 here, where a page would leave it out and say so."""
    args = MultiDict(args)
    if args.get("sort") == priority_queries.RELEVANCE and not args.get("q", "").strip():
        args.pop("sort")  # no query, nothing to rank: the default order
    filters = priority_queries.parse_filters(args)
    # A page takes an empty filter for no filter; an API call with one is a mistake.
    blank = [name for name in PRIORITY_FILTERS if name in args and not args[name].strip()]
    errors = [_priority_filter_error(name) for name in blank + filters.ignored]
    if errors:
        raise BadParameter(" ".join(error.message for error in errors), errors[0].field)
    return filters


def _priority_filter_error(name: str) -> BadParameter:
    enums = {"sector": PrioritySector, "status": PriorityStatus}
    if name in enums:
        return one_of_error(name, [member.value for member in enums[name]])
    if name == "municipality":
        return params.unknown_municipality_error(name)
    if name == "consultation":
        return params.whole_number_error(name, priority_queries.MAX_ID)
    choices = {"overdue": ["1"], "withdrawn": ["1"], "sort": SORTS}
    return one_of_error(name, choices.get(name, []))


def organisation_filters(args) -> OrganisationFilters:
    verified = params.choice_arg(args, "verified", list(VERIFIED))
    return OrganisationFilters(
        municipality=params.municipality_arg(args),
        sector=params.enum_arg(args, "sector", Sector),
        kind=params.enum_arg(args, "kind", Kind),
        verified=VERIFIED[verified] if verified else None,
        q=args.get("q", ""),
    )


def initiative_filters(args, organisation_id: int | None) -> InitiativeFilters:
    """The initiatives' filters; the view has turned the organisation's slug into its id."""
    status = params.choice_arg(args, "status", STATUSES)
    municipality = params.municipality_arg(args)
    return InitiativeFilters(
        municipality_id=municipality.id if municipality else None,
        sector=params.enum_arg(args, "sector", Sector),
        donor_id=params.number_arg(args, "donor", 1, params.MAX_ID),
        organisation_id=organisation_id,
        status=Status(status) if status else None,
        year=params.number_arg(args, "year", YEAR_MIN, YEAR_MAX),
        q=args.get("q", ""),
    )


def portfolio_selection(args) -> tuple[PortfolioFilters, dict]:
    """The portfolio's filters, and the same as query arguments; years default as on the
    portfolio page."""
    first, last = default_period()
    municipality = params.municipality_arg(args)
    selection = {
        "start_year": params.number_arg(args, "start_year", YEAR_MIN, YEAR_MAX) or first,
        "end_year": params.number_arg(args, "end_year", YEAR_MIN, YEAR_MAX) or last,
        "municipality": municipality.slug if municipality else None,
        "sector": params.enum_arg(args, "sector", Sector),
        "donor": params.number_arg(args, "donor", 1, params.MAX_ID),
        "country": params.enum_arg(args, "country", Country),
    }
    filters = PortfolioFilters(
        start_year=selection["start_year"],
        end_year=selection["end_year"],
        municipality_id=municipality.id if municipality else None,
        sector=selection["sector"],
        donor_id=selection["donor"],
        country=selection["country"],
    )
    return filters, selection
