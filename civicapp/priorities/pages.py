"""What other features add to a priority's page, which shows it without naming them."""

from collections.abc import Callable

_SECTIONS: list[Callable[..., dict]] = []


def priority_page_section(context: Callable[..., dict]) -> Callable[..., dict]:
    """Register `context(priority, user) -> dict`; the page's template gets what it returns."""
    _SECTIONS.append(context)
    return context


def sections_context(priority, user) -> dict:
    """What every registered section adds to the page of the priority, for this reader."""
    found = {}
    for context in _SECTIONS:
        found |= context(priority, user)
    return found
