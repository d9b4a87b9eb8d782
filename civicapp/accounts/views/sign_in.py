"""Getting in: registration, e-mail verification, sign-in with two-factor codes, sign-out."""

import time

import segno
from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from civicapp.accounts import bp, forms, services
from civicapp.accounts.models import User
from civicapp.accounts.policies import can_disable_two_factor
from civicapp.authz import require
from civicapp.cache import never_cached
from civicapp.core.forms import ActionForm, form_error
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.i18n import current_locale
from civicapp.municipalities.services import municipality_choices
from civicapp.security import limit_posts, safe_next

PENDING_KEY = "pending_login"
PENDING_MAX_AGE = 600


@bp.route("/register", methods=["GET", "POST"])
@limit_posts("RATELIMIT_REGISTER")
def register():
    """Create a citizen account."""
    if current_user.is_authenticated:
        return redirect(url_for("core.index"))
    form = forms.RegisterForm(locale=current_locale())
    form.home_municipality_id.choices = municipality_choices()
    if form.validate_on_submit():
        data = services.Registration(
            email=form.email.data,
            display_name=form.display_name.data,
            password=form.password.data,
            locale=form.locale.data,
            home_municipality_id=form.home_municipality_id.data,
        )
        try:
            services.register_user(data)
        except DomainError as error:
            form_error(form, error)
        else:
            return render_template(
                "accounts/check_email.html", email=services.normalise_email(form.email.data)
            )
    return render_template("accounts/register.html", form=form), 400 if form.errors else 200


@bp.get("/verify/<token>")
@never_cached
def verify_email(token):
    """Confirm an e-mail address from the link in the verification mail."""
    try:
        services.verify_email(token)
    except DomainError as error:
        return render_template("accounts/link_invalid.html", message=error.message), 400
    flash(_("Thank you, your e-mail address is confirmed."), "success")
    return redirect(
        url_for("accounts.profile" if current_user.is_authenticated else "accounts.login")
    )


@bp.post("/verify/resend")
@login_required
def resend_verification():
    """Send the verification mail again."""
    if ActionForm().validate_on_submit():
        services.resend_verification(current_user)
        flash(_("We sent the link again. Check your inbox."), "success")
    return redirect(url_for("accounts.profile"))


@bp.route("/login", methods=["GET", "POST"])
@limit_posts("RATELIMIT_LOGIN")
def login():
    """Sign in with e-mail and password, then a code when two-factor applies."""
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next"), url_for("core.index")))
    form = forms.LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            form.password.errors.append(_("The e-mail address or password is not right."))
        else:
            return _after_password(user, form.remember.data, request.args.get("next"))
    return render_template("accounts/login.html", form=form), 400 if form.errors else 200


def _after_password(user: User, remember: bool, next_url: str | None):
    target = safe_next(next_url, url_for("core.index"))
    if not user.needs_two_factor:
        return _complete_login(user, remember, target)
    session[PENDING_KEY] = {
        "uid": user.id,
        "v": user.session_version,
        "remember": bool(remember),
        "next": target,
        "at": int(time.time()),
    }
    if user.totp_enabled_at is None:
        return redirect(url_for("accounts.two_factor_setup"))
    return redirect(url_for("accounts.two_factor"))


def _complete_login(user: User, remember: bool, target: str, method: str = "password"):
    session.clear()
    login_user(user, remember=remember)
    services.record_login(user, method)
    return redirect(target)


def _pending_user() -> tuple[User | None, dict]:
    pending = session.get(PENDING_KEY) or {}
    if not pending or time.time() - pending.get("at", 0) > PENDING_MAX_AGE:
        return None, {}
    user = db.session.get(User, pending.get("uid"))
    if user is None or user.session_version != pending.get("v") or user.is_disabled:
        return None, {}
    return user, pending


@bp.route("/two-factor", methods=["GET", "POST"])
@limit_posts("RATELIMIT_LOGIN")
def two_factor():
    """Ask for the authenticator code that completes a sign-in."""
    user, pending = _pending_user()
    if user is None or user.totp_enabled_at is None:
        flash(_("Please sign in again."), "error")
        return redirect(url_for("accounts.login"))
    form = forms.CodeForm()
    if form.validate_on_submit():
        try:
            services.check_two_factor(user, form.code.data)
        except DomainError as error:
            form_error(form, error)
        else:
            return _complete_login(user, pending["remember"], pending["next"], "password+totp")
    return render_template("accounts/two_factor.html", form=form), 400 if form.errors else 200


@bp.route("/two-factor/setup", methods=["GET", "POST"])
@limit_posts("RATELIMIT_LOGIN")
def two_factor_setup():
    """Set up an authenticator app, during a required sign-in or from the profile."""
    user, pending = _pending_user()
    if user is None and current_user.is_authenticated and current_user.totp_enabled_at is None:
        user = current_user
    if user is None or user.totp_enabled_at is not None:
        return redirect(url_for("accounts.login"))
    secret = session.get("totp_setup_secret") or services.new_totp_secret()
    session["totp_setup_secret"] = secret
    form = forms.CodeForm()
    if form.validate_on_submit():
        try:
            services.enable_two_factor(user, secret, form.code.data)
        except DomainError as error:
            form_error(form, error)
        else:
            session.pop("totp_setup_secret", None)
            flash(_("Two-factor sign-in is on."), "success")
            if pending:
                return _complete_login(user, pending["remember"], pending["next"], "password+totp")
            return redirect(url_for("accounts.profile"))
    uri = services.totp_uri(user, secret)
    qr_svg = segno.make(uri, error="m").svg_inline(scale=4, dark="#111", light="#fff")
    return render_template(
        "accounts/two_factor_setup.html",
        form=form,
        secret=secret,
        qr_svg=qr_svg,
        required=user.needs_two_factor,
    ), 400 if form.errors else 200


@bp.post("/two-factor/disable")
@login_required
def two_factor_disable():
    """Turn off optional two-factor sign-in."""
    require(can_disable_two_factor(current_user))
    if ActionForm().validate_on_submit():
        services.disable_two_factor(current_user, current_user)
        logout_user()
        flash(_("Two-factor sign-in is off. Please sign in again."), "success")
    return redirect(url_for("accounts.login"))


@bp.post("/logout")
def logout():
    """Sign out here and end the account's other sessions."""
    if ActionForm().validate_on_submit() and current_user.is_authenticated:
        services.sign_out_everywhere(current_user)
        logout_user()
    session.clear()
    flash(_("You are signed out."), "success")
    return redirect(url_for("core.index"))
