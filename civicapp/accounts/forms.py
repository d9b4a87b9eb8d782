"""Account forms: field-level validation only; rules live in services."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from civicapp.accounts.passwords import MAX_LENGTH, password_problem
from civicapp.core.forms import REQUIRED, choices
from civicapp.i18n import LOCALE_NAMES, LOCALES


def locale_choices():
    return choices((code, LOCALE_NAMES[code]) for code in LOCALES)


EMAIL_LABEL = _l("E-mail address")
PASSWORD_LABEL = _l("Password")
HOME_LABEL = _l("Home municipality (optional)")


def _email_field(label=EMAIL_LABEL):
    return EmailField(
        label,
        validators=[
            DataRequired(REQUIRED),
            Email(_l("Enter a valid e-mail address.")),
            Length(max=254),
        ],
    )


class NewPassword:
    """Check a new password against the password rules, using the form's e-mail if present."""

    def __call__(self, form, field):
        email_field = getattr(form, "email", None)
        email = (
            email_field.data if email_field is not None else getattr(form, "account_email", None)
        )
        problem = password_problem(field.data or "", email)
        if problem:
            raise ValidationError(str(problem))


def _new_password_field(label=PASSWORD_LABEL):
    return PasswordField(
        label,
        validators=[DataRequired(REQUIRED), Length(max=MAX_LENGTH), NewPassword()],
        description=_l("At least 10 characters. A few unrelated words make a strong password."),
    )


class MunicipalityChoice(SelectField):
    """Optional home municipality; choices are filled by the view."""

    def __init__(self, label=HOME_LABEL, **kwargs):
        super().__init__(
            label, coerce=_optional_int, validators=[Optional()], validate_choice=True, **kwargs
        )


def _optional_int(value):
    if value in (None, "", "None"):
        return None
    return int(value)


class RegisterForm(FlaskForm):
    email = _email_field()
    display_name = StringField(
        _l("Display name"),
        validators=[DataRequired(REQUIRED), Length(min=2, max=80)],
        description=_l("Shown with what you write. It can be your name or a nickname."),
    )
    password = _new_password_field()
    home_municipality_id = MunicipalityChoice()
    locale = SelectField(
        _l("Language"), choices=locale_choices, validators=[DataRequired(REQUIRED)]
    )


class LoginForm(FlaskForm):
    email = _email_field()
    password = PasswordField(
        _l("Password"), validators=[DataRequired(REQUIRED), Length(max=MAX_LENGTH)]
    )
    remember = BooleanField(_l("Keep me signed in on this device"))


class CodeForm(FlaskForm):
    code = StringField(
        _l("Six-digit code from your authenticator app"),
        validators=[DataRequired(REQUIRED), Length(min=6, max=7)],
        render_kw={"inputmode": "numeric", "autocomplete": "one-time-code"},
    )


class ForgotPasswordForm(FlaskForm):
    email = _email_field()


class ResetPasswordForm(FlaskForm):
    password = _new_password_field(_l("New password"))


class ProfileForm(FlaskForm):
    display_name = StringField(
        _l("Display name"), validators=[DataRequired(REQUIRED), Length(min=2, max=80)]
    )
    home_municipality_id = MunicipalityChoice()
    locale = SelectField(
        _l("Language"), choices=locale_choices, validators=[DataRequired(REQUIRED)]
    )


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"), validators=[DataRequired(REQUIRED), Length(max=MAX_LENGTH)]
    )
    password = _new_password_field(_l("New password"))


class ChangeEmailForm(FlaskForm):
    email = _email_field(_l("New e-mail address"))
    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(REQUIRED), Length(max=MAX_LENGTH)],
        id="email-current-password",  # the password form on the same page has its own
    )
