"""Administration forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.validators import DataRequired

from civicapp.accounts.models import ROLE_LABELS, Role
from civicapp.core.forms import choices


class RoleForm(FlaskForm):
    role = SelectField(
        _l("Platform role"),
        choices=choices((r.value, ROLE_LABELS[r]) for r in Role),
        validators=[DataRequired(_l("This field is required."))],
    )


class StaffForm(FlaskForm):
    municipality_id = SelectField(
        _l("Municipality"), coerce=int, validators=[DataRequired(_l("Choose a municipality."))]
    )
