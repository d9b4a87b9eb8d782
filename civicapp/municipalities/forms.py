"""Municipality settings form, and number and checkbox fields other forms reuse."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectMultipleField
from wtforms.validators import DataRequired, NumberRange, StopValidation
from wtforms.widgets import CheckboxInput, ListWidget

from civicapp.core.forms import choices
from civicapp.i18n import ANSWER_LANGUAGES, language_label

CHOOSE_LISTED = _l("Choose from the options shown.")


class OneMessage:
    """Stop at input that could not be read, so that it gets one message, not several."""

    def pre_validate(self, form):
        if self.process_errors:
            raise StopValidation()
        super().pre_validate(form)


class WholeNumberField(OneMessage, IntegerField):
    """A whole number between `low` and `high`; every wrong input gets the same message."""

    def __init__(self, label, low: int, high: int, **kwargs):
        message = _l("Enter a whole number from %(low)s to %(high)s.", low=low, high=high)
        super().__init__(
            label,
            validators=[NumberRange(low, high, message=message)],
            invalid_value_message=message,
            **kwargs,
        )


class DayField(OneMessage, DateField):
    """A calendar date typed as YYYY-MM-DD (browsers show a date picker)."""

    def __init__(self, label, **kwargs):
        message = _l("Enter a date such as 2027-03-31.")
        super().__init__(label, invalid_value_message=message, **kwargs)


class CheckboxesField(OneMessage, SelectMultipleField):
    """Several choices as checkboxes; a value not offered is refused with our message."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label, validators=None, **kwargs):
        kwargs.setdefault("invalid_value_message", CHOOSE_LISTED)
        kwargs.setdefault("invalid_choice_message", CHOOSE_LISTED)
        super().__init__(label, validators, **kwargs)


def answer_language_choices() -> list:
    return choices((code, language_label(code)) for code in ANSWER_LANGUAGES)


class SettingsForm(FlaskForm):
    response_days = WholeNumberField(
        _l("Response time in days"),
        1,
        365,
        description=_l("Days the municipality has to answer a priority with enough support."),
    )
    support_threshold = WholeNumberField(
        _l("Support threshold for standing priorities"),
        1,
        100_000,
        description=_l(
            "How many supports a standing priority needs before it is owed an official answer."
        ),
    )
    official_languages = CheckboxesField(
        _l("Official languages"),
        validators=[DataRequired(_l("Choose at least one official language."))],
        description=_l("An official answer is published only when given in each of them."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.official_languages.choices = answer_language_choices()
