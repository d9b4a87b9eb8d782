"""The donors of the registry with their programmes."""

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from civicapp.api import spec
from civicapp.api.fields import COUNT, INTEGER, STRING, Shape, field, link, text
from civicapp.api.resources.organisations import counted
from civicapp.donors.models import Donor
from civicapp.extensions import db
from civicapp.initiatives.models import Initiative, initiative_donors
from civicapp.initiatives.queries import public_filter

TAG = "donors"
PROGRAMME_NAME = Shape("ProgrammeName", {"id": field(INTEGER), "name": text()})
DONOR = Shape(
    "Donor",
    {
        "id": field(INTEGER),
        "name": text(),
        "country": field(STRING, null=True, doc="ISO code; EU for the European Union."),
        "website": field(STRING, null=True),
        "programmes": PROGRAMME_NAME.many(inline=True),
        "public_initiative_count": field(COUNT),
        "url": link("api.donor", donor_id="id"),
        "html_url": link(
            "initiatives.index", "The initiatives list of the site, for this donor.", donor="id"
        ),
        "initiatives_url": link("api.initiatives", donor="id"),
    },
)
SHAPES = (DONOR,)


def donors() -> Select:
    """The donors by name, with their programmes."""
    return select(Donor).options(selectinload(Donor.programmes)).order_by(Donor.name, Donor.id)


def get_donor(donor_id: int) -> Donor | None:
    return db.session.scalar(donors().where(Donor.id == donor_id))


def donors_json(items) -> list[dict]:
    """The donors with how many public initiatives name each, in one query."""
    ids = [donor.id for donor in items]
    link_ = initiative_donors.c
    stmt = (
        select(link_.donor_id, func.count())
        .join(Initiative, Initiative.id == link_.initiative_id)
        .where(link_.donor_id.in_(ids), *public_filter())
        .group_by(link_.donor_id)
    )
    counts = counted(stmt, ids)
    return [DONOR.dump(d, public_initiative_count=counts[d.id]) for d in items]


def paths(slugs: list[str]) -> dict:
    donor = spec.id_path("donor_id", "The donor's id.")
    summaries = ("List donors", "Show a donor")
    return spec.collection("/donors", DONOR, spec.PAGING, donor, TAG, summaries)
