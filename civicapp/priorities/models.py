"""Priority and vote models, sectors and official statuses."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.db import TimestampMixin, str_enum, utcnow
from civicapp.extensions import db
from civicapp.sectors import SECTOR_LABELS, Sector  # noqa: F401  (re-exported)
from civicapp.subjects.models import SubjectMixin


class Status(StrEnum):
    """Official status of a priority; OPEN until the municipality first answers."""

    OPEN = "open"
    RECEIVED = "received"
    UNDER_REVIEW = "under_review"
    ACCEPTED = "accepted"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"
    REJECTED = "rejected"
    NOT_COMPETENT = "not_competent"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])

    @property
    def is_final(self) -> bool:
        return self in (Status.IMPLEMENTED, Status.REJECTED, Status.NOT_COMPETENT)


STATUS_LABELS = {
    Status.OPEN: _l("Awaiting answer"),
    Status.RECEIVED: _l("Received"),
    Status.UNDER_REVIEW: _l("Under review"),
    Status.ACCEPTED: _l("Accepted"),
    Status.PLANNED: _l("Planned"),
    Status.IN_PROGRESS: _l("In progress"),
    Status.IMPLEMENTED: _l("Implemented"),
    Status.REJECTED: _l("Rejected"),
    Status.NOT_COMPETENT: _l("Not the municipality's competence"),
}


class Priority(SubjectMixin, TimestampMixin, db.Model):
    __tablename__ = "priorities"
    subject_kind = "priority"
    __table_args__ = (
        CheckConstraint("support_count >= 0", name="support_count_positive"),
        CheckConstraint("comment_count >= 0", name="comment_count_positive"),
        Index("ix_priorities_municipality_status", "municipality_id", "status"),
        # Lists: a page of the most supported or newest, with or without a municipality,
        # read in index order (is_hidden is in every list's WHERE, id breaks ties).
        Index(
            "ix_priorities_municipality_support",
            "municipality_id",
            "is_hidden",
            "support_count",
            "id",
        ),
        Index(
            "ix_priorities_municipality_newest", "municipality_id", "is_hidden", "created_at", "id"
        ),
        Index("ix_priorities_supported", "is_hidden", "support_count", "id"),
        Index("ix_priorities_consultation_support", "consultation_id", "support_count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Public reference for letters and meetings, e.g. PRI-2027-00042 (year of proposal, id).
    reference: Mapped[str | None] = mapped_column(String(20), unique=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipalities.id", ondelete="CASCADE")
    )
    consultation_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultations.id", ondelete="SET NULL"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)  # Markdown as written
    body_html: Mapped[str] = mapped_column(Text)  # rendered and sanitised with nh3
    sector: Mapped[Sector] = mapped_column(str_enum(Sector, 24), index=True)
    place: Mapped[str | None] = mapped_column(String(120))  # village or neighbourhood
    language: Mapped[str] = mapped_column(String(5))
    status: Mapped[Status] = mapped_column(str_enum(Status, 16), default=Status.OPEN)
    support_count: Mapped[int] = mapped_column(Integer, default=0)
    comment_count: Mapped[int] = mapped_column(Integer, default=0)
    threshold_reached_at: Mapped[datetime | None]
    due_at: Mapped[datetime | None] = mapped_column(index=True)  # first answer owed by then
    first_answered_at: Mapped[datetime | None]
    last_answered_at: Mapped[datetime | None] = mapped_column(index=True)
    adopted_in_plan: Mapped[bool] = mapped_column(default=False)
    withdrawn_at: Mapped[datetime | None]
    is_hidden: Mapped[bool] = mapped_column(default=False, index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Official answers (civicapp.responses): the author's one contest of an "implemented"
    # status, and when the overdue signal was sent (so `flask responses check-deadlines` sends
    # it once per priority).
    contested_at: Mapped[datetime | None]
    overdue_notified_at: Mapped[datetime | None]

    municipality = relationship("Municipality")
    consultation = relationship("Consultation")
    author = relationship("User")

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def is_overdue(self) -> bool:
        """Owed a first answer whose deadline has passed."""
        return self.first_answered_at is None and self.due_at is not None and self.due_at < utcnow()

    @property
    def support_threshold(self) -> int:
        """Supports after which the municipality owes a first answer."""
        if self.consultation_id is not None:
            return self.consultation.support_threshold
        return self.municipality.support_threshold

    @property
    def voting_open(self) -> bool:
        if self.is_withdrawn or self.is_hidden or self.status.is_final:
            return False
        return self.consultation is None or self.consultation.accepts_votes


class Vote(db.Model):
    """One citizen's support for one priority; the unique constraint is the rule's last guard."""

    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("priority_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = mapped_column(ForeignKey("priorities.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
