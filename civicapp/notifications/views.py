"""Notification pages: the list, e-mail settings, the follow button and unsubscribe links."""

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from civicapp.authz import require
from civicapp.cache import never_cached
from civicapp.core.forms import ActionForm
from civicapp.core.paging import bad_page, page_number
from civicapp.exceptions import DomainError
from civicapp.extensions import csrf, db
from civicapp.notifications import bp, messages, services
from civicapp.notifications.emails import user_from_unsubscribe_token
from civicapp.notifications.forms import FollowForm, SettingsForm
from civicapp.notifications.models import EmailMode, Notification
from civicapp.notifications.policies import (
    can_change_notification_settings,
    can_follow_target,
    can_open_notification,
    can_view_notifications,
)
from civicapp.subjects.registry import get_object, type_of

ID = "int(max=2147483647)"


@bp.app_context_processor
def unread_notifications_context():
    # A function, so the COUNT runs only when a page's header shows it, once per request.
    return {"unread_notifications": _unread_for_current_user}


def _unread_for_current_user() -> int:
    if not current_user.is_authenticated:
        return 0
    if "unread_notifications" not in g:
        g.unread_notifications = services.unread_count(current_user)
    return g.unread_notifications


@bp.get("/")
def index():
    """List the user's notifications, newest first."""
    require(can_view_notifications(current_user))
    number = page_number()
    if number is None:
        return bad_page()
    page = services.notifications_page(current_user, number)
    entries = [(n, messages.sentence(n)) for n in page.items]
    return render_template("notifications/index.html", page=page, entries=entries)


@bp.post(f"/<{ID}:notification_id>/open")
def open_notification(notification_id):
    """Mark a notification read and go to what it is about."""
    notification = db.get_or_404(Notification, notification_id)
    require(can_open_notification(current_user, notification))
    if ActionForm().validate_on_submit():
        services.open_notification(current_user, notification)
    messages.attach_about([notification])
    return redirect(messages.link(notification))


@bp.post("/read-all")
def mark_all_read():
    """Mark all of the user's notifications read."""
    require(can_view_notifications(current_user))
    if ActionForm().validate_on_submit():
        count = services.mark_all_read(current_user)
        flash(
            ngettext(
                "%(num)d notification marked read.", "%(num)d notifications marked read.", count
            ),
            "success",
        )
    return redirect(url_for("notifications.index"))


@bp.route("/settings", methods=["GET", "POST"])
def settings():
    """Choose how notifications arrive by e-mail."""
    require(can_change_notification_settings(current_user))
    form = SettingsForm(email_mode=services.email_mode(current_user).value)
    if form.validate_on_submit():
        services.set_email_mode(current_user, EmailMode(form.email_mode.data))
        flash(_("Your notification settings are saved."), "success")
        return redirect(url_for("notifications.settings"))
    return render_template("notifications/settings.html", form=form), 400 if form.errors else 200


@bp.app_template_global()
def follow_button(target) -> dict:
    """The address and hint of a subject's follow button (a priority, an initiative...)."""
    kind = type_of(target)
    return {
        "url": url_for("notifications.follow", kind=kind.kind, object_id=target.id),
        "hint": str(kind.following.hint),
    }


@bp.post(f"/follow/<string(maxlength=32):kind>/<{ID}:object_id>")
def follow(kind, object_id):
    """Follow or stop following a priority, a published initiative or another subject."""
    target = get_object(kind, object_id)
    if target is None:
        abort(404)
    require(can_follow_target(current_user, target))
    form = FollowForm()
    if not form.validate_on_submit():
        abort(400)
    following = type_of(target).following
    if form.follow.data == "on":
        services.follow(current_user, target)
        flash(str(following.followed), "success")
    else:
        services.unfollow(current_user, target)
        flash(str(following.unfollowed), "success")
    return redirect(type_of(target).url(target))


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@never_cached
def unsubscribe(token):
    """Confirm, then turn off notification e-mails from a mail's link (no sign-in needed)."""
    try:
        user = user_from_unsubscribe_token(token)  # the signed token is the proof of ownership
    except DomainError as error:
        return render_template("notifications/link_invalid.html", message=error.message), 400
    form = ActionForm()
    if form.validate_on_submit():
        services.unsubscribe(token)
        flash(_("You will no longer receive notification e-mails."), "success")
        return redirect(url_for("notifications.unsubscribe", token=token))
    subscribed = services.email_mode(user) != EmailMode.NONE
    return render_template("notifications/unsubscribe.html", form=form, subscribed=subscribed)


@bp.post("/unsubscribe/<token>/one-click")
@csrf.exempt
@never_cached
def unsubscribe_one_click(token):
    """Turn off notification e-mails when a mail client POSTs the List-Unsubscribe URL."""
    # Exempt from CSRF by design: RFC 8058 clients POST with no session, so no CSRF token can
    # exist. The signed token is the proof, and all it can do is stop its own user's e-mails.
    try:
        services.unsubscribe(token)
    except DomainError as error:
        return error.message, 400, {"Content-Type": "text/plain; charset=utf-8"}
    message = _("You will no longer receive notification e-mails.")
    return message, 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/unsubscribe/<token>/one-click")
@never_cached
def unsubscribe_one_click_page(token):
    """Send a browser that opened the List-Unsubscribe URL to the confirmation page."""
    return redirect(url_for("notifications.unsubscribe", token=token))
