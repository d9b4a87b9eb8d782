"""Followers of an initiative hear of its new updates and events; how the news reads."""

from datetime import datetime

from flask_babel import format_datetime, ngettext
from flask_babel import gettext as _

from civicapp import signals
from civicapp.i18n import in_reader_script
from civicapp.notifications.kinds import NoticeKind, register_kind
from civicapp.notifications.messages import title_of
from civicapp.notifications.services import actor_id_of, followers_of, notify

UPDATE = "initiative_update"
EVENT = "initiative_event"


def _record_title(data: dict, key: str) -> str:
    """An update's or event's title, kept in the notification, in the reader's script."""
    return in_reader_script(data.get(key) or "", data.get("language") or "")


def _update(about, data: dict) -> str:
    return _(
        "“%(title)s” posted an update: “%(update)s”",
        title=title_of(about),
        update=_record_title(data, "update"),
    )


def _event(about, data: dict) -> str:
    starts_at = data.get("starts_at")
    return _(
        "“%(title)s” announced an event on %(date)s: “%(event)s”",
        title=title_of(about),
        date=format_datetime(datetime.fromisoformat(starts_at), "short") if starts_at else "?",
        event=_record_title(data, "event"),
    )


register_kind(
    NoticeKind(
        UPDATE,
        _update,
        lambda n: ngettext(
            "%(num)d update of initiatives you follow",
            "%(num)d updates of initiatives you follow",
            n,
        ),
    )
)
register_kind(
    NoticeKind(
        EVENT,
        _event,
        lambda n: ngettext(
            "%(num)d new event of initiatives you follow",
            "%(num)d new events of initiatives you follow",
            n,
        ),
    )
)


def on_update_posted(initiative, actor=None, update=None, **_kwargs) -> None:
    """Tell the initiative's followers of its new update (its author excepted)."""
    data = {"update": update.title, "language": update.language}
    notify(
        UPDATE, followers_of(initiative), actor_id=actor_id_of(actor), about=initiative, data=data
    )


def on_event_scheduled(initiative, actor=None, event=None, **_kwargs) -> None:
    """Tell the initiative's followers of its new event (its author excepted)."""
    data = {
        "event": event.title,
        "language": event.language,
        "starts_at": event.starts_at.isoformat(),
    }
    notify(
        EVENT, followers_of(initiative), actor_id=actor_id_of(actor), about=initiative, data=data
    )


signals.initiative_update_posted.connect(on_update_posted)
signals.initiative_event_scheduled.connect(on_event_scheduled)
