"""Comments: one level of replies, soft deletion, official badge, moderation state."""

from datetime import datetime, timedelta

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.db import TimestampMixin, utcnow
from civicapp.extensions import db
from civicapp.subjects.models import Subject, SubjectMixin

MAX_LENGTH = 5000
EDIT_WINDOW = timedelta(minutes=15)


class Comment(SubjectMixin, TimestampMixin, db.Model):
    """A comment on a subject of any declared type; a comment is a subject itself (reports)."""

    __tablename__ = "comments"
    __table_args__ = (
        CheckConstraint(f"length(body) BETWEEN 1 AND {MAX_LENGTH}", name="body_length"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        # A thread page reads the top-level comments of one target in order.
        Index("ix_comments_thread", "target_subject_id", "parent_id", "created_at"),
    )
    subject_kind = "comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    # What the comment is on: a priority, an initiative... (its subject, one real foreign key).
    target_subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    body: Mapped[str] = mapped_column(Text)  # plain text or light Markdown, as written
    body_html: Mapped[str] = mapped_column(Text)  # rendered and sanitised with nh3
    language: Mapped[str] = mapped_column(String(5))
    # The author was staff of (one of) the target's municipalities when posting.
    is_official: Mapped[bool] = mapped_column(default=False)
    is_hidden: Mapped[bool] = mapped_column(default=False)
    edited_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]

    author = relationship("User")
    target_subject: Mapped[Subject] = relationship(foreign_keys=[target_subject_id])
    parent = relationship("Comment", remote_side=[id], back_populates="replies")
    replies: Mapped[list["Comment"]] = relationship(back_populates="parent", order_by="Comment.id")

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_counted(self) -> bool:
        """Whether the comment counts in its target's comment_count."""
        return not self.is_deleted and not self.is_hidden

    @property
    def is_editable_now(self) -> bool:
        return utcnow() - self.created_at <= EDIT_WINDOW

    def __repr__(self) -> str:
        return f"<Comment {self.id}>"
