"""Accountability figures per municipality, computed in SQL from the priorities' rows.

A priority "became due" when its supports reached the threshold (threshold_reached_at, due_at
set); withdrawn and hidden priorities are left out, since they cannot be answered. Every
figure below comes from a constant number of GROUP BY queries, whatever the data size.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Float, and_, case, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.municipalities.models import Municipality
from civicapp.priorities.models import Priority, Status
from civicapp.priorities.policies import listed_priorities

P = Priority


class days_between(FunctionElement):  # noqa: N801  (reads as a SQL function)
    """Days, with fractions, from the second timestamp to the first."""

    type = Float()
    inherit_cache = True


@compiles(days_between)
def _days_between_default(element, compiler, **kw):
    end, start = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(EXTRACT(EPOCH FROM ({end} - {start})) / 86400.0)"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw):
    end, start = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(julianday({end}) - julianday({start}))"


@dataclass
class Figures:
    """One municipality's record; shares are None when nothing became due."""

    municipality: Municipality
    due: int = 0
    answered: int = 0
    decided: int = 0  # answered, or past the deadline: the base of the on-time share
    on_time: int = 0
    overdue: int = 0
    implemented: int = 0
    median_days: float | None = None

    @property
    def answered_share(self) -> float | None:
        return self.answered / self.due if self.due else None

    @property
    def implemented_share(self) -> float | None:
        return self.implemented / self.due if self.due else None

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.decided if self.decided else None


def _owed():
    return and_(
        P.threshold_reached_at.is_not(None),
        P.due_at.is_not(None),
        listed_priorities(hidden_index=False),
    )


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _counts(now: datetime, municipality_id: int | None):
    answered = P.first_answered_at.is_not(None)
    stmt = (
        select(
            P.municipality_id,
            func.count(),
            func.count(P.first_answered_at),
            _count_if(or_(answered, P.due_at < now)),
            _count_if(and_(answered, P.first_answered_at <= P.due_at)),
            _count_if(and_(P.first_answered_at.is_(None), P.due_at < now)),
            _count_if(P.status == Status.IMPLEMENTED),
        )
        .where(_owed())
        .group_by(P.municipality_id)
    )
    if municipality_id is not None:
        stmt = stmt.where(P.municipality_id == municipality_id)
    return {row[0]: [int(value) for value in row[1:]] for row in db.session.execute(stmt)}


def _medians(municipality_id: int | None) -> dict[int, float]:
    """Exact median days from threshold to first answer, by window functions (any backend)."""
    waited = days_between(P.first_answered_at, P.threshold_reached_at)
    # An answer given before the threshold was reached counts as given at once.
    days = case((P.first_answered_at < P.threshold_reached_at, 0.0), else_=waited)
    ranked = select(
        P.municipality_id.label("municipality_id"),
        days.label("days"),
        func.row_number().over(partition_by=P.municipality_id, order_by=days).label("n"),
        func.count().over(partition_by=P.municipality_id).label("total"),
    ).where(_owed(), P.first_answered_at.is_not(None))
    if municipality_id is not None:
        ranked = ranked.where(P.municipality_id == municipality_id)
    r = ranked.subquery()
    # The middle row, or the two middle rows' mean (integer division on both backends).
    stmt = (
        select(r.c.municipality_id, func.avg(r.c.days))
        .where(r.c.n.between((r.c.total + 1) // 2, (r.c.total + 2) // 2))
        .group_by(r.c.municipality_id)
    )
    return {m: float(value) for m, value in db.session.execute(stmt)}


def municipality_figures(municipality: Municipality, now: datetime | None = None) -> Figures:
    """The figures of one municipality (two queries)."""
    return _combine([municipality], now or utcnow(), municipality.id)[0]


def league_figures(now: datetime | None = None) -> list[Figures]:
    """The figures of every municipality (three queries)."""
    municipalities = db.session.scalars(select(Municipality)).all()
    return _combine(municipalities, now or utcnow(), None)


def _combine(municipalities, now: datetime, municipality_id: int | None) -> list[Figures]:
    counts = _counts(now, municipality_id)
    medians = _medians(municipality_id)
    figures = []
    for municipality in municipalities:
        row = counts.get(municipality.id, [0] * 6)
        figures.append(Figures(municipality, *row, median_days=medians.get(municipality.id)))
    return figures


def overdue_priorities(municipality: Municipality, now: datetime | None = None, limit=200):
    """The municipality's priorities whose first answer is late, most overdue first."""
    stmt = (
        select(P)
        .where(
            _owed(),
            P.municipality_id == municipality.id,
            P.first_answered_at.is_(None),
            P.due_at < (now or utcnow()),
        )
        .order_by(P.due_at, P.id)
        .limit(limit)
    )
    return db.session.scalars(stmt).all()


# Column key -> (value of a row, whether the best comes first when sorted descending).
SORTS = {
    "name": (None, False),
    "due": (lambda f: f.due, True),
    "answered": (lambda f: f.answered_share, True),
    "median": (lambda f: f.median_days, False),
    "overdue": (lambda f: f.overdue, False),
    "implemented": (lambda f: f.implemented_share, True),
    "on_time": (lambda f: f.on_time_share, True),
}


def default_descending(key: str) -> bool:
    return SORTS[key][1]


def sort_figures(figures: list[Figures], key: str, descending: bool) -> list[Figures]:
    """Sort by a column; rows with no due priorities (or no value) always come last."""
    from civicapp.i18n import normalize_search

    by_name = sorted(figures, key=lambda f: normalize_search(f.municipality.name))
    value = SORTS[key][0]
    if value is None:
        rows = list(reversed(by_name)) if descending else by_name
        return [f for f in rows if f.due] + [f for f in rows if not f.due]
    ranked = [f for f in by_name if f.due and value(f) is not None]
    rest = [f for f in by_name if not (f.due and value(f) is not None)]
    # Python's sort is stable: equal values stay in name order.
    return sorted(ranked, key=value, reverse=descending) + sorted(rest, key=lambda f: not f.due)
