"""Consultation model and its phases."""

from datetime import date, datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicapp.db import TimestampMixin, str_enum, utcnow
from civicapp.exceptions import DomainError
from civicapp.extensions import db


class Phase(StrEnum):
    PROPOSALS = "proposals"
    VOTING = "voting"
    CLOSED = "closed"
    ADOPTED = "adopted"

    @property
    def label(self) -> str:
        return str(PHASE_LABELS[self])

    @property
    def help(self) -> str:
        """What citizens can do in this phase."""
        return str(PHASE_HELP[self])


PHASE_LABELS = {
    Phase.PROPOSALS: _l("Proposals open"),
    Phase.VOTING: _l("Voting"),
    Phase.CLOSED: _l("Closed"),
    Phase.ADOPTED: _l("Adopted"),
}
# What citizens can do in each phase, shown on the consultation's page.
PHASE_HELP = {
    Phase.PROPOSALS: _l("Citizens with a confirmed e-mail address can propose priorities."),
    Phase.VOTING: _l("Citizens can support the priorities they want the municipality to take up."),
    Phase.CLOSED: _l(
        "Priorities can no longer be proposed or supported while the municipal assembly decides."
    ),
    Phase.ADOPTED: _l("The municipal assembly has adopted the plan; its priorities are marked."),
}
# Phases move forward only, one step at a time.
NEXT_PHASE = {
    Phase.PROPOSALS: Phase.VOTING,
    Phase.VOTING: Phase.CLOSED,
    Phase.CLOSED: Phase.ADOPTED,
}


class Consultation(TimestampMixin, db.Model):
    __tablename__ = "consultations"
    __table_args__ = (
        CheckConstraint("support_threshold BETWEEN 1 AND 1000000", name="support_threshold_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipalities.id", ondelete="CASCADE"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    description_html: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5), default="sq")
    phase: Mapped[Phase] = mapped_column(str_enum(Phase, 16), default=Phase.PROPOSALS, index=True)
    support_threshold: Mapped[int] = mapped_column(Integer, default=50)
    phase_changed_at: Mapped[datetime | None]
    decision_reference: Mapped[str | None] = mapped_column(String(120))
    decision_date: Mapped[date | None] = mapped_column(Date)

    municipality = relationship("Municipality")
    created_by = relationship("User")

    @property
    def is_adopted(self) -> bool:
        return self.phase == Phase.ADOPTED

    @property
    def accepts_proposals(self) -> bool:
        return self.phase == Phase.PROPOSALS

    @property
    def accepts_votes(self) -> bool:
        return self.phase == Phase.VOTING

    def advance_to(self, phase: Phase) -> None:
        """Move to the next phase; anything else is refused."""
        if NEXT_PHASE.get(self.phase) != phase:
            raise DomainError(str(_l("A consultation moves one phase forward at a time.")))
        self.phase = phase
        self.phase_changed_at = utcnow()
