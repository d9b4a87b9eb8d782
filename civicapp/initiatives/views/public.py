"""The public list and the initiative page."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from civicapp.comments.views import thread_context
from civicapp.core.paging import bad_page, page_number
from civicapp.donors.services import list_donors
from civicapp.extensions import db
from civicapp.initiatives import bp, forms
from civicapp.initiatives.links import (
    endorsements_of,
    initiatives_for_priority,
    linked_priorities,
)
from civicapp.initiatives.models import Status
from civicapp.initiatives.policies import endorsing_municipalities
from civicapp.initiatives.queries import Filters, list_query, organisation_initiatives
from civicapp.initiatives.timeline import schedule, timeline
from civicapp.initiatives.views.common import get_initiative_or_404
from civicapp.municipalities.services import get_municipality_by_slug, list_municipalities
from civicapp.notifications.services import is_following
from civicapp.organisations.services import get_organisation_by_slug
from civicapp.sectors import Sector

PER_PAGE = 20


@bp.get("/")
def index():
    """List public initiatives, filtered and searched."""
    municipalities, donors = list_municipalities(), list_donors()
    form = forms.FilterForm(municipalities, donors, formdata=request.args)
    page = page_number()
    if page is None:
        return bad_page()
    if not form.validate():
        return render_template("initiatives/index.html", form=form, page=None), 400
    filters = _filters(form)
    if filters is None:
        return render_template("initiatives/index.html", form=form, page=None), 400
    found = db.paginate(list_query(filters), page=page, per_page=PER_PAGE, error_out=False)
    return render_template("initiatives/index.html", form=form, page=found)


def _filters(form) -> Filters | None:
    organisation = None
    if form.organisation.data:
        organisation = get_organisation_by_slug(form.organisation.data)
        if organisation is None:
            form.organisation.errors = [_("There is no organisation with this address.")]
            return None
    municipality = (
        get_municipality_by_slug(form.municipality.data) if form.municipality.data else None
    )
    return Filters(
        municipality_id=municipality.id if municipality else None,
        sector=Sector(form.sector.data) if form.sector.data else None,
        donor_id=int(form.donor.data) if form.donor.data else None,
        organisation_id=organisation.id if organisation else None,
        status=Status(form.status.data) if form.status.data else None,
        year=form.year.data,
        q=form.q.data or "",
    )


@bp.get("/<int:initiative_id>")
def show(initiative_id):
    """Show an initiative with its funding, partners, priorities, timeline and events."""
    return show_page(get_initiative_or_404(initiative_id))


def show_page(initiative, endorse_form=None):
    """Render the initiative page (with the endorsement form kept when given)."""
    upcoming, past = schedule(initiative)
    if endorse_form is None:
        endorsing = endorsing_municipalities(current_user, initiative)
        endorse_form = forms.EndorseForm(endorsing) if endorsing else None
    return render_template(
        "initiatives/show.html",
        initiative=initiative,
        links=linked_priorities(initiative, public=True),
        endorsements=endorsements_of(initiative),
        endorse_form=endorse_form,
        updates=timeline(initiative),
        upcoming=upcoming,
        past=past,
        following=is_following(current_user, initiative),
        # Drafts are not discussed: no thread until the initiative is published.
        **(thread_context(initiative) if initiative.is_published else {}),
    )


@bp.app_template_global()
def initiatives_of_organisation(organisation):
    """An organisation's public initiatives, for its profile page."""
    return organisation_initiatives(organisation)


@bp.app_template_global()
def initiatives_on_priority(priority):
    """Public initiatives working on a priority, for the priority page."""
    return initiatives_for_priority(priority)
