"""Report content; the moderators' queue, review page and decisions."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from civicapp.authz import require
from civicapp.core.forms import form_error
from civicapp.core.paging import bad_page, page_number
from civicapp.exceptions import DomainError
from civicapp.moderation import bp, forms, services
from civicapp.moderation.models import EVENT_LABELS, Reason
from civicapp.moderation.policies import can_moderate, can_report_content, can_view_content
from civicapp.subjects.registry import get_object, subject_types, type_named

KIND = "<string(maxlength=32):kind>"


def _get_content_or_404(kind: str, target_id: int):
    obj = get_object(kind, target_id)
    if obj is None or not can_view_content(current_user, obj):
        abort(404)
    return obj


@bp.get("/")
def queue():
    """List reported content, oldest report first, or content hidden now."""
    require(can_moderate(current_user))
    show = request.args.get("show", "reported")
    kinds = subject_types()
    if show != "reported" and show not in kinds:
        abort(404)
    number = page_number()
    if number is None:
        return bad_page()
    if show == "reported":
        page, items = services.reported_queue(number)
        return render_template(
            "moderation/queue.html", page=page, items=items, show=show, kinds=kinds
        )
    page = services.hidden_content(kinds[show], number)
    return render_template(
        "moderation/hidden.html",
        page=page,
        kind=kinds[show],
        show=show,
        kinds=kinds,
        summarize=services.content_summary,
    )


@bp.get(f"/{KIND}/<int:target_id>")
def review(kind, target_id):
    """Show content with its reports and moderation history, and the decision form."""
    require(can_moderate(current_user))
    return _review_page(kind, _get_content_or_404(kind, target_id), forms.DecisionForm())


def _review_page(kind: str, obj, form, status: int = 200):
    reports, events = services.content_history(obj)
    urls = {
        decision: url_for("moderation.decide", kind=kind, target_id=obj.id, decision=decision)
        for decision in DECISIONS
    }
    return render_template(
        "moderation/review.html",
        kind=type_named(kind),
        content=obj,
        reports=reports,
        events=events,
        event_labels=EVENT_LABELS,
        form=form,
        decision_urls=urls,
        content_url=services.content_url(obj),
    ), status


DECISIONS = {
    "hide": (services.hide_content, _l("The content is hidden.")),
    "restore": (services.restore_content, _l("The content is visible again.")),
    "dismiss": (services.dismiss_reports, _l("The reports are dismissed.")),
}


@bp.post(f"/{KIND}/<int:target_id>/<any(hide, restore, dismiss):decision>")
def decide(kind, target_id, decision):
    """Hide, restore, or dismiss the reports of content, with a reason."""
    require(can_moderate(current_user))
    obj = _get_content_or_404(kind, target_id)
    form = forms.DecisionForm()
    if not form.validate_on_submit():
        return _review_page(kind, obj, form, 400)
    service, message = DECISIONS[decision]
    try:
        service(current_user, obj, form.reason.data)
    except DomainError as error:
        form_error(form, error)
        return _review_page(kind, obj, form, 400)
    flash(str(message), "success")
    return redirect(url_for("moderation.review", kind=kind, target_id=target_id))


@bp.route(f"/{KIND}/<int:target_id>/report", methods=["GET", "POST"])
def report(kind, target_id):
    """Report content to the moderators, once, with a reason."""
    obj = _get_content_or_404(kind, target_id)
    require(can_report_content(current_user, obj))
    form = forms.ReportForm()
    if form.validate_on_submit():
        try:
            services.report_content(current_user, obj, Reason(form.reason.data), form.note.data)
        except services.AlreadyReported as error:
            flash(error.message, "info")
        except DomainError as error:
            form_error(form, error)
            return _report_page(kind, obj, form)
        else:
            flash(_("Thank you. The moderators will review your report."), "success")
        return redirect(_after_report(obj))
    return _report_page(kind, obj, form)


def _report_page(kind: str, obj, form):
    already = services.has_reported(current_user, obj)
    return render_template(
        "moderation/report.html",
        kind=type_named(kind),
        content=obj,
        form=form,
        already=already,
        summary=services.content_summary(obj),
        content_url=services.content_url(obj),
    ), 400 if form.errors else 200


def _after_report(obj) -> str:
    if can_view_content(current_user, obj):
        return services.content_url(obj)
    return url_for("core.index")
