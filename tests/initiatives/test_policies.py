"""Initiative policies: role × initiative status × organisation status."""

import pytest

from civicapp.accounts.models import Role
from civicapp.extensions import db
from civicapp.initiatives.models import Status
from civicapp.initiatives.policies import (
    can_change_initiative_status,
    can_create_initiative,
    can_edit_initiative,
    can_endorse_initiative,
    can_view_initiative,
)
from civicapp.organisations.models import Status as OrgStatus

ROLES = (
    "anonymous",
    "citizen",
    "org_admin",
    "org_member",
    "other_org_member",
    "staff",
    "other_staff",
    "admin",
)
MEMBERS = {"org_admin", "org_member"}


@pytest.fixture
def people(make_user, make_municipality, make_organisation):
    town, elsewhere = make_municipality("pristina"), make_municipality("prizren")
    users = {
        "anonymous": None,
        "citizen": make_user(),
        "org_admin": make_user(),
        "org_member": make_user(),
        "other_org_member": make_user(),
        "staff": make_user(staff_of=[town]),
        "other_staff": make_user(staff_of=[elsewhere]),
        "admin": make_user(role=Role.ADMIN),
    }
    organisation = make_organisation(
        admin=users["org_admin"], members=[users["org_member"]], municipalities=[town]
    )
    make_organisation(admin=users["other_org_member"])
    return users, organisation, town


def _initiative(people, make_initiative, status, org_status):
    users, organisation, town = people
    initiative = make_initiative(organisation, users["org_admin"], [town], status=status)
    organisation.status = org_status
    db.session.commit()
    return initiative


@pytest.mark.parametrize("org_status", [OrgStatus.VERIFIED, OrgStatus.PENDING, OrgStatus.SUSPENDED])
@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("role", ROLES)
def test_view(people, make_initiative, role, status, org_status):
    initiative = _initiative(people, make_initiative, status, org_status)
    if org_status == OrgStatus.PENDING:
        initiative.organisation.verified_at = None
    public = status != Status.DRAFT and org_status != OrgStatus.PENDING
    assert can_view_initiative(people[0][role], initiative) == (public or role in MEMBERS)


@pytest.mark.parametrize("org_status", [OrgStatus.VERIFIED, OrgStatus.PENDING, OrgStatus.SUSPENDED])
@pytest.mark.parametrize("role", ROLES)
def test_edit(people, make_initiative, role, org_status):
    initiative = _initiative(people, make_initiative, Status.PUBLISHED, org_status)
    expected = role in MEMBERS and org_status != OrgStatus.SUSPENDED
    assert can_edit_initiative(people[0][role], initiative) == expected
    assert can_create_initiative(people[0][role], initiative.organisation) == expected


@pytest.mark.parametrize("org_status", [OrgStatus.VERIFIED, OrgStatus.PENDING, OrgStatus.SUSPENDED])
@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("role", ROLES)
def test_change_status(people, make_initiative, role, status, org_status):
    initiative = _initiative(people, make_initiative, status, org_status)
    expected = (
        role in MEMBERS
        and org_status == OrgStatus.VERIFIED
        and status not in (Status.COMPLETED, Status.CANCELLED)
    )
    assert can_change_initiative_status(people[0][role], initiative) == expected


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("role", ROLES)
def test_endorse(people, make_initiative, role, status):
    initiative = _initiative(people, make_initiative, status, OrgStatus.VERIFIED)
    expected = role == "staff" and status != Status.DRAFT
    assert can_endorse_initiative(people[0][role], initiative) == expected


@pytest.mark.parametrize("role", ROLES)
def test_create_without_organisation_needs_a_membership(people, role):
    expected = role in MEMBERS | {"other_org_member"}
    assert can_create_initiative(people[0][role]) == expected
