"""Who may do what with an organisation: a role × state matrix for every policy."""

import pytest
from flask_login import AnonymousUserMixin

from civicapp.accounts.models import Role
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.organisations import policies
from civicapp.organisations.models import Invitation, MemberRole, Membership, Status

ROLES = (
    "anonymous",
    "citizen",
    "org_admin",
    "org_member",
    "unverified_member",  # a member whose e-mail address is not confirmed
    "other_org_admin",  # admin of another organisation, nothing here
    "platform_admin",
)
STATES = ("pending", "verified", "suspended", "refused")  # refused: suspended, never verified
MEMBERS = {"org_admin", "org_member", "unverified_member"}
EXPECTED = {
    "can_view_organisation": lambda role, state: (
        state in ("verified", "suspended") or role in MEMBERS | {"platform_admin"}
    ),
    "can_view_members": lambda role, state: role in MEMBERS | {"platform_admin"},
    "can_edit_organisation": lambda role, state: role == "org_admin",
    "can_manage_members": lambda role, state: role == "org_admin",
    # The only admin cannot leave; see the test below for two admins.
    "can_leave_organisation": lambda role, state: role in {"org_member", "unverified_member"},
    "can_verify_organisation": lambda role, state: role == "platform_admin",
    "can_draft_for_organisation": lambda role, state: (
        role in MEMBERS and state in ("pending", "verified")
    ),
    "can_publish_for_organisation": lambda role, state: (
        role in {"org_admin", "org_member"} and state == "verified"
    ),
    "can_register_organisation": lambda role, state: role not in {"anonymous", "unverified_member"},
}


@pytest.fixture
def people(make_user, make_organisation):
    users = {
        "anonymous": AnonymousUserMixin(),
        "citizen": make_user(),
        "org_admin": make_user(),
        "org_member": make_user(),
        "unverified_member": make_user(verified=False),
        "other_org_admin": make_user(),
        "platform_admin": make_user(role=Role.ADMIN),
    }
    make_organisation(admin=users["other_org_admin"])
    return users


def organisation_in(state, users, make_organisation):
    status = Status.SUSPENDED if state == "refused" else Status(state)
    return make_organisation(
        admin=users["org_admin"],
        members=[users["org_member"], users["unverified_member"]],
        status=status,
        verified_at=utcnow() if state in ("verified", "suspended") else None,
    )


@pytest.mark.parametrize("policy", sorted(EXPECTED))
@pytest.mark.parametrize("state", STATES)
def test_organisation_policies(people, make_organisation, policy, state):
    organisation = organisation_in(state, people, make_organisation)
    check = getattr(policies, policy)
    allowed = {role: check(people[role], organisation) for role in ROLES}
    assert allowed == {role: EXPECTED[policy](role, state) for role in ROLES}


def test_an_admin_may_leave_once_there_is_another(people, make_organisation):
    organisation = organisation_in("verified", people, make_organisation)
    admin = people["org_admin"]
    assert not policies.can_leave_organisation(admin, organisation)
    membership = db.session.get(Membership, organisation.memberships[1].id)
    membership.role = MemberRole.ADMIN
    db.session.commit()
    assert policies.can_leave_organisation(admin, organisation)


def test_only_the_invited_address_accepts_an_open_invitation(people, make_organisation):
    organisation = organisation_in("verified", people, make_organisation)
    citizen = people["citizen"]
    invitation = Invitation(
        organisation=organisation, email=citizen.email.upper(), created_at=utcnow()
    )
    assert policies.can_accept_invitation(citizen, invitation)
    for role in ("anonymous", "org_member", "platform_admin"):
        assert not policies.can_accept_invitation(people[role], invitation)
    invitation.revoked_at = utcnow()
    assert not policies.can_accept_invitation(citizen, invitation)
