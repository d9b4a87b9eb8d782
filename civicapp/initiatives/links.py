"""Link initiatives to the citizens' priorities they address; municipal endorsements."""

import re

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from civicapp.exceptions import Conflict, DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.initiatives.models import (
    Endorsement,
    Initiative,
    PriorityLink,
    initiative_municipalities,
)
from civicapp.initiatives.policies import (
    can_edit_initiative,
    can_endorse_initiative,
    endorsing_municipalities,
)
from civicapp.initiatives.services import touch
from civicapp.priorities.models import Priority
from civicapp.priorities.policies import listed_priorities

REFERENCE = re.compile(r"PRI-\d{4}-\d{5,}")
CANDIDATES = 50


def find_priority(reference: str | None, priority_id: int | None) -> Priority | None:
    """A priority the public's lists show, by its reference number (PRI-2026-00042) or id."""
    if reference:
        reference = reference.strip().upper()
        if not REFERENCE.fullmatch(reference):
            return None
        stmt = select(Priority).where(Priority.reference == reference)
    elif priority_id:
        stmt = select(Priority).where(Priority.id == priority_id)
    else:
        return None
    return db.session.scalar(stmt.where(listed_priorities()))


def link_priority(actor, initiative: Initiative, priority: Priority | None) -> None:
    """Say that the initiative addresses a priority."""
    if not can_edit_initiative(actor, initiative):
        raise NotAllowed(_("You cannot change this initiative."))
    if priority is None:
        raise DomainError(_("There is no priority with this reference number."), "reference")
    db.session.add(PriorityLink(initiative_id=initiative.id, priority_id=priority.id))
    touch(initiative)
    try:
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise Conflict(
            _("The initiative is already linked to this priority."), "reference"
        ) from exc


def unlink_priority(actor, initiative: Initiative, link: PriorityLink) -> None:
    """Remove a link to a priority."""
    if not can_edit_initiative(actor, initiative) or link.initiative_id != initiative.id:
        raise NotAllowed(_("You cannot change this initiative."))
    db.session.delete(link)
    touch(initiative)
    db.session.commit()


def linked_priorities(initiative: Initiative, public: bool = False) -> list[PriorityLink]:
    """The initiative's links to priorities; public: only to those the public's lists show."""
    stmt = (
        select(PriorityLink)
        .where(PriorityLink.initiative_id == initiative.id)
        .options(selectinload(PriorityLink.priority))
        .order_by(PriorityLink.id)
    )
    if public:
        stmt = stmt.join(Priority, Priority.id == PriorityLink.priority_id).where(
            listed_priorities()
        )
    return list(db.session.scalars(stmt))


def candidate_priorities(initiative: Initiative) -> list[Priority]:
    """Listed priorities of the initiative's municipalities, most supported first."""
    in_area = select(initiative_municipalities.c.municipality_id).where(
        initiative_municipalities.c.initiative_id == initiative.id
    )
    return list(
        db.session.scalars(
            select(Priority)
            .where(Priority.municipality_id.in_(in_area), listed_priorities())
            .order_by(Priority.support_count.desc(), Priority.id)
            .limit(CANDIDATES)
        )
    )


def initiatives_for_priority(priority: Priority) -> list[Initiative]:
    """Public initiatives that say they work on a priority."""
    from civicapp.initiatives.queries import public_filter

    return list(
        db.session.scalars(
            select(Initiative)
            .join(PriorityLink, PriorityLink.initiative_id == Initiative.id)
            .where(PriorityLink.priority_id == priority.id, *public_filter())
            .options(selectinload(Initiative.organisation))
            .order_by(Initiative.id.desc())
        )
    )


def endorse_initiative(actor, initiative: Initiative, municipality_id: int, statement: str):
    """Endorse an initiative for the actor's municipality, with a short statement."""
    allowed = {m.id for m in endorsing_municipalities(actor, initiative)}
    if not can_endorse_initiative(actor, initiative) or municipality_id not in allowed:
        raise NotAllowed(_("You cannot endorse this initiative."))
    statement = (statement or "").strip()
    if not 1 <= len(statement) <= 500:
        raise DomainError(_("Write a statement of at most 500 characters."), "statement")
    db.session.add(
        Endorsement(
            initiative_id=initiative.id,
            municipality_id=municipality_id,
            author_id=actor.id,
            statement=statement,
        )
    )
    try:
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise Conflict(_("Your municipality has already endorsed this initiative.")) from exc


def endorsements_of(initiative: Initiative) -> list[Endorsement]:
    return list(
        db.session.scalars(
            select(Endorsement)
            .where(Endorsement.initiative_id == initiative.id)
            .options(selectinload(Endorsement.municipality), selectinload(Endorsement.author))
            .order_by(Endorsement.id)
        )
    )
