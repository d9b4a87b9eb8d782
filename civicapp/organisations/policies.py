"""Who may register, see, edit, manage, verify and publish for organisations.

Rights come from membership in that very organisation: `member_role(user, organisation)` reads
the one Membership row (a unique-index lookup, remembered for the rest of the request).
"""

from flask import g, has_request_context
from sqlalchemy import func, select

from civicapp.authz import is_admin, is_signed_in, is_verified
from civicapp.extensions import db
from civicapp.organisations.models import MemberRole, Membership, Organisation, Status

_MEMO = "_organisation_roles"


def member_role(user, organisation: Organisation | None) -> MemberRole | None:
    """The user's role in the organisation, or None when they are not a member."""
    if not is_signed_in(user) or organisation is None or organisation.id is None:
        return None
    memo = g.setdefault(_MEMO, {}) if has_request_context() else {}
    key = (user.id, organisation.id)
    if key not in memo:
        memo[key] = db.session.scalar(
            select(Membership.role).where(
                Membership.organisation_id == organisation.id, Membership.user_id == user.id
            )
        )
    return memo[key]


def forget_member_roles() -> None:
    """Drop the request's remembered roles (services call it after changing memberships)."""
    if has_request_context():
        g.pop(_MEMO, None)


def admin_count(organisation: Organisation) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(Membership)
        .where(Membership.organisation_id == organisation.id, Membership.role == MemberRole.ADMIN)
    )


def is_member_of(user, organisation) -> bool:
    return member_role(user, organisation) is not None


def is_org_admin(user, organisation) -> bool:
    return member_role(user, organisation) == MemberRole.ADMIN


def can_register_organisation(user, organisation=None) -> bool:
    """Users with a confirmed e-mail address register organisations."""
    return is_verified(user)


def can_view_organisation(user, organisation) -> bool:
    """Organisations verified once are public (suspended ones too); others only to insiders."""
    return organisation.is_public or is_admin(user) or is_member_of(user, organisation)


def can_view_members(user, organisation) -> bool:
    """Members and platform admins see who the members are; the public sees how many."""
    return is_member_of(user, organisation) or is_admin(user)


def can_edit_organisation(user, organisation) -> bool:
    """The organisation's own admins edit its profile."""
    return is_org_admin(user, organisation)


def can_manage_members(user, organisation) -> bool:
    """The organisation's own admins invite, promote and remove members."""
    return is_org_admin(user, organisation)


def can_leave_organisation(user, organisation) -> bool:
    """Members leave, except the last admin, who must hand over first."""
    role = member_role(user, organisation)
    if role is None:
        return False
    return role == MemberRole.MEMBER or admin_count(organisation) > 1


def can_verify_organisation(user, organisation=None) -> bool:
    """Platform admins verify, suspend and reinstate organisations."""
    return is_admin(user)


def can_draft_for_organisation(user, organisation) -> bool:
    """Members prepare content while their organisation is pending or verified."""
    return is_member_of(user, organisation) and organisation.status != Status.SUSPENDED


def can_publish_for_organisation(user, organisation) -> bool:
    """Members with a confirmed address publish only for a verified organisation."""
    return (
        is_verified(user)
        and organisation.status == Status.VERIFIED
        and is_member_of(user, organisation)
    )


def can_accept_invitation(user, invitation) -> bool:
    """The account whose address the open invitation was sent to accepts it."""
    return (
        is_signed_in(user)
        and invitation.is_open
        and user.email.strip().lower() == invitation.email.strip().lower()
    )
