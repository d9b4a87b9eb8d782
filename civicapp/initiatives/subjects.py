"""What the shared machinery knows of initiatives: discussed, reported, followed."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from civicapp.initiatives.models import Initiative
from civicapp.subjects.registry import Following, SubjectType, Wording, page_url, register

# Comments on initiatives are searched apart from priorities' (search_terms.kind).
COMMENT_SEARCH_KIND = "init_comment"

register(
    SubjectType(
        kind="initiative",
        model=Initiative,
        url=page_url("initiatives.show", "initiative_id"),
        label=_l("Initiative"),
        hidden_label=_l("Hidden initiatives"),
        comment_search_kind=COMMENT_SEARCH_KIND,
        following=Following(
            hint=_l("Followers hear of the initiative's new updates and events."),
            followed=_l("You follow this initiative: we will tell you of its updates and events."),
            unfollowed=_l("You no longer follow this initiative."),
        ),
        wording=Wording(
            hidden=lambda title: _(
                "Your initiative “%(title)s” is hidden until a moderator reviews it.",
                title=title,
            ),
            hidden_for=lambda title, reason: _(
                "A moderator hid your initiative “%(title)s”. Reason: %(reason)s",
                title=title,
                reason=reason,
            ),
            restored=lambda title: _("Your initiative “%(title)s” is visible again.", title=title),
        ),
    )
)
