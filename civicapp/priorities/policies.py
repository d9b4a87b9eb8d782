"""Who may propose, edit, withdraw, see and support priorities."""

from civicapp.authz import is_moderator, is_signed_in, is_verified


def _is_author(user, priority) -> bool:
    return is_signed_in(user) and priority.author_id is not None and user.id == priority.author_id


def can_propose_priority(user, municipality=None) -> bool:
    """Citizens with a confirmed e-mail address propose priorities."""
    return is_verified(user)


def can_view_priority(user, priority) -> bool:
    """Hidden priorities are seen only by moderators and their author."""
    return not priority.is_hidden or is_moderator(user) or _is_author(user, priority)


def can_edit_priority(user, priority) -> bool:
    """The author edits until the first support or answer, and not while moderators hide it."""
    return (
        _is_author(user, priority)
        and not priority.is_withdrawn
        and not priority.is_hidden
        and priority.support_count == 0
        and priority.first_answered_at is None
    )


def can_withdraw_priority(user, priority) -> bool:
    """The author withdraws their priority, once."""
    return _is_author(user, priority) and not priority.is_withdrawn


def can_support_priority(user, priority) -> bool:
    """Verified users support while voting is open; authors too (as Decidim allows)."""
    return is_verified(user) and priority.voting_open


def can_withdraw_support(user, priority) -> bool:
    """A supporter takes their support back while voting is open."""
    return is_signed_in(user) and priority.voting_open


def can_moderate_priorities(user, priority=None) -> bool:
    """Moderators see hidden priorities in lists."""
    return is_moderator(user)
