"""The platform admins' verification queue: verify, refuse, suspend and reinstate."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from civicapp.authz import require
from civicapp.core.forms import form_error
from civicapp.core.paging import bad_page, page_number
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.organisations import bp, forms, services
from civicapp.organisations.models import Organisation, Status
from civicapp.organisations.policies import can_verify_organisation
from civicapp.organisations.queries import queue_query
from civicapp.organisations.views.public import PER_PAGE


def decision_form(organisation: Organisation, **kwargs) -> forms.DecisionForm:
    """The note form of one organisation; the prefix keeps ids unique on the queue page."""
    return forms.DecisionForm(prefix=f"o{organisation.id}", **kwargs)


@bp.get("/admin/")
def queue():
    """List organisations for verification, pending ones first."""
    require(can_verify_organisation(current_user))
    form = forms.QueueForm(formdata=request.args)
    page = page_number()
    if page is None:
        return bad_page()
    if not form.validate():
        return render_template("organisations/queue.html", form=form, page=None), 400
    status = Status(form.status.data) if form.status.data else None
    found = db.paginate(queue_query(status), page=page, per_page=PER_PAGE, error_out=False)
    decisions = {o.id: decision_form(o, formdata=None) for o in found.items}
    return render_template("organisations/queue.html", form=form, page=found, decisions=decisions)


def _organisation(slug: str) -> Organisation:
    require(can_verify_organisation(current_user))
    return services.get_organisation_by_slug(slug) or abort(404)


@bp.get("/admin/<slug>")
def review(slug):
    """Show one organisation's registration with the decision form."""
    organisation = _organisation(slug)
    return _review_page(organisation, decision_form(organisation, formdata=None))


def _review_page(organisation: Organisation, form, status: int = 200):
    page = render_template("organisations/review.html", organisation=organisation, form=form)
    return page, status


def _decide(slug: str, service, done):
    organisation = _organisation(slug)
    form = decision_form(organisation)
    if form.validate_on_submit():
        try:
            service(current_user, organisation, form.note.data)
        except DomainError as error:
            form_error(form, error)
        else:
            flash(done(organisation.display_name), "success")
            return redirect(url_for("organisations.queue"))
    return _review_page(organisation, form, status=400)


@bp.post("/admin/<slug>/verify")
def verify(slug):
    """Verify a pending organisation, or reinstate a suspended one."""
    return _decide(slug, services.verify_organisation, _verified)


@bp.post("/admin/<slug>/suspend")
def suspend(slug):
    """Suspend a verified organisation, or refuse a pending registration."""
    return _decide(slug, services.suspend_organisation, _suspended)


def _verified(name: str) -> str:
    return _("%(name)s is verified.", name=name)


def _suspended(name: str) -> str:
    return _("%(name)s is suspended.", name=name)
