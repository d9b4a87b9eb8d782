"""Password reset and profile pages."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from civicapp.accounts import bp, forms, services
from civicapp.cache import never_cached
from civicapp.core.forms import form_error
from civicapp.exceptions import DomainError
from civicapp.municipalities.services import municipality_choices
from civicapp.security import limit_posts


@bp.route("/forgot", methods=["GET", "POST"])
@limit_posts("RATELIMIT_RESET")
def forgot_password():
    """Ask for a password reset link."""
    form = forms.ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        return render_template(
            "accounts/check_email.html", email=services.normalise_email(form.email.data), reset=True
        )
    return render_template("accounts/forgot.html", form=form), 400 if form.errors else 200


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limit_posts("RATELIMIT_RESET")
@never_cached
def reset_password(token):
    """Choose a new password from a reset link."""
    form = forms.ResetPasswordForm()
    try:
        user, _payload = services.load_token(
            token, "reset", current_app.config["RESET_TOKEN_MAX_AGE"]
        )
    except DomainError as error:
        return render_template("accounts/link_invalid.html", message=error.message), 400
    form.account_email = user.email
    if form.validate_on_submit():
        try:
            services.reset_password(token, form.password.data)
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("Your password is changed. Please sign in."), "success")
            return redirect(url_for("accounts.login"))
    return render_template("accounts/reset.html", form=form), 400 if form.errors else 200


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    """Edit name, language and home municipality."""
    form = forms.ProfileForm(obj=current_user)
    form.home_municipality_id.choices = municipality_choices()
    if form.validate_on_submit():
        services.update_profile(
            current_user,
            services.ProfileChange(
                display_name=form.display_name.data,
                locale=form.locale.data,
                home_municipality_id=form.home_municipality_id.data,
            ),
        )
        flash(_("Your profile is saved."), "success")
        return redirect(url_for("accounts.profile"))
    return _profile_page(profile_form=form)


def _profile_page(status=None, **forms_given):
    page_forms = {
        "profile_form": None,
        "password_form": forms.ChangePasswordForm(formdata=None),
        "email_form": forms.ChangeEmailForm(formdata=None),
        **forms_given,
    }
    if page_forms["profile_form"] is None:
        page_forms["profile_form"] = forms.ProfileForm(obj=current_user, formdata=None)
        page_forms["profile_form"].home_municipality_id.choices = municipality_choices()
    failed = any(f.errors for f in page_forms.values())
    return render_template("accounts/profile.html", **page_forms), status or (
        400 if failed else 200
    )


@bp.post("/profile/password")
@login_required
def change_password():
    """Change the password; other sessions end."""
    form = forms.ChangePasswordForm()
    form.account_email = current_user.email
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.password.data)
        except DomainError as error:
            form_error(form, error)
        else:
            login_user(
                current_user._get_current_object()
            )  # this session continues with the new session version
            flash(_("Your password is changed. Your other sessions are signed out."), "success")
            return redirect(url_for("accounts.profile"))
    return _profile_page(password_form=form)


@bp.post("/profile/email")
@login_required
def change_email():
    """Start changing the e-mail address; the new one must be confirmed."""
    form = forms.ChangeEmailForm()
    if form.validate_on_submit():
        try:
            services.request_email_change(current_user, form.email.data, form.current_password.data)
        except DomainError as error:
            form_error(form, error)
        else:
            flash(
                _(
                    "We sent a confirmation link to the new address. "
                    "Your address changes when you follow it."
                ),
                "success",
            )
            return redirect(url_for("accounts.profile"))
    return _profile_page(email_form=form)


@bp.get("/email/confirm/<token>")
@never_cached
def confirm_email_change(token):
    """Switch to the new e-mail address from the confirmation link."""
    try:
        services.confirm_email_change(token)
    except DomainError as error:
        return render_template("accounts/link_invalid.html", message=error.message), 400
    flash(_("Your e-mail address is changed. Please sign in again."), "success")
    return redirect(url_for("accounts.login"))
