"""Report and moderation decision forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from civicapp.core.forms import choices
from civicapp.moderation.models import NOTE_MAX, REASON_LABELS
from civicapp.moderation.services import DECISION_MAX


class ReportForm(FlaskForm):
    reason = SelectField(
        _l("Why are you reporting this?"),
        choices=choices([("", _l("Choose a reason")), *REASON_LABELS.items()]),
        validators=[DataRequired(_l("Choose a reason."))],
    )
    note = TextAreaField(
        _l("Note for the moderators (optional)"),
        description=_l("Up to 500 characters. Only the moderators read it."),
        validators=[
            Optional(),
            Length(max=NOTE_MAX, message=_l("A note can be at most %(max)d characters long.")),
        ],
    )


class DecisionForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason for your decision"),
        description=_l("Kept in the audit log and told to the author. Up to 500 characters."),
        validators=[
            DataRequired(_l("Give a reason.")),
            Length(
                max=DECISION_MAX, message=_l("A reason can be at most %(max)d characters long.")
            ),
        ],
    )
