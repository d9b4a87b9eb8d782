"""Documents and photos of an initiative, an update or an event: the files' records."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.db import str_enum, utcnow
from civicapp.extensions import db
from civicapp.i18n import in_reader_script
from civicapp.initiatives.models.initiative import Initiative
from civicapp.initiatives.models.records import Event, Update
from civicapp.uploads.models import Upload

DOCUMENT_TITLE_MAX = 200
THUMBNAIL_BOX = (320, 240)  # the largest an image is shown on the page, in CSS pixels


class DocumentKind(StrEnum):
    MEMORANDUM = "memorandum"
    PRESENTATION = "presentation"
    REPORT = "report"
    AGENDA = "agenda"
    PHOTO = "photo"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(DOCUMENT_KIND_LABELS[self])


DOCUMENT_KIND_LABELS = {
    DocumentKind.MEMORANDUM: _l("Memorandum"),
    DocumentKind.PRESENTATION: _l("Presentation"),
    DocumentKind.REPORT: _l("Report or study"),
    DocumentKind.AGENDA: _l("Agenda"),
    DocumentKind.PHOTO: _l("Photo"),
    DocumentKind.OTHER: _l("Other document"),
}


class InitiativeDocument(db.Model):
    """A file of an initiative, or of one of its updates or events (never of both)."""

    __tablename__ = "initiative_documents"
    __table_args__ = (
        CheckConstraint("update_id IS NULL OR event_id IS NULL", name="one_record_at_most"),
        CheckConstraint(f"length(title) BETWEEN 1 AND {DOCUMENT_TITLE_MAX}", name="title_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    upload_id: Mapped[int] = mapped_column(
        ForeignKey("uploads.id", ondelete="CASCADE"), unique=True
    )
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
    )
    update_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative_updates.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative_events.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(DOCUMENT_TITLE_MAX))
    kind: Mapped[DocumentKind] = mapped_column(str_enum(DocumentKind, 16))
    language: Mapped[str] = mapped_column(String(5))  # the initiative's, like the title
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    upload: Mapped[Upload] = relationship()
    initiative: Mapped[Initiative] = relationship()
    update: Mapped[Update | None] = relationship()
    event: Mapped[Event | None] = relationship()

    @property
    def shown_title(self) -> str:
        return in_reader_script(self.title, self.language)

    @property
    def thumbnail_size(self) -> tuple[int, int]:
        """An image's size on the page: its own, shrunk to fit THUMBNAIL_BOX."""
        width, height = self.upload.width or 1, self.upload.height or 1
        scale = min(1.0, THUMBNAIL_BOX[0] / width, THUMBNAIL_BOX[1] / height)
        return max(1, round(width * scale)), max(1, round(height * scale))

    def __repr__(self) -> str:
        return f"<InitiativeDocument {self.id} of initiative {self.initiative_id}>"
