"""Write, publish and move initiatives on; their partners and funding lines."""

import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import select

from civicapp.db import utcnow
from civicapp.donors.models import Donor, Programme
from civicapp.exceptions import DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.i18n import normalize_search
from civicapp.initiatives.models import (
    BUDGET_MAX,
    FundingLine,
    Initiative,
    InitiativeSector,
    Partner,
    Party,
    Status,
)
from civicapp.initiatives.policies import (
    can_change_initiative_status,
    can_create_initiative,
    can_edit_initiative,
)
from civicapp.municipalities.models import Municipality
from civicapp.organisations.models import Organisation
from civicapp.search.services import index_document
from civicapp.sectors import Sector

log = logging.getLogger(__name__)
SEARCH_KIND = "initiative"
TEXT_FIELDS = ("objectives", "activities", "expected_results", "achieved_results")


@dataclass
class InitiativeDraft:
    """What the initiative form holds, as plain values."""

    organisation_id: int
    title: str
    summary: str
    language: str
    start_date: date
    end_date: date
    total_budget: Decimal = Decimal("0")
    description: str = ""
    municipality_ids: list[int] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    donor_ids: list[int] = field(default_factory=list)
    programme_id: int | None = None
    objectives: str = ""
    activities: str = ""
    expected_results: str = ""
    achieved_results: str = ""


def draft_from(initiative: Initiative) -> InitiativeDraft:
    """The initiative's values, to fill the edit form."""
    return InitiativeDraft(
        organisation_id=initiative.organisation_id,
        title=initiative.title,
        summary=initiative.summary,
        language=initiative.language,
        start_date=initiative.start_date,
        end_date=initiative.end_date,
        total_budget=initiative.total_budget,
        description=initiative.description,
        municipality_ids=[m.id for m in initiative.municipalities],
        sectors=initiative.sectors,
        donor_ids=[d.id for d in initiative.donors],
        programme_id=initiative.programme_id,
        **{name: getattr(initiative, name) for name in TEXT_FIELDS},
    )


def _check(draft: InitiativeDraft) -> None:
    if draft.end_date < draft.start_date:
        raise DomainError(_("The end date cannot be before the start date."), field="end_date")
    if not Decimal("0") <= draft.total_budget <= BUDGET_MAX:
        raise DomainError(_("Enter an amount in EUR from 0 to 999,999,999,999.99."), "total_budget")
    if draft.programme_id is not None and db.session.get(Programme, draft.programme_id) is None:
        raise DomainError(_("Choose from the options shown."), field="programme_id")


def _apply(initiative: Initiative, draft: InitiativeDraft) -> None:
    for name in ("title", "summary", "language", "start_date", "end_date", "description"):
        setattr(initiative, name, getattr(draft, name))
    for name in TEXT_FIELDS:
        setattr(initiative, name, getattr(draft, name))
    initiative.total_budget = draft.total_budget
    initiative.programme_id = draft.programme_id
    ids = draft.municipality_ids or [0]
    initiative.municipalities = list(
        db.session.scalars(select(Municipality).where(Municipality.id.in_(ids)))
    )
    donor_ids = draft.donor_ids or [0]
    initiative.donors = list(db.session.scalars(select(Donor).where(Donor.id.in_(donor_ids))))
    kept = {row.sector: row for row in initiative.sector_rows}
    initiative.sector_rows = [kept.get(s) or InitiativeSector(sector=s) for s in draft.sectors]
    initiative.search_text = normalize_search(
        " ".join((draft.title, draft.summary, initiative.organisation.display_name or ""))
    )


def create_initiative(actor, draft: InitiativeDraft) -> Initiative:
    """Start an initiative of the actor's organisation, as a draft."""
    organisation = db.session.get(Organisation, draft.organisation_id)
    if organisation is None or not can_create_initiative(actor, organisation):
        raise DomainError(_("Choose from the options shown."), field="organisation_id")
    _check(draft)
    initiative = Initiative(organisation=organisation, created_by_id=actor.id)
    _apply(initiative, draft)
    db.session.add(initiative)
    _commit(initiative, "created", actor)
    return initiative


def edit_initiative(actor, initiative: Initiative, draft: InitiativeDraft) -> None:
    """Save the changes of the lead organisation's member."""
    _require(can_edit_initiative(actor, initiative))
    _check(draft)
    _apply(initiative, draft)
    _commit(initiative, "edited", actor)


def change_initiative_status(actor, initiative: Initiative, status: Status) -> None:
    """Publish, start, complete or cancel an initiative."""
    _require(can_change_initiative_status(actor, initiative))
    initiative.move_to(status)
    _commit(initiative, f"moved to {status.value}", actor)


def add_partner(
    actor, initiative: Initiative, organisation_id=None, name=None, country=None, city=None
) -> Partner:
    """Record a partner: an organisation of the platform or one named with its country."""
    _require(can_edit_initiative(actor, initiative))
    if organisation_id:
        partner_org = db.session.get(Organisation, organisation_id)
        if partner_org is None or not partner_org.is_public:
            raise DomainError(_("Choose from the options shown."), field="organisation_id")
        if any(p.organisation_id == organisation_id for p in initiative.partners):
            raise DomainError(_("This organisation is already a partner."), "organisation_id")
        partner = Partner(organisation_id=organisation_id)
    elif name and country:
        partner = Partner(name=name.strip(), country=country.upper(), city=city or None)
    else:
        raise DomainError(
            _("Choose an organisation of the platform, or give a name and a country."), "name"
        )
    initiative.partners.append(partner)
    _commit(initiative, "partner added", actor)
    return partner


def remove_partner(actor, initiative: Initiative, partner: Partner) -> None:
    """Remove a partner and the funding lines it pays."""
    _require(can_edit_initiative(actor, initiative) and partner.initiative_id == initiative.id)
    initiative.funding_lines = [f for f in initiative.funding_lines if f.partner_id != partner.id]
    initiative.partners.remove(partner)
    _commit(initiative, "partner removed", actor)


@dataclass
class FundingDraft:
    party: Party
    amount: Decimal
    donor_id: int | None = None
    programme_id: int | None = None
    partner_id: int | None = None
    municipality_id: int | None = None
    other_name: str | None = None


def add_funding_line(actor, initiative: Initiative, draft: FundingDraft) -> FundingLine:
    """Record how much one party pays of the initiative's budget."""
    _require(can_edit_initiative(actor, initiative))
    if not Decimal("0") < draft.amount <= BUDGET_MAX:
        raise DomainError(
            _("Enter an amount in EUR above 0 and at most 999,999,999,999.99."), field="amount"
        )
    line = FundingLine(party=draft.party, amount=draft.amount, **_party_of(initiative, draft))
    initiative.funding_lines.append(line)
    _commit(initiative, "funding line added", actor)
    return line


def _party_of(initiative: Initiative, draft: FundingDraft) -> dict:
    """The party's foreign key for the line; only parties of this initiative are accepted."""
    missing = DomainError(_("Choose who pays this amount."), field="party")
    if draft.party == Party.DONOR:
        donor = db.session.get(Donor, draft.donor_id) if draft.donor_id else None
        if donor is None:
            raise missing
        programme = db.session.get(Programme, draft.programme_id) if draft.programme_id else None
        return {"donor_id": donor.id, "programme_id": programme.id if programme else None}
    if draft.party == Party.PARTNER:
        if draft.partner_id not in {p.id for p in initiative.partners}:
            raise missing
        return {"partner_id": draft.partner_id}
    if draft.party == Party.MUNICIPALITY:
        if draft.municipality_id not in {m.id for m in initiative.municipalities}:
            raise missing
        return {"municipality_id": draft.municipality_id}
    if draft.party == Party.OTHER:
        if not (draft.other_name or "").strip():
            raise missing
        return {"other_name": draft.other_name.strip()}
    return {}


def remove_funding_line(actor, initiative: Initiative, line: FundingLine) -> None:
    """Remove a funding line."""
    _require(can_edit_initiative(actor, initiative) and line.initiative_id == initiative.id)
    initiative.funding_lines.remove(line)
    _commit(initiative, "funding line removed", actor)


def _require(allowed: bool) -> None:
    if not allowed:
        raise NotAllowed(_("You cannot change this initiative."))


def touch(initiative: Initiative) -> None:
    """Mark the initiative as updated now (its page shows when)."""
    initiative.last_updated_at = utcnow()


def _commit(initiative: Initiative, action: str, actor) -> None:
    touch(initiative)
    db.session.flush()
    index_document(SEARCH_KIND, initiative.id, initiative.search_text)
    log.info("initiative %s %s by user %s", initiative.id, action, getattr(actor, "id", None))
    db.session.commit()


def get_initiative(initiative_id: int) -> Initiative | None:
    return db.session.get(Initiative, initiative_id)
