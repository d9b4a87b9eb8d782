"""The donor registry: donors and their funding programmes."""

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.extensions import db


class Donor(db.Model):
    """A donor of the registry kept by platform admins."""

    __tablename__ = "donors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    country: Mapped[str | None] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    website: Mapped[str | None] = mapped_column(String(300))

    programmes: Mapped[list["Programme"]] = relationship(
        back_populates="donor", order_by="Programme.name"
    )


class Programme(db.Model):
    """A donor's funding programme."""

    __tablename__ = "donor_programmes"
    __table_args__ = (UniqueConstraint("donor_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("donors.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))

    donor: Mapped[Donor] = relationship(back_populates="programmes")
