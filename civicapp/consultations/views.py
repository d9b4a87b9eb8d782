"""Consultation pages: the public list and page, and the forms staff use to run them."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from civicapp.authz import require
from civicapp.consultations import bp, forms, services
from civicapp.consultations.models import NEXT_PHASE, Consultation, Phase
from civicapp.consultations.policies import (
    can_adopt_consultation,
    can_advance_consultation,
    can_edit_consultation,
    can_open_consultation,
)
from civicapp.core.errors import render_error
from civicapp.core.forms import choices, form_error
from civicapp.core.paging import bad_page, page_number
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.i18n import in_reader_script
from civicapp.municipalities.services import get_municipality_by_slug

PER_PAGE = 20
# Ids beyond a 32-bit integer match no row; refusing them early keeps every database calm.
CONSULTATION = "<int(max=2147483647):consultation_id>"

bp.add_app_template_global(services.current_consultations, "current_consultations")


def get_consultation_or_404(consultation_id: int) -> Consultation:
    return db.get_or_404(Consultation, consultation_id)


@bp.get("/")
def index():
    """List consultations, filtered by municipality and phase."""
    form = forms.FilterForm(formdata=request.args)
    page = page_number()
    if page is None:
        return bad_page()
    if not form.validate():
        return render_template("consultations/index.html", form=form, page=None), 400
    slug = form.municipality.data
    municipality = get_municipality_by_slug(slug) if slug else None
    phase = Phase(form.phase.data) if form.phase.data else None
    stmt = services.list_consultations(municipality, phase)
    pagination = db.paginate(stmt, page=page, per_page=PER_PAGE, error_out=False)
    counts = services.priority_counts([c.id for c in pagination.items])
    return render_template("consultations/index.html", form=form, page=pagination, counts=counts)


@bp.get(f"/{CONSULTATION}")
def show(consultation_id):
    """Show a consultation: its phase, its description and its priorities by support."""
    consultation = get_consultation_or_404(consultation_id)
    page = page_number()
    if page is None:
        return bad_page()
    stmt = services.visible_priorities(consultation)
    priorities = db.paginate(stmt, page=page, per_page=PER_PAGE, error_out=False)
    return render_template(
        "consultations/show.html",
        consultation=consultation,
        description_html=services.description_for_reader(consultation),
        page=priorities,
        next_phase=NEXT_PHASE.get(consultation.phase),
    )


@bp.route("/new", methods=["GET", "POST"])
def new():
    """Open a consultation for a municipality the user works for."""
    require(can_open_consultation(current_user))
    municipality = get_municipality_by_slug(request.args.get("municipality", "")[:64])
    if municipality is None:
        return render_error(400, _("Open a consultation from the page of its municipality."))
    require(can_open_consultation(current_user, municipality))
    form = forms.ConsultationForm()
    if form.validate_on_submit():
        try:
            consultation = services.open_consultation(current_user, municipality, _data(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The consultation is open for proposals."), "success")
            return redirect(url_for(".show", consultation_id=consultation.id))
    return _form_page(form, municipality=municipality)


@bp.route(f"/{CONSULTATION}/edit", methods=["GET", "POST"])
def edit(consultation_id):
    """Change a consultation's title, description, language or threshold."""
    consultation = get_consultation_or_404(consultation_id)
    require(can_edit_consultation(current_user, consultation))
    form = forms.ConsultationForm(obj=consultation)
    if form.validate_on_submit():
        try:
            services.edit_consultation(current_user, consultation, _data(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The consultation is saved."), "success")
            return redirect(url_for(".show", consultation_id=consultation.id))
    return _form_page(form, consultation=consultation, municipality=consultation.municipality)


def _data(form) -> services.ConsultationData:
    return services.ConsultationData(
        title=form.title.data,
        description=form.description.data,
        language=form.language.data,
        support_threshold=form.support_threshold.data,
    )


def _form_page(form, **context):
    page = render_template("consultations/form.html", form=form, **context)
    return page, 400 if form.errors else 200


@bp.post(f"/{CONSULTATION}/advance")
def advance(consultation_id):
    """Open voting, or close the consultation."""
    consultation = get_consultation_or_404(consultation_id)
    require(can_advance_consultation(current_user, consultation))
    form = forms.AdvanceForm()
    if not form.validate_on_submit():
        return render_error(400, " ".join(form.phase.errors))
    try:
        services.advance_consultation(current_user, consultation, Phase(form.phase.data))
    except DomainError as error:
        flash(error.message, "error")
    else:
        flash(_("The consultation is now: %(phase)s.", phase=consultation.phase.label), "success")
    return redirect(url_for(".show", consultation_id=consultation.id))


@bp.route(f"/{CONSULTATION}/adopt", methods=["GET", "POST"])
def adopt(consultation_id):
    """Record the assembly's decision and the priorities it put into the plan."""
    consultation = get_consultation_or_404(consultation_id)
    require(can_adopt_consultation(current_user, consultation))
    candidates = list(db.session.scalars(services.visible_priorities(consultation)))
    form = forms.AdoptForm()
    form.priority_ids.choices = choices((p.id, _plan_label(p)) for p in candidates)
    if form.validate_on_submit():
        decision = services.Decision(
            form.decision_reference.data, form.decision_date.data, form.priority_ids.data
        )
        try:
            services.adopt_consultation(current_user, consultation, decision)
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The adoption of the plan is recorded."), "success")
            return redirect(url_for(".show", consultation_id=consultation.id))
    page = render_template("consultations/adopt.html", form=form, consultation=consultation)
    return page, 400 if form.errors else 200


def _plan_label(priority) -> str:
    title = in_reader_script(priority.title, priority.language)
    return ngettext(
        "%(title)s (%(num)s support)",
        "%(title)s (%(num)s supports)",
        priority.support_count,
        title=title,
    )
