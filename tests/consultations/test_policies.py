"""Who may run a consultation, by role and phase."""

import pytest
from flask_login import AnonymousUserMixin

from civicapp.accounts.models import Role
from civicapp.consultations import policies
from civicapp.consultations.models import Phase

ROLES = ("anonymous", "citizen", "unverified", "staff", "other_staff", "moderator", "admin")
RUNS_IT = {"staff", "admin"}  # staff of this municipality, and platform admins
# The phases in which each policy lets those who run the consultation act.
PHASES_ALLOWED = {
    "can_manage_consultation": set(Phase),
    "can_edit_consultation": {Phase.PROPOSALS, Phase.VOTING, Phase.CLOSED},
    "can_advance_consultation": {Phase.PROPOSALS, Phase.VOTING},
    "can_adopt_consultation": {Phase.CLOSED},
}


@pytest.fixture
def people(make_user, make_municipality):
    town, other = make_municipality("pristina"), make_municipality("prizren")
    users = {
        "anonymous": AnonymousUserMixin(),
        "citizen": make_user(),
        "unverified": make_user(verified=False),
        "staff": make_user(staff_of=[town]),
        "other_staff": make_user(staff_of=[other]),
        "moderator": make_user(role=Role.MODERATOR),
        "admin": make_user(role=Role.ADMIN),
    }
    return town, users


@pytest.mark.parametrize("policy", sorted(PHASES_ALLOWED))
@pytest.mark.parametrize("phase", list(Phase))
@pytest.mark.parametrize("role", ROLES)
def test_consultation_policies(people, make_consultation, policy, phase, role):
    town, users = people
    consultation = make_consultation(town, phase=phase)
    expected = role in RUNS_IT and phase in PHASES_ALLOWED[policy]
    assert getattr(policies, policy)(users[role], consultation) is expected


@pytest.mark.parametrize("role", ROLES)
def test_who_opens_consultations(people, role):
    town, users = people
    assert policies.can_open_consultation(users[role], town) is (role in RUNS_IT)
    # Without a municipality: anyone who could open one somewhere.
    somewhere = role in RUNS_IT | {"other_staff"}
    assert policies.can_open_consultation(users[role]) is somewhere
    assert policies.can_manage_consultation(users[role], town) is (role in RUNS_IT)
