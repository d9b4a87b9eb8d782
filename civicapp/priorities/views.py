"""Priority pages: list and search, propose, show, edit, withdraw, support."""

import re

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import escape
from sqlalchemy import select

from civicapp.authz import require
from civicapp.cache import cached_html
from civicapp.comments.views import thread_context
from civicapp.consultations.models import Consultation, Phase
from civicapp.core.forms import ActionForm, choices, form_error
from civicapp.core.paging import bad_page, page_number
from civicapp.exceptions import Conflict, DomainError
from civicapp.extensions import db
from civicapp.i18n import current_locale, in_reader_script
from civicapp.municipalities.services import (
    get_municipality_by_slug,
    municipality_choices,
)
from civicapp.notifications.services import is_following
from civicapp.priorities import bp, forms, queries, services
from civicapp.priorities.models import Priority, Sector, Status
from civicapp.priorities.pages import sections_context
from civicapp.priorities.policies import (
    can_edit_priority,
    can_moderate_priorities,
    can_propose_priority,
    can_support_priority,
    can_view_priority,
    can_withdraw_priority,
    can_withdraw_support,
)
from civicapp.security import limit_posts
from civicapp.text import render_markdown

REFERENCE = re.compile(r"PRI-\d{4}-\d{5,10}")


def get_priority_or_404(priority_id: int) -> Priority:
    """The priority, or 404 when it does not exist or is hidden from this reader."""
    if priority_id > queries.MAX_ID:
        abort(404)
    priority = db.get_or_404(Priority, priority_id)
    if not can_view_priority(current_user, priority):
        abort(404)
    return priority


@bp.get("/")
def index():
    """List priorities, filtered, sorted and searched from the query string."""
    page = page_number()
    if page is None:
        return bad_page()
    moderator = can_moderate_priorities(current_user)
    parts = cached_html(
        ("priorities.index", request.query_string, moderator),
        lambda: _list_parts(page),
    )
    return render_template("priorities/index.html", parts=parts)


def _list_parts(page: int) -> dict[str, str]:
    """The list's title and content: they depend only on the query string and the role."""
    filters = queries.parse_filters(request.args)
    found = queries.priority_page(filters, page, current_user)
    content = render_template(
        "priorities/_index.html", page=found, filters=filters, **_filter_options(filters)
    )
    if filters.municipality is None:
        title = _("Priorities")
    else:
        title = _("Priorities in %(municipality)s", municipality=filters.municipality.name)
    return {"title": escape(title), "content": content}


def _filter_options(filters: queries.Filters) -> dict:
    consultations = []
    if filters.municipality is not None:
        consultations = db.session.scalars(
            select(Consultation)
            .where(Consultation.municipality_id == filters.municipality.id)
            .order_by(Consultation.created_at.desc())
        ).all()
    return dict(
        municipalities=queries.municipality_options(),
        consultations=consultations,
        sectors=list(Sector),
        statuses=list(Status),
        sorts={key: label for key, (label, _order) in queries.SORTS.items()},
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """Propose a priority."""
    if not can_propose_priority(current_user):
        return render_template("priorities/unverified.html"), 403
    form = forms.ProposeForm()
    _fill_choices(form)
    if not form.is_submitted():
        _preselect(form)
    if form.validate_on_submit():
        try:
            priority = services.propose_priority(current_user, _draft(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(
                _("Your priority is published as %(reference)s.", reference=priority.reference),
                "success",
            )
            return redirect(url_for("priorities.show", priority_id=priority.id))
    return render_template("priorities/new.html", form=form), 400 if form.errors else 200


def _fill_choices(form: forms.ProposeForm) -> None:
    form.municipality_id.choices = municipality_choices()
    open_consultations = db.session.scalars(
        select(Consultation).where(Consultation.phase == Phase.PROPOSALS)
    ).all()
    labelled = sorted(
        ((c.id, f"{c.municipality.name}: {c.title}") for c in open_consultations),
        key=lambda pair: pair[1],
    )
    form.consultation_id.choices = choices([("", _("None: a standing priority"))] + labelled)


def _preselect(form: forms.ProposeForm) -> None:
    consultation_id = queries.positive_int(request.args.get("consultation"), queries.MAX_ID)
    consultation = db.session.get(Consultation, consultation_id) if consultation_id else None
    slug = request.args.get("municipality", "")
    municipality = get_municipality_by_slug(slug) if queries.SLUG.fullmatch(slug) else None
    if consultation is not None:
        form.consultation_id.data = consultation.id
        form.municipality_id.data = consultation.municipality_id
    else:
        form.municipality_id.data = (
            municipality.id if municipality else current_user.home_municipality_id
        )
    form.language.data = {"sr_Latn": "sr", "sr": "sr", "en": "en"}.get(current_locale(), "sq")


def _draft(form) -> services.PriorityDraft:
    proposing = "municipality_id" in form
    return services.PriorityDraft(
        title=form.title.data,
        body=form.body.data,
        sector=Sector(form.sector.data),
        language=form.language.data,
        place=form.place.data,
        municipality_id=form.municipality_id.data if proposing else None,
        consultation_id=form.consultation_id.data if proposing else None,
    )


@bp.get("/<int:priority_id>")
def show(priority_id):
    """Show a priority with its supports, status and deadline."""
    priority = get_priority_or_404(priority_id)
    return render_template(
        "priorities/show.html",
        priority=priority,
        body_html=_body_for_reader(priority),
        supported=services.has_supported(current_user, priority),
        following=is_following(current_user, priority),
        **thread_context(priority),
        **sections_context(priority, current_user),
    )


def _body_for_reader(priority: Priority) -> str:
    """Serbian text in the reader's script: transliterate the Markdown, then render it."""
    shown = in_reader_script(priority.body, priority.language)
    return priority.body_html if shown == priority.body else render_markdown(shown)


@bp.get("/<reference>")
def by_reference(reference):
    """Send a reference number such as PRI-2027-00042 to its priority."""
    reference = reference.strip().upper()
    if not REFERENCE.fullmatch(reference):
        abort(404)
    priority_id = db.session.scalar(select(Priority.id).where(Priority.reference == reference))
    if priority_id is None:
        abort(404)
    return redirect(url_for("priorities.show", priority_id=priority_id))


@bp.route("/<int:priority_id>/edit", methods=["GET", "POST"])
@login_required
def edit(priority_id):
    """Edit a priority before its first support or answer."""
    priority = get_priority_or_404(priority_id)
    require(can_edit_priority(current_user, priority))
    form = forms.PriorityTextForm(obj=priority)
    if form.validate_on_submit():
        try:
            services.edit_priority(current_user, priority, _draft(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("Your changes are saved."), "success")
            return redirect(url_for("priorities.show", priority_id=priority.id))
    return render_template(
        "priorities/edit.html", form=form, priority=priority
    ), 400 if form.errors else 200


@bp.post("/<int:priority_id>/withdraw")
@login_required
def withdraw(priority_id):
    """Withdraw one's own priority."""
    priority = get_priority_or_404(priority_id)
    require(can_withdraw_priority(current_user, priority))
    if ActionForm().validate_on_submit():
        services.withdraw_priority(current_user, priority)
        flash(_("Your priority is withdrawn. It stays visible, marked as withdrawn."), "success")
    return redirect(url_for("priorities.show", priority_id=priority.id))


@bp.post("/<int:priority_id>/support")
@limit_posts("RATELIMIT_VOTE")
@login_required
def support(priority_id):
    """Support a priority."""
    priority = get_priority_or_404(priority_id)
    require(can_support_priority(current_user, priority))
    if ActionForm().validate_on_submit():
        # Translated first: after the commit, the reader's language would reload the user.
        thanks = _("Thank you for your support.")
        try:
            services.cast_vote(current_user, priority)
        except DomainError as error:
            flash(error.message, "info" if isinstance(error, Conflict) else "error")
        else:
            flash(thanks, "success")
    return redirect(url_for("priorities.show", priority_id=priority_id))


@bp.post("/<int:priority_id>/support/withdraw")
@limit_posts("RATELIMIT_VOTE")
@login_required
def unsupport(priority_id):
    """Withdraw one's support from a priority."""
    priority = get_priority_or_404(priority_id)
    require(can_withdraw_support(current_user, priority))
    if ActionForm().validate_on_submit():
        try:
            services.withdraw_vote(current_user, priority)
        except DomainError as error:
            flash(error.message, "info" if isinstance(error, Conflict) else "error")
        else:
            flash(_("Your support is withdrawn."), "success")
    return redirect(url_for("priorities.show", priority_id=priority_id))
