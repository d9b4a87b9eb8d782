"""Site-wide forms."""

from flask_wtf import FlaskForm
from wtforms import HiddenField


class ActionForm(FlaskForm):
    """A button with no fields: only the CSRF token."""


class LanguageForm(FlaskForm):
    """The language switch: one submit button per locale, posted with the page to return to."""

    next = HiddenField()
