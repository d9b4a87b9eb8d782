"""Notification forms: the e-mail setting and the follow button."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField
from wtforms.validators import AnyOf, InputRequired

from civicapp.core.forms import choices
from civicapp.notifications.models import EMAIL_MODE_LABELS, EmailMode

CHOOSE = _l("Choose one of the options.")


class SettingsForm(FlaskForm):
    email_mode = RadioField(
        _l("E-mail me about notifications"),
        choices=choices((mode.value, EMAIL_MODE_LABELS[mode]) for mode in EmailMode),
        validate_choice=False,
        validators=[InputRequired(CHOOSE), AnyOf([mode.value for mode in EmailMode], CHOOSE)],
    )


class FollowForm(FlaskForm):
    """One button: `follow` is "on" to follow, "off" to stop."""

    follow = HiddenField(validators=[AnyOf(["on", "off"])])
