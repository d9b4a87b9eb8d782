"""The subjects table, and the mixin that gives a feature's model its one subject row.

Comments, reports, follows and notifications each point to `subjects.id` with one real
foreign key, whatever feature the object belongs to; the feature's own row points to its
subject with a unique foreign key. Deleting a subject deletes what was said about it.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, event, insert
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from civicapp.db import utcnow
from civicapp.extensions import db

KIND_MAX = 32


class Subject(db.Model):
    """One discussable object of some feature; `kind` names its registered type."""

    __tablename__ = "subjects"
    __table_args__ = (CheckConstraint("length(kind) BETWEEN 1 AND 32", name="kind_length"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(KIND_MAX))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


def _new_subject_id(kind: str):
    """A column default: insert the subject of a row being inserted, in the same statement's
    transaction, and return its id (ORM flushes and Core inserts alike)."""

    def new_subject_id(context) -> int:
        stmt = insert(Subject.__table__).values(kind=kind, created_at=utcnow())
        return context.connection.execute(stmt).inserted_primary_key[0]

    return new_subject_id


class SubjectMixin:
    """A model whose rows are subjects: set `subject_kind` to the registered type's name."""

    subject_kind: str

    @declared_attr
    def subject_id(cls) -> Mapped[int]:
        return mapped_column(
            ForeignKey("subjects.id", ondelete="CASCADE"),
            unique=True,
            default=_new_subject_id(cls.subject_kind),
        )


def allocate_subjects(kind: str, count: int) -> list[int]:
    """Insert `count` subjects of a kind at once and return their ids (for bulk inserts)."""
    if count <= 0:
        return []
    now = utcnow()
    stmt = insert(Subject).returning(Subject.id, sort_by_parameter_order=True)
    return list(db.session.scalars(stmt, [{"kind": kind, "created_at": now}] * count))


def with_subjects(model, rows: list[dict]) -> list[dict]:
    """Rows for a bulk insert into a subject model's table, each with a new subject of its own."""
    ids = allocate_subjects(model.subject_kind, len(rows))
    return [row | {"subject_id": subject_id} for row, subject_id in zip(rows, ids, strict=True)]


@event.listens_for(SubjectMixin, "after_delete", propagate=True)
def _delete_subject(_mapper, connection, target) -> None:
    """A deleted object takes its subject, and so its comments, reports and follows, along."""
    connection.execute(Subject.__table__.delete().where(Subject.id == target.subject_id))
