"""The directory, profiles, and the registration and edit forms."""

from dataclasses import asdict

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from civicapp.authz import require
from civicapp.core.forms import form_error
from civicapp.core.paging import bad_page, page_number
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.municipalities.services import get_municipality_by_slug
from civicapp.organisations import bp, forms, services
from civicapp.organisations.members import member_count, members_of
from civicapp.organisations.models import Kind, Organisation, Registry
from civicapp.organisations.policies import (
    can_edit_organisation,
    can_register_organisation,
    can_view_members,
    can_view_organisation,
)
from civicapp.organisations.queries import directory_query
from civicapp.sectors import Sector

PER_PAGE = 20


def get_organisation_or_404(slug: str) -> Organisation:
    """The organisation, or 404 when it does not exist or is not shown to this reader."""
    organisation = services.get_organisation_by_slug(slug)
    if organisation is None or not can_view_organisation(current_user, organisation):
        abort(404)
    return organisation


@bp.get("/")
def index():
    """List public organisations, filtered by municipality, sector and kind, searched by name."""
    form = forms.FilterForm(formdata=request.args)
    page = page_number()
    if page is None:
        return bad_page()
    if not form.validate():
        return render_template("organisations/index.html", form=form, page=None), 400
    stmt = directory_query(
        municipality=get_municipality_by_slug(form.municipality.data)
        if form.municipality.data
        else None,
        sector=Sector(form.sector.data) if form.sector.data else None,
        kind=Kind(form.kind.data) if form.kind.data else None,
        q=form.q.data or "",
    )
    found = db.paginate(stmt, page=page, per_page=PER_PAGE, error_out=False)
    return render_template("organisations/index.html", form=form, page=found)


@bp.get("/<slug>")
def show(slug):
    """Show an organisation's profile; members see who the other members are."""
    organisation = get_organisation_or_404(slug)
    members = members_of(organisation) if can_view_members(current_user, organisation) else None
    count = len(members) if members is not None else member_count(organisation)
    return render_template(
        "organisations/show.html", organisation=organisation, members=members, member_count=count
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """Register an organisation."""
    if not can_register_organisation(current_user):
        return render_template("organisations/unverified.html"), 403
    form = forms.OrganisationForm()
    if form.validate_on_submit():
        try:
            organisation = services.register_organisation(current_user, _draft(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(
                _(
                    "Your organisation is registered. A platform administrator will verify it; "
                    "until then only its members see it."
                ),
                "success",
            )
            return redirect(url_for("organisations.show", slug=organisation.slug))
    return _form_page(form, None)


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit(slug):
    """Edit an organisation's profile."""
    organisation = get_organisation_or_404(slug)
    require(can_edit_organisation(current_user, organisation))
    form = forms.OrganisationForm(data=asdict(services.draft_from(organisation)))
    if form.validate_on_submit():
        try:
            services.edit_organisation(current_user, organisation, _draft(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("Your changes are saved."), "success")
            return redirect(url_for("organisations.show", slug=organisation.slug))
    return _form_page(form, organisation)


def _form_page(form, organisation):
    page = render_template("organisations/form.html", form=form, organisation=organisation)
    return page, 400 if form.errors else 200


def _draft(form: forms.OrganisationForm) -> services.OrganisationDraft:
    return services.OrganisationDraft(
        kind=Kind(form.kind.data),
        name_sq=form.name_sq.data,
        name_sr=form.name_sr.data,
        name_en=form.name_en.data,
        registry=Registry(form.registry.data) if form.registry.data else None,
        registration_number=form.registration_number.data,
        municipality_ids=list(form.municipality_ids.data or []),
        sectors=[Sector(value) for value in form.sectors.data or []],
        description=form.description.data or "",
        website=form.website.data,
        contact_email=form.contact_email.data,
        logo=form.logo.data,  # uploads helper
        remove_logo=form.remove_logo.data,
    )
