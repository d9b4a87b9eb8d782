"""Who hears of a priority's answers and deadlines, and how the news reads."""

from datetime import datetime

from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from sqlalchemy import select, union

from civicapp import signals
from civicapp.municipalities.models import StaffAssignment
from civicapp.notifications.kinds import NoticeKind, register_kind
from civicapp.notifications.messages import title_of
from civicapp.notifications.services import actor_id_of, followers_of, notify
from civicapp.priorities.models import Priority, Status, Vote

ANSWERED = "priority_answered"
DUE = "priority_due"
OVERDUE = "priority_overdue"


def _status_label(value: str | None) -> str:
    try:
        return Status(value).label
    except ValueError:
        return value or ""


def _date(value: str | None) -> str:
    return format_date(datetime.fromisoformat(value)) if value else "?"


def _answered(about, data: dict) -> str:
    status = _status_label(data.get("status"))
    return _(
        "The municipality answered “%(title)s”: %(status)s", title=title_of(about), status=status
    )


def _due(about, data: dict) -> str:
    return _(
        "“%(title)s” reached its support threshold: a first answer is due by %(date)s.",
        title=title_of(about),
        date=_date(data.get("due_at")),
    )


def _overdue(about, data: dict) -> str:
    return _(
        "The first answer to “%(title)s” is overdue: it was due by %(date)s.",
        title=title_of(about),
        date=_date(data.get("due_at")),
    )


register_kind(
    NoticeKind(
        ANSWERED, _answered, lambda n: ngettext("%(num)d new answer", "%(num)d new answers", n)
    )
)
register_kind(
    NoticeKind(
        DUE,
        _due,
        lambda n: ngettext(
            "%(num)d priority now owed an answer", "%(num)d priorities now owed an answer", n
        ),
    )
)
register_kind(
    NoticeKind(
        OVERDUE,
        _overdue,
        lambda n: ngettext("%(num)d overdue priority", "%(num)d overdue priorities", n),
    )
)


def on_priority_answered(priority: Priority, actor=None, response=None, **_kwargs) -> None:
    """Tell the author, every supporter and every follower (each once) of a new answer."""
    status = getattr(response, "status", None) or priority.status
    audience = union(
        select(Priority.author_id).where(Priority.id == priority.id),
        select(Vote.user_id).where(Vote.priority_id == priority.id),
        followers_of(priority),
    )
    notify(
        ANSWERED,
        audience,
        actor_id=actor_id_of(actor),
        about=priority,
        data={"status": str(status)},
    )


def _tell_staff(kind: str, priority: Priority, actor) -> None:
    staff = select(StaffAssignment.user_id).where(
        StaffAssignment.municipality_id == priority.municipality_id
    )
    due_at = priority.due_at.isoformat() if priority.due_at else None
    notify(kind, staff, actor_id=actor_id_of(actor), about=priority, data={"due_at": due_at})


def on_priority_due(priority: Priority, actor=None, **_kwargs) -> None:
    """Tell the municipality's staff that a first answer is now owed."""
    _tell_staff(DUE, priority, actor)


def on_priority_overdue(priority: Priority, actor=None, **_kwargs) -> None:
    """Tell the municipality's staff that a first answer is overdue."""
    _tell_staff(OVERDUE, priority, actor)


signals.priority_answered.connect(on_priority_answered)
signals.priority_due.connect(on_priority_due)
signals.priority_overdue.connect(on_priority_overdue)
