"""Comment policies as a role × state matrix."""

from datetime import timedelta

import pytest

from civicapp.accounts.models import Role, User
from civicapp.comments.models import Comment
from civicapp.comments.policies import (
    can_delete_comment,
    can_edit_comment,
    can_post_comment,
    can_read_comment,
)
from civicapp.db import utcnow
from civicapp.municipalities.models import StaffAssignment
from civicapp.priorities.models import Priority

AUTHOR, OTHER, STAFF, MODERATOR = 1, 2, 3, 4


def user(role: str) -> User | None:
    """A transient user of the role (None for a visitor)."""
    if role == "anonymous":
        return None
    person = User(
        id={"author": AUTHOR, "other": OTHER, "staff": STAFF, "moderator": MODERATOR}[role],
        role=Role.MODERATOR if role == "moderator" else Role.CITIZEN,
        email_verified_at=utcnow(),
    )
    if role == "staff":
        person.staff_assignments = [StaffAssignment(municipality_id=1)]
    return person


def comment(state: str) -> Comment:
    minutes = 16 if state == "old" else 3
    return Comment(
        id=10,
        author_id=AUTHOR,
        target_subject_id=1,
        created_at=utcnow() - timedelta(minutes=minutes),
        deleted_at=utcnow() if state == "deleted" else None,
        is_hidden=state == "hidden",
    )


ROLES = ("author", "other", "staff", "moderator")
STATES = ("fresh", "old", "deleted", "hidden")
# Expected results per policy: {state: set of roles allowed}
MATRIX = {
    can_edit_comment: {"fresh": {"author"}, "old": set(), "deleted": set(), "hidden": set()},
    can_delete_comment: {
        "fresh": {"author"},
        "old": {"author"},
        "deleted": set(),
        "hidden": {"author"},
    },
    can_read_comment: {
        "fresh": set(ROLES),
        "old": set(ROLES),
        "deleted": set(),
        "hidden": {"author", "moderator"},
    },
}


@pytest.mark.parametrize("policy", MATRIX, ids=lambda p: p.__name__)
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_comment_policy_matrix(policy, state, role):
    assert policy(user(role), comment(state)) == (role in MATRIX[policy][state])


@pytest.mark.parametrize("policy", MATRIX, ids=lambda p: p.__name__)
def test_visitors_may_only_read(policy):
    assert policy(None, comment("fresh")) == (policy is can_read_comment)


@pytest.mark.parametrize(
    "role, verified, target_state, allowed",
    [
        ("other", True, "open", True),
        ("staff", True, "open", True),
        ("author", True, "open", True),
        ("other", False, "open", False),
        ("anonymous", False, "open", False),
        ("other", True, "withdrawn", False),
        ("author", True, "hidden", False),
        ("moderator", True, "hidden", False),
    ],
)
def test_can_post_comment(role, verified, target_state, allowed):
    person = user(role)
    if person is not None and not verified:
        person.email_verified_at = None
    target = Priority(
        id=1,
        author_id=AUTHOR,
        is_hidden=target_state == "hidden",
        withdrawn_at=utcnow() if target_state == "withdrawn" else None,
    )
    assert can_post_comment(person, target) is allowed
