"""Who may answer priorities, read the inbox, rate answers and contest a status."""

from civicapp.authz import is_signed_in, is_staff, is_staff_of
from civicapp.priorities.models import Status
from civicapp.priorities.policies import can_list_priority


def _is_live(priority) -> bool:
    """Neither withdrawn nor hidden: a priority the public's lists show."""
    return priority is not None and can_list_priority(None, priority)


def can_answer_priority(user, priority=None) -> bool:
    """Staff of the priority's municipality answer it, unless it is withdrawn or hidden."""
    return _is_live(priority) and is_staff_of(user, priority.municipality_id)


def can_view_inbox(user, obj=None) -> bool:
    """Municipal staff have an inbox of their municipalities' priorities."""
    return is_staff(user)


def can_rate_answer(user, priority=None, supported: bool = False) -> bool:
    """Supporters of an answered priority say whether the latest answer satisfied them."""
    return (
        _is_live(priority) and is_signed_in(user) and supported and priority.status != Status.OPEN
    )


def can_contest_priority(user, priority=None) -> bool:
    """The author contests an "implemented" status (the service allows it only once)."""
    return (
        _is_live(priority)
        and is_signed_in(user)
        and priority.author_id == user.id
        and priority.status == Status.IMPLEMENTED
    )
