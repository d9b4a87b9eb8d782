"""Who may propose, edit, withdraw, see and support priorities, and which ones lists show."""

from sqlalchemy import ColumnElement, and_

from civicapp.authz import is_moderator, is_signed_in, is_verified
from civicapp.priorities.models import Priority


def _is_author(user, priority) -> bool:
    return is_signed_in(user) and priority.author_id is not None and user.id == priority.author_id


def can_propose_priority(user, municipality=None) -> bool:
    """Citizens with a confirmed e-mail address propose priorities."""
    return is_verified(user)


def can_view_priority(user, priority) -> bool:
    """Hidden priorities are seen only by moderators and their author; withdrawn ones stay
    readable at their address."""
    return not priority.is_hidden or is_moderator(user) or _is_author(user, priority)


def can_list_priority(user, priority, withdrawn: bool = False) -> bool:
    """Lists, the API and downloads show priorities that are not hidden (to moderators, hidden
    ones too); withdrawn ones only when asked for withdrawn ones, as Decidim does."""
    shown = not priority.is_hidden or can_moderate_priorities(user)
    return shown and priority.is_withdrawn == withdrawn


def listed_priorities(
    user=None, withdrawn: bool = False, *, hidden_index: bool = True
) -> ColumnElement[bool]:
    """The SQL criterion of can_list_priority; no user means the public.

    Lists read their page in the order of an index that starts with is_hidden, so they compare
    it with `=`; figures over every priority pass hidden_index=False, worded `IS NOT TRUE` so
    that the database never reads them through the is_hidden index (the slow road there).
    """
    state = Priority.withdrawn_at.is_not(None) if withdrawn else Priority.withdrawn_at.is_(None)
    if can_moderate_priorities(user):
        return and_(state)
    shown = Priority.is_hidden.is_(False) if hidden_index else Priority.is_hidden.is_not(True)
    return and_(shown, state)


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
