"""Updates (the initiative's timeline) and events, written by the lead organisation's members."""

from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import select

from civicapp import signals
from civicapp.db import utcnow
from civicapp.exceptions import DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.initiatives.documents import discard_documents
from civicapp.initiatives.models import Event, EventKind, Initiative, Update
from civicapp.initiatives.policies import can_edit_initiative
from civicapp.initiatives.services import touch
from civicapp.organisations.services import website_problem


def _require(actor, initiative: Initiative, record=None) -> None:
    mine = record is None or record.initiative_id == initiative.id
    if not (mine and can_edit_initiative(actor, initiative)):
        raise NotAllowed(_("You cannot change this initiative."))


def save_update(
    actor, initiative: Initiative, update: Update | None, title: str, body: str, posted_on: date
) -> Update:
    """Post a news update on the initiative's timeline, or correct one."""
    _require(actor, initiative, update)
    posting = update is None
    if posting:
        update = Update(
            initiative_id=initiative.id, author_id=actor.id, language=initiative.language
        )
        db.session.add(update)
    update.title, update.body, update.posted_on = title.strip(), body, posted_on
    touch(initiative)
    if posting:
        _announce(signals.initiative_update_posted, initiative, actor, update=update)
    db.session.commit()
    return update


def delete_update(actor, initiative: Initiative, update: Update) -> None:
    """Delete an update with its documents."""
    _require(actor, initiative, update)
    discard_documents(update=update)
    db.session.delete(update)
    touch(initiative)
    db.session.commit()


@dataclass
class EventDraft:
    kind: EventKind
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str | None = None
    online_url: str | None = None
    agenda: str = ""


def _check_event(draft: EventDraft) -> None:
    if draft.ends_at < draft.starts_at:
        raise DomainError(_("The end cannot be before the start."), field="ends_at")
    if draft.online_url and website_problem(draft.online_url):
        raise DomainError(website_problem(draft.online_url), field="online_url")
    if not (draft.place or draft.online_url):
        raise DomainError(_("Give a place or an online link."), field="place")


def save_event(actor, initiative: Initiative, event: Event | None, draft: EventDraft) -> Event:
    """Announce an event of the initiative, or correct one."""
    _require(actor, initiative, event)
    _check_event(draft)
    announcing = event is None
    if announcing:
        event = Event(initiative_id=initiative.id, author_id=actor.id, language=initiative.language)
        db.session.add(event)
    for name in ("kind", "title", "starts_at", "ends_at", "place", "online_url", "agenda"):
        setattr(
            event, name, getattr(draft, name) or (None if name in ("place", "online_url") else "")
        )
    touch(initiative)
    if announcing:
        _announce(signals.initiative_event_scheduled, initiative, actor, event=event)
    db.session.commit()
    return event


def _announce(signal, initiative: Initiative, actor, **record) -> None:
    """Tell followers (through the signal's receivers) of news on an initiative the public sees."""
    if initiative.is_published and not initiative.is_hidden:
        db.session.flush()
        signal.send(initiative, actor=actor, **record)


def delete_event(actor, initiative: Initiative, event: Event) -> None:
    """Delete an event with its documents."""
    _require(actor, initiative, event)
    discard_documents(event=event)
    db.session.delete(event)
    touch(initiative)
    db.session.commit()


def timeline(initiative: Initiative) -> list[Update]:
    """The initiative's updates, newest first."""
    return list(
        db.session.scalars(
            select(Update)
            .where(Update.initiative_id == initiative.id)
            .order_by(Update.posted_on.desc(), Update.id.desc())
        )
    )


def schedule(initiative: Initiative) -> tuple[list[Event], list[Event]]:
    """The initiative's events: upcoming (soonest first), then past (latest first)."""
    events = list(
        db.session.scalars(
            select(Event).where(Event.initiative_id == initiative.id).order_by(Event.starts_at)
        )
    )
    now = utcnow()
    upcoming = [e for e in events if e.ends_at >= now]
    past = [e for e in reversed(events) if e.ends_at < now]
    return upcoming, past
