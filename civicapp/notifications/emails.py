"""Notification e-mails: the immediate e-mail job, daily digests and one-click unsubscribe."""

import logging
from datetime import datetime, timedelta
from itertools import groupby

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadData, URLSafeSerializer
from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload

from civicapp import jobs
from civicapp.accounts.models import User
from civicapp.db import utcnow
from civicapp.exceptions import InvalidToken
from civicapp.extensions import db
from civicapp.i18n import DEFAULT_LOCALE, parse_locale
from civicapp.mail import deliver_mail
from civicapp.notifications import messages
from civicapp.notifications.kinds import kind_order
from civicapp.notifications.models import EmailMode, Notification, NotificationSetting
from civicapp.routing import external_url

log = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "civicapp.notifications.unsubscribe"
DIGEST_WINDOW = timedelta(days=1)


# --- one-click unsubscribe (RFC 8058) -------------------------------------------------------


def _serializer() -> URLSafeSerializer:
    # No expiry: an old e-mail's unsubscribe link must keep working.
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(user_id: int) -> str:
    return _serializer().dumps(user_id)


def user_from_unsubscribe_token(token: str) -> User:
    """The user an unsubscribe token was made for, or InvalidToken."""
    try:
        user_id = _serializer().loads(token)
    except BadData as exc:
        raise InvalidToken(_("This unsubscribe link is not valid.")) from exc
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None:
        raise InvalidToken(_("This unsubscribe link is not valid."))
    return user


def unsubscribe_headers(token: str) -> dict:
    """List-Unsubscribe headers: mail clients POST to the URL with no session (RFC 8058)."""
    url = external_url("notifications.unsubscribe_one_click", token=token)
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


# --- rendering ------------------------------------------------------------------------------


def render_message(user: User, template: str, notifications: list[Notification]) -> dict:
    """The deliver_mail arguments of a message to the user, in the user's language."""
    # Rendered from the Jinja environment, not render_template: jobs and the digest command run
    # outside requests, where the site's page context processors cannot run.
    token = unsubscribe_token(user.id)
    with force_locale(parse_locale(user.locale) or DEFAULT_LOCALE):
        context = _context(user, notifications, token)
        body = current_app.jinja_env.get_template(f"mail/{template}.txt").render(**context)
    subject, _sep, text = body.partition("\n")
    return {
        "to": user.email,
        "subject": " ".join(subject.split()),
        "text": text.lstrip("\n"),
        "headers": unsubscribe_headers(token),
    }


def _context(user: User, notifications: list[Notification], token: str) -> dict:
    items = [(n.kind, messages.sentence(n), messages.link(n, external=True)) for n in notifications]
    groups = [
        (messages.group_heading(kind, len(rows)), [(text, url) for _k, text, url in rows])
        for kind, rows in ((k, list(g)) for k, g in groupby(items, key=lambda item: item[0]))
    ]
    return {
        "user": user,
        "items": items,
        "groups": groups,
        "total": len(items),
        "settings_url": external_url("notifications.settings"),
        "unsubscribe_url": external_url("notifications.unsubscribe", token=token),
    }


# --- immediate e-mails ----------------------------------------------------------------------


def email_notification(notification_id: int) -> None:
    """Job: e-mail one notification to its user, unless already sent or no longer wanted."""
    # Its own session: inline jobs run while the request's session is finishing its commit.
    with Session(db.engine) as session:
        notification = session.get(
            Notification, notification_id, options=[joinedload(Notification.user)]
        )
        if notification is None or notification.emailed_at is not None:
            return
        user = notification.user
        if not _wants_mail_now(session, user):
            return
        messages.attach_about([notification], session=session)
        deliver_mail(**render_message(user, "notification", [notification]))
        notification.emailed_at = utcnow()
        session.commit()


def _wants_mail_now(session: Session, user: User) -> bool:
    mode = session.scalar(
        select(NotificationSetting.email_mode).where(NotificationSetting.user_id == user.id)
    )
    usable = user.email_verified_at is not None and not user.is_disabled
    return usable and mode in (None, EmailMode.IMMEDIATE)


# --- daily digests --------------------------------------------------------------------------


def send_daily_digests(now: datetime | None = None, window: timedelta = DIGEST_WINDOW) -> int:
    """E-mail each daily-digest user their notifications of the window not yet e-mailed."""
    # One transaction per user's digest, which marks its notifications e-mailed: a failure does
    # not resend the others, and running again sends nothing new.
    now = now or utcnow()
    since = now - window
    user_ids = db.session.scalars(_digest_users(since, now)).all()
    sent = sum(_send_digest(db.session.get(User, user_id), since, now) for user_id in user_ids)
    log.info("daily digests: %d sent", sent)
    return sent


def _pending(since: datetime, now: datetime):
    return (
        Notification.emailed_at.is_(None),
        Notification.created_at > since,
        Notification.created_at <= now,
    )


def _digest_users(since: datetime, now: datetime):
    return (
        select(Notification.user_id)
        .join(NotificationSetting, NotificationSetting.user_id == Notification.user_id)
        .join(User, User.id == Notification.user_id)
        .where(NotificationSetting.email_mode == EmailMode.DAILY, *_pending(since, now))
        .where(User.email_verified_at.is_not(None), User.is_disabled.is_(False))
        .group_by(Notification.user_id)
        .order_by(Notification.user_id)
    )


def _send_digest(user: User, since: datetime, now: datetime) -> int:
    notifications = db.session.scalars(
        select(Notification)
        .where(Notification.user_id == user.id, *_pending(since, now))
        .order_by(Notification.created_at)
    ).all()
    messages.attach_about(notifications)
    ids = [n.id for n in notifications]
    claimed = db.session.execute(
        update(Notification)
        .where(Notification.id.in_(ids), Notification.emailed_at.is_(None))
        .values(emailed_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != len(ids):  # a concurrent run is sending this digest
        db.session.rollback()
        return 0
    jobs.enqueue(deliver_mail, **render_message(user, "digest", _in_kind_order(notifications)))
    db.session.commit()
    return 1


def _in_kind_order(notifications: list[Notification]) -> list[Notification]:
    return sorted(notifications, key=lambda n: (kind_order(n.kind), n.created_at, n.id))
