"""The sentence and link that tell a user about one notification, in the active language."""

from datetime import datetime

from flask import url_for
from flask_babel import format_date, format_datetime, ngettext
from flask_babel import gettext as _

from civicapp.i18n import in_reader_script
from civicapp.notifications.models import Kind, Notification
from civicapp.priorities.models import Status


def title_of(notification: Notification) -> str:
    """The title of the notification's priority or initiative, in the reader's script."""
    about = notification.priority or notification.initiative
    return in_reader_script(about.title, about.language) if about else ""


def _status_label(value: str | None) -> str:
    try:
        return Status(value).label
    except ValueError:
        return value or ""


def _date(value: str | None) -> str:
    return format_date(datetime.fromisoformat(value)) if value else "?"


def _answered(title: str, data: dict) -> str:
    status = _status_label(data.get("status"))
    return _("The municipality answered “%(title)s”: %(status)s", title=title, status=status)


def _due(title: str, data: dict) -> str:
    return _(
        "“%(title)s” reached its support threshold: a first answer is due by %(date)s.",
        title=title,
        date=_date(data.get("due_at")),
    )


def _overdue(title: str, data: dict) -> str:
    return _(
        "The first answer to “%(title)s” is overdue: it was due by %(date)s.",
        title=title,
        date=_date(data.get("due_at")),
    )


def _hidden(title: str, data: dict) -> str:
    reason, is_comment = data.get("reason"), data.get("object") == "comment"
    if data.get("object") == "initiative":
        return _hidden_initiative(title, reason)
    if reason and is_comment:
        return _(
            "A moderator hid your comment on “%(title)s”. Reason: %(reason)s",
            title=title,
            reason=reason,
        )
    if reason:
        return _(
            "A moderator hid your priority “%(title)s”. Reason: %(reason)s",
            title=title,
            reason=reason,
        )
    if is_comment:
        return _("Your comment on “%(title)s” is hidden until a moderator reviews it.", title=title)
    return _("Your priority “%(title)s” is hidden until a moderator reviews it.", title=title)


def _hidden_initiative(title: str, reason: str | None) -> str:
    if reason:
        return _(
            "A moderator hid your initiative “%(title)s”. Reason: %(reason)s",
            title=title,
            reason=reason,
        )
    return _("Your initiative “%(title)s” is hidden until a moderator reviews it.", title=title)


def _restored(title: str, data: dict) -> str:
    if data.get("object") == "comment":
        return _("Your comment on “%(title)s” is visible again.", title=title)
    if data.get("object") == "initiative":
        return _("Your initiative “%(title)s” is visible again.", title=title)
    return _("Your priority “%(title)s” is visible again.", title=title)


def _record_title(data: dict, key: str) -> str:
    """An update's or event's title, kept in the notification, in the reader's script."""
    return in_reader_script(data.get(key) or "", data.get("language") or "")


def _initiative_update(title: str, data: dict) -> str:
    return _(
        "“%(title)s” posted an update: “%(update)s”",
        title=title,
        update=_record_title(data, "update"),
    )


def _initiative_event(title: str, data: dict) -> str:
    starts_at = data.get("starts_at")
    return _(
        "“%(title)s” announced an event on %(date)s: “%(event)s”",
        title=title,
        date=format_datetime(datetime.fromisoformat(starts_at), "short") if starts_at else "?",
        event=_record_title(data, "event"),
    )


SENTENCES = {
    Kind.PRIORITY_ANSWERED: _answered,
    Kind.PRIORITY_DUE: _due,
    Kind.PRIORITY_OVERDUE: _overdue,
    Kind.CONTENT_HIDDEN: _hidden,
    Kind.CONTENT_RESTORED: _restored,
    Kind.INITIATIVE_UPDATE: _initiative_update,
    Kind.INITIATIVE_EVENT: _initiative_event,
}


def sentence(notification: Notification) -> str:
    """What happened, as one sentence in the active language."""
    return SENTENCES[notification.kind](title_of(notification), notification.data or {})


def link(notification: Notification, external: bool = False) -> str:
    """The page the notification is about."""
    if notification.priority_id is not None:
        return url_for("priorities.show", priority_id=notification.priority_id, _external=external)
    if notification.initiative_id is not None:
        return url_for(
            "initiatives.show", initiative_id=notification.initiative_id, _external=external
        )
    return url_for("notifications.index", _external=external)


def group_heading(kind: Kind, count: int) -> str:
    """A digest section's heading, counted."""
    headings = {
        Kind.PRIORITY_ANSWERED: lambda: ngettext(
            "%(num)d new answer", "%(num)d new answers", count
        ),
        Kind.PRIORITY_DUE: lambda: ngettext(
            "%(num)d priority now owed an answer", "%(num)d priorities now owed an answer", count
        ),
        Kind.PRIORITY_OVERDUE: lambda: ngettext(
            "%(num)d overdue priority", "%(num)d overdue priorities", count
        ),
        Kind.CONTENT_HIDDEN: lambda: ngettext(
            "%(num)d hidden contribution", "%(num)d hidden contributions", count
        ),
        Kind.CONTENT_RESTORED: lambda: ngettext(
            "%(num)d restored contribution", "%(num)d restored contributions", count
        ),
        Kind.INITIATIVE_UPDATE: lambda: ngettext(
            "%(num)d update of initiatives you follow",
            "%(num)d updates of initiatives you follow",
            count,
        ),
        Kind.INITIATIVE_EVENT: lambda: ngettext(
            "%(num)d new event of initiatives you follow",
            "%(num)d new events of initiatives you follow",
            count,
        ),
    }
    return headings[kind]()
