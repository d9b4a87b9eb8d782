"""Moderation's news for authors: the notification kinds of the shared machinery itself.

Connected when civicapp.notifications is imported. Receivers run inside the sender's
transaction: they add rows and queue e-mail jobs through services.notify and never commit.
Features declare their own kinds and receivers in their `notices.py`.
"""

from flask_babel import ngettext
from sqlalchemy import select

from civicapp import signals
from civicapp.accounts.models import User
from civicapp.notifications.kinds import NoticeKind, register_kind
from civicapp.notifications.messages import title_of
from civicapp.notifications.services import actor_id_of, notify
from civicapp.subjects.registry import type_named, type_of

CONTENT_HIDDEN = "content_hidden"
CONTENT_RESTORED = "content_restored"


def _wording(about, data: dict):
    # Older notifications about a comment point at its target and say {"object": "comment"}.
    older = data.get("object") == "comment" and type_named("comment")
    return (older or type_of(about)).wording


def _hidden(about, data: dict) -> str:
    wording, title = _wording(about, data), title_of(about)
    reason = data.get("reason")
    return wording.hidden_for(title, reason) if reason else wording.hidden(title)


def _restored(about, data: dict) -> str:
    return _wording(about, data).restored(title_of(about))


register_kind(
    NoticeKind(
        CONTENT_HIDDEN,
        _hidden,
        lambda count: ngettext(
            "%(num)d hidden contribution", "%(num)d hidden contributions", count
        ),
    )
)
register_kind(
    NoticeKind(
        CONTENT_RESTORED,
        _restored,
        lambda count: ngettext(
            "%(num)d restored contribution", "%(num)d restored contributions", count
        ),
    )
)


def _tell_author(kind: str, content, actor, reason: str | None) -> None:
    """Tell the author of the hidden or restored object (by author_id) what happened."""
    if getattr(content, "author_id", None) is None:
        return
    notify(
        kind,
        select(User.id).where(User.id == content.author_id),
        actor_id=actor_id_of(actor),
        about=content,
        data={"reason": reason} if reason else {},
    )


def on_content_hidden(content, actor=None, reason=None, **_kwargs) -> None:
    """Tell an author their priority, initiative or comment was hidden."""
    _tell_author(CONTENT_HIDDEN, content, actor, reason)


def on_content_restored(content, actor=None, reason=None, **_kwargs) -> None:
    """Tell an author their priority, initiative or comment is visible again."""
    _tell_author(CONTENT_RESTORED, content, actor, reason)


signals.content_hidden.connect(on_content_hidden)
signals.content_restored.connect(on_content_restored)
