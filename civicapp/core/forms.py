"""Site-wide forms."""

from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.fields.choices import SelectChoice


def choices(pairs) -> list[SelectChoice]:
    """Select options from (value, label) pairs."""
    return [SelectChoice(str(value), label) for value, label in pairs]


class ActionForm(FlaskForm):
    """A button with no fields: only the CSRF token."""


class LanguageForm(FlaskForm):
    """The language switch: one submit button per locale, posted with the page to return to."""

    next = HiddenField()
