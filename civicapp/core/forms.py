"""Site-wide forms."""

from flask import flash
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length

REQUIRED = _l("This field is required.")


def form_error(form, error) -> None:
    """Put a service's refusal (a DomainError) on its field, or flash it."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        flash(error.message, "error")


def at_most(limit: int) -> Length:
    """A length check that names the limit."""
    return Length(max=limit, message=_l("Use at most %(max)d characters."))


def choices(pairs) -> list[SelectChoice]:
    """Select options from (value, label) pairs."""
    return [SelectChoice(str(value), label) for value, label in pairs]


class ActionForm(FlaskForm):
    """A button with no fields: only the CSRF token."""


class LanguageForm(FlaskForm):
    """The language switch: one submit button per locale, posted with the page to return to."""

    next = HiddenField()
