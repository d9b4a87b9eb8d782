"""What citizens propose in a consultation: the feature that owns the proposals registers how
they are read and put into the plan, so consultations import no feature."""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Select


@dataclass(frozen=True)
class Proposals:
    # The consultation's public proposals, those in the plan first (a statement to page).
    public: Callable[..., Select]
    # Of the given ids, those the consultation's plan may include.
    candidates: Callable[..., set[int]]
    # The number of public proposals of each of the given consultation ids.
    counts: Callable[[list[int]], dict[int, int]]
    # Mark the given ids as adopted in the plan (flushed, not committed).
    adopt: Callable[[set[int]], None]


_REGISTERED: list[Proposals] = []


def register_proposals(proposals: Proposals) -> None:
    """Declare the one kind of proposal that consultations collect."""
    _REGISTERED.append(proposals)


def proposals() -> Proposals:
    """The registered kind of proposal (the priorities feature registers it on import)."""
    (registered,) = _REGISTERED
    return registered
