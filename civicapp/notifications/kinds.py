"""The kinds of notifications, declared by the features that send them (and two of our own).

A kind says how one notification reads (a sentence of the object it is about and its data)
and how a digest heads a group of them (a count). Features declare theirs in their own
`notices.py`, with the receivers that choose who is told.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from civicapp.notifications.models import KIND_MAX


@dataclass(frozen=True)
class NoticeKind:
    name: str  # notifications.kind: "priority_answered"
    sentence: Callable[[Any, dict], str]  # (the object it is about or None, data) -> text
    heading: Callable[[int], str]  # count -> a digest section's heading


_KINDS: dict[str, NoticeKind] = {}


def register_kind(kind: NoticeKind) -> NoticeKind:
    """Declare a kind of notification (declaring the same name again replaces it)."""
    if not 1 <= len(kind.name) <= KIND_MAX:
        raise ValueError(f"a notification kind has 1 to {KIND_MAX} characters: {kind.name!r}")
    _KINDS[kind.name] = kind
    return kind


def unregister_kind(name: str) -> None:
    """Forget a kind (tests that declare their own)."""
    _KINDS.pop(name, None)


def kind_named(name: str) -> NoticeKind:
    """The declared kind of that name (LookupError if none: nothing is stored unreadable)."""
    try:
        return _KINDS[name]
    except KeyError:
        raise LookupError(f"undeclared notification kind {name!r}") from None


def kind_order(name: str) -> int:
    """Where a kind comes in a digest: in the order kinds were declared."""
    names = list(_KINDS)
    return names.index(name) if name in names else len(names)
