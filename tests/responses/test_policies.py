"""Who may answer, read the inbox, rate an answer and contest a status: role × state."""

import pytest

from civicapp.accounts.models import Role
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Status
from civicapp.responses.policies import (
    can_answer_priority,
    can_contest_priority,
    can_rate_answer,
    can_view_inbox,
)

ROLES = ("anonymous", "citizen", "author", "staff", "other_staff", "moderator", "admin")
STATES = ("open", "answered", "implemented", "withdrawn", "hidden")


@pytest.fixture
def users(make_user, make_municipality, town, author, staff):
    other = make_municipality("prizren")
    return {
        "anonymous": None,
        "citizen": make_user(),
        "author": author,
        "staff": staff,
        "other_staff": make_user(staff_of=[other]),
        "moderator": make_user(role=Role.MODERATOR),
        "admin": make_user(role=Role.ADMIN),
    }


def in_state(priority, state):
    if state == "answered":
        priority.status = Status.PLANNED
    elif state == "implemented":
        priority.status = Status.IMPLEMENTED
    elif state == "withdrawn":
        priority.withdrawn_at = utcnow()
    elif state == "hidden":
        priority.is_hidden = True
    db.session.commit()
    return priority


def expected_answer(role, state):
    return role == "staff" and state not in ("withdrawn", "hidden")


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_only_staff_of_the_municipality_answer_live_priorities(users, priority, role, state):
    assert can_answer_priority(users[role], in_state(priority, state)) == expected_answer(
        role, state
    )


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_have_an_inbox(users, role):
    assert can_view_inbox(users[role]) == (role in ("staff", "other_staff"))


@pytest.mark.parametrize("supported", [True, False])
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_supporters_rate_answers(users, priority, role, state, supported):
    allowed = role != "anonymous" and supported and state in ("answered", "implemented")
    assert can_rate_answer(users[role], in_state(priority, state), supported) == allowed


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_only_the_author_contests_an_implemented_status(users, priority, role, state):
    allowed = role == "author" and state == "implemented"
    assert can_contest_priority(users[role], in_state(priority, state)) == allowed


def test_nothing_is_allowed_without_a_priority(users):
    staff = users["staff"]
    assert not can_answer_priority(staff, None)
    assert not can_rate_answer(staff, None, True)
    assert not can_contest_priority(staff, None)
