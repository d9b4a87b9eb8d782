"""The civil society organisations of the public directory."""

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import selectinload

from civicapp.api import params, spec
from civicapp.api.fields import (
    COUNT,
    STRING,
    URL,
    Shape,
    enum,
    field,
    link,
    optional_text,
    text,
    time,
)
from civicapp.api.resources.priorities import VISITOR
from civicapp.extensions import db
from civicapp.i18n import CONTENT_LANGUAGES
from civicapp.initiatives.models import Initiative
from civicapp.initiatives.queries import public_filter
from civicapp.municipalities.models import Municipality
from civicapp.organisations.models import Kind, Organisation, Registry
from civicapp.organisations.models import Status as OrganisationStatus
from civicapp.organisations.policies import can_view_organisation
from civicapp.organisations.queries import directory_query
from civicapp.organisations.services import get_organisation_by_slug
from civicapp.search.services import query_words
from civicapp.sectors import Sector
from civicapp.uploads.policies import can_view_upload
from civicapp.uploads.services import upload_url

# verified=true: verified now; verified=false: suspended (verified once, so still public).
VERIFIED = {"true": OrganisationStatus.VERIFIED, "false": OrganisationStatus.SUSPENDED}
SLUGS = {"type": "array", "items": STRING}
SECTORS = {"type": "array", "items": enum(Sector).schema}
TAG = "organisations"
ORGANISATION_SLUG_SCHEMA = {"type": "string", "pattern": f"^{params.ORGANISATION_SLUG.pattern}$"}


def slugs(rows) -> list[str]:
    return [row.slug for row in rows]


def values(members) -> list[str]:
    return [member.value for member in members]


def _logo_url(organisation) -> str | None:
    logo = organisation.logo
    visible = logo is not None and can_view_upload(VISITOR, logo)
    return upload_url(logo, _external=True) if visible else None


NAMES = Shape(
    "OrganisationNames",
    {
        code: field(STRING, lambda o, code=code: getattr(o, f"name_{code}"), null=True)
        for code in CONTENT_LANGUAGES
    },
)
REGISTRATION = Shape(
    "Registration",
    {
        "registry": enum(Registry, lambda o: o.registered_with, null=True),
        "number": optional_text(lambda o: o.registration_number),
    },
)
ORGANISATION_REF = Shape(
    "OrganisationRef",
    {
        "slug": text(),
        "name": text(lambda o: o.display_name, doc="In the reader's language when it has one."),
        "url": link("api.organisation", slug="slug"),
        "html_url": link("organisations.show", slug="slug"),
    },
)
ORGANISATION = Shape(
    "Organisation",
    {
        "slug": text(),
        "names": NAMES.one(
            lambda o: o, inline=True, doc="The names as written; Serbian in either script."
        ),
        "kind": enum(Kind),
        "registration": REGISTRATION.one(lambda o: o, inline=True),
        "municipalities": field(SLUGS, None, slugs, doc="Slugs of the municipalities it works in."),
        "sectors": field(SECTORS, None, values),
        "website": optional_text(),
        "description": text(doc="Markdown, as written."),
        "description_html": text(doc="The description as sanitised HTML."),
        "status": enum(
            [OrganisationStatus.VERIFIED, OrganisationStatus.SUSPENDED],
            doc="suspended: verified once, then suspended by the platform's administrators; "
            "what it published stays public.",
        ),
        "verified_at": time(null=True, doc="Its last verification."),
        "public_initiative_count": field(COUNT),
        "logo_url": field(URL, _logo_url, null=True),
        "url": link("api.organisation", slug="slug"),
        "html_url": link("organisations.show", slug="slug"),
        "initiatives_url": link("api.initiatives", organisation="slug"),
    },
)
SHAPES = (ORGANISATION, ORGANISATION_REF)


@dataclass
class OrganisationFilters:
    """The directory's filters, as the API reads them."""

    municipality: Municipality | None = None
    sector: Sector | None = None
    kind: Kind | None = None
    verified: OrganisationStatus | None = None
    q: str = ""


def organisations(filters: OrganisationFilters) -> Select:
    """Public organisations matching the filters, by name; a query with no word long enough to
    search for matches nothing."""
    stmt = directory_query(
        municipality=filters.municipality, sector=filters.sector, kind=filters.kind, q=filters.q
    ).options(selectinload(Organisation.logo))
    if filters.verified is not None:
        stmt = stmt.where(Organisation.status == filters.verified)
    return no_word_matches_nothing(stmt, filters.q)


def no_word_matches_nothing(stmt: Select, q: str | None) -> Select:
    """A query with no word long enough to search for matches nothing (as for priorities)."""
    return stmt.where(false()) if q and not query_words(q) else stmt


def get_public_organisation(slug: str) -> Organisation | None:
    """The organisation, if the public directory shows it."""
    found = get_organisation_by_slug(slug) if params.ORGANISATION_SLUG.fullmatch(slug) else None
    return found if found and can_view_organisation(VISITOR, found) else None


def organisations_json(items) -> list[dict]:
    """The organisations with how many public initiatives each leads, in one query."""
    ids = [organisation.id for organisation in items]
    stmt = (
        select(Initiative.organisation_id, func.count())
        .where(Initiative.organisation_id.in_(ids), *public_filter())
        .group_by(Initiative.organisation_id)
    )
    counts = counted(stmt, ids)
    return [ORGANISATION.dump(o, public_initiative_count=counts[o.id]) for o in items]


def counted(stmt: Select, ids: list[int]) -> dict[int, int]:
    """(key, count) rows as a dict that answers 0 for any other key."""
    found = defaultdict(int)
    if ids:
        found.update((key, count) for key, count in db.session.execute(stmt))
    return found


def paths(slugs: list[str]) -> dict:
    organisation = spec.path("slug", ORGANISATION_SLUG_SCHEMA, "The organisation's slug.")
    summaries = ("List organisations", "Show an organisation")
    return spec.collection(
        "/organisations", ORGANISATION, _filters(slugs), organisation, TAG, summaries
    )


def _filters(slugs: list[str]) -> list[dict]:
    return [
        spec.query("municipality", spec.slug(slugs), "Only organisations working there."),
        spec.query("sector", enum(Sector).schema, "Only organisations working in this sector."),
        spec.query("kind", enum(Kind).schema, "Only this kind."),
        spec.query(
            "verified",
            enum(VERIFIED).schema,
            "true: only organisations verified now; false: only suspended ones. The directory "
            "shows both, and never those still awaiting verification.",
        ),
        spec.query(
            "q",
            STRING,
            "Search the names; every word must match the start of a word of a name. A query "
            "without a word of two letters or more matches nothing.",
        ),
        *spec.PAGING,
    ]
