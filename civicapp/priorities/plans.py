"""A consultation's priorities: which it shows, counts and may put into its adopted plan."""

from sqlalchemy import func, select, update

from civicapp.consultations.proposals import Proposals, register_proposals
from civicapp.extensions import db
from civicapp.priorities.models import Priority
from civicapp.priorities.policies import listed_priorities


def visible_priorities(consultation):
    """The consultation's public priorities: those in the plan first, then by support."""
    return (
        select(Priority)
        .where(Priority.consultation_id == consultation.id, listed_priorities())
        .order_by(Priority.adopted_in_plan.desc(), Priority.support_count.desc(), Priority.id)
    )


def plan_candidates(consultation, priority_ids: set[int]) -> set[int]:
    """Of the given priorities, those the plan may include: the consultation's public ones."""
    stmt = select(Priority.id).where(
        Priority.consultation_id == consultation.id,
        Priority.id.in_(priority_ids),
        listed_priorities(),
    )
    return set(db.session.scalars(stmt))


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


def adopt_into_plan(priority_ids: set[int]) -> None:
    """Mark the priorities as put into the plan by the assembly's decision."""
    if priority_ids:
        stmt = update(Priority).where(Priority.id.in_(priority_ids))
        db.session.execute(stmt.values(adopted_in_plan=True))


register_proposals(
    Proposals(
        public=visible_priorities,
        candidates=plan_candidates,
        counts=priority_counts,
        adopt=adopt_into_plan,
    )
)
