"""What the shared machinery knows of priorities: discussed, reported, followed."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from civicapp.priorities.models import Priority
from civicapp.subjects.registry import Following, SubjectType, Wording, page_url, register

# The site search's kind of comments on priorities (priority search looks through them).
COMMENT_SEARCH_KIND = "comment"

register(
    SubjectType(
        kind="priority",
        model=Priority,
        url=page_url("priorities.show", "priority_id"),
        label=_l("Priority"),
        hidden_label=_l("Hidden priorities"),
        comment_search_kind=COMMENT_SEARCH_KIND,
        following=Following(
            hint=_l(
                "Followers hear when the municipality answers. "
                "The author and supporters hear anyway."
            ),
            followed=_l(
                "You follow this priority: we will tell you when the municipality answers."
            ),
            unfollowed=_l("You no longer follow this priority."),
        ),
        wording=Wording(
            hidden=lambda title: _(
                "Your priority “%(title)s” is hidden until a moderator reviews it.", title=title
            ),
            hidden_for=lambda title, reason: _(
                "A moderator hid your priority “%(title)s”. Reason: %(reason)s",
                title=title,
                reason=reason,
            ),
            restored=lambda title: _("Your priority “%(title)s” is visible again.", title=title),
        ),
    )
)
