"""Notification use cases: notify, read, follow, choose how to be e-mailed."""

import logging
from functools import cache

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from civicapp import jobs
from civicapp.accounts.models import User
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.notifications.emails import email_notification, user_from_unsubscribe_token
from civicapp.notifications.kinds import kind_named
from civicapp.notifications.messages import attach_about
from civicapp.notifications.models import EmailMode, Follow, Notification, NotificationSetting

log = logging.getLogger(__name__)
PER_PAGE = 20


# --- telling users ---------------------------------------------------------------------------


def actor_id_of(actor) -> int | None:
    """The id of the user who caused an event (None for the system, a periodic job)."""
    return getattr(actor, "id", None)


def notify(kind: str, candidates, *, actor_id=None, about=None, data=None) -> int:
    """Notify each user in `candidates` (a SELECT of user ids) once, in the caller's transaction.

    `kind` is a declared kind (notifications.kinds); `about` the subject the news concerns.
    """
    # One batched INSERT whatever the audience's size (no ORM object per row); e-mail jobs are
    # queued per recipient and dispatched only if the caller commits. Nothing commits here.
    kind_named(kind)  # refuse an undeclared kind before anything is written
    recipients = db.session.execute(_recipients(candidates, actor_id)).all()
    if not recipients:
        return 0
    now, subject_id = utcnow(), getattr(about, "subject_id", None)
    rows = [
        dict(
            user_id=r.id,
            kind=kind,
            subject_id=subject_id,
            actor_id=actor_id,
            data=data or {},
            created_at=now,
        )
        for r in recipients
    ]
    stmt = insert(Notification).returning(Notification.user_id, Notification.id)
    ids = {user_id: notification_id for user_id, notification_id in db.session.execute(stmt, rows)}
    for recipient in recipients:
        if recipient.verified and recipient.mode in (None, EmailMode.IMMEDIATE):
            jobs.enqueue(email_notification, ids[recipient.id])
    log.info("%s: %d notifications about subject %s", kind, len(ids), subject_id)
    return len(ids)


def followers_of(subject) -> object:
    """A SELECT of the ids of the users who follow a subject (for a feature's audiences)."""
    return select(Follow.user_id).where(Follow.subject_id == subject.subject_id)


def _recipients(candidates, actor_id):
    """Active users among the candidates (each once), except the actor, with their mail mode."""
    found = candidates.subquery()
    stmt = (
        select(
            User.id,
            User.email_verified_at.is_not(None).label("verified"),
            NotificationSetting.email_mode.label("mode"),
        )
        .where(User.id.in_(select(found.c[0])), User.is_disabled.is_(False))
        .outerjoin(NotificationSetting, NotificationSetting.user_id == User.id)
        .order_by(User.id)
    )
    return stmt if actor_id is None else stmt.where(User.id != actor_id)


# --- reading --------------------------------------------------------------------------------


def unread_count(user) -> int:
    """How many of the user's notifications are unread."""
    return db.session.scalar(_unread_query(), {"user_id": user.id})


@cache
def _unread_query():
    # Built once: every signed-in page's header asks, and building it cost more than running it.
    return (
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == bindparam("user_id"), Notification.read_at.is_(None))
    )


def notifications_page(user, page: int):
    """One page of the user's notifications, newest first, with what they are about."""
    stmt = (
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    pagination = db.paginate(stmt, page=page, per_page=PER_PAGE, error_out=False)
    attach_about(pagination.items)
    return pagination


def open_notification(actor, notification: Notification) -> None:
    """Mark one of the actor's notifications read."""
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.session.commit()


def mark_all_read(actor) -> int:
    """Mark every unread notification of the actor read; return how many."""
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == actor.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount


# --- following ------------------------------------------------------------------------------


def _followed(user, target) -> tuple:
    """The WHERE of the user's follow of a subject (a priority, an initiative...)."""
    return Follow.user_id == user.id, Follow.subject_id == target.subject_id


def is_following(user, target) -> bool:
    """Whether a signed-in user follows the priority or initiative (no query for visitors)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return db.session.scalar(select(Follow.id).where(*_followed(user, target)).exists().select())


def follow(actor, target) -> None:
    """Start telling the actor about a priority's answers or an initiative's news (once)."""
    if db.session.scalar(select(Follow.id).where(*_followed(actor, target))) is not None:
        return
    db.session.add(Follow(user_id=actor.id, subject_id=target.subject_id))
    try:
        db.session.commit()
    except IntegrityError:  # a second click won the race: the follow exists, as wanted
        db.session.rollback()


def unfollow(actor, target) -> None:
    """Stop telling the actor about the target (a priority's author and supporters still hear)."""
    db.session.execute(delete(Follow).where(*_followed(actor, target)))
    db.session.commit()


# --- e-mail settings ------------------------------------------------------------------------


def email_mode(user) -> EmailMode:
    """How the user wants notifications by e-mail (immediately unless they chose otherwise)."""
    mode = db.session.scalar(
        select(NotificationSetting.email_mode).where(NotificationSetting.user_id == user.id)
    )
    return mode or EmailMode.IMMEDIATE


def set_email_mode(actor, mode: EmailMode) -> None:
    """Save how the actor wants notifications by e-mail."""
    _save_mode(actor.id, mode)
    log.info("user %s: notification e-mails %s", actor.id, mode)


def unsubscribe(token: str) -> User:
    """Turn off notification e-mails for the user a signed unsubscribe link names."""
    user = user_from_unsubscribe_token(token)
    _save_mode(user.id, EmailMode.NONE)
    log.info("user %s unsubscribed from notification e-mails", user.id)
    return user


def _save_mode(user_id: int, mode: EmailMode, retry: bool = True) -> None:
    setting = db.session.scalar(
        select(NotificationSetting).where(NotificationSetting.user_id == user_id)
    )
    if setting is None:
        db.session.add(NotificationSetting(user_id=user_id, email_mode=mode))
    else:
        setting.email_mode = mode
    try:
        db.session.commit()
    except IntegrityError:  # a concurrent request created the row first: update it instead
        db.session.rollback()
        if not retry:
            raise
        _save_mode(user_id, mode, retry=False)
