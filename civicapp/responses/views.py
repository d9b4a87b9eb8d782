"""Official answer, rating and contest pages, the staff inbox and accountability pages."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_currency, format_decimal, format_percent
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from civicapp.authz import require
from civicapp.cache import cached_fragment
from civicapp.core.errors import render_error
from civicapp.core.forms import form_error
from civicapp.core.paging import bad_page, page_number
from civicapp.db import utcnow
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.municipalities.services import get_municipality_by_slug
from civicapp.priorities.models import Priority, Sector, Status
from civicapp.priorities.services import has_supported
from civicapp.responses import accountability, bp, forms, queries, services
from civicapp.responses.policies import (
    can_answer_priority,
    can_contest_priority,
    can_rate_answer,
    can_view_inbox,
)

INBOX_PAGE_SIZE = 25
LEAGUE_COLUMNS = (
    ("name", _l("Municipality")),
    ("due", _l("Became due")),
    ("answered", _l("Answered")),
    ("median", _l("Median days to first answer")),
    ("overdue", _l("Overdue now")),
    ("implemented", _l("Implemented")),
    ("on_time", _l("Answered on time")),
)


@bp.app_template_filter("share_percent")
def share_percent(value) -> str:
    """A share as a whole percentage in the reader's locale; a dash when there is none."""
    return "—" if value is None else format_percent(value, "#,##0%")


@bp.app_template_filter("days_figure")
def days_figure(value) -> str:
    """A number of days with one decimal at most, in the reader's locale."""
    return "—" if value is None else format_decimal(round(value, 1), "#,##0.#")


@bp.app_template_filter("euros")
def euros(value) -> str:
    """An amount in euros in the reader's locale."""
    return format_currency(value, "EUR")


bp.add_app_template_global(queries.split_texts, "answer_texts")
bp.add_app_template_global(queries.contest_pending, "contest_pending")


def priority_url(priority: Priority, anchor: str = "answers") -> str:
    return url_for("priorities.show", priority_id=priority.id, _anchor=anchor)


@bp.route("/priorities/<int:priority_id>/answer", methods=["GET", "POST"])
def answer(priority_id):
    """Publish an official answer in every official language of the municipality."""
    priority = db.get_or_404(Priority, priority_id)
    require(can_answer_priority(current_user, priority))
    form = forms.answer_form(priority.municipality.official_language_codes)
    if form.validate_on_submit():
        try:
            services.publish_response(current_user, priority, _draft(form))
        except DomainError as error:
            _answer_error(form, error)
        else:
            flash(_("The official answer is published."), "success")
            return redirect(priority_url(priority))
    page = render_template("responses/answer.html", priority=priority, form=form)
    return page, 400 if form.errors else 200


def _draft(form) -> services.Draft:
    return services.Draft(
        status=Status(form.status.data),
        texts={field.name.removeprefix("text_"): field.data for field in form.text_fields},
        budget_amount=form.budget_amount.data,
        budget_year=form.budget_year.data,
        reason=form.reason.data,
        competent_body=form.competent_body.data,
    )


def _answer_error(form, error: DomainError) -> None:
    if isinstance(error, services.MissingLanguages):
        for code in error.codes:
            getattr(form, f"text_{code}").errors.append(_("Required: an official language."))
        form.form_errors.append(error.message)
    elif error.field:
        form_error(form, error)
    else:
        form.form_errors.append(error.message)


@bp.post("/priorities/<int:priority_id>/satisfaction")
def rate(priority_id):
    """Record whether the latest answer satisfied a supporter (changeable)."""
    priority = db.get_or_404(Priority, priority_id)
    require(can_rate_answer(current_user, priority, has_supported(current_user, priority)))
    form = forms.RatingForm()
    if not form.validate_on_submit():
        return render_error(400, " ".join(map(str, form.satisfied.errors)))
    try:
        services.rate_answer(current_user, priority, form.satisfied.data == "yes")
    except DomainError as error:
        flash(error.message, "error")
    else:
        flash(_("Thank you, your view of the answer is recorded."), "success")
    return redirect(priority_url(priority))


@bp.route("/priorities/<int:priority_id>/contest", methods=["GET", "POST"])
def contest(priority_id):
    """Let the author contest an "implemented" status, once."""
    priority = db.get_or_404(Priority, priority_id)
    require(can_contest_priority(current_user, priority))
    form = forms.ContestForm()
    status = 200
    if form.validate_on_submit():
        try:
            services.contest_status(current_user, priority, form.reason.data)
        except DomainError as error:
            form_error(form, error)
            status = error.status_code
        else:
            flash(_("Your contest is recorded; the municipality will review it."), "success")
            return redirect(priority_url(priority))
    elif form.errors:
        status = 400
    page = render_template("responses/contest.html", priority=priority, form=form)
    return page, status


@bp.get("/inbox")
def inbox():
    """List the staff member's municipalities' priorities, what is due first."""
    require(can_view_inbox(current_user))
    page_wanted = page_number()
    if page_wanted is None:
        return bad_page()
    municipalities = queries.staff_municipalities(current_user)
    consultations = queries.staff_consultations(current_user)
    form = forms.InboxFilterForm(formdata=request.args).fill(municipalities, consultations)
    valid = form.validate()
    now = utcnow()
    stmt = queries.inbox_statement([m.id for m in municipalities], _inbox_filters(form), now)
    page = db.paginate(
        stmt,
        page=page_wanted,
        per_page=INBOX_PAGE_SIZE,
        max_per_page=INBOX_PAGE_SIZE,
        error_out=False,
    )
    return render_template(
        "responses/inbox.html", page=page, form=form, now=now, several=len(municipalities) > 1
    ), 200 if valid else 400


def _inbox_filters(form) -> queries.InboxFilters:
    """The filters that were valid; a bad one is shown as an error and left out."""

    def value(field):
        return field.data if field.data and not field.errors else None

    consultation, municipality = value(form.consultation), value(form.municipality)
    return queries.InboxFilters(
        status=Status(value(form.status)) if value(form.status) else None,
        overdue=bool(form.overdue.data),
        consultation_id=int(consultation) if consultation else None,
        sector=Sector(value(form.sector)) if value(form.sector) else None,
        municipality_id=int(municipality) if municipality else None,
    )


@bp.get("/accountability/")
def league():
    """Compare every municipality's record of answering its citizens."""
    key = request.args.get("sort", "answered", type=str)
    order = request.args.get("order", "", type=str)
    if key not in accountability.SORTS or order not in ("", "asc", "desc"):
        return render_error(400, _("This table cannot be sorted that way."))
    descending = order == "desc" if order else accountability.default_descending(key)
    table = cached_fragment(
        ("accountability.league", key, descending), lambda: _league_table(key, descending)
    )
    return render_template("responses/league.html", table=table)


def _league_table(key: str, descending: bool) -> str:
    figures = accountability.sort_figures(accountability.league_figures(), key, descending)
    return render_template(
        "responses/_league_table.html",
        figures=figures,
        columns=LEAGUE_COLUMNS,
        sort=key,
        descending=descending,
    )


@bp.get("/accountability/<slug>")
def municipality(slug):
    """Show one municipality's accountability figures and its overdue priorities."""
    place = get_municipality_by_slug(slug[:64]) or abort(404)
    key = ("accountability.municipality", place.id)
    figures = cached_fragment(key, lambda: _municipality_figures(place))
    return render_template("responses/municipality.html", municipality=place, figures_html=figures)


def _municipality_figures(place) -> str:
    now = utcnow()
    return render_template(
        "responses/_municipality_figures.html",
        figures=accountability.municipality_figures(place, now),
        overdue=accountability.overdue_priorities(place, now),
    )
