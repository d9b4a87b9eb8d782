"""Turn the domain events features send (civicapp.signals) into notifications.

Connected when civicapp.notifications is imported, which the app factory does through
FEATURES. Receivers run inside the sender's transaction: they add rows and queue e-mail jobs
through services.notify and never commit.
"""

from sqlalchemy import select, union

from civicapp import signals
from civicapp.accounts.models import User
from civicapp.comments.targets import comment_target, target_of
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


def _about(content) -> dict:
    """The notification's foreign key: the content itself, or the target a comment is on."""
    try:
        kind, target_id = target_of(content), content.id
    except LookupError:  # a comment: the notification is about its priority or initiative
        kind, target_id = comment_target(content)
    return {kind.column: target_id}


def _tell_author(kind: Kind, content, actor, reason: str | None) -> None:
    """Tell the author of a priority, initiative or comment (by author_id) what happened."""
    if getattr(content, "author_id", None) is None:
        return
    data = {"object": type(content).__name__.lower()}
    if reason:
        data["reason"] = reason
    notify(
        kind,
        select(User.id).where(User.id == content.author_id),
        actor_id=_actor_id(actor),
        data=data,
        **_about(content),
    )


def on_content_hidden(content, actor=None, reason=None, **_kwargs) -> None:
    """Tell an author their priority, initiative or comment was hidden."""
    _tell_author(Kind.CONTENT_HIDDEN, content, actor, reason)


def on_content_restored(content, actor=None, reason=None, **_kwargs) -> None:
    """Tell an author their priority, initiative or comment is visible again."""
    _tell_author(Kind.CONTENT_RESTORED, content, actor, reason)


def _tell_followers(kind: Kind, initiative, actor, data: dict) -> None:
    followers = select(Follow.user_id).where(Follow.initiative_id == initiative.id)
    notify(kind, followers, actor_id=_actor_id(actor), initiative_id=initiative.id, data=data)


def on_initiative_update_posted(initiative, actor=None, update=None, **_kwargs) -> None:
    """Tell the initiative's followers of its new update (its author excepted)."""
    data = {"update": update.title, "language": update.language}
    _tell_followers(Kind.INITIATIVE_UPDATE, initiative, actor, data)


def on_initiative_event_scheduled(initiative, actor=None, event=None, **_kwargs) -> None:
    """Tell the initiative's followers of its new event (its author excepted)."""
    data = {
        "event": event.title,
        "language": event.language,
        "starts_at": event.starts_at.isoformat(),
    }
    _tell_followers(Kind.INITIATIVE_EVENT, initiative, actor, data)


signals.priority_answered.connect(on_priority_answered)
signals.priority_due.connect(on_priority_due)
signals.priority_overdue.connect(on_priority_overdue)
signals.content_hidden.connect(on_content_hidden)
signals.content_restored.connect(on_content_restored)
signals.initiative_update_posted.connect(on_initiative_update_posted)
signals.initiative_event_scheduled.connect(on_initiative_event_scheduled)
