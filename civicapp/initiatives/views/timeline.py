"""Updates and events of an initiative, written by its lead organisation's members."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from civicapp.core.forms import form_error
from civicapp.db import utcnow
from civicapp.exceptions import DomainError
from civicapp.initiatives import bp, forms, timeline
from civicapp.initiatives.models import Event, Update
from civicapp.initiatives.views.common import editable_initiative, get_owned_or_404
from civicapp.initiatives.views.setup import event_draft, event_form_data


def _back(initiative):
    return redirect(url_for("initiatives.show", initiative_id=initiative.id))


@bp.route("/<int:initiative_id>/updates/new", methods=["GET", "POST"])
@login_required
def new_update(initiative_id):
    """Post an update on the initiative's timeline."""
    return _update_form(editable_initiative(initiative_id), None)


@bp.route("/<int:initiative_id>/updates/<int:update_id>/edit", methods=["GET", "POST"])
@login_required
def edit_update(initiative_id, update_id):
    """Correct an update."""
    initiative = editable_initiative(initiative_id)
    return _update_form(initiative, get_owned_or_404(Update, update_id, initiative))


def _update_form(initiative, update):
    data = {"posted_on": utcnow().date()}
    if update is not None:
        data = {"title": update.title, "body": update.body, "posted_on": update.posted_on}
    form = forms.UpdateForm(data=data)
    if form.validate_on_submit():
        try:
            timeline.save_update(
                current_user,
                initiative,
                update,
                form.title.data,
                form.body.data,
                form.posted_on.data,
            )
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The update is saved."), "success")
            return _back(initiative)
    page = render_template(
        "initiatives/update_form.html", form=form, initiative=initiative, update=update
    )
    return page, 400 if form.errors else 200


@bp.post("/<int:initiative_id>/updates/<int:update_id>/delete")
@login_required
def delete_update(initiative_id, update_id):
    """Delete an update."""
    initiative = editable_initiative(initiative_id)
    timeline.delete_update(
        current_user, initiative, get_owned_or_404(Update, update_id, initiative)
    )
    flash(_("The update is deleted."), "success")
    return _back(initiative)


@bp.route("/<int:initiative_id>/events/new", methods=["GET", "POST"])
@login_required
def new_event(initiative_id):
    """Announce an event of the initiative."""
    return _event_form(editable_initiative(initiative_id), None)


@bp.route("/<int:initiative_id>/events/<int:event_id>/edit", methods=["GET", "POST"])
@login_required
def edit_event(initiative_id, event_id):
    """Correct an event."""
    initiative = editable_initiative(initiative_id)
    return _event_form(initiative, get_owned_or_404(Event, event_id, initiative))


def _event_form(initiative, event):
    form = forms.EventForm(data=event_form_data(event) if event else None)
    if form.validate_on_submit():
        try:
            timeline.save_event(current_user, initiative, event, event_draft(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The event is saved."), "success")
            return _back(initiative)
    page = render_template(
        "initiatives/event_form.html", form=form, initiative=initiative, event=event
    )
    return page, 400 if form.errors else 200


@bp.post("/<int:initiative_id>/events/<int:event_id>/delete")
@login_required
def delete_event(initiative_id, event_id):
    """Delete an event."""
    initiative = editable_initiative(initiative_id)
    timeline.delete_event(current_user, initiative, get_owned_or_404(Event, event_id, initiative))
    flash(_("The event is deleted."), "success")
    return _back(initiative)
