"""Moderation policies as a role × state matrix."""

import pytest

from civicapp.moderation.policies import can_moderate, can_report_content, can_view_content
from tests.comments.test_policies import comment, user

ROLES = ("anonymous", "author", "other", "staff", "moderator")
MATRIX = {
    can_report_content: {
        "fresh": {"other", "staff", "moderator"},
        "old": {"other", "staff", "moderator"},
        "deleted": set(),
        "hidden": set(),
    },
    can_view_content: {
        "fresh": set(ROLES),
        "old": set(ROLES),
        "deleted": set(ROLES),  # the thread shows its placeholder
        "hidden": {"author", "moderator"},
    },
    can_moderate: {state: {"moderator"} for state in ("fresh", "old", "deleted", "hidden")},
}


@pytest.mark.parametrize("policy", MATRIX, ids=lambda p: p.__name__)
@pytest.mark.parametrize("state", ("fresh", "old", "deleted", "hidden"))
@pytest.mark.parametrize("role", ROLES)
def test_moderation_policy_matrix(policy, state, role):
    assert policy(user(role), comment(state)) == (role in MATRIX[policy][state])


def test_unverified_users_cannot_report():
    person = user("other")
    person.email_verified_at = None
    assert not can_report_content(person, comment("fresh"))
