"""Who may report content, moderate it, and see hidden content."""

from civicapp.authz import is_moderator, is_signed_in, is_verified


def _is_author(user, obj) -> bool:
    return is_signed_in(user) and obj.author_id is not None and obj.author_id == user.id


def can_moderate(user, obj=None) -> bool:
    """Moderators (and admins) review reports and hide or restore content."""
    return is_moderator(user)


def can_view_content(user, obj) -> bool:
    """Hidden content stays visible to its author and the moderators only."""
    return not obj.is_hidden or _is_author(user, obj) or is_moderator(user)


def can_report_content(user, obj) -> bool:
    """Users with a confirmed e-mail address report others' visible content."""
    return (
        is_verified(user)
        and not _is_author(user, obj)
        and not obj.is_hidden
        and not getattr(obj, "is_deleted", False)
    )
