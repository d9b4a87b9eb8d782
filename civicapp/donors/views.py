"""The donor registry, kept by platform admins."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from civicapp.authz import require
from civicapp.core.forms import form_error
from civicapp.donors import bp, forms
from civicapp.donors import services as donors
from civicapp.donors.models import Donor
from civicapp.donors.policies import can_manage_donors
from civicapp.exceptions import DomainError
from civicapp.extensions import db


@bp.route("/admin/donors", methods=["GET", "POST"])
@login_required
def index():
    """List the donors and add one."""
    require(can_manage_donors(current_user))
    form = forms.DonorForm()
    if form.validate_on_submit():
        try:
            donors.save_donor(
                current_user, None, form.name.data, form.country.data, form.website.data
            )
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The donor is added."), "success")
            return redirect(url_for("donors.index"))
    page = render_template("donors/index.html", form=form, donors=donors.list_donors())
    return page, 400 if form.errors else 200


@bp.route("/admin/donors/<int:donor_id>", methods=["GET", "POST"])
@login_required
def edit(donor_id):
    """Correct a donor and add its programmes."""
    require(can_manage_donors(current_user))
    donor = db.session.get(Donor, donor_id) or abort(404)
    form = forms.DonorForm(obj=donor)
    if form.validate_on_submit():
        try:
            donors.save_donor(
                current_user, donor, form.name.data, form.country.data, form.website.data
            )
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The donor is saved."), "success")
            return redirect(url_for("donors.edit", donor_id=donor.id))
    return _donor_page(donor, form, forms.ProgrammeForm(formdata=None))


@bp.post("/admin/donors/<int:donor_id>/programmes")
@login_required
def add_programme(donor_id):
    """Add a funding programme to a donor."""
    require(can_manage_donors(current_user))
    donor = db.session.get(Donor, donor_id) or abort(404)
    form = forms.ProgrammeForm()
    if form.validate_on_submit():
        try:
            donors.add_programme(current_user, donor, form.programme.data)
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The programme is added."), "success")
            return redirect(url_for("donors.edit", donor_id=donor.id))
    return _donor_page(donor, forms.DonorForm(obj=donor, formdata=None), form)


def _donor_page(donor, form, programme_form):
    page = render_template(
        "donors/donor.html", donor=donor, form=form, programme_form=programme_form
    )
    return page, 400 if form.errors or programme_form.errors else 200
