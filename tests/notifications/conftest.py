"""Notification fixtures: a municipality with staff, a priority, supporters, signal helpers."""

from email import message_from_bytes, policy
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from civicapp import signals
from civicapp.extensions import db
from civicapp.mail import outbox_messages
from civicapp.notifications.models import Notification
from civicapp.priorities.models import Status, Vote


@pytest.fixture
def town(make_municipality):
    return make_municipality("pristina")


@pytest.fixture
def author(make_user):
    return make_user(display_name="Arta Author")


@pytest.fixture
def staff(make_user, town):
    return make_user(display_name="Blerim Staff", staff_of=[town])


@pytest.fixture
def priority(make_priority, town, author):
    return make_priority(town, author, title="Clean the river banks")


def support(priority, *users) -> None:
    """Record supports as the votes table holds them."""
    db.session.add_all(Vote(priority_id=priority.id, user_id=user.id) for user in users)
    priority.support_count = len(users)
    db.session.commit()


def answer(priority, actor, status=Status.ACCEPTED, commit=True) -> None:
    """Send the answered signal inside a transaction, as the responses service does."""
    priority.status = status
    signals.priority_answered.send(priority, actor=actor, response=SimpleNamespace(status=status))
    if commit:
        db.session.commit()


def notifications_of(user) -> list[Notification]:
    return db.session.scalars(
        select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
    ).all()


def notification_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Notification))


def mails(app) -> list:
    """The outbox's messages with all their headers, oldest first."""
    return [
        message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in outbox_messages(app.instance_path)
    ]
