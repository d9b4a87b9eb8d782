"""Consultation forms: field-level checks only; the rules live in services."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired

from civicapp.consultations.models import Phase
from civicapp.core.forms import REQUIRED, at_most, choices
from civicapp.i18n import CONTENT_LANGUAGES, language_label
from civicapp.municipalities.forms import CHOOSE_LISTED, CheckboxesField, DayField, WholeNumberField
from civicapp.municipalities.services import list_municipalities


class ConsultationForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), at_most(200)])
    description = TextAreaField(
        _l("Description"),
        validators=[DataRequired(REQUIRED), at_most(20_000)],
        description=_l("What the plan is about and what you ask citizens. Markdown is allowed."),
    )
    language = SelectField(
        _l("Language of the text"), invalid_choice_message=CHOOSE_LISTED, coerce=str
    )
    support_threshold = WholeNumberField(
        _l("Support threshold"),
        1,
        100_000,
        default=50,
        description=_l("How many supports a priority needs before it is owed an official answer."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = choices((code, language_label(code)) for code in CONTENT_LANGUAGES)


class AdvanceForm(FlaskForm):
    """The button that moves a consultation on; it names the phase it moves to."""

    phase = HiddenField(
        validators=[AnyOf([p.value for p in Phase], message=_l("This phase does not exist."))]
    )


class AdoptForm(FlaskForm):
    decision_reference = StringField(
        _l("Reference of the assembly's decision"),
        validators=[DataRequired(REQUIRED), at_most(120)],
        description=_l("As written on the decision, for example 01 Nr. 016-12345."),
    )
    decision_date = DayField(_l("Date of the decision"))
    priority_ids = CheckboxesField(_l("Priorities included in the plan"), coerce=int)


class FilterForm(FlaskForm):
    """Filters of the consultation list, read from the query string."""

    class Meta:
        csrf = False

    municipality = SelectField(_l("Municipality"), default="", invalid_choice_message=CHOOSE_LISTED)
    phase = SelectField(_l("Phase"), default="", invalid_choice_message=CHOOSE_LISTED)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everywhere = [("", _l("All municipalities"))]
        self.municipality.choices = choices(
            everywhere + [(m.slug, m.name) for m in list_municipalities()]
        )
        self.phase.choices = choices([("", _l("All phases"))] + [(p.value, p.label) for p in Phase])
