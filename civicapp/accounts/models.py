"""User accounts and their global roles."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.cache import keep_private
from civicapp.db import TimestampMixin, str_enum
from civicapp.extensions import db


class Role(StrEnum):
    """Platform-wide role; staff rights come from StaffAssignment rows instead."""

    CITIZEN = "citizen"
    MODERATOR = "moderator"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self])


ROLE_LABELS = {
    Role.CITIZEN: _l("Citizen"),
    Role.MODERATOR: _l("Moderator"),
    Role.ADMIN: _l("Administrator"),
}


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(String(255))
    email_verified_at: Mapped[datetime | None]
    pending_email: Mapped[str | None] = mapped_column(String(254))
    role: Mapped[Role] = mapped_column(str_enum(Role, 16), default=Role.CITIZEN)
    locale: Mapped[str] = mapped_column(String(10), default="sq")
    home_municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipalities.id", ondelete="SET NULL"), index=True
    )
    is_disabled: Mapped[bool] = mapped_column(default=False)
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled_at: Mapped[datetime | None]
    totp_last_step: Mapped[int | None] = mapped_column(Integer)
    last_login_at: Mapped[datetime | None]

    home_municipality = relationship("Municipality", foreign_keys=[home_municipality_id])
    staff_assignments = relationship(
        "StaffAssignment",
        foreign_keys="StaffAssignment.user_id",
        back_populates="user",
        lazy="selectin",
        cascade="all, delete-orphan",
    )

    def get_id(self) -> str:
        # The version makes every older session and remember cookie of this user invalid.
        return f"{self.id}.{self.session_version}"

    @property
    def is_active(self) -> bool:
        return not self.is_disabled

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_moderator(self) -> bool:
        return self.role in (Role.MODERATOR, Role.ADMIN)

    @property
    def staff_municipality_ids(self) -> frozenset[int]:
        return frozenset(a.municipality_id for a in self.staff_assignments)

    @property
    def needs_two_factor(self) -> bool:
        """Staff and admins must sign in with a TOTP code; others may opt in."""
        return self.is_admin or bool(self.staff_assignments) or self.totp_enabled_at is not None

    def __repr__(self) -> str:
        return f"<User {self.id}>"


# Columns that no page shows (a sign-in, a new password...): writing them keeps cached pages.
keep_private(
    "users",
    (
        "last_login_at",
        "password_hash",
        "session_version",
        "totp_secret",
        "totp_enabled_at",
        "totp_last_step",
        "updated_at",
    ),
)
