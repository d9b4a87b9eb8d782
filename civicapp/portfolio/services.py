"""Portfolio figures computed in SQL: money and initiatives per municipality, sector and donor.

Public initiatives (not drafts, of verified organisations) running at some time in the period
count; cancelled ones are counted apart and left out of every other figure. A budget is shared
equally among an initiative's municipalities (and, separately, its sectors), so each of those
columns adds up to the total; a donor's money is the sum of its funding lines.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import Numeric, distinct, func, literal_column, select, type_coerce, union_all

from civicapp.db import utcnow
from civicapp.donors.models import Donor
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.i18n import localized
from civicapp.initiatives.models import (
    FundingLine,
    Initiative,
    InitiativeSector,
    Party,
    Status,
    initiative_donors,
    initiative_municipalities,
)
from civicapp.initiatives.queries import public_filter
from civicapp.municipalities.models import Country, Municipality
from civicapp.sectors import Sector

YEAR_MIN, YEAR_MAX = 1990, 2100  # as the initiatives' year filter
MAX_YEARS = 30
DEFAULT_YEARS = 5
CENT = Decimal("0.01")
# Exact in PostgreSQL (numeric); SQLite has no decimal type and gives floats, read as Decimal.
AMOUNT = Numeric(30, 6)
COUNTED = Initiative.status != Status.CANCELLED
SECTORS = InitiativeSector.__table__


@dataclass(frozen=True)
class PortfolioFilters:
    start_year: int
    end_year: int
    municipality_id: int | None = None
    sector: Sector | None = None
    donor_id: int | None = None
    country: Country | None = None


@dataclass(frozen=True)
class Row:
    key: str  # municipality slug, sector value, donor id as str; "" for "none given"
    label: str  # in the reader's language/script
    initiatives: int
    amount: Decimal  # EUR, to the cent


@dataclass(frozen=True)
class Portfolio:
    filters: PortfolioFilters
    initiatives: int  # distinct initiatives in the selection, cancelled ones left out
    amount: Decimal  # their total budget
    by_municipality: list[Row]
    by_sector: list[Row]
    by_donor: list[Row]
    cancelled: int = 0  # cancelled initiatives the filters would otherwise select


class PeriodError(DomainError):
    """The period asked for is not one we compute."""


def default_period(today: date | None = None) -> tuple[int, int]:
    """The last DEFAULT_YEARS years, up to and including this one."""
    year = (today or utcnow().date()).year
    return year - DEFAULT_YEARS + 1, year


def check_period(start_year: int, end_year: int) -> None:
    """Refuse years out of range, a start after the end, or more than MAX_YEARS years."""
    for name, year in (("start_year", start_year), ("end_year", end_year)):
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise PeriodError(_("Enter a year from 1990 to 2100."), field=name)
    if start_year > end_year:
        raise PeriodError(_("The first year must not be after the last year."), field="end_year")
    if end_year - start_year + 1 > MAX_YEARS:
        message = ngettext(
            "Choose a period of at most %(num)d year.",
            "Choose a period of at most %(num)d years.",
            MAX_YEARS,
        )
        raise PeriodError(message, field="start_year")


def portfolio(filters: PortfolioFilters) -> Portfolio:
    """Compute the portfolio of the initiatives the filters select, in four queries."""
    check_period(filters.start_year, filters.end_year)
    selection = _selection(filters)
    count, amount, cancelled = db.session.execute(
        select(
            func.count().filter(COUNTED),
            type_coerce(func.sum(Initiative.total_budget).filter(COUNTED), AMOUNT),
            func.count().filter(Initiative.status == Status.CANCELLED),
        ).where(*selection)
    ).one()
    return Portfolio(
        filters=filters,
        initiatives=count,
        amount=_cents(amount),
        by_municipality=_by_municipality(selection),
        by_sector=_by_sector(selection),
        by_donor=_by_donor(selection),
        cancelled=cancelled,
    )


def list_donor_names() -> list[tuple[int, str]]:
    """Every donor of the registry as (id, name), by name, for the filter."""
    return [
        (r.id, r.name)
        for r in db.session.execute(select(Donor.id, Donor.name).order_by(Donor.name))
    ]


def _selection(filters: PortfolioFilters) -> list:
    first, last = date(filters.start_year, 1, 1), date(filters.end_year, 12, 31)
    # public_filter() also leaves out initiatives hidden by moderation.
    clauses = [*public_filter(), Initiative.start_date <= last, Initiative.end_date >= first]
    funding = _funding()
    links = (
        (filters.municipality_id, initiative_municipalities.c.municipality_id),
        (filters.sector, SECTORS.c.sector),
        (filters.donor_id, funding.c.donor_id),
    )
    for value, column in links:
        if value is not None:
            linked = select(column.table.c.initiative_id).where(column == value)
            clauses.append(Initiative.id.in_(linked))
    if filters.country is not None:
        in_country = (
            select(initiative_municipalities.c.initiative_id)
            .join(Municipality, Municipality.id == initiative_municipalities.c.municipality_id)
            .where(Municipality.country == filters.country)
        )
        clauses.append(Initiative.id.in_(in_country))
    return clauses


def _funding():
    """(initiative, donor, amount): each listed donor with 0, and each donor funding line."""
    listed = select(
        initiative_donors.c.initiative_id,
        initiative_donors.c.donor_id,
        literal_column("0").label("amount"),
    )
    paid = select(FundingLine.initiative_id, FundingLine.donor_id, FundingLine.amount).where(
        FundingLine.party == Party.DONOR
    )
    return union_all(listed, paid).subquery()


def _split(link_key, selection: list):
    """Per link key (NULL: none given), counted initiatives and their budgets shared equally."""
    links = func.count().over(partition_by=Initiative.id)
    shares = (
        select(
            link_key.label("key"),
            # numeric / integer: exact in PostgreSQL; SQLAlchemy adds "+ 0.0" for SQLite, which
            # would otherwise truncate 50000 / 3 to 16666.
            (Initiative.total_budget / links).label("share"),
        )
        .select_from(Initiative)
        .outerjoin(link_key.table, link_key.table.c.initiative_id == Initiative.id)
        .where(*selection, COUNTED)
        .subquery()
    )
    return (
        select(
            shares.c.key,
            func.count().label("initiatives"),
            type_coerce(func.sum(shares.c.share), AMOUNT).label("amount"),
        )
        .group_by(shares.c.key)
        .subquery()
    )


def _by_municipality(selection: list) -> list[Row]:
    split = _split(initiative_municipalities.c.municipality_id, selection)
    names = (Municipality.name_sq, Municipality.name_sr_latn, Municipality.name_sr_cyrl)
    stmt = select(
        split.c.initiatives, split.c.amount, Municipality.slug, *names, Municipality.name_en
    ).outerjoin_from(split, Municipality, Municipality.id == split.c.key)
    return _ranked(
        Row(
            r.slug or "",
            localized(r, "name") if r.slug else _("No municipality given"),
            r.initiatives,
            _cents(r.amount),
        )
        for r in db.session.execute(stmt)
    )


def _by_sector(selection: list) -> list[Row]:
    split = _split(SECTORS.c.sector, selection)
    return _ranked(
        Row(
            Sector(r.key).value if r.key else "",
            Sector(r.key).label if r.key else _("No sector given"),
            r.initiatives,
            _cents(r.amount),
        )
        for r in db.session.execute(select(split))
    )


def _by_donor(selection: list) -> list[Row]:
    funding = _funding()
    counted = select(Initiative.id).where(*selection, COUNTED)
    per_donor = (
        select(
            funding.c.donor_id,
            func.count(distinct(funding.c.initiative_id)).label("initiatives"),
            type_coerce(func.sum(funding.c.amount), AMOUNT).label("amount"),
        )
        .where(funding.c.initiative_id.in_(counted))
        .group_by(funding.c.donor_id)
        .subquery()
    )
    stmt = select(Donor.id, Donor.name, per_donor.c.initiatives, per_donor.c.amount).join(
        per_donor, per_donor.c.donor_id == Donor.id
    )
    return _ranked(
        Row(str(r.id), r.name, r.initiatives, _cents(r.amount)) for r in db.session.execute(stmt)
    )


def _ranked(rows) -> list[Row]:
    """Most money first, then most initiatives, then by name; "none given" last."""
    return sorted(rows, key=lambda r: (r.key == "", -r.amount, -r.initiatives, r.label.lower()))


def _cents(amount) -> Decimal:
    return Decimal(amount or 0).quantize(CENT, rounding=ROUND_HALF_UP)
