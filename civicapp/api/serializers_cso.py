"""Organisations, initiatives, donors and the portfolio as plain dicts, like serializers.py:
amounts in EUR as decimal strings, so that no cent is lost to floating point."""

from decimal import Decimal

from flask import url_for

from civicapp.api.queries import VISITOR
from civicapp.api.queries_cso import Gathered
from civicapp.api.serializers import iso, iso_date, priority_ref
from civicapp.initiatives.models import Party
from civicapp.uploads.policies import can_view_upload
from civicapp.uploads.services import upload_url

CENT = Decimal("0.01")
TEXTS = ("description", "objectives", "activities", "expected_results", "achieved_results")


def _url(endpoint: str, **values) -> str:
    return url_for(endpoint, **values, _external=True)


def money(amount) -> str:
    """An amount as a decimal string with two decimals: "15000.50"."""
    return str(Decimal(amount or 0).quantize(CENT))


def organisation_json(organisation, initiative_count: int) -> dict:
    slug = organisation.slug
    registry = organisation.registered_with
    logo = organisation.logo
    return {
        "slug": slug,
        "names": {code: getattr(organisation, f"name_{code}") for code in ("sq", "sr", "en")},
        "kind": organisation.kind.value,
        "registration": {
            "registry": registry.value if registry else None,
            "number": organisation.registration_number or None,
        },
        "municipalities": [m.slug for m in organisation.municipalities],
        "sectors": [sector.value for sector in organisation.sectors],
        "website": organisation.website or None,
        "description": organisation.description,
        "description_html": organisation.description_html,
        "status": organisation.status.value,
        "verified_at": iso(organisation.verified_at),
        "public_initiative_count": initiative_count,
        "logo_url": _url_of(logo) if logo and can_view_upload(VISITOR, logo) else None,
        "url": _url("api.organisation", slug=slug),
        "html_url": _url("organisations.show", slug=slug),
        "initiatives_url": _url("api.initiatives", organisation=slug),
    }


def _url_of(upload) -> str:
    return upload_url(upload, _external=True)


def _organisation_ref(organisation) -> dict:
    return {
        "slug": organisation.slug,
        "name": organisation.display_name,
        "url": _url("api.organisation", slug=organisation.slug),
        "html_url": _url("organisations.show", slug=organisation.slug),
    }


def initiative_json(initiative, around: Gathered) -> dict:
    initiative_id = initiative.id
    programme = initiative.programme
    return {
        "id": initiative_id,
        "title": initiative.title,
        "summary": initiative.summary,
        "language": initiative.language,
        **{name: getattr(initiative, name) for name in TEXTS},
        "organisation": _organisation_ref(initiative.organisation),
        "partners": [_partner_json(partner) for partner in initiative.partners],
        "municipalities": [m.slug for m in initiative.municipalities],
        "sectors": [sector.value for sector in initiative.sectors],
        "donors": [_donor_ref(donor) for donor in initiative.donors],
        "programme": _programme_json(programme) if programme else None,
        "total_budget": money(initiative.total_budget),
        "currency": "EUR",
        "funding_lines": [_funding_json(initiative, line) for line in initiative.funding_lines],
        "start_date": iso_date(initiative.start_date),
        "end_date": iso_date(initiative.end_date),
        "status": initiative.status.value,
        "published_at": iso(initiative.published_at),
        "last_updated_at": iso(initiative.last_updated_at),
        "priorities": [priority_ref(priority) for priority in around.priorities],
        "endorsements": [_endorsement_json(e) for e in around.endorsements],
        "update_count": around.updates,
        "event_count": around.events,
        "url": _url("api.initiative", initiative_id=initiative_id),
        "html_url": _url("initiatives.show", initiative_id=initiative_id),
    }


def _partner_json(partner) -> dict:
    organisation = partner.organisation
    return {
        "name": partner.display_name,
        "country": partner.country,
        "city": partner.city,
        "organisation": _organisation_ref(organisation) if organisation else None,
    }


def _donor_ref(donor) -> dict:
    return {"id": donor.id, "name": donor.name, "url": _url("api.donor", donor_id=donor.id)}


def _programme_json(programme) -> dict:
    return {"id": programme.id, "name": programme.name, "donor_id": programme.donor_id}


def _funding_json(initiative, line) -> dict:
    return {
        "party": line.party.value,
        "name": _payer(initiative, line),
        "amount": money(line.amount),
        "donor_id": line.donor_id,
        "programme": _programme_json(line.programme) if line.programme else None,
        "municipality": line.municipality.slug if line.municipality else None,
    }


def _payer(initiative, line) -> str:
    """Who pays the line, named as the initiative page names them."""
    if line.party == Party.DONOR:
        return line.donor.name
    if line.party == Party.LEAD:
        return initiative.organisation.display_name
    if line.party == Party.PARTNER:
        return line.partner.display_name
    if line.party == Party.MUNICIPALITY:
        return line.municipality.name
    return line.other_name


def _endorsement_json(endorsement) -> dict:
    return {
        "municipality": endorsement.municipality.slug,
        "statement": endorsement.statement,
        "created_at": iso(endorsement.created_at),
    }


def donor_json(donor, initiative_count: int) -> dict:
    donor_id = donor.id
    return {
        "id": donor_id,
        "name": donor.name,
        "country": donor.country,
        "website": donor.website,
        "programmes": [{"id": p.id, "name": p.name} for p in donor.programmes],
        "public_initiative_count": initiative_count,
        "url": _url("api.donor", donor_id=donor_id),
        "html_url": _url("initiatives.index", donor=donor_id),
        "initiatives_url": _url("api.initiatives", donor=donor_id),
    }


def portfolio_json(figures, selection: dict) -> dict:
    """The portfolio page's figures; `selection` holds its filters as query arguments."""
    given = {name: getattr(value, "value", value) for name, value in selection.items()}
    query = {name: value for name, value in given.items() if value is not None}
    return {
        "filters": given,
        "initiatives": figures.initiatives,
        "amount": money(figures.amount),
        "currency": "EUR",
        "cancelled": figures.cancelled,
        "by_municipality": [_row(row, "municipality") for row in figures.by_municipality],
        "by_sector": [_row(row, "sector") for row in figures.by_sector],
        "by_donor": [_row(row, "donor_id", int) for row in figures.by_donor],
        "html_url": _url("portfolio.index", **query),
        "csv_url": _url("portfolio.download", **query),
    }


def _row(row, key_name: str, key_type=str) -> dict:
    """One line of a breakdown; its key is None for initiatives that give none."""
    return {
        key_name: key_type(row.key) if row.key else None,
        "label": row.label,
        "initiatives": row.initiatives,
        "amount": money(row.amount),
    }
