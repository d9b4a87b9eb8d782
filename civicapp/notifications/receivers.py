"""Turn the domain events features send (civicapp.signals) into notifications.

Connected when civicapp.notifications is imported, which the app factory does through
FEATURES. Receivers run inside the sender's transaction: they add rows and queue e-mail jobs
through services.notify and never commit.
"""

from sqlalchemy import select, union

from civicapp import signals
from civicapp.accounts.models import User
from civicapp.municipalities.models import StaffAssignment
from civicapp.notifications.models import Follow, Kind
from civicapp.notifications.services import notify
from civicapp.priorities.models import Priority, Vote


def _actor_id(actor) -> int | None:
    return getattr(actor, "id", None)


def on_priority_answered(priority: Priority, actor=None, response=None, **_kwargs) -> None:
    """Tell the author, every supporter and every follower (each once) of a new answer."""
    status = getattr(response, "status", None) or priority.status
    audience = union(
        select(Priority.author_id).where(Priority.id == priority.id),
        select(Vote.user_id).where(Vote.priority_id == priority.id),
        select(Follow.user_id).where(Follow.priority_id == priority.id),
    )
    notify(
        Kind.PRIORITY_ANSWERED,
        audience,
        actor_id=_actor_id(actor),
        priority_id=priority.id,
        data={"status": str(status)},
    )


def _tell_staff(kind: Kind, priority: Priority, actor) -> None:
    staff = select(StaffAssignment.user_id).where(
        StaffAssignment.municipality_id == priority.municipality_id
    )
    due_at = priority.due_at.isoformat() if priority.due_at else None
    notify(kind, staff, actor_id=_actor_id(actor), priority_id=priority.id, data={"due_at": due_at})


def on_priority_due(priority: Priority, actor=None, **_kwargs) -> None:
    """Tell the municipality's staff that a first answer is now owed."""
    _tell_staff(Kind.PRIORITY_DUE, priority, actor)


def on_priority_overdue(priority: Priority, actor=None, **_kwargs) -> None:
    """Tell the municipality's staff that a first answer is overdue."""
    _tell_staff(Kind.PRIORITY_OVERDUE, priority, actor)


def _tell_author(kind: Kind, content, actor, reason: str | None) -> None:
    """Tell the author of a priority or comment (any object with author_id) what happened."""
    if getattr(content, "author_id", None) is None:
        return
    is_priority = isinstance(content, Priority)
    data = {"object": "priority" if is_priority else type(content).__name__.lower()}
    if reason:
        data["reason"] = reason
    notify(
        kind,
        select(User.id).where(User.id == content.author_id),
        actor_id=_actor_id(actor),
        priority_id=content.id if is_priority else getattr(content, "priority_id", None),
        data=data,
    )


def on_content_hidden(content, actor=None, reason=None, **_kwargs) -> None:
    """Tell an author their priority or comment was hidden."""
    _tell_author(Kind.CONTENT_HIDDEN, content, actor, reason)


def on_content_restored(content, actor=None, reason=None, **_kwargs) -> None:
    """Tell an author their priority or comment is visible again."""
    _tell_author(Kind.CONTENT_RESTORED, content, actor, reason)


signals.priority_answered.connect(on_priority_answered)
signals.priority_due.connect(on_priority_due)
signals.priority_overdue.connect(on_priority_overdue)
signals.content_hidden.connect(on_content_hidden)
signals.content_restored.connect(on_content_restored)
