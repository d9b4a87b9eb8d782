"""Platform administration: roles, disabling accounts, staff assignments."""

from flask_babel import gettext as _
from sqlalchemy import select

from civicapp.accounts.models import Role, User
from civicapp.audit.services import record_event
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.municipalities.models import Municipality, StaffAssignment

ROLE_ORDER = (Role.CITIZEN, Role.MODERATOR, Role.ADMIN)


def set_role(actor: User | None, user: User, role: Role) -> None:
    """Give a user a platform role; taking a role away ends their sessions."""
    if user.role == role:
        return
    if actor is not None and actor.id == user.id:
        raise DomainError(_("You cannot change your own role."), field="role")
    record_event("role.changed", actor=actor, target_user=user, old=user.role.value, new=role.value)
    if ROLE_ORDER.index(role) < ROLE_ORDER.index(user.role):
        _end_sessions(user)
    user.role = role
    db.session.commit()


def set_disabled(actor: User, user: User, disabled: bool) -> None:
    """Disable (sessions end at once) or re-enable an account."""
    if actor.id == user.id:
        raise DomainError(_("You cannot disable your own account."))
    user.is_disabled = disabled
    _end_sessions(user)
    record_event("user.disabled" if disabled else "user.enabled", actor=actor, target_user=user)
    db.session.commit()


def assign_staff(actor: User | None, user: User, municipality: Municipality) -> StaffAssignment:
    """Make the user staff of the municipality (idempotent)."""
    existing = db.session.scalar(
        select(StaffAssignment).where(
            StaffAssignment.user_id == user.id, StaffAssignment.municipality_id == municipality.id
        )
    )
    if existing is not None:
        return existing
    assignment = StaffAssignment(
        user_id=user.id, municipality_id=municipality.id, assigned_by_id=getattr(actor, "id", None)
    )
    db.session.add(assignment)
    record_event(
        "staff.assigned", actor=actor, target_user=user, subject=f"municipality:{municipality.slug}"
    )
    db.session.commit()
    db.session.expire(user, ["staff_assignments"])
    return assignment


def remove_staff(actor: User, user: User, municipality: Municipality) -> None:
    """Take away the user's staff role in the municipality; their sessions end."""
    assignment = db.session.scalar(
        select(StaffAssignment).where(
            StaffAssignment.user_id == user.id, StaffAssignment.municipality_id == municipality.id
        )
    )
    if assignment is None:
        return
    db.session.delete(assignment)
    _end_sessions(user)
    record_event(
        "staff.removed", actor=actor, target_user=user, subject=f"municipality:{municipality.slug}"
    )
    db.session.commit()
    db.session.expire(user, ["staff_assignments"])


def _end_sessions(user: User) -> None:
    user.session_version = User.session_version + 1
