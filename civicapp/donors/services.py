"""The registry of donors and their programmes, kept by platform admins."""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from civicapp.donors.models import Donor, Programme
from civicapp.donors.policies import can_manage_donors
from civicapp.exceptions import Conflict, NotAllowed
from civicapp.extensions import db

# Donors common in the region, with their country (EU: the European Union's code).
COMMON_DONORS = (
    ("Sida", "SE", "https://www.sida.se"),
    ("USAID", "US", "https://www.usaid.gov"),
    ("European Union", "EU", "https://commission.europa.eu"),
    ("UNDP", None, "https://www.undp.org"),
    ("Swiss SDC", "CH", "https://www.eda.admin.ch/sdc"),
    ("OSCE", None, "https://www.osce.org"),
    ("GIZ", "DE", "https://www.giz.de"),
)


def list_donors() -> list[Donor]:
    """Every donor with its programmes, by name."""
    return list(
        db.session.scalars(
            select(Donor).options(selectinload(Donor.programmes)).order_by(Donor.name)
        )
    )


def save_donor(actor, donor: Donor | None, name: str, country: str | None, website: str | None):
    """Add a donor to the registry, or correct one."""
    if not can_manage_donors(actor):
        raise NotAllowed(_("Only platform administrators keep the donor registry."))
    donor = donor or Donor()
    donor.name, donor.country, donor.website = name.strip(), (country or None), website or None
    db.session.add(donor)
    _commit(_("A donor with this name is already in the registry."), "name")
    return donor


def add_programme(actor, donor: Donor, name: str) -> Programme:
    """Add a funding programme to a donor."""
    if not can_manage_donors(actor):
        raise NotAllowed(_("Only platform administrators keep the donor registry."))
    programme = Programme(donor=donor, name=name.strip())
    db.session.add(programme)
    _commit(_("This donor already has a programme with this name."), "programme")
    return programme


def _commit(duplicate: str, field: str) -> None:
    try:
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise Conflict(duplicate, field=field) from exc


def seed_common_donors() -> int:
    """Add the common donors that are missing; return how many were added (not committed)."""
    known = set(db.session.scalars(select(Donor.name)))
    added = [
        Donor(name=name, country=country, website=site)
        for name, country, site in COMMON_DONORS
        if name not in known
    ]
    db.session.add_all(added)
    return len(added)
