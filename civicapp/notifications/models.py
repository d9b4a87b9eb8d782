"""Notifications, follows and each user's e-mail setting."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.cache import keep_private
from civicapp.db import str_enum, utcnow
from civicapp.extensions import db

KIND_MAX = 40


class EmailMode(StrEnum):
    IMMEDIATE = "immediate"
    DAILY = "daily"
    NONE = "none"

    @property
    def label(self) -> str:
        return str(EMAIL_MODE_LABELS[self])


EMAIL_MODE_LABELS = {
    EmailMode.IMMEDIATE: _l("Immediately, one e-mail per notification"),
    EmailMode.DAILY: _l("Once a day, a digest of the day's notifications"),
    EmailMode.NONE: _l("Never: only on this site"),
}


class Notification(db.Model):
    """One event told to one user; `data` holds only what the sentence needs.

    `kind` is one of the kinds features declare (notifications.kinds), checked when notifying.
    """

    __tablename__ = "notifications"
    __table_args__ = (
        CheckConstraint(f"length(kind) BETWEEN 1 AND {KIND_MAX}", name="kind_length"),
        Index("ix_notifications_user_created", "user_id", "created_at"),
        Index("ix_notifications_user_read", "user_id", "read_at"),
        Index("ix_notifications_emailed_created", "emailed_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(KIND_MAX))
    # What it is about: a priority, an initiative, a comment... (its subject).
    subject_id: Mapped[int | None] = mapped_column(
        ForeignKey("subjects.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    emailed_at: Mapped[datetime | None]

    user = relationship("User", foreign_keys=[user_id])
    about = None  # the subject's object, set by services.attach_about (not a column)

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Follow(db.Model):
    """A user who asked to hear about a subject: a priority's answers, an initiative's news."""

    __tablename__ = "follows"
    __table_args__ = (UniqueConstraint("user_id", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("subjects.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class NotificationSetting(db.Model):
    """How a user wants notifications by e-mail; no row means the default, immediately."""

    __tablename__ = "notification_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    email_mode: Mapped[EmailMode] = mapped_column(
        str_enum(EmailMode, 16), default=EmailMode.IMMEDIATE
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# One user's notifications and follows: no visitor's page shows them (cached pages stay valid).
keep_private("notifications")
keep_private("follows")
