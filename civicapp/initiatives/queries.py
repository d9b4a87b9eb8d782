"""The public list of initiatives: filters, search and eager loading in constant queries."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from civicapp.initiatives.models import (
    PUBLIC_STATUSES,
    Initiative,
    InitiativeSector,
    Status,
    initiative_donors,
    initiative_municipalities,
)
from civicapp.initiatives.services import SEARCH_KIND
from civicapp.organisations.models import Organisation
from civicapp.search.services import matches
from civicapp.sectors import Sector


@dataclass
class Filters:
    municipality_id: int | None = None
    sector: Sector | None = None
    donor_id: int | None = None
    organisation_id: int | None = None
    status: Status | None = None
    year: int | None = None
    q: str = ""


def public_filter() -> tuple:
    """Initiatives anyone may see: not drafts, of organisations verified at least once, and
    not hidden by moderation."""
    public_orgs = select(Organisation.id).where(Organisation.verified_at.is_not(None))
    return (
        Initiative.status.in_(PUBLIC_STATUSES),
        Initiative.organisation_id.in_(public_orgs),
        Initiative.is_hidden.is_(False),
    )


def list_query(filters: Filters) -> Select:
    """Public initiatives matching the filters, newest start first."""
    stmt = select(Initiative).where(*public_filter())
    links = (
        (filters.municipality_id, initiative_municipalities.c.municipality_id),
        (filters.sector, InitiativeSector.__table__.c.sector),
        (filters.donor_id, initiative_donors.c.donor_id),
    )
    for value, column in links:
        if value:
            stmt = stmt.where(
                Initiative.id.in_(select(column.table.c.initiative_id).where(column == value))
            )
    return _more(stmt, filters)


def _more(stmt: Select, filters: Filters) -> Select:
    if filters.organisation_id:
        stmt = stmt.where(Initiative.organisation_id == filters.organisation_id)
    if filters.status:
        stmt = stmt.where(Initiative.status == filters.status)
    if filters.year:
        stmt = stmt.where(
            Initiative.start_date <= date(filters.year, 12, 31),
            Initiative.end_date >= date(filters.year, 1, 1),
        )
    found = matches(SEARCH_KIND, filters.q)
    if found is not None:
        stmt = stmt.where(Initiative.id.in_(select(found.subquery().c.object_id)))
    return stmt.order_by(Initiative.start_date.desc(), Initiative.id.desc()).options(
        selectinload(Initiative.organisation),
        selectinload(Initiative.municipalities),
        selectinload(Initiative.donors),
    )


def organisation_initiatives(organisation) -> list[Initiative]:
    """An organisation's public initiatives, for its profile."""
    from civicapp.extensions import db

    return list(
        db.session.scalars(
            select(Initiative)
            .where(Initiative.organisation_id == organisation.id, *public_filter())
            .order_by(Initiative.start_date.desc(), Initiative.id.desc())
        )
    )
