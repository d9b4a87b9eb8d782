"""An uploaded file: where it is stored, what it really is and who may see it."""

from datetime import datetime

from flask_babel import format_decimal
from flask_babel import gettext as _
from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.db import str_enum, utcnow
from civicapp.extensions import db
from civicapp.uploads.detect import TYPES_BY_CONTENT_TYPE, UploadKind

ORIGINAL_NAME_MAX = 255


class Upload(db.Model):
    __tablename__ = "uploads"
    __table_args__ = (
        CheckConstraint("size > 0", name="not_empty"),
        CheckConstraint(
            "kind <> 'image' OR (width > 0 AND height > 0)", name="image_has_dimensions"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Random, with the extension of the detected type; never derived from the user's name.
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    # Sanitised (no path, control or bidi characters); for display and the download name only.
    original_name: Mapped[str] = mapped_column(String(ORIGINAL_NAME_MAX))
    content_type: Mapped[str] = mapped_column(String(100))  # the detected type
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    kind: Mapped[UploadKind] = mapped_column(str_enum(UploadKind, 16))
    # Set by the feature that attaches the file to something published.
    is_public: Mapped[bool] = mapped_column(default=False)
    width: Mapped[int | None]
    height: Mapped[int | None]
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    uploaded_by = relationship("User")

    @property
    def is_image(self) -> bool:
        return self.kind == UploadKind.IMAGE

    @property
    def type_label(self) -> str:
        """A short name of the detected type, such as PDF or DOCX."""
        file_type = TYPES_BY_CONTENT_TYPE.get(self.content_type)
        return file_type.label if file_type else self.content_type

    @property
    def size_label(self) -> str:
        """The size in kB or MB, in the reader's number format."""
        return format_size(self.size)

    def __repr__(self) -> str:
        return f"<Upload {self.id} {self.content_type}>"


def format_size(size: int) -> str:
    """A file size for people: kB below one megabyte, MB with one decimal above."""
    if size < 1024 * 1024:
        return _("%(size)s kB", size=format_decimal(max(1, round(size / 1024))))
    return _("%(size)s MB", size=format_decimal(round(size / (1024 * 1024), 1)))
