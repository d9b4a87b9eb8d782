"""Forms: the official answer (one text per language), rating, contest, inbox filters."""

from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DecimalField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, StopValidation

from civicapp.core.forms import choices
from civicapp.i18n import language_label
from civicapp.priorities.models import SECTOR_LABELS, STATUS_LABELS, Sector, Status
from civicapp.responses.models import (
    BODY_MAX,
    BUDGET_MAX,
    REASON_MAX,
    TEXT_MAX,
    YEAR_MAX,
    YEAR_MIN,
)

ANSWER_STATUSES = [status for status in Status if status != Status.OPEN]


def _finite(form, field):
    """Refuse NaN and infinity, which Decimal parses but no budget can be."""
    if field.process_errors:
        raise StopValidation()  # not a number at all: that message is enough
    if field.data is not None and not field.data.is_finite():
        raise StopValidation(str(_l("Give an amount in euros, such as 12500.00.")))


class AnswerForm(FlaskForm):
    """The fixed fields; `answer_form()` adds one textarea per language of the municipality."""

    status = SelectField(
        _l("Status"),
        choices=choices((s.value, STATUS_LABELS[s]) for s in ANSWER_STATUSES),
        validators=[InputRequired(_l("Choose the status of the answer."))],
    )
    budget_amount = DecimalField(
        _l("Budget (EUR)"),
        description=_l("Required when the status is planned."),
        places=2,
        invalid_value_message=_l("Give an amount in euros, such as 12500.00."),
        validators=[
            Optional(),
            _finite,
            NumberRange(
                Decimal("0.01"), BUDGET_MAX, _l("Give an amount between 0.01 and %(max)s euros.")
            ),
        ],
    )
    budget_year = IntegerField(
        _l("Budget year"),
        description=_l("Required when the status is planned."),
        validators=[
            Optional(),
            NumberRange(YEAR_MIN, YEAR_MAX, _l("Give a year from %(min)s to %(max)s.")),
        ],
    )
    reason = TextAreaField(
        _l("Reason for rejecting"),
        description=_l("Required when the priority is rejected."),
        validators=[Optional(), Length(max=REASON_MAX)],
    )
    competent_body = StringField(
        _l("Whose competence it is"),
        description=_l("Required when it is not the municipality's competence, e.g. a ministry."),
        validators=[Optional(), Length(max=BODY_MAX)],
    )

    @property
    def text_fields(self):
        return [field for field in self if field.name.startswith("text_")]


def answer_form(official: tuple[str, ...], formdata=None) -> AnswerForm:
    """An answer form with a required textarea per official language, and optional English."""
    languages = list(official) + ([] if "en" in official else ["en"])

    class Form(AnswerForm):
        pass

    for code in languages:
        optional = code not in official
        label = language_label(code) + (" " + _("(optional)") if optional else "")
        setattr(
            Form,
            f"text_{code}",
            TextAreaField(label, validators=[Length(max=TEXT_MAX)], render_kw={"lang": code}),
        )
    return Form() if formdata is None else Form(formdata=formdata)


class RatingForm(FlaskForm):
    satisfied = SelectField(
        _l("Did this answer satisfy you?"),
        choices=choices([("yes", _l("Yes")), ("no", _l("No"))]),
        validators=[InputRequired(_l("Say whether the answer satisfied you."))],
    )


class ContestForm(FlaskForm):
    reason = TextAreaField(
        _l("Why is the priority not implemented?"),
        validators=[InputRequired(_l("Say why you contest the status.")), Length(max=REASON_MAX)],
    )


class InboxFilterForm(FlaskForm):
    """Filters read from the query string (GET: no CSRF)."""

    class Meta:
        csrf = False

    status = SelectField(_l("Status"), default="")
    overdue = BooleanField(_l("Only overdue"))
    consultation = SelectField(_l("Consultation"), default="")
    sector = SelectField(_l("Sector"), default="")
    municipality = SelectField(_l("Municipality"), default="")

    def fill(self, municipalities, consultations) -> "InboxFilterForm":
        any_ = [("", _l("Any"))]
        self.status.choices = choices(any_ + [(s.value, STATUS_LABELS[s]) for s in Status])
        self.sector.choices = choices(any_ + [(s.value, SECTOR_LABELS[s]) for s in Sector])
        self.consultation.choices = choices(any_ + [(c.id, c.title) for c in consultations])
        self.municipality.choices = choices(any_ + [(m.id, m.name) for m in municipalities])
        return self
