"""Notifications, follows and each user's e-mail setting."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.comments.targets import exactly_one_of
from civicapp.db import str_enum, utcnow
from civicapp.extensions import db


class Kind(StrEnum):
    """What happened; a later feature adds its kinds (and a nullable FK to its target)."""

    PRIORITY_ANSWERED = "priority_answered"
    PRIORITY_DUE = "priority_due"
    PRIORITY_OVERDUE = "priority_overdue"
    CONTENT_HIDDEN = "content_hidden"
    CONTENT_RESTORED = "content_restored"
    INITIATIVE_UPDATE = "initiative_update"
    INITIATIVE_EVENT = "initiative_event"


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
    """One event told to one user; `data` holds only what the sentence needs."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_user_created", "user_id", "created_at"),
        Index("ix_notifications_user_read", "user_id", "read_at"),
        Index("ix_notifications_emailed_created", "emailed_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[Kind] = mapped_column(str_enum(Kind, 32))
    # One explicit, nullable foreign key per kind of target.
    priority_id: Mapped[int | None] = mapped_column(
        ForeignKey("priorities.id", ondelete="CASCADE"), index=True
    )
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    emailed_at: Mapped[datetime | None]

    user = relationship("User", foreign_keys=[user_id])
    priority = relationship("Priority")
    initiative = relationship("Initiative")

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Follow(db.Model):
    """A user who asked to hear about a priority's answers or an initiative's news."""

    __tablename__ = "follows"
    __table_args__ = (
        CheckConstraint(exactly_one_of("priority_id", "initiative_id"), name="one_target"),
        UniqueConstraint("user_id", "priority_id"),
        UniqueConstraint("user_id", "initiative_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # One nullable foreign key per followed target type, named as Comment's (comments/targets.py).
    priority_id: Mapped[int | None] = mapped_column(
        ForeignKey("priorities.id", ondelete="CASCADE"), index=True
    )
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
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
