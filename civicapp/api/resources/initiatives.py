"""The initiatives of civil society: who leads and funds them, where, and what gathers round."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import joinedload, selectinload

from civicapp.api import params, spec
from civicapp.api.fields import (
    COUNT,
    INTEGER,
    STRING,
    Shape,
    day,
    enum,
    field,
    link,
    money,
    text,
    time,
)
from civicapp.api.resources.organisations import (
    ORGANISATION_REF,
    ORGANISATION_SLUG_SCHEMA,
    SECTORS,
    SLUGS,
    no_word_matches_nothing,
    slugs,
    values,
)
from civicapp.api.resources.priorities import PRIORITY_REF, VISITOR
from civicapp.donors.models import Programme
from civicapp.extensions import db
from civicapp.i18n import CONTENT_LANGUAGES
from civicapp.initiatives.models import (
    PUBLIC_STATUSES,
    Endorsement,
    Event,
    FundingLine,
    Initiative,
    Partner,
    Party,
    PriorityLink,
    Update,
)
from civicapp.initiatives.policies import can_view_initiative
from civicapp.initiatives.queries import Filters, list_query
from civicapp.portfolio.services import YEAR_MAX, YEAR_MIN
from civicapp.priorities.models import Priority
from civicapp.priorities.policies import listed_priorities
from civicapp.sectors import Sector

TEXTS = ("description", "objectives", "activities", "expected_results", "achieved_results")
STATUSES = [status.value for status in PUBLIC_STATUSES]
MONEY = {
    "type": "string",
    "pattern": "^[0-9]+\\.[0-9]{2}$",
    "description": "EUR, as a decimal string.",
}
EUR = {"type": "string", "enum": ["EUR"]}
TAG = "initiatives"
LOADS = (
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


def amount(read=None, **options):
    return field(MONEY, read, money, **options)


def euro():
    """The currency of every amount."""
    return field(EUR, lambda _item: "EUR")


PROGRAMME = Shape("Programme", {"id": field(INTEGER), "name": text(), "donor_id": field(INTEGER)})
DONOR_REF = Shape(
    "DonorRef",
    {"id": field(INTEGER), "name": text(), "url": link("api.donor", donor_id="id")},
)
PARTNER = Shape(
    "Partner",
    {
        "name": text(lambda p: p.display_name),
        "country": field(STRING, null=True, doc="ISO code, for partners off the platform."),
        "city": field(STRING, null=True),
        "organisation": ORGANISATION_REF.one(
            inline=True, null=True, doc="The partner, when it is on the platform."
        ),
    },
)
FUNDING_LINE = Shape(
    "FundingLine",
    {
        "party": enum(Party),
        "name": text(doc="Who pays, as the initiative page names them."),
        "amount": amount(),
        "donor_id": field(INTEGER, null=True),
        "programme": PROGRAMME.one(inline=True, null=True),
        "municipality": field(
            STRING,
            lambda line: line.municipality.slug if line.municipality else None,
            null=True,
            doc="The paying municipality's slug.",
        ),
    },
)
ENDORSEMENT = Shape(
    "Endorsement",
    {
        "municipality": text(
            lambda e: e.municipality.slug, doc="The endorsing municipality's slug."
        ),
        "statement": text(),
        "created_at": time(),
    },
)


def payer(initiative, line) -> str:
    """Who pays the line, named as the initiative page names them."""
    if line.party == Party.DONOR:
        return line.donor.name
    if line.party == Party.LEAD:
        return initiative.organisation.display_name
    if line.party == Party.PARTNER:
        return line.partner.display_name
    if line.party == Party.MUNICIPALITY:
        return line.municipality.name
    return line.other_name


def _funding_lines(initiative) -> list[dict]:
    return [
        FUNDING_LINE.dump(line, name=payer(initiative, line)) for line in initiative.funding_lines
    ]


INITIATIVE = Shape(
    "Initiative",
    {
        "id": field(INTEGER),
        "title": text(),
        "summary": text(),
        "language": enum(CONTENT_LANGUAGES),
        **{name: text(doc="Markdown, as written.") for name in TEXTS},
        "organisation": ORGANISATION_REF.one(),
        "partners": PARTNER.many(),
        "municipalities": field(SLUGS, None, slugs),
        "sectors": field(SECTORS, None, values),
        "donors": DONOR_REF.many(),
        "programme": PROGRAMME.one(inline=True, null=True, doc="The funding programme."),
        "total_budget": amount(),
        "currency": euro(),
        "funding_lines": field(
            {"type": "array", "items": {"$ref": "#/components/schemas/FundingLine"}},
            _funding_lines,
        ),
        "start_date": day(),
        "end_date": day(),
        "status": enum(STATUSES),
        "published_at": time(null=True),
        "last_updated_at": time(),
        "priorities": PRIORITY_REF.many(doc="The citizens' priorities it says it addresses."),
        "endorsements": ENDORSEMENT.many(),
        "update_count": field(COUNT),
        "event_count": field(COUNT),
        "url": link("api.initiative", initiative_id="id"),
        "html_url": link("initiatives.show", initiative_id="id"),
    },
)
SHAPES = (INITIATIVE, PARTNER, FUNDING_LINE, PRIORITY_REF, ENDORSEMENT, DONOR_REF)


def initiatives(filters: Filters, organisation_unknown: bool = False) -> Select:
    """Public initiatives matching the filters, in the HTML list's order; an organisation the
    directory does not show leads none."""
    stmt = no_word_matches_nothing(list_query(filters).options(*LOADS), filters.q)
    return stmt.where(false()) if organisation_unknown else stmt


def get_public_initiative(initiative_id: int) -> Initiative | None:
    """The initiative, unless it is a draft or otherwise kept from the public."""
    found = db.session.scalar(
        select(Initiative).where(Initiative.id == initiative_id).options(*LOADS)
    )
    return found if found and can_view_initiative(VISITOR, found) else None


@dataclass
class Gathered:
    """What gathers around an initiative: linked public priorities, endorsements, counts."""

    priorities: list = dataclass_field(default_factory=list)
    endorsements: list = dataclass_field(default_factory=list)
    update_count: int = 0
    event_count: int = 0


def initiatives_json(items) -> list[dict]:
    """The initiatives with what gathers around each, in three more queries."""
    around = gathered([initiative.id for initiative in items])
    return [INITIATIVE.dump(i, **vars(around[i.id])) for i in items]


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
        found[initiative_id].update_count, found[initiative_id].event_count = updates, events
    return found


def _count(record):
    return (
        select(func.count())
        .where(record.initiative_id == Initiative.id)
        .correlate(Initiative)
        .scalar_subquery()
    )


DONOR_FILTER = spec.query(
    "donor",
    spec.whole(params.MAX_ID),
    "A donor's id; one the registry does not hold matches nothing.",
)


def paths(slugs: list[str]) -> dict:
    initiative = spec.id_path("initiative_id", "The initiative's id.")
    summaries = ("List initiatives", "Show an initiative")
    return spec.collection("/initiatives", INITIATIVE, _filters(slugs), initiative, TAG, summaries)


def _filters(slugs: list[str]) -> list[dict]:
    return [
        spec.query("municipality", spec.slug(slugs), "Only initiatives in this municipality."),
        spec.query("sector", enum(Sector).schema, "Only initiatives in this sector."),
        DONOR_FILTER,
        spec.query(
            "organisation",
            ORGANISATION_SLUG_SCHEMA,
            "Only initiatives this organisation leads; one the directory does not show leads none.",
        ),
        spec.query("status", enum(STATUSES).schema, "Only this status."),
        spec.query(
            "year",
            spec.whole(YEAR_MAX, YEAR_MIN),
            "Only initiatives running at some time in this year.",
        ),
        spec.query(
            "q",
            STRING,
            "Search titles, summaries and the lead organisation's name (diacritics and Serbian "
            "script ignored). A query without a word of two letters or more matches nothing.",
        ),
        *spec.PAGING,
    ]
