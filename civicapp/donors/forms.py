"""The forms of the donor registry."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Optional

from civicapp.core.forms import REQUIRED, at_most
from civicapp.organisations.forms import Website


class DonorForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(REQUIRED), at_most(120)])
    country = StringField(
        _l("Country"),
        validators=[Optional(), Length(2, 2, message=_l("Enter a two-letter country code."))],
        description=_l("Two-letter code, for example SE for Sweden; EU for the European Union."),
    )
    website = StringField(
        _l("Website"), validators=[Optional(), at_most(300), Website()], render_kw={"type": "url"}
    )


class ProgrammeForm(FlaskForm):
    programme = StringField(_l("New programme"), validators=[DataRequired(REQUIRED), at_most(200)])
