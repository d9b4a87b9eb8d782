"""What gathers around an initiative: priority links, endorsements, updates and events."""

from datetime import date, datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.db import str_enum, utcnow
from civicapp.extensions import db
from civicapp.i18n import in_reader_script
from civicapp.text import render_markdown


class PriorityLink(db.Model):
    """An initiative says it addresses a citizens' priority."""

    __tablename__ = "initiative_priorities"
    __table_args__ = (UniqueConstraint("initiative_id", "priority_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id", ondelete="CASCADE"))
    priority_id: Mapped[int] = mapped_column(
        ForeignKey("priorities.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    initiative = relationship("Initiative")
    priority = relationship("Priority")


class Endorsement(db.Model):
    """A municipality's endorsement of an initiative, by one of its staff, once."""

    __tablename__ = "initiative_endorsements"
    __table_args__ = (
        UniqueConstraint("initiative_id", "municipality_id"),
        CheckConstraint("length(statement) BETWEEN 1 AND 500", name="statement_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id", ondelete="CASCADE"))
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipalities.id", ondelete="CASCADE")
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    statement: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    municipality = relationship("Municipality")
    author = relationship("User")


class Update(db.Model):
    """A news post on an initiative's timeline."""

    __tablename__ = "initiative_updates"
    __table_args__ = (Index("ix_initiative_updates_timeline", "initiative_id", "posted_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)  # Markdown as written
    language: Mapped[str] = mapped_column(String(5))
    posted_on: Mapped[date] = mapped_column(Date)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def shown_title(self) -> str:
        return in_reader_script(self.title, self.language)

    @property
    def body_html(self) -> str:
        return render_markdown(in_reader_script(self.body, self.language))


class EventKind(StrEnum):
    SEMINAR = "seminar"
    WORKSHOP = "workshop"
    TRAINING = "training"
    STUDY_VISIT = "study_visit"
    MEETING = "meeting"

    @property
    def label(self) -> str:
        return str(EVENT_KIND_LABELS[self])


EVENT_KIND_LABELS = {
    EventKind.SEMINAR: _l("Seminar"),
    EventKind.WORKSHOP: _l("Workshop"),
    EventKind.TRAINING: _l("Training"),
    EventKind.STUDY_VISIT: _l("Study visit"),
    EventKind.MEETING: _l("Meeting"),
}


class Event(db.Model):
    """A seminar, workshop, training, study visit or meeting of an initiative."""

    __tablename__ = "initiative_events"
    __table_args__ = (
        CheckConstraint("ends_at >= starts_at", name="ends_after_start"),
        CheckConstraint("place IS NOT NULL OR online_url IS NOT NULL", name="place_or_link"),
        Index("ix_initiative_events_schedule", "initiative_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiatives.id", ondelete="CASCADE"))
    kind: Mapped[EventKind] = mapped_column(str_enum(EventKind, 16))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    place: Mapped[str | None] = mapped_column(String(200))
    online_url: Mapped[str | None] = mapped_column(String(300))
    agenda: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    @property
    def shown_title(self) -> str:
        return in_reader_script(self.title, self.language)

    @property
    def agenda_html(self) -> str:
        return render_markdown(in_reader_script(self.agenda or "", self.language))

    @property
    def is_past(self) -> bool:
        return self.ends_at < utcnow()
