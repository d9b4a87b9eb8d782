"""What the API reads of civil society: organisations, initiatives and donors, each list in a
constant number of queries whatever the data size."""

from collections import defaultdict
from dataclasses import dataclass, field

from flask import request
from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import joinedload, selectinload

from civicapp.api import params
from civicapp.api.queries import VISITOR
from civicapp.extensions import db
from civicapp.initiatives.listing import Filters, list_query, public_filter
from civicapp.initiatives.models import (
    PUBLIC_STATUSES,
    Donor,
    FundingLine,
    Initiative,
    Partner,
    Programme,
    Status,
    initiative_donors,
)
from civicapp.initiatives.policies import can_view_initiative
from civicapp.initiatives.records import Endorsement, Event, PriorityLink, Update
from civicapp.municipalities.models import Country
from civicapp.organisations.directory import directory_query
from civicapp.organisations.models import Kind, Organisation
from civicapp.organisations.models import Status as OrganisationStatus
from civicapp.organisations.policies import can_view_organisation
from civicapp.organisations.services import get_organisation_by_slug
from civicapp.portfolio.services import (
    YEAR_MAX,
    YEAR_MIN,
    PeriodError,
    Portfolio,
    PortfolioFilters,
    default_period,
    portfolio,
)
from civicapp.priorities.models import Priority
from civicapp.priorities.policies import listed_priorities
from civicapp.search.services import query_words
from civicapp.sectors import Sector

INITIATIVE_STATUSES = [status.value for status in PUBLIC_STATUSES]
# verified=true: verified now; verified=false: suspended (verified once, so still public).
VERIFIED = {"true": OrganisationStatus.VERIFIED, "false": OrganisationStatus.SUSPENDED}
ORGANISATION_LOADS = (selectinload(Organisation.logo),)
INITIATIVE_LOADS = (
    selectinload(Initiative.organisation),
    selectinload(Initiative.municipalities),
    selectinload(Initiative.donors),
    selectinload(Initiative.sector_rows),
    selectinload(Initiative.programme).joinedload(Programme.donor),
    selectinload(Initiative.partners).joinedload(Partner.organisation),
    selectinload(Initiative.funding_lines).options(
        joinedload(FundingLine.donor),
        joinedload(FundingLine.programme),
        joinedload(FundingLine.partner).joinedload(Partner.organisation),
        joinedload(FundingLine.municipality),
    ),
)


def _no_word_matches_nothing(stmt: Select, q: str | None) -> Select:
    """A query with no word long enough to search for matches nothing (as for priorities)."""
    return stmt.where(false()) if q and not query_words(q) else stmt


def organisations() -> Select:
    """Public organisations matching the query string's filters, by name."""
    verified = params.choice_arg("verified", list(VERIFIED))
    q = request.args.get("q", "")
    stmt = directory_query(
        municipality=params.municipality_arg(),
        sector=params.enum_arg("sector", Sector),
        kind=params.enum_arg("kind", Kind),
        q=q,
    ).options(*ORGANISATION_LOADS)
    if verified is not None:
        stmt = stmt.where(Organisation.status == VERIFIED[verified])
    return _no_word_matches_nothing(stmt, q)


def get_public_organisation(slug: str) -> Organisation | None:
    """The organisation, if the public directory shows it."""
    found = get_organisation_by_slug(slug)
    return found if found and can_view_organisation(VISITOR, found) else None


def initiatives() -> Select:
    """Public initiatives matching the query string's filters, in the HTML list's order; an
    organisation the directory does not show has none."""
    slug = params.organisation_arg()
    organisation = get_public_organisation(slug) if slug else None
    status = params.choice_arg("status", INITIATIVE_STATUSES)
    municipality = params.municipality_arg()
    filters = Filters(
        municipality_id=municipality.id if municipality else None,
        sector=params.enum_arg("sector", Sector),
        donor_id=params.number_arg("donor", 1, params.MAX_ID),
        organisation_id=organisation.id if organisation else None,
        status=Status(status) if status else None,
        year=params.number_arg("year", YEAR_MIN, YEAR_MAX),
        q=request.args.get("q", ""),
    )
    stmt = _no_word_matches_nothing(list_query(filters).options(*INITIATIVE_LOADS), filters.q)
    return stmt.where(false()) if slug and organisation is None else stmt


def get_public_initiative(initiative_id: int) -> Initiative | None:
    """The initiative, unless it is a draft or otherwise kept from the public."""
    found = db.session.scalar(
        select(Initiative).where(Initiative.id == initiative_id).options(*INITIATIVE_LOADS)
    )
    return found if found and can_view_initiative(VISITOR, found) else None


@dataclass
class Gathered:
    """What gathers around an initiative: linked public priorities, endorsements, counts."""

    priorities: list = field(default_factory=list)
    endorsements: list = field(default_factory=list)
    updates: int = 0
    events: int = 0


def gathered(ids: list[int]) -> dict[int, Gathered]:
    """What gathers around each of these initiatives, in three queries."""
    found = {initiative_id: Gathered() for initiative_id in ids}
    if not ids:
        return found
    links = (
        select(PriorityLink.initiative_id, Priority)
        .join(Priority, Priority.id == PriorityLink.priority_id)
        .where(PriorityLink.initiative_id.in_(ids), listed_priorities())
        .order_by(PriorityLink.id)
    )
    for initiative_id, priority in db.session.execute(links):
        found[initiative_id].priorities.append(priority)
    endorsements = (
        select(Endorsement)
        .where(Endorsement.initiative_id.in_(ids))
        .options(joinedload(Endorsement.municipality))
        .order_by(Endorsement.id)
    )
    for endorsement in db.session.scalars(endorsements):
        found[endorsement.initiative_id].endorsements.append(endorsement)
    counts = select(Initiative.id, _count(Update), _count(Event)).where(Initiative.id.in_(ids))
    for initiative_id, updates, events in db.session.execute(counts):
        found[initiative_id].updates, found[initiative_id].events = updates, events
    return found


def _count(record):
    return (
        select(func.count())
        .where(record.initiative_id == Initiative.id)
        .correlate(Initiative)
        .scalar_subquery()
    )


def organisation_initiative_counts(ids: list[int]) -> dict[int, int]:
    """How many public initiatives each of these organisations leads, in one query."""
    stmt = (
        select(Initiative.organisation_id, func.count())
        .where(Initiative.organisation_id.in_(ids), *public_filter())
        .group_by(Initiative.organisation_id)
    )
    return _counts(stmt, ids)


def donors() -> Select:
    return select(Donor).options(selectinload(Donor.programmes)).order_by(Donor.name, Donor.id)


def get_donor(donor_id: int) -> Donor | None:
    return db.session.scalar(donors().where(Donor.id == donor_id))


def donor_initiative_counts(ids: list[int]) -> dict[int, int]:
    """How many public initiatives name each of these donors, in one query."""
    link = initiative_donors.c
    stmt = (
        select(link.donor_id, func.count())
        .join(Initiative, Initiative.id == link.initiative_id)
        .where(link.donor_id.in_(ids), *public_filter())
        .group_by(link.donor_id)
    )
    return _counts(stmt, ids)


def _counts(stmt: Select, ids: list[int]) -> dict[int, int]:
    found = defaultdict(int)
    if ids:
        found.update((key, count) for key, count in db.session.execute(stmt))
    return found


def portfolio_figures() -> tuple[Portfolio, dict]:
    """The portfolio the query string asks for, and its filters as query arguments; years
    default as on the portfolio page."""
    first, last = default_period()
    municipality = params.municipality_arg()
    selection = {
        "start_year": params.number_arg("start_year", YEAR_MIN, YEAR_MAX) or first,
        "end_year": params.number_arg("end_year", YEAR_MIN, YEAR_MAX) or last,
        "municipality": municipality.slug if municipality else None,
        "sector": params.enum_arg("sector", Sector),
        "donor": params.number_arg("donor", 1, params.MAX_ID),
        "country": params.enum_arg("country", Country),
    }
    filters = PortfolioFilters(
        start_year=selection["start_year"],
        end_year=selection["end_year"],
        municipality_id=municipality.id if municipality else None,
        sector=selection["sector"],
        donor_id=selection["donor"],
        country=selection["country"],
    )
    try:
        return portfolio(filters), selection
    except PeriodError as error:
        raise params.BadParameter(error.message, error.field) from error
