"""Who may report content, moderate it, and see hidden content."""

from civicapp.authz import is_moderator, is_signed_in, is_verified


def _is_author(user, obj) -> bool:
    # Content written by a team (an initiative, by its organisation's members) says who wrote it.
    is_written_by = getattr(obj, "is_written_by", None)
    if is_written_by is not None:
        return is_written_by(user)
    return is_signed_in(user) and obj.author_id is not None and obj.author_id == user.id


def can_moderate(user, obj=None) -> bool:
    """Moderators (and admins) review reports and hide or restore content."""
    return is_moderator(user)


def can_view_content(user, obj) -> bool:
    """Hidden content stays visible to its authors and the moderators; drafts to their authors."""
    if not getattr(obj, "is_published", True):
        return _is_author(user, obj)
    return not obj.is_hidden or is_moderator(user) or _is_author(user, obj)


def can_report_content(user, obj) -> bool:
    """Users with a confirmed e-mail address report others' visible, published content."""
    return (
        is_verified(user)
        and getattr(obj, "is_published", True)
        and not obj.is_hidden
        and not getattr(obj, "is_deleted", False)
        and not _is_author(user, obj)
    )
