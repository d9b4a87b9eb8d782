"""Members: invitations by signed single-use links, roles, removal, leaving, the last admin."""

import re
import time

import pytest
from sqlalchemy import func, select

from civicapp.exceptions import DomainError, InvalidToken, NotAllowed
from civicapp.extensions import db
from civicapp.organisations import members as services
from civicapp.organisations.models import Invitation, MemberRole, Membership
from tests.conftest import outbox


@pytest.fixture
def team(make_user, make_organisation, in_request):
    """An organisation with one admin and one member, and an admin of another organisation."""
    admin, member, other_admin = make_user(), make_user(), make_user()
    organisation = make_organisation(admin=admin, members=[member])
    make_organisation(admin=other_admin)
    return organisation, admin, member, other_admin


def token_from(mail: dict) -> str:
    return re.search(r"/organisations/invitations/(\S+)", mail["body"]).group(1)


def role_of(organisation, user):
    db.session.expire_all()
    membership = services.get_membership(organisation, user.id)
    return membership.role if membership else None


def test_an_invitation_mails_a_link_that_makes_the_invitee_a_member(app, team, make_user):
    organisation, admin, _member, _other = team
    invitee = make_user(email="new@example.org", locale="sq")
    services.invite_member(admin, organisation, " New@Example.org ", MemberRole.MEMBER)
    [mail] = outbox(app)
    assert mail["to"] == "new@example.org"
    assert "Ftesë" in mail["subject"]  # the invitee's language, not the inviter's
    services.accept_invitation(invitee, token_from(mail))
    assert role_of(organisation, invitee) == MemberRole.MEMBER


def test_an_invitation_to_an_unknown_address_is_in_the_inviters_language(app, team):
    organisation, admin, _member, _other = team
    admin.locale = "sr_Latn"
    services.invite_member(admin, organisation, "nobody@example.org", MemberRole.ADMIN)
    [mail] = outbox(app)
    assert "Poziv" in mail["subject"]


def test_a_link_works_once(app, team, make_user):
    organisation, admin, _member, _other = team
    invitee = make_user(email="new@example.org")
    services.invite_member(admin, organisation, invitee.email, MemberRole.ADMIN)
    token = token_from(outbox(app)[0])
    services.accept_invitation(invitee, token)
    assert role_of(organisation, invitee) == MemberRole.ADMIN
    with pytest.raises(InvalidToken):
        services.load_invitation(token)
    with pytest.raises(InvalidToken):
        services.accept_invitation(invitee, token)


def test_an_expired_link_is_refused(app, team, make_user, monkeypatch):
    organisation, admin, _member, _other = team
    invitee = make_user(email="new@example.org")
    eight_days_ago = time.time() - 8 * 24 * 3600
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: eight_days_ago)
    services.invite_member(admin, organisation, invitee.email, MemberRole.MEMBER)
    monkeypatch.undo()
    with pytest.raises(InvalidToken, match="expired"):
        services.accept_invitation(invitee, token_from(outbox(app)[0]))
    assert role_of(organisation, invitee) is None


def test_a_tampered_link_is_refused(app, team, make_user):
    organisation, admin, _member, _other = team
    services.invite_member(admin, organisation, "new@example.org", MemberRole.MEMBER)
    token = token_from(outbox(app)[0])
    for forged in (token[:-2] + "xx", "", "abc.def.ghi"):
        with pytest.raises(InvalidToken):
            services.load_invitation(forged)


def test_only_the_invited_address_accepts(app, team, make_user):
    organisation, admin, _member, _other = team
    make_user(email="new@example.org")
    someone_else = make_user()
    services.invite_member(admin, organisation, "new@example.org", MemberRole.ADMIN)
    with pytest.raises(NotAllowed):
        services.accept_invitation(someone_else, token_from(outbox(app)[0]))
    assert role_of(organisation, someone_else) is None


def test_a_new_invitation_replaces_the_open_one(app, team, make_user):
    organisation, admin, _member, _other = team
    invitee = make_user(email="new@example.org")
    services.invite_member(admin, organisation, invitee.email, MemberRole.MEMBER)
    services.invite_member(admin, organisation, invitee.email, MemberRole.ADMIN)
    first, second = (token_from(m) for m in outbox(app))
    with pytest.raises(InvalidToken):
        services.load_invitation(first)
    assert [i.role for i in services.open_invitations(organisation)] == [MemberRole.ADMIN]
    services.accept_invitation(invitee, second)


def test_a_revoked_invitation_no_longer_works(app, team, make_user):
    organisation, admin, _member, _other = team
    invitee = make_user(email="new@example.org")
    invitation = services.invite_member(admin, organisation, invitee.email, MemberRole.MEMBER)
    services.revoke_invitation(admin, invitation)
    with pytest.raises(InvalidToken):
        services.accept_invitation(invitee, token_from(outbox(app)[0]))
    with pytest.raises(DomainError):
        services.revoke_invitation(admin, invitation)


def test_members_are_not_invited_twice(team):
    organisation, admin, member, _other = team
    with pytest.raises(DomainError) as refused:
        services.invite_member(admin, organisation, member.email, MemberRole.ADMIN)
    assert refused.value.field == "email"


def test_only_this_organisations_admins_manage_its_members(team, make_user):
    organisation, admin, member, other_admin = team
    membership = services.get_membership(organisation, member.id)
    for outsider in (member, other_admin, make_user()):
        with pytest.raises(NotAllowed):
            services.invite_member(outsider, organisation, "x@example.org", MemberRole.MEMBER)
        with pytest.raises(NotAllowed):
            services.change_member_role(outsider, membership, MemberRole.ADMIN)
        with pytest.raises(NotAllowed):
            services.remove_member(outsider, membership)
    assert db.session.scalar(select(func.count()).select_from(Invitation)) == 0
    assert role_of(organisation, member) == MemberRole.MEMBER


def test_the_last_admin_can_neither_be_demoted_removed_nor_leave(team):
    organisation, admin, member, _other = team
    own = services.get_membership(organisation, admin.id)
    with pytest.raises(DomainError, match="at least one administrator"):
        services.change_member_role(admin, own, MemberRole.MEMBER)
    with pytest.raises(DomainError, match="at least one administrator"):
        services.remove_member(admin, own)
    with pytest.raises(DomainError, match="at least one administrator"):
        services.leave_organisation(admin, organisation)
    assert role_of(organisation, admin) == MemberRole.ADMIN


def test_after_handing_over_the_admin_may_step_down_and_leave(team):
    organisation, admin, member, _other = team
    services.change_member_role(admin, services.get_membership(organisation, member.id), "admin")
    services.change_member_role(admin, services.get_membership(organisation, admin.id), "member")
    assert role_of(organisation, admin) == MemberRole.MEMBER
    services.leave_organisation(admin, organisation)
    assert role_of(organisation, admin) is None
    assert role_of(organisation, member) == MemberRole.ADMIN


def test_admins_remove_members_and_members_leave(team, make_user):
    organisation, admin, member, _other = team
    services.remove_member(admin, services.get_membership(organisation, member.id))
    assert role_of(organisation, member) is None
    with pytest.raises(NotAllowed):
        services.leave_organisation(member, organisation)
    newcomer = make_user()
    db.session.add(Membership(organisation_id=organisation.id, user_id=newcomer.id))
    db.session.commit()
    services.leave_organisation(newcomer, organisation)
    assert [m.user_id for m in services.members_of(organisation)] == [admin.id]
