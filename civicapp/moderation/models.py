"""Reports of content by users; what can be reported is listed in KINDS."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.comments.targets import exactly_one_of, referenced_model
from civicapp.db import str_enum, utcnow
from civicapp.extensions import db


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
    """One user's report of one piece of content; a user reports each piece once."""

    __tablename__ = "reports"
    __table_args__ = (
        CheckConstraint(
            exactly_one_of("comment_id", "priority_id", "initiative_id"), name="one_target"
        ),
        UniqueConstraint("reporter_id", "comment_id"),
        UniqueConstraint("reporter_id", "priority_id"),
        UniqueConstraint("reporter_id", "initiative_id"),
        Index("ix_reports_open", "resolved_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # One nullable foreign key per kind of content (see KINDS).
    comment_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    priority_id: Mapped[int | None] = mapped_column(
        ForeignKey("priorities.id", ondelete="CASCADE"), index=True
    )
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[Reason] = mapped_column(str_enum(Reason, 16))
    note: Mapped[str | None] = mapped_column(String(NOTE_MAX))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    reporter = relationship("User", foreign_keys=[reporter_id])
    resolved_by = relationship("User", foreign_keys=[resolved_by_id])
    comment = relationship("Comment")
    priority = relationship("Priority")
    initiative = relationship("Initiative")

    @property
    def kind(self) -> "Kind":
        """The kind of content reported."""
        return next(kind for kind in KINDS.values() if getattr(self, kind.column) is not None)

    @property
    def subject(self) -> str:
        """Like "comment:12", as in the audit log."""
        return f"{self.kind.name}:{getattr(self, self.kind.column)}"

    @property
    def content(self):
        """The reported object (the relationship named after its kind)."""
        return getattr(self, self.kind.name)


@dataclass(frozen=True)
class Kind:
    """A kind of reportable content: its Report column, label and page."""

    name: str  # in URLs and audit subjects: "comment"
    column: str  # Report's foreign key: "comment_id"
    label: object  # lazy, translated
    hidden_label: object  # the moderators' list of such content hidden now

    @property
    def model(self):
        """The mapped class of this kind, found through Report's foreign key."""
        return referenced_model(Report.__table__.c[self.column])

    def subject(self, obj) -> str:
        """The audit log's name for the object, like "comment:12"."""
        return f"{self.name}:{obj.id}"


KINDS = {
    kind.name: kind
    for kind in (
        Kind("comment", "comment_id", _l("Comment"), _l("Hidden comments")),
        Kind("priority", "priority_id", _l("Priority"), _l("Hidden priorities")),
        Kind("initiative", "initiative_id", _l("Initiative"), _l("Hidden initiatives")),
    )
}


def kind_of(obj) -> Kind:
    """The kind of a reportable object."""
    for kind in KINDS.values():
        if isinstance(obj, kind.model):
            return kind
    raise LookupError(type(obj).__name__)
