"""Municipality and staff assignment models."""

from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.db import TimestampMixin, str_enum
from civicapp.extensions import db
from civicapp.i18n import localized


class Country(StrEnum):
    KOSOVO = "XK"
    ALBANIA = "AL"
    SERBIA = "RS"


class Municipality(TimestampMixin, db.Model):
    __tablename__ = "municipalities"
    __table_args__ = (
        CheckConstraint("population IS NULL OR population >= 0", name="population_positive"),
        CheckConstraint("response_days BETWEEN 1 AND 365", name="response_days_range"),
        CheckConstraint("support_threshold BETWEEN 1 AND 1000000", name="support_threshold_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    country: Mapped[Country] = mapped_column(str_enum(Country, 2), index=True)
    region: Mapped[str] = mapped_column(String(64))
    name_sq: Mapped[str] = mapped_column(String(120))
    name_sr_latn: Mapped[str] = mapped_column(String(120))
    name_sr_cyrl: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    search_text: Mapped[str] = mapped_column(String(600), default="")
    population: Mapped[int | None] = mapped_column(Integer)
    population_year: Mapped[int | None] = mapped_column(Integer)
    # Languages an official answer must be given in, comma-separated codes (see OFFICIAL_LANGUAGES).
    official_languages: Mapped[str] = mapped_column(String(32), default="sq")
    response_days: Mapped[int] = mapped_column(Integer, default=30)
    support_threshold: Mapped[int] = mapped_column(Integer, default=50)

    staff_assignments: Mapped[list["StaffAssignment"]] = relationship(
        back_populates="municipality", cascade="all, delete-orphan"
    )

    @property
    def official_language_codes(self) -> tuple[str, ...]:
        return tuple(code for code in self.official_languages.split(",") if code)

    @property
    def name(self) -> str:
        """The name in the reader's language and script."""
        return localized(self, "name")

    def __repr__(self) -> str:
        return f"<Municipality {self.slug}>"


class StaffAssignment(TimestampMixin, db.Model):
    """A user working for a municipality: their staff rights reach only it."""

    __tablename__ = "staff_assignments"
    __table_args__ = (UniqueConstraint("user_id", "municipality_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipalities.id", ondelete="CASCADE"), index=True
    )
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    user = relationship("User", foreign_keys=[user_id], back_populates="staff_assignments")
    municipality: Mapped[Municipality] = relationship(back_populates="staff_assignments")
