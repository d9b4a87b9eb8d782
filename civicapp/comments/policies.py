"""Who may post, edit, delete and read comments."""

from civicapp.authz import is_moderator, is_signed_in, is_verified
from civicapp.subjects.registry import type_of


def _is_author(user, comment) -> bool:
    return is_signed_in(user) and comment.author_id is not None and comment.author_id == user.id


def can_post_comment(user, target=None) -> bool:
    """Users with a confirmed e-mail address comment on visible targets still open to discussion."""
    if not is_verified(user):
        return False
    if target is None:
        return True
    return (
        type_of(target).comment_search_kind is not None
        and getattr(target, "is_published", True)
        and not target.is_hidden
        and not getattr(target, "is_withdrawn", False)
    )


def can_edit_comment(user, comment) -> bool:
    """Authors edit their visible comment during the first 15 minutes."""
    return (
        _is_author(user, comment)
        and not comment.is_deleted
        and not comment.is_hidden
        and comment.is_editable_now
    )


def can_delete_comment(user, comment) -> bool:
    """Authors delete their own comment at any time."""
    return _is_author(user, comment) and not comment.is_deleted


def can_read_comment(user, comment) -> bool:
    """Nobody reads a deleted comment; a hidden one only its author and the moderators."""
    if comment.is_deleted:
        return False
    return not comment.is_hidden or _is_author(user, comment) or is_moderator(user)
