"""Reports of content by users: of any subject the registry declares."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.db import str_enum, utcnow
from civicapp.extensions import db
from civicapp.subjects.models import Subject
from civicapp.subjects.registry import type_of


class Reason(StrEnum):
    SPAM = "spam"
    ABUSE = "abuse"
    OFF_TOPIC = "off_topic"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(REASON_LABELS[self])


REASON_LABELS = {
    Reason.SPAM: _l("Spam or advertising"),
    Reason.ABUSE: _l("Abusive, hateful or threatening"),
    Reason.OFF_TOPIC: _l("Off-topic"),
    Reason.OTHER: _l("Something else"),
}
NOTE_MAX = 500
# Moderation actions as the audit log records them.
EVENT_LABELS = {
    "moderation.auto_hidden": _l("Hidden automatically after reports"),
    "moderation.hidden": _l("Hidden by a moderator"),
    "moderation.restored": _l("Restored by a moderator"),
    "moderation.dismissed": _l("Reports dismissed"),
}


class Report(db.Model):
    """One user's report of one subject (a priority, a comment...); a user reports each once."""

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("reporter_id", "subject_id"),
        Index("ix_reports_open", "resolved_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("subjects.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[Reason] = mapped_column(str_enum(Reason, 16))
    note: Mapped[str | None] = mapped_column(String(NOTE_MAX))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    reporter = relationship("User", foreign_keys=[reporter_id])
    resolved_by = relationship("User", foreign_keys=[resolved_by_id])
    subject: Mapped[Subject] = relationship()


def audit_subject(obj) -> str:
    """The audit log's name for a reported object, like "comment:12"."""
    return f"{type_of(obj).kind}:{obj.id}"
