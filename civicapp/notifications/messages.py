"""The sentence and link that tell a user about one notification, in the active language."""

from flask import url_for

from civicapp.notifications.kinds import kind_named
from civicapp.notifications.models import Notification
from civicapp.routing import public_url
from civicapp.subjects.registry import objects_of, type_of


def attach_about(notifications, session=None) -> list[Notification]:
    """Load what each notification is about in a few queries, for its sentence and link."""
    notifications = list(notifications)
    found = objects_of((n.subject_id for n in notifications), session=session)
    for notification in notifications:
        notification.about = found.get(notification.subject_id)
    return notifications


def title_of(about) -> str:
    """The title a notification shows for the object it is about, in the reader's script."""
    return type_of(about).title(about) if about is not None else ""


def sentence(notification: Notification) -> str:
    """What happened, as one sentence in the active language."""
    return kind_named(notification.kind).sentence(notification.about, notification.data or {})


def link(notification: Notification, external: bool = False) -> str:
    """The page the notification is about (for mail: on the public host)."""
    about = notification.about
    if about is not None:
        path = type_of(about).url(about, _external=False)
    else:
        path = url_for("notifications.index", _external=False)
    return public_url(path) if external else path


def group_heading(kind: str, count: int) -> str:
    """A digest section's heading, counted."""
    return kind_named(kind).heading(count)
