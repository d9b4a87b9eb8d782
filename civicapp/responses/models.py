"""Official answers: a public timeline of statuses and texts, ratings and contests."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.db import TimestampMixin, str_enum, utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Status

TEXT_MAX = 5000
REASON_MAX = 2000
BODY_MAX = 200
BUDGET_MAX = Decimal("999999999999.99")  # Numeric(14, 2)
YEAR_MIN, YEAR_MAX = 2000, 2100


class Response(db.Model):
    """One entry of a priority's timeline: a status with its texts; never changed afterwards."""

    __tablename__ = "responses"
    __table_args__ = (
        CheckConstraint("status <> 'open'", name="not_open"),
        CheckConstraint(
            # coalesce: a CHECK whose expression is NULL passes
            "status <> 'planned' OR (coalesce(budget_amount, 0) > 0"
            " AND coalesce(budget_year, 0) BETWEEN 2000 AND 2100)",
            name="planned_has_budget",
        ),
        CheckConstraint(
            "status <> 'rejected' OR coalesce(length(reason), 0) > 0", name="rejected_has_reason"
        ),
        CheckConstraint(
            "status <> 'not_competent' OR coalesce(length(competent_body), 0) > 0",
            name="not_competent_names_body",
        ),
        Index("ix_responses_priority_created", "priority_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = mapped_column(ForeignKey("priorities.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[Status] = mapped_column(str_enum(Status, 16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    budget_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))  # EUR
    budget_year: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)  # why a priority is rejected
    competent_body: Mapped[str | None] = mapped_column(String(BODY_MAX))  # whose competence

    priority = relationship("Priority")
    author = relationship("User")
    texts: Mapped[list["ResponseText"]] = relationship(
        back_populates="response", order_by="ResponseText.language"
    )


class ResponseText(db.Model):
    """The text of an answer in one language."""

    __tablename__ = "response_texts"
    __table_args__ = (
        UniqueConstraint("response_id", "language"),
        CheckConstraint(f"length(text) BETWEEN 1 AND {TEXT_MAX}", name="text_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(5))
    text: Mapped[str] = mapped_column(Text)

    response: Mapped[Response] = relationship(back_populates="texts")


class Satisfaction(TimestampMixin, db.Model):
    """A supporter's view of whether an answer satisfied them; one per user and answer."""

    __tablename__ = "response_satisfactions"
    __table_args__ = (UniqueConstraint("response_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    is_satisfied: Mapped[bool]


class Contest(db.Model):
    """The author's one contest of an "implemented" status; the unique key makes it one."""

    __tablename__ = "response_contests"

    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = mapped_column(
        ForeignKey("priorities.id", ondelete="CASCADE"), unique=True
    )
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(REASON_MAX))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author = relationship("User")
