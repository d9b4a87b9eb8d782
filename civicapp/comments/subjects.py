"""Comments are subjects too: reported, moderated, and told about under their target's title."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from civicapp.comments.models import Comment
from civicapp.comments.services import comment_url, set_comment_hidden, target_of
from civicapp.subjects.registry import SubjectType, Wording, register, type_of


def _title(comment: Comment) -> str:
    target = target_of(comment)
    return type_of(target).title(target) if target is not None else ""


def _municipalities(comment: Comment) -> list[int]:
    target = target_of(comment)
    return type_of(target).municipality_ids(target) if target is not None else []


register(
    SubjectType(
        kind="comment",
        model=Comment,
        url=comment_url,
        label=_l("Comment"),
        hidden_label=_l("Hidden comments"),
        title=_title,
        municipality_ids=_municipalities,
        set_hidden=set_comment_hidden,
        is_official=lambda comment: comment.is_official,
        wording=Wording(
            hidden=lambda title: _(
                "Your comment on “%(title)s” is hidden until a moderator reviews it.", title=title
            ),
            hidden_for=lambda title, reason: _(
                "A moderator hid your comment on “%(title)s”. Reason: %(reason)s",
                title=title,
                reason=reason,
            ),
            restored=lambda title: _("Your comment on “%(title)s” is visible again.", title=title),
        ),
    )
)
