"""Proposing, editing and withdrawing priorities; supports kept exact by SQL; recounts."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, delete, exists, func, select, update

from civicapp import signals
from civicapp.authz import is_verified
from civicapp.consultations.models import Consultation
from civicapp.db import insert_with_conflicts, utcnow
from civicapp.exceptions import Conflict, DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.i18n import CONTENT_LANGUAGES, normalize_search
from civicapp.municipalities.models import Municipality
from civicapp.priorities.models import Priority, Sector, Vote
from civicapp.priorities.policies import (
    can_edit_priority,
    can_propose_priority,
    can_withdraw_priority,
)
from civicapp.search.services import index_document
from civicapp.text import render_markdown

log = logging.getLogger(__name__)
SEARCH_KIND = "priority"
NO_SYNC = {"synchronize_session": False}


@dataclass
class PriorityDraft:
    """What an author writes; municipality and consultation are fixed once proposed."""

    title: str
    body: str
    sector: Sector
    language: str
    place: str | None = None
    municipality_id: int | None = None
    consultation_id: int | None = None


def make_reference(priority_id: int, year: int) -> str:
    """The public reference of a priority, e.g. PRI-2027-00042."""
    return f"PRI-{year}-{priority_id:05d}"


def searchable_text(title: str, body: str, place: str | None) -> str:
    return " ".join(part for part in (title, body, place) if part)


def propose_priority(actor, draft: PriorityDraft) -> Priority:
    """Publish a new priority with its public reference number."""
    if not can_propose_priority(actor):
        raise NotAllowed(_("Confirm your e-mail address before you propose a priority."))
    municipality = db.session.get(Municipality, draft.municipality_id or 0)
    if municipality is None:
        raise DomainError(_("Choose a municipality."), field="municipality_id")
    consultation = _consultation_for(municipality, draft.consultation_id)
    priority = Priority(
        municipality_id=municipality.id,
        consultation_id=consultation.id if consultation else None,
        author_id=actor.id,
        support_count=0,
        comment_count=0,
        **_content(draft),
    )
    db.session.add(priority)
    db.session.flush()
    priority.reference = make_reference(priority.id, priority.created_at.year)
    index_document(SEARCH_KIND, priority.id, priority.search_text)
    db.session.commit()
    log.info("priority %s proposed by user %s", priority.reference, actor.id)
    return priority


def _consultation_for(municipality: Municipality, consultation_id: int | None):
    if consultation_id is None:
        return None
    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None or consultation.municipality_id != municipality.id:
        raise DomainError(
            _("This consultation is not one of the chosen municipality."), field="consultation_id"
        )
    if not consultation.accepts_proposals:
        raise DomainError(
            _("This consultation does not take proposals at the moment."), field="consultation_id"
        )
    return consultation


def _content(draft: PriorityDraft) -> dict:
    if draft.language not in CONTENT_LANGUAGES:
        raise DomainError(_("Choose the language you wrote in."), field="language")
    title, body = draft.title.strip(), draft.body.strip()
    place = (draft.place or "").strip() or None
    return dict(
        title=title,
        body=body,
        body_html=render_markdown(body),
        sector=Sector(draft.sector),
        place=place,
        language=draft.language,
        search_text=normalize_search(searchable_text(title, body, place)),
    )


def edit_priority(actor, priority: Priority, draft: PriorityDraft) -> None:
    """Change the text of a priority that has no support and no answer yet."""
    if not can_edit_priority(actor, priority):
        raise NotAllowed(_("This priority can no longer be edited."))
    content = _content(draft)
    # Conditional, so that a support given in the meantime wins over the edit.
    result = db.session.execute(
        update(Priority)
        .where(
            Priority.id == priority.id,
            Priority.support_count == 0,
            Priority.first_answered_at.is_(None),
            Priority.withdrawn_at.is_(None),
            Priority.is_hidden.is_(False),  # moderated content is frozen until restored
        )
        .values(**content, updated_at=utcnow())
        .execution_options(**NO_SYNC)
    )
    if result.rowcount != 1:
        db.session.rollback()
        if priority.is_hidden:
            raise NotAllowed(_("This priority can no longer be edited."))
        raise Conflict(
            _("This priority received support or an answer and can no longer be edited.")
        )
    index_document(SEARCH_KIND, priority.id, content["search_text"])
    db.session.commit()
    log.info("priority %s edited by user %s", priority.reference, actor.id)


def withdraw_priority(actor, priority: Priority) -> None:
    """Withdraw a priority: it stays visible, marked, and voting on it closes."""
    if not can_withdraw_priority(actor, priority):
        raise NotAllowed(_("Only the author can withdraw this priority."))
    priority.withdrawn_at = utcnow()
    db.session.commit()
    log.info("priority %s withdrawn by user %s", priority.reference, actor.id)


def has_supported(user, priority: Priority) -> bool:
    """Whether the user supports the priority."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(
        db.session.scalar(
            select(exists().where(Vote.priority_id == priority.id, Vote.user_id == user.id))
        )
    )


def cast_vote(actor, priority: Priority) -> None:
    """Record the actor's support; the count and the deadline follow in the same transaction."""
    if not is_verified(actor):
        raise NotAllowed(_("Confirm your e-mail address before you support a priority."))
    if not priority.voting_open:
        raise DomainError(_("Voting on this priority is closed."))
    if not _insert_vote(priority.id, actor.id):
        message = _("You already support this priority.")  # before the rollback expires actor
        db.session.rollback()
        raise Conflict(message)
    _add_supports(priority.id, 1)
    became_due = _start_deadline(priority)
    db.session.expire(priority)
    if became_due:
        signals.priority_due.send(priority)
    db.session.commit()
    log.info("user %s supports priority %s", actor.id, priority.id)


def _insert_vote(priority_id: int, user_id: int) -> bool:
    """Insert the vote unless the user gave it already; True when this call inserted it.

    The unique constraint decides in the one statement, also between concurrent requests,
    with no savepoint or exception to unwind on a repeated click.
    """
    stmt = _vote_insert(db.session.get_bind().dialect.name)
    values = {"priority_id": priority_id, "user_id": user_id, "created_at": utcnow()}
    return db.session.scalar(stmt, values) is not None


@lru_cache(maxsize=2)
def _vote_insert(dialect: str):
    # Built once, on the table: building it, and the ORM's bulk-insert path, cost more than
    # running it.
    votes = Vote.__table__
    insert = insert_with_conflicts(dialect, votes).values(
        priority_id=bindparam("priority_id"),
        user_id=bindparam("user_id"),
        created_at=bindparam("created_at"),
    )
    stmt = insert.on_conflict_do_nothing(index_elements=[votes.c.priority_id, votes.c.user_id])
    return stmt.returning(votes.c.id)


def withdraw_vote(actor, priority: Priority) -> None:
    """Take the actor's support back while voting is open."""
    if not priority.voting_open:
        raise DomainError(_("Voting on this priority is closed."))
    removed = db.session.execute(
        delete(Vote)
        .where(Vote.priority_id == priority.id, Vote.user_id == actor.id)
        .execution_options(**NO_SYNC)
    )
    if removed.rowcount != 1:
        db.session.rollback()
        raise Conflict(_("You do not support this priority."))
    _add_supports(priority.id, -1)
    db.session.expire(priority)
    db.session.commit()
    log.info("user %s withdrew support from priority %s", actor.id, priority.id)


def _add_supports(priority_id: int, delta: int) -> None:
    db.session.execute(
        update(Priority)
        .where(Priority.id == priority_id)
        .values(support_count=Priority.support_count + delta)
        .execution_options(**NO_SYNC)
    )


def _start_deadline(priority: Priority) -> bool:
    """Set the deadline once, when the supports reach the threshold; True if this call did."""
    now = utcnow()
    result = db.session.execute(
        update(Priority)
        .where(
            Priority.id == priority.id,
            Priority.threshold_reached_at.is_(None),
            Priority.support_count >= priority.support_threshold,
        )
        .values(
            threshold_reached_at=now,
            due_at=now + timedelta(days=priority.municipality.response_days),
        )
        .execution_options(**NO_SYNC)
    )
    return result.rowcount == 1


def _recount_comments() -> int:
    from civicapp.comments.services import recount_comments

    return recount_comments()


# Other counters kept on priorities, by name; each returns the rows it changed.
RECOUNTS: dict[str, Callable[[], int]] = {"comments": _recount_comments}


def recount_supports() -> int:
    """Set every support count from the vote rows; return how many priorities changed."""
    counted = select(func.count(Vote.id)).where(Vote.priority_id == Priority.id).scalar_subquery()
    result = db.session.execute(
        update(Priority)
        .where(Priority.support_count != counted)
        .values(support_count=counted)
        .execution_options(**NO_SYNC)
    )
    db.session.commit()
    if result.rowcount:
        log.warning("support counts corrected on %s priorities", result.rowcount)
    return result.rowcount


def recount_all() -> dict[str, int]:
    """Run every recount: supports, then those other packages registered."""
    return {"supports": recount_supports()} | {name: run() for name, run in RECOUNTS.items()}
