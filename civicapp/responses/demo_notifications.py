"""Demo notifications: the demo accounts find answers and deadlines waiting for them."""

from collections.abc import Iterator

from sqlalchemy import insert, or_, select, union

from civicapp.accounts.demo import DEMO_ACCOUNTS
from civicapp.accounts.models import User
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.municipalities.models import StaffAssignment
from civicapp.notifications.models import Follow, Notification
from civicapp.priorities.models import Priority, Vote
from civicapp.priorities.notices import ANSWERED, DUE, OVERDUE
from civicapp.responses.models import Response

PER_USER = 6


def seed(scale: int) -> Iterator[str]:
    """Notify the demo accounts of a few answers and deadlines (marked e-mailed: no mail goes)."""
    users = db.session.scalars(
        select(User).where(User.email.in_([account[0] for account in DEMO_ACCOUNTS]))
    ).all()
    _follow_answered(users)
    rows = [row for user in users for row in _answers_for(user) + _deadlines_for(user)]
    if rows:
        db.session.execute(insert(Notification), rows)
    db.session.commit()
    yield f"demo notifications: {len(rows)}"


def _row(user: User, kind: str, subject_id: int, data: dict, when, index: int) -> dict:
    return dict(
        user_id=user.id,
        kind=kind,
        subject_id=subject_id,
        data=data,
        created_at=when,
        emailed_at=utcnow(),
        read_at=when if index >= 2 else None,  # the newest two stay unread
    )


def _follow_answered(users: list[User]) -> None:
    """Demo citizens follow the most recently answered priorities."""
    answered = db.session.scalars(
        select(Priority.subject_id)
        .where(Priority.last_answered_at.is_not(None))
        .order_by(Priority.last_answered_at.desc())
        .limit(PER_USER // 2)
    ).all()
    citizens = [u for u in users if not u.staff_assignments and not u.is_moderator]
    db.session.add_all(
        Follow(user_id=user.id, subject_id=subject_id)
        for user in citizens
        for subject_id in answered
    )
    db.session.flush()


def _answers_for(user: User) -> list[dict]:
    supported = union(
        select(Vote.priority_id).where(Vote.user_id == user.id),
        select(Priority.id)
        .join(Follow, Follow.subject_id == Priority.subject_id)
        .where(Follow.user_id == user.id),
    )
    answers = db.session.execute(
        select(Priority.subject_id, Response.status, Response.created_at, Response.author_id)
        .join(Priority, Priority.id == Response.priority_id)
        .where(or_(Priority.author_id == user.id, Priority.id.in_(supported)))
        .where(Response.author_id.is_distinct_from(user.id))
        .order_by(Response.created_at.desc())
        .limit(PER_USER)
    ).all()
    return [
        _row(user, ANSWERED, a.subject_id, {"status": str(a.status)}, a.created_at, i)
        for i, a in enumerate(answers)
    ]


def _deadlines_for(user: User) -> list[dict]:
    towns = select(StaffAssignment.municipality_id).where(StaffAssignment.user_id == user.id)
    owed = db.session.execute(
        select(Priority.subject_id, Priority.due_at, Priority.threshold_reached_at)
        .where(Priority.municipality_id.in_(towns), Priority.first_answered_at.is_(None))
        .where(Priority.due_at.is_not(None), Priority.threshold_reached_at.is_not(None))
        .order_by(Priority.due_at)
        .limit(PER_USER)
    ).all()
    return [_deadline_row(user, p, i) for i, p in enumerate(owed)]


def _deadline_row(user: User, owed, index: int) -> dict:
    overdue = owed.due_at < utcnow()
    kind, when = (OVERDUE, owed.due_at) if overdue else (DUE, owed.threshold_reached_at)
    return _row(user, kind, owed.subject_id, {"due_at": owed.due_at.isoformat()}, when, index)
