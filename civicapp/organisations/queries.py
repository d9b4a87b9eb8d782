"""The public directory's query and the admins' verification queue."""

from sqlalchemy import Select, case, select
from sqlalchemy.orm import selectinload

from civicapp.municipalities.models import Municipality
from civicapp.organisations.models import (
    Kind,
    Organisation,
    OrganisationSector,
    Status,
    organisation_municipalities,
)
from civicapp.organisations.services import SEARCH_KIND
from civicapp.search.services import matches, query_words
from civicapp.sectors import Sector

O = Organisation  # noqa: E741


def directory_query(
    municipality: Municipality | None = None,
    sector: Sector | None = None,
    kind: Kind | None = None,
    q: str = "",
) -> Select:
    """Public organisations matching the filters and every word of `q`, by name."""
    stmt = _with_lists(select(O)).where(O.verified_at.is_not(None))
    if municipality is not None:
        links = organisation_municipalities.c
        stmt = stmt.where(
            O.id.in_(select(links.organisation_id).where(links.municipality_id == municipality.id))
        )
    if sector is not None:
        stmt = stmt.where(
            O.id.in_(
                select(OrganisationSector.organisation_id).where(
                    OrganisationSector.sector == sector
                )
            )
        )
    if kind is not None:
        stmt = stmt.where(O.kind == kind)
    return _search(stmt, q).order_by(O.search_text, O.id)


def _with_lists(stmt: Select) -> Select:
    """Load what a row shows in a constant number of queries."""
    return stmt.options(selectinload(O.municipalities), selectinload(O.sector_rows))


def _search(stmt: Select, q: str) -> Select:
    found = matches(SEARCH_KIND, q)
    if found is None:
        return stmt
    hits = found.subquery("organisation_hits")
    every_word = len(query_words(q))
    return stmt.join(hits, hits.c.object_id == O.id).where(hits.c.score == every_word)


def queue_query(status: Status | None = None) -> Select:
    """Organisations for the admins: pending ones first, then refused ones (which their admins
    may have corrected), then the rest; oldest first within each."""
    stmt = _with_lists(select(O))
    if status is not None:
        stmt = stmt.where(O.status == status)
    pending_first = case((O.status == Status.PENDING, 0), (O.verified_at.is_(None), 1), else_=2)
    return stmt.order_by(pending_first, O.created_at, O.id)
