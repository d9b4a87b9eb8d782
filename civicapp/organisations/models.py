"""Organisations, their members and invitations; verification as a guarded state machine."""

from datetime import datetime, timedelta
from enum import StrEnum

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.db import TimestampMixin, str_enum, utcnow
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.i18n import current_locale, in_reader_script
from civicapp.sectors import Sector

INVITATION_DAYS = 7
NAME_MAX, NUMBER_MAX, WEBSITE_MAX, DESCRIPTION_MAX = 200, 64, 300, 10_000
# The order in which a reader's locale looks for a name among the three the platform keeps.
NAME_ORDER = {
    "sq": ("sq", "en", "sr"),
    "sr_Latn": ("sr", "en", "sq"),
    "sr": ("sr", "en", "sq"),
    "en": ("en", "sq", "sr"),
}


class Kind(StrEnum):
    REGISTERED_CSO = "registered_cso"
    INFORMAL_GROUP = "informal_group"
    SOCIAL_ENTERPRISE = "social_enterprise"
    FOUNDATION = "foundation"
    PUBLIC_INSTITUTION = "public_institution"

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self])


KIND_LABELS = {
    Kind.REGISTERED_CSO: _l("Registered civil society organisation"),
    Kind.INFORMAL_GROUP: _l("Informal group"),
    Kind.SOCIAL_ENTERPRISE: _l("Social enterprise or business"),
    Kind.FOUNDATION: _l("Foundation or donor"),
    Kind.PUBLIC_INSTITUTION: _l("Public institution"),
}


class Registry(StrEnum):
    KOSOVO_NGO = "xk_ngo"
    ALBANIA_COURT = "al_court"
    SERBIA_APR = "rs_apr"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(REGISTRY_LABELS[self])


REGISTRY_LABELS = {
    Registry.KOSOVO_NGO: _l("Kosovo NGO register"),
    Registry.ALBANIA_COURT: _l("Albanian court register (Tirana District Court)"),
    Registry.SERBIA_APR: _l("Serbian Business Registers Agency (APR)"),
    Registry.OTHER: _l("Other register"),
}


class Status(StrEnum):
    """Verification status.

    There is no "rejected" state: an admin refuses a registration by suspending it while it is
    pending. It stays out of public view, because only organisations verified at least once
    (`verified_at` set) are public, and it can still be verified once its admins fix it.
    """

    PENDING = "pending"
    VERIFIED = "verified"
    SUSPENDED = "suspended"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    Status.PENDING: _l("Awaiting verification"),
    Status.VERIFIED: _l("Verified"),
    Status.SUSPENDED: _l("Suspended"),
}
TRANSITIONS = {
    Status.PENDING: {Status.VERIFIED, Status.SUSPENDED},
    Status.VERIFIED: {Status.SUSPENDED},
    Status.SUSPENDED: {Status.VERIFIED},
}


class MemberRole(StrEnum):
    ADMIN = "admin"
    MEMBER = "member"

    @property
    def label(self) -> str:
        return str(MEMBER_ROLE_LABELS[self])


MEMBER_ROLE_LABELS = {MemberRole.ADMIN: _l("Administrator"), MemberRole.MEMBER: _l("Member")}

organisation_municipalities = Table(
    "organisation_municipalities",
    db.metadata,
    Column(
        "organisation_id",
        ForeignKey("organisations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "municipality_id",
        ForeignKey("municipalities.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Organisation(TimestampMixin, db.Model):
    __tablename__ = "organisations"
    __table_args__ = (
        CheckConstraint(
            "name_sq IS NOT NULL OR name_sr IS NOT NULL OR name_en IS NOT NULL", name="has_name"
        ),
        # Several NULLs are allowed by UNIQUE on PostgreSQL and SQLite alike.
        UniqueConstraint("registry", "registration_number"),
        Index("ix_organisations_public_search_text", "verified_at", "search_text"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name_sq: Mapped[str | None] = mapped_column(String(NAME_MAX))
    name_sr: Mapped[str | None] = mapped_column(String(NAME_MAX))  # as typed, either script
    name_en: Mapped[str | None] = mapped_column(String(NAME_MAX))
    search_text: Mapped[str] = mapped_column(String(620), default="")  # the names, normalised
    kind: Mapped[Kind] = mapped_column(str_enum(Kind, 24), index=True)
    # "registry" is reserved by SQLAlchemy's declarative classes, hence the attribute's name.
    registered_with: Mapped[Registry | None] = mapped_column("registry", str_enum(Registry, 16))
    registration_number: Mapped[str | None] = mapped_column(String(NUMBER_MAX))
    description: Mapped[str] = mapped_column(Text, default="")  # Markdown as written
    description_html: Mapped[str] = mapped_column(Text, default="")  # rendered, sanitised
    website: Mapped[str | None] = mapped_column(String(WEBSITE_MAX))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    # The logo, an upload of civicapp.uploads (uploads helper: foreign key, form field, profile).
    logo_upload_id: Mapped[int | None] = mapped_column(
        ForeignKey("uploads.id", ondelete="SET NULL")
    )
    status: Mapped[Status] = mapped_column(str_enum(Status, 16), default=Status.PENDING, index=True)
    status_note: Mapped[str | None] = mapped_column(Text)  # the platform admin's last note
    verified_at: Mapped[datetime | None]  # the last verification; set once means public
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    municipalities = relationship(
        "Municipality", secondary=organisation_municipalities, order_by="Municipality.slug"
    )
    sector_rows: Mapped[list["OrganisationSector"]] = relationship(
        cascade="all, delete-orphan", order_by="OrganisationSector.sector"
    )
    memberships: Mapped[list["Membership"]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )
    verified_by = relationship("User", foreign_keys=[verified_by_id])
    created_by = relationship("User", foreign_keys=[created_by_id])
    logo = relationship("Upload")  # uploads helper

    def name_and_language(self, locale: str | None = None) -> tuple[str, str]:
        """The name for a reader's locale (others as fallback) and the language it is in."""
        locale = locale or current_locale()
        for code in NAME_ORDER.get(locale, NAME_ORDER["sq"]):
            name = getattr(self, f"name_{code}")
            if name:
                return in_reader_script(name, code, locale), code
        return "", "sq"

    @property
    def display_name(self) -> str:
        """The name in the reader's language and, for Serbian, script."""
        return self.name_and_language()[0]

    @property
    def display_language(self) -> str:
        """The content language of `display_name`, for a lang attribute."""
        return self.name_and_language()[1]

    @property
    def sectors(self) -> list[Sector]:
        return [row.sector for row in self.sector_rows]

    @property
    def is_verified(self) -> bool:
        return self.status == Status.VERIFIED

    @property
    def is_public(self) -> bool:
        """Verified at least once: suspended ones stay public, marked; refused ones do not."""
        return self.verified_at is not None

    def can_move_to(self, status: Status) -> bool:
        return status in TRANSITIONS[self.status]

    def move_to(self, status: Status, actor, note: str) -> None:
        """Verify, suspend or reinstate; any other move is refused."""
        if not self.can_move_to(status):
            raise DomainError(
                _(
                    "The status cannot change from “%(current)s” to “%(new)s”.",
                    current=self.status.label,
                    new=status.label,
                )
            )
        self.status = status
        self.status_note = note
        if status == Status.VERIFIED:
            self.verified_at = utcnow()
            self.verified_by_id = getattr(actor, "id", None)

    def __repr__(self) -> str:
        return f"<Organisation {self.slug}>"


class OrganisationSector(db.Model):
    """One sector an organisation works in; a row each, so that filters use an index."""

    __tablename__ = "organisation_sectors"
    __table_args__ = (Index("ix_organisation_sectors_sector", "sector", "organisation_id"),)

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    sector: Mapped[Sector] = mapped_column(str_enum(Sector, 24), primary_key=True)


class Membership(db.Model):
    """A user's role in one organisation; rights come from this row and no other."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("organisation_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[MemberRole] = mapped_column(str_enum(MemberRole, 8), default=MemberRole.MEMBER)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    organisation: Mapped[Organisation] = relationship(back_populates="memberships")
    user = relationship("User")

    @property
    def is_admin(self) -> bool:
        return self.role == MemberRole.ADMIN


class Invitation(db.Model):
    """An invitation by e-mail; its link is signed, expires and works once (see services)."""

    __tablename__ = "organisation_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(254), index=True)
    role: Mapped[MemberRole] = mapped_column(str_enum(MemberRole, 8), default=MemberRole.MEMBER)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    accepted_at: Mapped[datetime | None]
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None]

    organisation: Mapped[Organisation] = relationship()
    invited_by = relationship("User", foreign_keys=[invited_by_id])

    @property
    def expires_at(self) -> datetime:
        return self.created_at + timedelta(days=INVITATION_DAYS)

    @property
    def is_open(self) -> bool:
        """Neither accepted, revoked nor expired."""
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > utcnow()
