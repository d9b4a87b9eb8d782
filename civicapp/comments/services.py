"""Post, edit, delete and list comments; keep each target's comment_count exact."""

import logging
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload, selectinload

from civicapp.accounts.models import User
from civicapp.authz import is_staff_of
from civicapp.comments.models import MAX_LENGTH, Comment
from civicapp.comments.policies import (
    can_delete_comment,
    can_edit_comment,
    can_post_comment,
    can_read_comment,
)
from civicapp.comments.targets import (
    TARGETS,
    Target,
    comment_target,
    municipality_ids_of,
    target_of,
)
from civicapp.db import utcnow
from civicapp.exceptions import DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.i18n import CONTENT_LANGUAGES
from civicapp.search.services import index_document, remove_document
from civicapp.text import render_markdown

log = logging.getLogger(__name__)
THREAD_PAGE_SIZE = 50
SEARCH_KIND = TARGETS["priority"].search_kind  # what the demo indexes in bulk
# Comments that count in a target's comment_count and show in search: not deleted, not hidden.
_COUNTED = (Comment.deleted_at.is_(None), Comment.is_hidden.is_(False))


@dataclass
class Thread:
    """One page of a target's top-level comments, each with its replies and authors loaded."""

    target: object
    kind: Target
    comments: list[Comment]
    total: int  # top-level comments
    page: int
    pages: int
    viewer: object

    def shows_text(self, comment: Comment) -> bool:
        """Whether the viewer reads the comment's text (not a placeholder)."""
        return can_read_comment(self.viewer, comment)


def _with_authors(option=None):
    # Authors' staff assignments are not needed to show a comment: skip their eager load.
    load_author = option.joinedload if option is not None else joinedload
    return load_author(Comment.author).lazyload(User.staff_assignments)


def load_thread(target, viewer, page: int = 1) -> Thread:
    """Load a page of the target's thread in a constant number of queries."""
    kind = target_of(target)
    # coalesce(): with `parent_id IS NULL` SQLite picks the parent_id index and walks every
    # top-level comment of the site instead of this target's few.
    top_level = (
        getattr(Comment, kind.column) == target.id,
        func.coalesce(Comment.parent_id, 0) == 0,
    )
    total = db.session.scalar(select(func.count()).select_from(Comment).where(*top_level))
    pages = max(1, -(-total // THREAD_PAGE_SIZE))
    page = min(max(page, 1), pages)
    stmt = (
        select(Comment)
        .where(*top_level)
        .order_by(Comment.id)
        .limit(THREAD_PAGE_SIZE)
        .offset((page - 1) * THREAD_PAGE_SIZE)
        .options(
            _with_authors(),
            _with_authors(selectinload(Comment.replies)),
        )
    )
    comments = list(db.session.scalars(stmt).unique())
    return Thread(target, kind, comments, total, page, pages, viewer)


def post_comment(actor: User, target, body: str, language: str, parent_id: int | None = None):
    """Publish the actor's comment on a target, or a reply in its thread."""
    if not can_post_comment(actor, target):
        raise NotAllowed(_("This discussion is closed to new comments."))
    body = _checked_body(body)
    kind = target_of(target)
    parent = _parent_for(kind, target, parent_id)
    comment = Comment(
        author_id=actor.id,
        parent_id=parent.id if parent else None,
        body=body,
        body_html=render_markdown(body),
        language=_checked_language(language),
        is_official=any(is_staff_of(actor, m) for m in municipality_ids_of(target)),
        **{kind.column: target.id},
    )
    db.session.add(comment)
    db.session.flush()
    _change_count(comment, +1)
    index_comment_for_search(comment)
    log.info("comment %s posted on %s %s by user %s", comment.id, kind.name, target.id, actor.id)
    db.session.commit()
    return comment


def edit_comment(actor: User, comment: Comment, body: str, language: str) -> None:
    """Replace the text of the actor's own comment within its edit window."""
    if not can_edit_comment(actor, comment):
        raise NotAllowed(
            _(
                "This comment can no longer be edited. "
                "Comments can be edited for 15 minutes after posting."
            )
        )
    body = _checked_body(body)
    comment.body = body
    comment.body_html = render_markdown(body)
    comment.language = _checked_language(language)
    comment.edited_at = utcnow()
    index_comment_for_search(comment)
    log.info("comment %s edited by user %s", comment.id, actor.id)
    db.session.commit()


def delete_comment(actor: User, comment: Comment) -> None:
    """Delete the actor's own comment; the thread keeps a placeholder and its replies."""
    if not can_delete_comment(actor, comment):
        raise NotAllowed(_("You can delete only your own comments."))
    if comment.is_counted:
        _change_count(comment, -1)
    comment.deleted_at = utcnow()
    remove_document(comment_target(comment)[0].search_kind, comment.id)
    log.info("comment %s deleted by user %s", comment.id, actor.id)
    db.session.commit()


def set_comment_hidden(comment: Comment, hidden: bool) -> bool:
    """Hide or show a comment for moderation, keeping the count exact (flushed, not committed)."""
    if comment.is_hidden == hidden:
        return False
    was_counted = comment.is_counted
    comment.is_hidden = hidden
    if comment.is_counted != was_counted:
        _change_count(comment, +1 if comment.is_counted else -1)
    db.session.flush()
    return True


def recount_comments() -> int:
    """Set every target's comment_count from the rows (one UPDATE per target type).

    Returns how many targets were wrong; a no-op on consistent data.
    """
    fixed = sum(_recount(kind) for kind in TARGETS.values())
    db.session.commit()
    if fixed:
        log.warning("comment counts corrected on %s targets", fixed)
    return fixed


def _recount(kind: Target) -> int:
    model = kind.model
    counted = (
        select(func.count())
        .select_from(Comment)
        .where(getattr(Comment, kind.column) == model.id, *_COUNTED)
        .scalar_subquery()
    )
    result = db.session.execute(
        update(model)
        .where(model.comment_count != counted)
        .values(comment_count=counted)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def priority_ids_for_comment_ids(ids) -> dict[int, int]:
    """Map visible comments (not deleted or hidden) on priorities to their priority's id."""
    ids = list(ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(Comment.id, Comment.priority_id).where(
            Comment.id.in_(ids),
            Comment.priority_id.is_not(None),
            *_COUNTED,
        )
    )
    return {comment_id: priority_id for comment_id, priority_id in rows}


def comment_page(comment: Comment) -> int:
    """The thread page (1-based) that shows the comment."""
    kind, target_id = comment_target(comment)
    top_id = comment.parent_id or comment.id
    before = db.session.scalar(
        select(func.count())
        .select_from(Comment)
        .where(
            getattr(Comment, kind.column) == target_id,
            Comment.parent_id.is_(None),
            Comment.id < top_id,
        )
    )
    return before // THREAD_PAGE_SIZE + 1


def comment_url(comment: Comment) -> str:
    """The address of the comment on its target's page."""
    kind, target_id = comment_target(comment)
    page = comment_page(comment)
    extra = {"comments_page": page} if page > 1 else {}
    return kind.url(target_id, _anchor=f"comment-{comment.id}", **extra)


def index_comment_for_search(comment: Comment) -> None:
    """Index the comment's text for the site search (flushed with the caller's use case)."""
    index_document(comment_target(comment)[0].search_kind, comment.id, comment.body)


def _checked_body(body: str | None) -> str:
    body = (body or "").strip()
    if not body:
        raise DomainError(_("Write your comment."), field="body")
    if len(body) > MAX_LENGTH:
        raise DomainError(
            _("A comment can be at most %(max)d characters long.", max=MAX_LENGTH), field="body"
        )
    return body


def _checked_language(language: str | None) -> str:
    if language not in CONTENT_LANGUAGES:
        raise DomainError(_("Choose the language of your comment."), field="language")
    return language


def _parent_for(kind: Target, target, parent_id: int | None) -> Comment | None:
    """The top-level comment a reply attaches to (a reply to a reply joins its thread)."""
    if parent_id is None:
        return None
    parent = db.session.get(Comment, parent_id)
    if parent is None or getattr(parent, kind.column) != target.id:
        raise DomainError(_("The comment you answer is not in this discussion."))
    answered = parent
    if parent.parent_id is not None:
        parent = parent.parent
    if any(c.is_deleted or c.is_hidden for c in (answered, parent)):
        raise DomainError(_("This comment can no longer be answered."))
    return parent


def _change_count(comment: Comment, delta: int) -> None:
    """Add delta to the target's comment_count in SQL, in the current transaction."""
    kind, target_id = comment_target(comment)
    model = kind.model
    db.session.execute(
        update(model).where(model.id == target_id).values(comment_count=model.comment_count + delta)
    )
