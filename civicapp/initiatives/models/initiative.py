"""Initiatives, their partners, funding lines and links; status as a guarded state machine."""

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, synonym

from civicapp.db import TimestampMixin, str_enum, utcnow
from civicapp.donors.models import Donor, Programme
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.i18n import in_reader_script
from civicapp.sectors import Sector
from civicapp.subjects.models import SubjectMixin
from civicapp.text import render_markdown

TITLE_MAX, SUMMARY_MAX, TEXT_MAX, STATEMENT_MAX = 200, 500, 20_000, 500
BUDGET_MAX = Decimal("999999999999.99")  # what Numeric(14, 2) holds
MONEY = Numeric(14, 2)


class Status(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    Status.DRAFT: _l("Draft"),
    Status.PUBLISHED: _l("Published"),
    Status.ONGOING: _l("Ongoing"),
    Status.COMPLETED: _l("Completed"),
    Status.CANCELLED: _l("Cancelled"),
}
TRANSITIONS = {
    Status.DRAFT: {Status.PUBLISHED},
    Status.PUBLISHED: {Status.ONGOING, Status.COMPLETED, Status.CANCELLED},
    Status.ONGOING: {Status.COMPLETED, Status.CANCELLED},
    Status.COMPLETED: set(),
    Status.CANCELLED: set(),
}
PUBLIC_STATUSES = tuple(s for s in Status if s != Status.DRAFT)


initiative_municipalities = Table(
    "initiative_municipalities",
    db.metadata,
    Column("initiative_id", ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "municipality_id",
        ForeignKey("municipalities.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)
initiative_donors = Table(
    "initiative_donors",
    db.metadata,
    Column("initiative_id", ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True),
    Column("donor_id", ForeignKey("donors.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Initiative(SubjectMixin, TimestampMixin, db.Model):
    __tablename__ = "initiatives"
    subject_kind = "initiative"
    __table_args__ = (
        CheckConstraint("total_budget >= 0", name="budget_positive"),
        CheckConstraint("end_date >= start_date", name="ends_after_start"),
        CheckConstraint(f"length(summary) <= {SUMMARY_MAX}", name="summary_length"),
        CheckConstraint("comment_count >= 0", name="comment_count_positive"),
        Index("ix_initiatives_status_dates", "status", "start_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    summary: Mapped[str] = mapped_column(String(SUMMARY_MAX))
    description: Mapped[str] = mapped_column(Text, default="")  # Markdown as written
    language: Mapped[str] = mapped_column(String(5))
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("donor_programmes.id", ondelete="SET NULL")
    )
    total_budget: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    objectives: Mapped[str] = mapped_column(Text, default="")
    activities: Mapped[str] = mapped_column(Text, default="")
    expected_results: Mapped[str] = mapped_column(Text, default="")
    achieved_results: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[Status] = mapped_column(str_enum(Status, 16), default=Status.DRAFT)
    published_at: Mapped[datetime | None]
    last_updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Kept by comments/services.py with SQL increments: visible comments only.
    comment_count: Mapped[int] = mapped_column(default=0)
    is_hidden: Mapped[bool] = mapped_column(default=False)  # by moderation, pending review
    # Comments, reports and moderation name the one who wrote content its author.
    author_id: Mapped[int | None] = synonym("created_by_id")

    organisation = relationship("Organisation")
    author = relationship("User", foreign_keys=[created_by_id])
    programme = relationship(Programme)
    municipalities = relationship(
        "Municipality", secondary=initiative_municipalities, order_by="Municipality.slug"
    )
    donors: Mapped[list[Donor]] = relationship(secondary=initiative_donors, order_by=Donor.name)
    sector_rows: Mapped[list["InitiativeSector"]] = relationship(
        cascade="all, delete-orphan", order_by="InitiativeSector.sector"
    )
    partners: Mapped[list["Partner"]] = relationship(
        cascade="all, delete-orphan", order_by="Partner.id"
    )
    funding_lines: Mapped[list["FundingLine"]] = relationship(
        cascade="all, delete-orphan", order_by="FundingLine.id"
    )

    @property
    def sectors(self) -> list[Sector]:
        return [row.sector for row in self.sector_rows]

    @property
    def is_public(self) -> bool:
        return self.status != Status.DRAFT

    @property
    def is_published(self) -> bool:
        """Out of draft, by an organisation the public sees (moderation aside)."""
        return self.is_public and self.organisation.is_public

    @property
    def municipality_ids(self) -> list[int]:
        return [m.id for m in self.municipalities]

    @property
    def body_html(self) -> str:
        """The summary and description as one text, as moderators review it."""
        return render_markdown(f"{self.summary}\n\n{self.description or ''}")

    def is_written_by(self, user) -> bool:
        """Whether the user speaks for the initiative: a member of its lead organisation."""
        from civicapp.organisations.policies import is_member_of

        return is_member_of(user, self.organisation)

    @property
    def shown_title(self) -> str:
        """The title in the reader's script."""
        return in_reader_script(self.title, self.language)

    def html(self, field: str) -> str:
        """A Markdown field in the reader's script, rendered and sanitised."""
        return render_markdown(in_reader_script(getattr(self, field) or "", self.language))

    @property
    def funded_total(self) -> Decimal:
        return sum((line.amount for line in self.funding_lines), Decimal("0"))

    def can_move_to(self, status: Status) -> bool:
        return status in TRANSITIONS[self.status]

    def move_to(self, status: Status) -> None:
        """Publish, start, complete or cancel; any other move is refused."""
        if not self.can_move_to(status):
            raise DomainError(
                _(
                    "The status cannot change from “%(current)s” to “%(new)s”.",
                    current=self.status.label,
                    new=status.label,
                )
            )
        self.status = status
        if status == Status.PUBLISHED:
            self.published_at = utcnow()

    def __repr__(self) -> str:
        return f"<Initiative {self.id}>"


class InitiativeSector(db.Model):
    __tablename__ = "initiative_sectors"
    __table_args__ = (Index("ix_initiative_sectors_sector", "sector", "initiative_id"),)

    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), primary_key=True
    )
    sector: Mapped[Sector] = mapped_column(str_enum(Sector, 24), primary_key=True)


class Partner(db.Model):
    """A partner: an organisation of the platform, or one named by hand with its country."""

    __tablename__ = "initiative_partners"
    __table_args__ = (
        CheckConstraint(
            "(organisation_id IS NOT NULL AND name IS NULL AND country IS NULL)"
            " OR (organisation_id IS NULL AND name IS NOT NULL AND country IS NOT NULL)",
            name="platform_or_named",
        ),
        UniqueConstraint("initiative_id", "organisation_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2))
    city: Mapped[str | None] = mapped_column(String(120))

    organisation = relationship("Organisation")

    @property
    def display_name(self) -> str:
        return self.organisation.display_name if self.organisation else self.name


class Party(StrEnum):
    DONOR = "donor"
    LEAD = "lead"
    PARTNER = "partner"
    MUNICIPALITY = "municipality"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(PARTY_LABELS[self])


PARTY_LABELS = {
    Party.DONOR: _l("Donor"),
    Party.LEAD: _l("Lead organisation"),
    Party.PARTNER: _l("Partner"),
    Party.MUNICIPALITY: _l("Municipality"),
    Party.OTHER: _l("Other"),
}


class FundingLine(db.Model):
    """Who pays how much of an initiative's budget."""

    __tablename__ = "initiative_funding_lines"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint(
            "(party = 'donor') = (donor_id IS NOT NULL)"
            " AND (party = 'partner') = (partner_id IS NOT NULL)"
            " AND (party = 'municipality') = (municipality_id IS NOT NULL)"
            " AND (party = 'other') = (other_name IS NOT NULL)",
            name="party_named",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
    )
    party: Mapped[Party] = mapped_column(str_enum(Party, 16))
    donor_id: Mapped[int | None] = mapped_column(ForeignKey("donors.id", ondelete="CASCADE"))
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("donor_programmes.id", ondelete="SET NULL")
    )
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative_partners.id", ondelete="CASCADE")
    )
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipalities.id", ondelete="CASCADE")
    )
    other_name: Mapped[str | None] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(MONEY)

    donor = relationship(Donor)
    programme = relationship(Programme)
    partner = relationship(Partner)
    municipality = relationship("Municipality")
