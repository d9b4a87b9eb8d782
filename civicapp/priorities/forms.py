"""Priority forms: field-level validation only; rules live in services."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from civicapp.core.forms import REQUIRED, choices
from civicapp.i18n import CONTENT_LANGUAGES, language_label
from civicapp.priorities.models import Sector

TITLE_MIN, TITLE_MAX, BODY_MAX, PLACE_MAX = 5, 200, 10_000, 120


def sector_choices():
    return choices([("", _l("Choose a sector"))] + [(s.value, s.label) for s in Sector])


def language_choices():
    return choices((code, language_label(code)) for code in CONTENT_LANGUAGES)


def without_nul(value):
    """Drop NUL characters, which PostgreSQL refuses in text."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def optional_int(value):
    if value in (None, "", "None"):
        return None
    return int(value)


class PriorityTextForm(FlaskForm):
    """What the author may change until the first support or answer."""

    title = StringField(
        _l("Title"),
        filters=[without_nul],
        validators=[
            DataRequired(REQUIRED),
            Length(
                min=TITLE_MIN,
                max=TITLE_MAX,
                message=_l("Between %(min)d and %(max)d characters, please."),
            ),
        ],
        description=_l("Say in a few words what the municipality should do."),
    )
    body = TextAreaField(
        _l("Description"),
        filters=[without_nul],
        validators=[
            DataRequired(REQUIRED),
            Length(max=BODY_MAX, message=_l("At most %(max)d characters, please.")),
        ],
        description=_l("Why it matters and what should change. You can use Markdown."),
        render_kw={"rows": 10},
    )
    sector = SelectField(_l("Sector"), choices=sector_choices, validators=[DataRequired(REQUIRED)])
    place = StringField(
        _l("Village or neighbourhood (optional)"),
        filters=[without_nul],
        validators=[Optional(), Length(max=PLACE_MAX)],
    )
    language = SelectField(
        _l("Language you wrote in"), choices=language_choices, validators=[DataRequired(REQUIRED)]
    )


class ProposeForm(PriorityTextForm):
    municipality_id = SelectField(
        _l("Municipality"), coerce=optional_int, validators=[DataRequired(REQUIRED)]
    )
    # Every consultation taking proposals is listed; the service refuses one of another
    # municipality with a message on this field, so the choice is not checked here.
    consultation_id = SelectField(
        _l("Consultation (optional)"),
        coerce=optional_int,
        validators=[
            Optional(),
            NumberRange(min=1, max=2**31 - 1, message=_l("Not a valid choice.")),
        ],
        validate_choice=False,
    )
