"""Build the initiative forms with their choices, read them back, render the manage page."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask import current_app, render_template
from flask_login import current_user
from sqlalchemy import select

from civicapp.donors.services import list_donors
from civicapp.extensions import db
from civicapp.initiatives import forms, links
from civicapp.initiatives.models import TRANSITIONS, EventKind, Party
from civicapp.initiatives.policies import drafting_organisations
from civicapp.initiatives.services import FundingDraft, InitiativeDraft
from civicapp.initiatives.timeline import EventDraft
from civicapp.municipalities.services import list_municipalities
from civicapp.organisations.models import Organisation
from civicapp.sectors import Sector


def initiative_form(initiative, **kwargs) -> forms.InitiativeForm:
    """Build the initiative form: the user's organisations (or the lead, once set)."""
    organisations = drafting_organisations(current_user)
    if initiative is not None:
        organisations = [initiative.organisation]
    return forms.InitiativeForm(organisations, list_municipalities(), list_donors(), **kwargs)


def draft_of(form: forms.InitiativeForm) -> InitiativeDraft:
    """Read the initiative form back as plain values."""
    return InitiativeDraft(
        organisation_id=form.organisation_id.data,
        title=form.title.data.strip(),
        summary=form.summary.data.strip(),
        language=form.language.data,
        start_date=form.start_date.data,
        end_date=form.end_date.data,
        total_budget=form.total_budget.data or Decimal("0"),
        description=form.description.data or "",
        municipality_ids=list(form.municipality_ids.data or []),
        sectors=[Sector(s) for s in form.sectors.data or []],
        donor_ids=list(form.donor_ids.data or []),
        programme_id=int(form.programme_id.data) if form.programme_id.data else None,
        objectives=form.objectives.data or "",
        activities=form.activities.data or "",
        expected_results=form.expected_results.data or "",
        achieved_results=form.achieved_results.data or "",
    )


def partner_form(**kwargs) -> forms.PartnerForm:
    """Build the partner form with the public organisations."""
    organisations = db.session.scalars(
        select(Organisation)
        .where(Organisation.verified_at.is_not(None))
        .order_by(Organisation.slug)
    )
    return forms.PartnerForm(list(organisations), **kwargs)


def partner_values(form: forms.PartnerForm) -> dict:
    """Read the partner form back as keyword arguments of add_partner."""
    return {
        "organisation_id": int(form.organisation_id.data) if form.organisation_id.data else None,
        "name": form.name.data,
        "country": form.country.data,
        "city": form.city.data,
    }


def funding_draft(form: forms.FundingForm) -> FundingDraft:
    """Read the funding form back; its party option is 'kind' or 'kind:id'."""
    kind, _sep, ref = form.party.data.partition(":")
    draft = FundingDraft(party=Party(kind), amount=form.amount.data)
    if ref:
        setattr(draft, f"{kind}_id", int(ref))
    if draft.party == Party.OTHER:
        draft.other_name = form.other_name.data
    return draft


def event_draft(form: forms.EventForm) -> EventDraft:
    """Read the event form back; times typed in Belgrade time become aware datetimes."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return EventDraft(
        kind=EventKind(form.kind.data),
        title=form.title.data.strip(),
        starts_at=_aware(form.starts_at.data, zone),
        ends_at=_aware(form.ends_at.data, zone),
        place=(form.place.data or "").strip() or None,
        online_url=(form.online_url.data or "").strip() or None,
        agenda=form.agenda.data or "",
    )


def _aware(value: datetime, zone: ZoneInfo) -> datetime:
    return value.replace(tzinfo=zone)


def event_form_data(event) -> dict:
    """An event's values for its edit form, in Belgrade time."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return {
        "kind": event.kind.value,
        "title": event.title,
        "starts_at": event.starts_at.astimezone(zone).replace(tzinfo=None),
        "ends_at": event.ends_at.astimezone(zone).replace(tzinfo=None),
        "place": event.place,
        "online_url": event.online_url,
        "agenda": event.agenda,
    }


def manage_page(initiative, **overrides):
    """The manage page, with fresh forms except those given (kept with their errors)."""
    page_forms = {
        "status_form": forms.StatusForm(TRANSITIONS[initiative.status], formdata=None),
        "partner_form": partner_form(formdata=None),
        "funding_form": forms.FundingForm(initiative, formdata=None),
        "link_form": forms.PriorityLinkForm(links.candidate_priorities(initiative), formdata=None),
    } | overrides
    return render_template(
        "initiatives/manage.html",
        initiative=initiative,
        links=links.linked_priorities(initiative),
        **page_forms,
    )
