"""Consultations: open, edit, move through the phases, adopt; and the lists that show them."""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import format_date, to_user_timezone
from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from civicapp.audit.services import record_event
from civicapp.consultations.models import Consultation, Phase
from civicapp.db import utcnow
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.i18n import CONTENT_LANGUAGES, in_reader_script
from civicapp.municipalities.models import Municipality
from civicapp.priorities.models import Priority
from civicapp.priorities.policies import listed_priorities
from civicapp.text import render_markdown

MAX_THRESHOLD = 100_000
CURRENT_PHASES = (Phase.PROPOSALS, Phase.VOTING, Phase.CLOSED)


@dataclass
class ConsultationData:
    title: str
    description: str
    language: str
    support_threshold: int = 50


@dataclass
class Decision:
    """The municipal assembly's decision that adopts a consultation's plan."""

    reference: str
    decided_on: date
    priority_ids: list[int] = field(default_factory=list)


def open_consultation(actor, municipality: Municipality, data: ConsultationData) -> Consultation:
    """Open a consultation for the municipality, taking proposals from now on."""
    consultation = Consultation(
        municipality_id=municipality.id,
        created_by_id=getattr(actor, "id", None),
        phase=Phase.PROPOSALS,
    )
    _apply(consultation, data)
    consultation.phase_changed_at = utcnow()
    db.session.add(consultation)
    db.session.flush()
    _record("consultation.opened", actor, consultation, title=consultation.title)
    db.session.commit()
    return consultation


def edit_consultation(actor, consultation: Consultation, data: ConsultationData) -> None:
    """Change a consultation's text or threshold; an adopted one stays as it was adopted."""
    if consultation.is_adopted:
        raise DomainError(_("An adopted consultation can no longer be changed."))
    before = (consultation.title, consultation.support_threshold)
    _apply(consultation, data)
    _record(
        "consultation.edited",
        actor,
        consultation,
        title=[before[0], consultation.title],
        support_threshold=[before[1], consultation.support_threshold],
    )
    db.session.commit()


def _apply(consultation: Consultation, data: ConsultationData) -> None:
    title, description = data.title.strip(), data.description.strip()
    if not title:
        raise DomainError(_("Give the consultation a title."), field="title")
    if data.language not in CONTENT_LANGUAGES:
        raise DomainError(_("Choose the language of the text."), field="language")
    if not 1 <= data.support_threshold <= MAX_THRESHOLD:
        message = _("Enter a whole number from %(low)s to %(high)s.", low=1, high=MAX_THRESHOLD)
        raise DomainError(message, field="support_threshold")
    consultation.title = title
    consultation.description = description
    consultation.description_html = render_markdown(description)
    consultation.language = data.language
    consultation.support_threshold = data.support_threshold


def advance_consultation(actor, consultation: Consultation, phase: Phase) -> None:
    """Open voting or close the consultation: one step forward, never back or beyond."""
    if phase == Phase.ADOPTED:
        raise DomainError(_("Record the assembly's decision to adopt the consultation."))
    _change_phase(actor, consultation, phase)
    db.session.commit()


def adopt_consultation(actor, consultation: Consultation, decision: Decision) -> None:
    """Record the assembly's decision and the priorities it put into the plan."""
    reference = decision.reference.strip()
    if not reference:
        raise DomainError(_("Give the reference of the decision."), field="decision_reference")
    _check_decision_date(consultation, decision.decided_on)
    chosen = _plan_priority_ids(consultation, decision.priority_ids)
    _change_phase(actor, consultation, Phase.ADOPTED)
    consultation.decision_reference = reference
    consultation.decision_date = decision.decided_on
    if chosen:
        db.session.execute(
            update(Priority).where(Priority.id.in_(chosen)).values(adopted_in_plan=True)
        )
    _record(
        "consultation.adopted",
        actor,
        consultation,
        reference=reference,
        decided_on=decision.decided_on.isoformat(),
        priority_ids=sorted(chosen),
    )
    db.session.commit()


def _change_phase(actor, consultation: Consultation, phase: Phase) -> None:
    old = consultation.phase
    consultation.advance_to(phase)
    _record("consultation.phase_changed", actor, consultation, old=old.value, new=phase.value)


def _check_decision_date(consultation: Consultation, decided_on: date) -> None:
    today = to_user_timezone(utcnow()).date()
    if decided_on > today:
        raise DomainError(_("The decision date cannot be in the future."), field="decision_date")
    opened_on = to_user_timezone(consultation.created_at).date()
    if decided_on < opened_on:
        message = _(
            "The decision cannot be older than the consultation, opened on %(day)s.",
            day=format_date(opened_on),
        )
        raise DomainError(message, field="decision_date")


def _plan_priority_ids(consultation: Consultation, priority_ids: list[int]) -> set[int]:
    """The chosen priorities, refused whole if one is not a candidate of this consultation."""
    wanted = set(priority_ids)
    if not wanted:
        return wanted
    found = set(db.session.scalars(plan_candidates(consultation).where(Priority.id.in_(wanted))))
    if found != wanted:
        message = _("Only priorities proposed in this consultation can be put into its plan.")
        raise DomainError(message, field="priority_ids")
    return found


def plan_candidates(consultation: Consultation):
    """Ids of the priorities the plan may include: the consultation's public ones."""
    return select(Priority.id).where(
        Priority.consultation_id == consultation.id, listed_priorities()
    )


def _record(action: str, actor, consultation: Consultation, **details) -> None:
    record_event(action, actor=actor, subject=f"consultation:{consultation.id}", **details)


# Reading ------------------------------------------------------------------------------------


def visible_priorities(consultation: Consultation):
    """The consultation's public priorities: those in the plan first, then by support."""
    return (
        select(Priority)
        .where(Priority.consultation_id == consultation.id, listed_priorities())
        .order_by(Priority.adopted_in_plan.desc(), Priority.support_count.desc(), Priority.id)
    )


def list_consultations(municipality: Municipality | None = None, phase: Phase | None = None):
    """Consultations, newest first, optionally of one municipality or in one phase."""
    stmt = select(Consultation).options(joinedload(Consultation.municipality))
    if municipality is not None:
        stmt = stmt.where(Consultation.municipality_id == municipality.id)
    if phase is not None:
        stmt = stmt.where(Consultation.phase == phase)
    return stmt.order_by(Consultation.created_at.desc(), Consultation.id.desc())


def current_consultations(municipality: Municipality, limit: int = 5) -> list[Consultation]:
    """The municipality's consultations that are not adopted yet, newest first."""
    stmt = select(Consultation).where(
        Consultation.municipality_id == municipality.id, Consultation.phase.in_(CURRENT_PHASES)
    )
    stmt = stmt.order_by(Consultation.created_at.desc(), Consultation.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def priority_counts(consultation_ids: list[int]) -> dict[int, int]:
    """Number of public priorities of each consultation, in one query."""
    if not consultation_ids:
        return {}
    stmt = (
        select(Priority.consultation_id, func.count())
        .where(Priority.consultation_id.in_(consultation_ids), listed_priorities())
        .group_by(Priority.consultation_id)
    )
    return dict(db.session.execute(stmt).all())


def description_for_reader(consultation: Consultation) -> str:
    """The description as sanitised HTML, Serbian text in the reader's script."""
    if consultation.language != "sr":
        return consultation.description_html
    return render_markdown(in_reader_script(consultation.description, "sr"))
