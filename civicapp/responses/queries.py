"""Read side: a priority's public timeline and the staff inbox, in a constant number of queries."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import selectinload

from civicapp.consultations.models import Consultation
from civicapp.extensions import db
from civicapp.i18n import current_locale
from civicapp.municipalities.models import Municipality
from civicapp.priorities.models import Priority, Sector, Status
from civicapp.priorities.pages import priority_page_section
from civicapp.priorities.policies import listed_priorities
from civicapp.responses.models import Contest, Response, Satisfaction

P = Priority
# The content language a reader of each interface locale reads first.
READER_LANGUAGE = {"sq": "sq", "sr_Latn": "sr", "sr": "sr", "en": "en"}


@dataclass
class Rating:
    satisfied: int
    total: int

    @property
    def share(self) -> float:
        return self.satisfied / self.total if self.total else 0.0


def timeline(priority: Priority) -> list[Response]:
    """The priority's official answers, oldest first, with texts and authors."""
    stmt = (
        select(Response)
        .where(Response.priority_id == priority.id)
        .options(selectinload(Response.texts), selectinload(Response.author))
        .order_by(Response.created_at, Response.id)
    )
    return db.session.scalars(stmt).all()


def ratings(priority: Priority) -> dict[int, Rating]:
    """How many supporters rated each answer of the priority, and how many were satisfied."""
    satisfied = func.sum(case((Satisfaction.is_satisfied.is_(True), 1), else_=0))
    stmt = (
        select(Satisfaction.response_id, satisfied, func.count())
        .join(Response, Response.id == Satisfaction.response_id)
        .where(Response.priority_id == priority.id)
        .group_by(Satisfaction.response_id)
    )
    return {rid: Rating(int(yes or 0), int(total)) for rid, yes, total in db.session.execute(stmt)}


def own_rating(user, response: Response | None) -> bool | None:
    if response is None or not getattr(user, "is_authenticated", False):
        return None
    stmt = select(Satisfaction.is_satisfied).where(
        Satisfaction.response_id == response.id, Satisfaction.user_id == user.id
    )
    return db.session.scalar(stmt)


def split_texts(response: Response, official: tuple[str, ...] = (), locale: str | None = None):
    """The text to show first, the others, and whether the first is in the reader's language.

    First comes the text in the reader's language; without one, the text in the
    municipality's first official language. The others follow the municipality's order.
    """
    order = {code: n for n, code in enumerate(official)}
    texts = sorted(response.texts, key=lambda t: (order.get(t.language, len(order)), t.language))
    wanted = READER_LANGUAGE.get(locale or current_locale())
    first = next((t for t in texts if t.language == wanted), texts[0] if texts else None)
    return (
        first,
        [t for t in texts if t is not first],
        first is not None and first.language == wanted,
    )


@priority_page_section
def answers_context(priority: Priority, user) -> dict:
    """What the priority page's answers section shows (at most four queries)."""
    entries = timeline(priority)
    latest = entries[-1] if entries else None
    contest = None
    if priority.contested_at is not None:
        contest = db.session.scalar(select(Contest).where(Contest.priority_id == priority.id))
    return {
        "answers": entries,
        "latest_answer": latest,
        "answer_ratings": ratings(priority) if entries else {},
        "own_rating": own_rating(user, latest),
        "contest": contest,
    }


def contest_pending(priority: Priority) -> bool:
    """Contested by its author and not answered since."""
    if priority.contested_at is None:
        return False
    return priority.last_answered_at is None or priority.last_answered_at < priority.contested_at


@dataclass
class InboxFilters:
    status: Status | None = None
    overdue: bool = False
    consultation_id: int | None = None
    sector: Sector | None = None
    municipality_id: int | None = None


def inbox_statement(municipality_ids, filters: InboxFilters, now: datetime):
    """Live priorities of the given municipalities, what is due first."""
    unanswered = P.first_answered_at.is_(None)
    pending = and_(
        P.contested_at.is_not(None),
        or_(P.last_answered_at.is_(None), P.last_answered_at < P.contested_at),
    )
    final = P.status.in_([s for s in Status if s.is_final])
    rank = case(
        (pending, 0),
        (and_(unanswered, P.due_at < now), 1),
        (and_(unanswered, P.due_at.is_not(None)), 2),
        (unanswered, 3),
        (~final, 4),
        else_=5,
    )
    stmt = (
        select(P)
        .where(
            P.municipality_id.in_(municipality_ids),
            listed_priorities(hidden_index=False),
        )
        .options(selectinload(P.municipality), selectinload(P.consultation))
        .order_by(rank, P.due_at.asc().nulls_last(), P.support_count.desc(), P.id)
    )
    return _filtered(stmt, filters, now)


def _filtered(stmt, filters: InboxFilters, now: datetime):
    if filters.status is not None:
        stmt = stmt.where(P.status == filters.status)
    if filters.overdue:
        stmt = stmt.where(P.first_answered_at.is_(None), P.due_at < now)
    if filters.consultation_id is not None:
        stmt = stmt.where(P.consultation_id == filters.consultation_id)
    if filters.sector is not None:
        stmt = stmt.where(P.sector == filters.sector)
    if filters.municipality_id is not None:
        stmt = stmt.where(P.municipality_id == filters.municipality_id)
    return stmt


def staff_municipalities(user) -> list[Municipality]:
    ids = sorted(user.staff_municipality_ids)
    return db.session.scalars(select(Municipality).where(Municipality.id.in_(ids))).all()


def staff_consultations(user) -> list[Consultation]:
    stmt = (
        select(Consultation)
        .where(Consultation.municipality_id.in_(user.staff_municipality_ids))
        .order_by(Consultation.created_at.desc(), Consultation.id.desc())
    )
    return db.session.scalars(stmt).all()
