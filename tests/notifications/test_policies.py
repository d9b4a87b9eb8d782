"""Who may read, open and follow: role × state."""

import pytest

from civicapp.accounts.models import Role
from civicapp.notifications.models import Notification
from civicapp.notifications.policies import (
    can_change_notification_settings,
    can_follow_target,
    can_open_notification,
    can_view_notifications,
)

ROLES = ("anonymous", "citizen", "unverified", "recipient", "staff", "moderator", "admin")


@pytest.fixture
def users(make_user, town, author):
    return {
        "anonymous": None,
        "citizen": make_user(),
        "unverified": make_user(verified=False),
        "recipient": author,
        "staff": make_user(staff_of=[town]),
        "moderator": make_user(role=Role.MODERATOR),
        "admin": make_user(role=Role.ADMIN),
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_user_has_notifications_and_settings(users, role):
    assert can_view_notifications(users[role]) == (role != "anonymous")
    assert can_change_notification_settings(users[role]) == (role != "anonymous")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_recipient_opens_a_notification(users, author, priority, role):
    notification = Notification(
        user_id=author.id, kind="priority_due", subject_id=priority.subject_id
    )
    assert can_open_notification(users[role], notification) == (role == "recipient")
    assert not can_open_notification(users[role], None)


@pytest.mark.parametrize("hidden", [False, True])
@pytest.mark.parametrize("role", ROLES)
def test_signed_in_users_follow_visible_priorities(users, priority, role, hidden):
    priority.is_hidden = hidden
    assert can_follow_target(users[role], priority) == (role != "anonymous" and not hidden)
