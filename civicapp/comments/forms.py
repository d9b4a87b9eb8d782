"""Comment forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import HiddenInput

from civicapp.comments.models import MAX_LENGTH
from civicapp.core.forms import choices
from civicapp.i18n import CONTENT_LANGUAGES, current_locale, language_label

MAX_ID = 2**31 - 1


def default_language() -> str:
    """The content language matching the reader's interface language."""
    return {"sr_Latn": "sr"}.get(current_locale(), current_locale())


class CommentForm(FlaskForm):
    """A new comment, a reply (with parent_id) or an edit; fields are prefixed `comment-`."""

    body = TextAreaField(
        _l("Your comment"),
        description=_l("Plain text or light Markdown, up to 5,000 characters."),
        validators=[
            DataRequired(_l("Write your comment.")),
            Length(max=MAX_LENGTH, message=_l("A comment can be at most %(max)d characters long.")),
        ],
    )
    language = SelectField(
        _l("Language of your comment"), validators=[DataRequired(_l("Choose a language."))]
    )
    parent_id = IntegerField(
        widget=HiddenInput(), validators=[Optional(), NumberRange(min=1, max=MAX_ID)]
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "comment")
        super().__init__(*args, **kwargs)
        self.language.choices = choices((code, language_label(code)) for code in CONTENT_LANGUAGES)
