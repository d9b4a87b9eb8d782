"""Members of an organisation: invitations by signed link, roles, removal, leaving.

An organisation always keeps at least one admin: the last one can neither leave, be demoted
nor be removed. Each change first locks the organisation's row, so two admins demoting each
other at the same moment cannot both succeed.
"""

import hashlib
import logging
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from civicapp.accounts.models import User
from civicapp.accounts.services import find_user_by_email, normalise_email
from civicapp.audit.services import record_event
from civicapp.db import utcnow
from civicapp.exceptions import Conflict, DomainError, InvalidToken, NotAllowed
from civicapp.extensions import db
from civicapp.mail import send_mail
from civicapp.organisations.models import (
    INVITATION_DAYS,
    Invitation,
    MemberRole,
    Membership,
    Organisation,
)
from civicapp.organisations.policies import (
    admin_count,
    can_accept_invitation,
    can_manage_members,
    forget_member_roles,
    is_member_of,
)
from civicapp.organisations.services import subject_of
from civicapp.routing import external_url

log = logging.getLogger(__name__)
TOKEN_SALT = "civicapp.organisation-invitation"


# --- reading ----------------------------------------------------------------------------


def members_of(organisation: Organisation) -> list[Membership]:
    """Members with their accounts, admins first, then by name."""
    return list(
        db.session.scalars(
            select(Membership)
            .join(Membership.user)
            .options(joinedload(Membership.user))
            .where(Membership.organisation_id == organisation.id)
            .order_by(Membership.role, User.display_name, Membership.id)  # admin < member
        )
    )


def member_count(organisation: Organisation) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(Membership)
        .where(Membership.organisation_id == organisation.id)
    )


def open_invitations(organisation: Organisation, email: str | None = None) -> list[Invitation]:
    """Invitations neither accepted, revoked nor expired, newest first."""
    stmt = select(Invitation).where(
        Invitation.organisation_id == organisation.id,
        Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None),
        Invitation.created_at > utcnow() - timedelta(days=INVITATION_DAYS),
    )
    if email is not None:
        stmt = stmt.where(Invitation.email == email)
    return list(db.session.scalars(stmt.order_by(Invitation.created_at.desc(), Invitation.id)))


def get_membership(organisation: Organisation, user_id: int) -> Membership | None:
    return db.session.scalar(
        select(Membership).where(
            Membership.organisation_id == organisation.id, Membership.user_id == user_id
        )
    )


# --- signed, expiring, single-use invitation links ---------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=TOKEN_SALT)


def _fingerprint(invitation: Invitation) -> str:
    """State that accepting or revoking changes, so that a link works once."""
    state = f"{invitation.id}|{invitation.email}|{invitation.accepted_at}|{invitation.revoked_at}"
    return hashlib.sha256(state.encode()).hexdigest()[:20]


def invitation_token(invitation: Invitation) -> str:
    return _serializer().dumps({"i": invitation.id, "f": _fingerprint(invitation)})


def load_invitation(token: str) -> Invitation:
    """The open invitation of a link, or InvalidToken."""
    try:
        payload = _serializer().loads(token, max_age=INVITATION_DAYS * 24 * 3600)
    except BadData as exc:
        raise InvalidToken(
            _("This invitation link is not valid or has expired. Ask for a new one.")
        ) from exc
    invitation_id = payload.get("i") if isinstance(payload, dict) else None
    invitation = None
    if isinstance(invitation_id, int):
        invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or payload.get("f") != _fingerprint(invitation) or not invitation.is_open:
        raise InvalidToken(_("This invitation has already been used or was withdrawn."))
    return invitation


# --- use cases --------------------------------------------------------------------------


def _lock(organisation: Organisation) -> None:
    """Serialise membership changes of one organisation (a no-op on SQLite, which has one
    writer at a time anyway)."""
    db.session.execute(
        select(Organisation.id).where(Organisation.id == organisation.id).with_for_update()
    )


def _require_manager(actor, organisation: Organisation) -> None:
    if not can_manage_members(actor, organisation):
        raise NotAllowed(_("Only the organisation's administrators manage its members."))


def invite_member(actor, organisation: Organisation, email: str, role: MemberRole) -> Invitation:
    """Send an invitation link; an open invitation to the same address is replaced."""
    _require_manager(actor, organisation)
    email = normalise_email(email)
    invitee = find_user_by_email(email)
    if invitee is not None and is_member_of(invitee, organisation):
        raise DomainError(_("This person is already a member."), field="email")
    for older in open_invitations(organisation, email):
        older.revoked_at = utcnow()
    invitation = Invitation(
        organisation_id=organisation.id, email=email, role=MemberRole(role), invited_by_id=actor.id
    )
    db.session.add(invitation)
    db.session.flush()
    locale = invitee.locale if invitee is not None else actor.locale
    send_mail(
        email,
        "organisation_invitation",
        locale,
        inviter=actor.display_name,
        name=organisation.name_and_language(locale)[0],
        role=invitation.role,
        days=INVITATION_DAYS,
        url=external_url("organisations.invitation", token=invitation_token(invitation)),
    )
    record_event(
        "organisation.member_invited",
        actor=actor,
        target_user=invitee,
        subject=subject_of(organisation),
        invitation_id=invitation.id,
        role=invitation.role.value,
    )
    db.session.commit()
    return invitation


def accept_invitation(actor, token: str) -> Membership:
    """Join the organisation of an invitation sent to the actor's own address."""
    invitation = load_invitation(token)
    if not can_accept_invitation(actor, invitation):
        raise NotAllowed(
            _("This invitation was sent to another e-mail address. Sign in with that address.")
        )
    _lock(invitation.organisation)
    db.session.refresh(invitation)
    if not invitation.is_open:
        raise InvalidToken(_("This invitation has already been used or was withdrawn."))
    membership = get_membership(invitation.organisation, actor.id)
    if membership is None:
        membership = Membership(organisation_id=invitation.organisation_id, user_id=actor.id)
        membership.role = invitation.role
        db.session.add(membership)
    elif invitation.role == MemberRole.ADMIN:
        membership.role = MemberRole.ADMIN
    invitation.accepted_at, invitation.accepted_by_id = utcnow(), actor.id
    record_event(
        "organisation.invitation_accepted",
        actor=actor,
        subject=subject_of(invitation.organisation),
        invitation_id=invitation.id,
    )
    _commit_members()
    return membership


def revoke_invitation(actor, invitation: Invitation) -> None:
    """Withdraw an open invitation; its link stops working."""
    _require_manager(actor, invitation.organisation)
    if not invitation.is_open:
        raise DomainError(_("This invitation is no longer open."))
    invitation.revoked_at = utcnow()
    record_event(
        "organisation.invitation_revoked",
        actor=actor,
        subject=subject_of(invitation.organisation),
        invitation_id=invitation.id,
    )
    db.session.commit()


def _keep_an_admin(membership: Membership) -> None:
    if membership.role == MemberRole.ADMIN and admin_count(membership.organisation) <= 1:
        raise DomainError(
            _(
                "The organisation needs at least one administrator. "
                "Make another member an administrator first."
            )
        )


def change_member_role(actor, membership: Membership, role: MemberRole) -> None:
    """Make a member an admin, or an admin a member (never the last admin)."""
    organisation = membership.organisation
    _require_manager(actor, organisation)
    _lock(organisation)
    role = MemberRole(role)
    if role == membership.role:
        return
    if role != MemberRole.ADMIN:
        _keep_an_admin(membership)
    previous, membership.role = membership.role, role
    record_event(
        "organisation.member_role_changed",
        actor=actor,
        target_user=membership.user,
        subject=subject_of(organisation),
        previous=previous.value,
        new=role.value,
    )
    _commit_members()


def remove_member(actor, membership: Membership) -> None:
    """Take a member out of the organisation (never the last admin)."""
    organisation = membership.organisation
    _require_manager(actor, organisation)
    _lock(organisation)
    _keep_an_admin(membership)
    _delete(actor, membership, "organisation.member_removed")


def leave_organisation(actor, organisation: Organisation) -> None:
    """Leave an organisation one belongs to (the last admin hands over first)."""
    membership = get_membership(organisation, actor.id)
    if membership is None:
        raise NotAllowed(_("You are not a member of this organisation."))
    _lock(organisation)
    _keep_an_admin(membership)
    _delete(actor, membership, "organisation.member_left")


def _delete(actor, membership: Membership, action: str) -> None:
    record_event(
        action,
        actor=actor,
        target_user=membership.user,
        subject=subject_of(membership.organisation),
        role=membership.role.value,
    )
    db.session.delete(membership)
    _commit_members()


def _commit_members() -> None:
    try:
        db.session.commit()
    except IntegrityError as exc:  # the same invitation accepted twice at once
        db.session.rollback()
        raise Conflict(_("This invitation has already been used or was withdrawn.")) from exc
    finally:
        forget_member_roles()
