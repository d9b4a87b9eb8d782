"""Post, edit, delete and list comments; keep each target's comment_count exact."""

import logging
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload, object_session, selectinload

from civicapp.accounts.models import User
from civicapp.authz import is_staff_of
from civicapp.comments.models import MAX_LENGTH, Comment
from civicapp.comments.policies import (
    can_delete_comment,
    can_edit_comment,
    can_post_comment,
    can_read_comment,
)
from civicapp.db import utcnow
from civicapp.exceptions import DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.i18n import CONTENT_LANGUAGES
from civicapp.search.services import index_document, matching_ids, remove_document
from civicapp.subjects import registry
from civicapp.subjects.registry import SubjectType
from civicapp.text import render_markdown

log = logging.getLogger(__name__)
THREAD_PAGE_SIZE = 50
# Comments that count in a target's comment_count and show in search: not deleted, not hidden.
_COUNTED = (Comment.deleted_at.is_(None), Comment.is_hidden.is_(False))


@dataclass
class Thread:
    """One page of a target's top-level comments, each with its replies and authors loaded."""

    target: object
    kind: SubjectType
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
    kind = registry.type_of(target)
    # coalesce(): with `parent_id IS NULL` SQLite picks the parent_id index and walks every
    # top-level comment of the site instead of this target's few.
    top_level = (
        Comment.target_subject_id == target.subject_id,
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
    kind = registry.type_of(target)
    parent = _parent_for(target, parent_id)
    comment = Comment(
        author_id=actor.id,
        parent_id=parent.id if parent else None,
        body=body,
        body_html=render_markdown(body),
        language=_checked_language(language),
        is_official=any(is_staff_of(actor, m) for m in kind.municipality_ids(target)),
        target_subject_id=target.subject_id,
    )
    db.session.add(comment)
    db.session.flush()
    _change_count(comment, +1)
    index_comment_for_search(comment)
    log.info("comment %s posted on %s %s by user %s", comment.id, kind.kind, target.id, actor.id)
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
    remove_document(_search_kind(comment), comment.id)
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
    fixed = sum(_recount(kind) for kind in _counted_types())
    db.session.commit()
    if fixed:
        log.warning("comment counts corrected on %s targets", fixed)
    return fixed


def _counted_types() -> list[SubjectType]:
    """The declared types that take comments and keep a comment_count."""
    return [
        kind
        for kind in registry.subject_types().values()
        if kind.comment_search_kind and hasattr(kind.model, "comment_count")
    ]


def _recount(kind: SubjectType) -> int:
    model = kind.model
    counted = (
        select(func.count())
        .select_from(Comment)
        .where(Comment.target_subject_id == model.subject_id, *_COUNTED)
        .scalar_subquery()
    )
    result = db.session.execute(
        update(model)
        .where(model.comment_count != counted)
        .values(comment_count=counted)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def subjects_discussed(search_kind: str, query: str | None):
    """A SELECT of the subjects whose visible comments match a search, or None for no words."""
    found = matching_ids(search_kind, query)
    if found is None:
        return None
    return select(Comment.target_subject_id).where(Comment.id.in_(found), *_COUNTED)


def target_of(comment: Comment):
    """The object a comment is on (a priority, an initiative...), from the comment's session."""
    found = registry.objects_of([comment.target_subject_id], _session_of(comment))
    return found.get(comment.target_subject_id)


def _session_of(comment: Comment):
    # A mail job renders links in a session of its own, after the request's has committed.
    return object_session(comment) or db.session


def comment_page(comment: Comment) -> int:
    """The thread page (1-based) that shows the comment."""
    top_id = comment.parent_id or comment.id
    before = _session_of(comment).scalar(
        select(func.count())
        .select_from(Comment)
        .where(
            Comment.target_subject_id == comment.target_subject_id,
            Comment.parent_id.is_(None),
            Comment.id < top_id,
        )
    )
    return before // THREAD_PAGE_SIZE + 1


def comment_url(comment: Comment, **url_args) -> str:
    """The address of the comment on its target's page."""
    target = target_of(comment)
    page = comment_page(comment)
    extra = {"comments_page": page} if page > 1 else {}
    kind = registry.type_of(target)
    return kind.url(target, _anchor=f"comment-{comment.id}", **extra, **url_args)


def index_comment_for_search(comment: Comment) -> None:
    """Index the comment's text for the site search (flushed with the caller's use case)."""
    index_document(_search_kind(comment), comment.id, comment.body)


def _search_kind(comment: Comment) -> str:
    """The search kind of comments on the comment's target's type."""
    kind = registry.type_named(comment.target_subject.kind)
    return kind.comment_search_kind


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


def _parent_for(target, parent_id: int | None) -> Comment | None:
    """The top-level comment a reply attaches to (a reply to a reply joins its thread)."""
    if parent_id is None:
        return None
    parent = db.session.get(Comment, parent_id)
    if parent is None or parent.target_subject_id != target.subject_id:
        raise DomainError(_("The comment you answer is not in this discussion."))
    answered = parent
    if parent.parent_id is not None:
        parent = parent.parent
    if any(c.is_deleted or c.is_hidden for c in (answered, parent)):
        raise DomainError(_("This comment can no longer be answered."))
    return parent


def _change_count(comment: Comment, delta: int) -> None:
    """Add delta to the target's comment_count in SQL, in the current transaction."""
    model = registry.type_named(comment.target_subject.kind).model
    if not hasattr(model, "comment_count"):
        return
    db.session.execute(
        update(model)
        .where(model.subject_id == comment.target_subject_id)
        .values(comment_count=model.comment_count + delta)
    )
