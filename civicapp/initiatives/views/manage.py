"""Members of the lead organisation write initiatives; staff endorse them."""

from dataclasses import asdict

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from civicapp.authz import require
from civicapp.core.forms import form_error
from civicapp.exceptions import DomainError
from civicapp.initiatives import bp, forms, links, services
from civicapp.initiatives.models import TRANSITIONS, FundingLine, Partner, PriorityLink, Status
from civicapp.initiatives.policies import (
    can_change_initiative_status,
    can_create_initiative,
    endorsing_municipalities,
)
from civicapp.initiatives.views.common import (
    editable_initiative,
    get_initiative_or_404,
    get_owned_or_404,
)
from civicapp.initiatives.views.public import show_page
from civicapp.initiatives.views.setup import (
    draft_of,
    funding_draft,
    initiative_form,
    manage_page,
    partner_form,
    partner_values,
)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """Start an initiative for one of the user's organisations."""
    require(can_create_initiative(current_user))
    form = initiative_form(None)
    if form.validate_on_submit():
        try:
            initiative = services.create_initiative(current_user, draft_of(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(
                _("The initiative is saved as a draft. Only your organisation sees it."), "success"
            )
            return redirect(url_for("initiatives.manage", initiative_id=initiative.id))
    return _form_page(form, None)


@bp.route("/<int:initiative_id>/edit", methods=["GET", "POST"])
@login_required
def edit(initiative_id):
    """Edit an initiative."""
    initiative = editable_initiative(initiative_id)
    form = initiative_form(initiative, data=asdict(services.draft_from(initiative)))
    if form.validate_on_submit():
        try:
            services.edit_initiative(current_user, initiative, draft_of(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("Your changes are saved."), "success")
            return redirect(url_for("initiatives.show", initiative_id=initiative.id))
    return _form_page(form, initiative)


def _form_page(form, initiative):
    page = render_template("initiatives/form.html", form=form, initiative=initiative)
    return page, 400 if form.errors else 200


@bp.get("/<int:initiative_id>/manage")
@login_required
def manage(initiative_id):
    """Partners, funding lines, linked priorities and status of an initiative."""
    return manage_page(editable_initiative(initiative_id))


@bp.post("/<int:initiative_id>/status")
@login_required
def change_status(initiative_id):
    """Publish, start, complete or cancel an initiative."""
    initiative = get_initiative_or_404(initiative_id)
    require(can_change_initiative_status(current_user, initiative))
    form = forms.StatusForm(TRANSITIONS[initiative.status])
    if not form.validate_on_submit():
        return manage_page(initiative, status_form=form), 400
    try:
        services.change_initiative_status(current_user, initiative, Status(form.status.data))
    except DomainError as error:
        flash(error.message, "error")
        return manage_page(initiative, status_form=form), 400
    flash(_("The status is now “%(status)s”.", status=initiative.status.label), "success")
    return redirect(url_for("initiatives.show", initiative_id=initiative.id))


@bp.post("/<int:initiative_id>/partners")
@login_required
def add_partner(initiative_id):
    """Record a partner of an initiative."""
    initiative = editable_initiative(initiative_id)
    form = partner_form()
    if form.validate_on_submit():
        try:
            services.add_partner(current_user, initiative, **partner_values(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The partner is added."), "success")
            return redirect(url_for("initiatives.manage", initiative_id=initiative.id))
    return manage_page(initiative, partner_form=form), 400


@bp.post("/<int:initiative_id>/partners/<int:partner_id>/remove")
@login_required
def remove_partner(initiative_id, partner_id):
    """Remove a partner."""
    initiative = editable_initiative(initiative_id)
    services.remove_partner(
        current_user, initiative, get_owned_or_404(Partner, partner_id, initiative)
    )
    flash(_("The partner is removed."), "success")
    return redirect(url_for("initiatives.manage", initiative_id=initiative.id))


@bp.post("/<int:initiative_id>/funding")
@login_required
def add_funding(initiative_id):
    """Record how much one party pays."""
    initiative = editable_initiative(initiative_id)
    form = forms.FundingForm(initiative)
    if form.validate_on_submit():
        try:
            services.add_funding_line(current_user, initiative, funding_draft(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The funding line is added."), "success")
            return redirect(url_for("initiatives.manage", initiative_id=initiative.id))
    return manage_page(initiative, funding_form=form), 400


@bp.post("/<int:initiative_id>/funding/<int:line_id>/remove")
@login_required
def remove_funding(initiative_id, line_id):
    """Remove a funding line."""
    initiative = editable_initiative(initiative_id)
    line = get_owned_or_404(FundingLine, line_id, initiative)
    services.remove_funding_line(current_user, initiative, line)
    flash(_("The funding line is removed."), "success")
    return redirect(url_for("initiatives.manage", initiative_id=initiative.id))


@bp.post("/<int:initiative_id>/priorities")
@login_required
def link_priority(initiative_id):
    """Say which citizens' priority the initiative addresses."""
    initiative = editable_initiative(initiative_id)
    form = forms.PriorityLinkForm(links.candidate_priorities(initiative))
    if form.validate_on_submit():
        chosen = int(form.priority_id.data) if form.priority_id.data else None
        try:
            priority = links.find_priority(form.reference.data, chosen)
            links.link_priority(current_user, initiative, priority)
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The initiative is linked to the priority."), "success")
            return redirect(url_for("initiatives.manage", initiative_id=initiative.id))
    return manage_page(initiative, link_form=form), 400


@bp.post("/<int:initiative_id>/priorities/<int:link_id>/remove")
@login_required
def unlink_priority(initiative_id, link_id):
    """Remove a link to a priority."""
    initiative = editable_initiative(initiative_id)
    links.unlink_priority(
        current_user, initiative, get_owned_or_404(PriorityLink, link_id, initiative)
    )
    flash(_("The link to the priority is removed."), "success")
    return redirect(url_for("initiatives.manage", initiative_id=initiative.id))


@bp.post("/<int:initiative_id>/endorse")
@login_required
def endorse(initiative_id):
    """Endorse an initiative for the staff member's municipality."""
    initiative = get_initiative_or_404(initiative_id)
    municipalities = endorsing_municipalities(current_user, initiative)
    require(bool(municipalities))
    form = forms.EndorseForm(municipalities)
    if form.validate_on_submit():
        try:
            links.endorse_initiative(
                current_user, initiative, form.municipality_id.data, form.statement.data
            )
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("Your municipality endorses this initiative."), "success")
            return redirect(url_for("initiatives.show", initiative_id=initiative.id))
    return show_page(initiative, endorse_form=form), 400
