"""Use cases: publish an official answer, rate it, contest it, signal missed deadlines."""

import logging
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from civicapp import cache, signals
from civicapp.audit.services import record_event
from civicapp.db import utcnow
from civicapp.exceptions import Conflict, DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.i18n import language_label
from civicapp.priorities.models import Priority, Status
from civicapp.priorities.policies import listed_priorities
from civicapp.priorities.services import has_supported
from civicapp.responses.models import (
    BODY_MAX,
    BUDGET_MAX,
    REASON_MAX,
    TEXT_MAX,
    YEAR_MAX,
    YEAR_MIN,
    Contest,
    Response,
    ResponseText,
    Satisfaction,
)
from civicapp.responses.policies import can_answer_priority, can_contest_priority

log = logging.getLogger(__name__)
CENT = Decimal("0.01")


class MissingLanguages(DomainError):
    """The answer lacks a text in some official languages of the municipality."""

    def __init__(self, codes: list[str]):
        names = ", ".join(language_label(code) for code in codes)
        super().__init__(
            _(
                "Give the answer in every official language. Missing: %(languages)s.",
                languages=names,
            )
        )
        self.codes = codes


@dataclass
class Draft:
    """What staff wrote: a status, texts by language and the status's own details."""

    status: Status
    texts: dict[str, str] = field(default_factory=dict)
    budget_amount: Decimal | None = None
    budget_year: int | None = None
    reason: str | None = None
    competent_body: str | None = None


def publish_response(actor, priority: Priority, draft: Draft) -> Response:
    """Add an official answer to the priority's timeline and set its status."""
    if not can_answer_priority(actor, priority):
        raise NotAllowed(_("Only staff of the municipality can answer this priority."))
    response = _build_response(actor, priority, draft)
    db.session.add(response)
    db.session.flush()
    now = response.created_at
    # One UPDATE: a concurrent first answer cannot overwrite first_answered_at.
    db.session.execute(
        update(Priority)
        .where(Priority.id == priority.id)
        .values(
            status=draft.status,
            first_answered_at=func.coalesce(Priority.first_answered_at, now),
            last_answered_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(priority)
    signals.priority_answered.send(priority, actor=actor, response=response)
    record_event(
        "priority.answered", actor=actor, subject=priority.reference, status=draft.status.value
    )
    db.session.commit()
    log.info("user %s answered priority %s: %s", actor.id, priority.id, draft.status)
    return response


def _build_response(actor, priority: Priority, draft: Draft) -> Response:
    if draft.status == Status.OPEN:
        raise DomainError(_("Choose the status of the answer."), "status")
    texts = _check_texts(priority.municipality.official_language_codes, draft.texts)
    response = Response(
        priority_id=priority.id, author_id=actor.id, status=draft.status, created_at=utcnow()
    )
    if draft.status == Status.PLANNED:
        response.budget_amount, response.budget_year = _check_budget(draft)
    elif draft.status == Status.REJECTED:
        response.reason = _required(draft.reason, "reason", _("Give the reason for rejecting."))
    elif draft.status == Status.NOT_COMPETENT:
        response.competent_body = _required(
            draft.competent_body, "competent_body", _("Say whose competence it is."), BODY_MAX
        )
    response.texts = [ResponseText(language=code, text=text) for code, text in texts.items()]
    return response


def _check_texts(official: tuple[str, ...], texts: dict[str, str]) -> dict[str, str]:
    cleaned = {code: (text or "").strip() for code, text in texts.items()}
    cleaned = {code: text for code, text in cleaned.items() if text}
    missing = [code for code in official if code not in cleaned]
    if missing:
        raise MissingLanguages(missing)
    too_long = [code for code, text in cleaned.items() if len(text) > TEXT_MAX]
    if too_long:
        raise DomainError(
            _("A text may have at most %(max)s characters.", max=TEXT_MAX), f"text_{too_long[0]}"
        )
    return cleaned


def _check_budget(draft: Draft) -> tuple[Decimal, int]:
    amount = draft.budget_amount
    if amount is None or not amount.is_finite():
        raise DomainError(_("Give the planned budget in euros."), "budget_amount")
    amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    if not Decimal(0) < amount <= BUDGET_MAX:
        raise DomainError(_("The budget must be more than zero euros."), "budget_amount")
    year = draft.budget_year
    if year is None or not YEAR_MIN <= year <= YEAR_MAX:
        raise DomainError(
            _("Give the budget year (%(min)s to %(max)s).", min=YEAR_MIN, max=YEAR_MAX),
            "budget_year",
        )
    return amount, year


def _required(value: str | None, field_name: str, message: str, limit: int = REASON_MAX) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field_name)
    if len(value) > limit:
        raise DomainError(_("At most %(max)s characters, please.", max=limit), field_name)
    return value


def latest_response(priority: Priority) -> Response | None:
    stmt = (
        select(Response)
        .where(Response.priority_id == priority.id)
        .order_by(Response.created_at.desc(), Response.id.desc())
        .limit(1)
    )
    return db.session.scalar(stmt)


def rate_answer(actor, priority: Priority, satisfied: bool) -> None:
    """Record (or change) whether the latest answer satisfied a supporter."""
    response = latest_response(priority)
    if response is None:
        raise DomainError(_("This priority has no official answer yet."))
    if not has_supported(actor, priority):
        raise NotAllowed(_("Only supporters of the priority can rate its answer."))
    values = {"response_id": response.id, "user_id": actor.id, "is_satisfied": satisfied}
    now = utcnow()
    db.session.execute(_upsert(values | {"created_at": now, "updated_at": now}))
    db.session.commit()


def _upsert(values: dict):
    """INSERT … ON CONFLICT DO UPDATE: a race between two clicks cannot break the rule."""
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(Satisfaction).values(**values)
    return stmt.on_conflict_do_update(
        index_elements=["response_id", "user_id"],
        set_={"is_satisfied": stmt.excluded.is_satisfied, "updated_at": stmt.excluded.updated_at},
    )


def contest_status(actor, priority: Priority, reason: str) -> Contest:
    """Let the author contest an "implemented" status, once; it returns to the inbox."""
    if not can_contest_priority(actor, priority):
        raise NotAllowed(_("Only the author can contest an implemented status."))
    if priority.contested_at is not None:
        raise Conflict(_("You have already contested this priority once."))
    reason = _required(reason, "reason", _("Say why you contest the status."))
    response = latest_response(priority)
    if response is None:
        raise DomainError(_("This priority has no official answer yet."))
    contest = Contest(
        priority_id=priority.id, response_id=response.id, author_id=actor.id, reason=reason
    )
    db.session.add(contest)
    priority.contested_at = contest.created_at = utcnow()
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(_("You have already contested this priority once.")) from None
    record_event("priority.contested", actor=actor, subject=priority.reference)
    db.session.commit()
    return contest


def check_deadlines(now: datetime | None = None, batch: int = 500) -> int:
    """Send `priority_overdue` once for every priority whose first answer is late."""
    now = now or utcnow()
    sent = 0
    while True:
        overdue = db.session.scalars(_overdue_unnotified(now).limit(batch)).all()
        for priority in overdue:
            sent += _notify_overdue(priority, now)
        # A commit per batch keeps transactions short when a first run finds thousands.
        db.session.commit()
        if len(overdue) < batch:
            return sent


def _overdue_unnotified(now: datetime):
    return (
        select(Priority)
        .where(
            Priority.due_at < now,
            Priority.first_answered_at.is_(None),
            Priority.overdue_notified_at.is_(None),
            listed_priorities(hidden_index=False),
        )
        .order_by(Priority.due_at, Priority.id)
    )


def _notify_overdue(priority: Priority, now: datetime) -> int:
    # Claim the row first: a second run at the same time updates nothing and sends nothing.
    claimed = db.session.execute(
        update(Priority)
        .where(Priority.id == priority.id, Priority.overdue_notified_at.is_(None))
        .values(overdue_notified_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:
        return 0
    set_committed_value(priority, "overdue_notified_at", now)
    # Pages show a priority overdue from its deadline, which no write marks: cached copies
    # made before the deadline passed are dropped when this batch commits.
    cache.invalidate()
    signals.priority_overdue.send(priority)
    return 1
