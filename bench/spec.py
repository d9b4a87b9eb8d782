"""What a benchmarked page is: a named request, how to prepare it, and its goal."""

from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask

VISITOR_GOAL = 0.25  # share of the hello-world ceiling's requests per second
SIGNED_IN_GOAL = 0.15
VOTE_GOAL = 0.10

# Flask-Login ties a session to the client's address and User-Agent; the in-process setup,
# the query counter and wrk all send this one so a cookie made in setup stays valid under wrk.
USER_AGENT = "civicapp-bench"


@dataclass(frozen=True)
class Prepared:
    """One concrete HTTP request, replayed by wrk and by the in-process query counter."""

    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""


SetupHook = Callable[[Flask, "Page"], Prepared]


@dataclass(frozen=True)
class Page:
    """A benchmarked page: its request, the status it must answer with, and its ratio goal."""

    name: str
    path: str
    method: str = "GET"
    goal: float = VISITOR_GOAL
    expect_status: int = 200
    setup: SetupHook | None = None

    def prepare(self, app: Flask) -> Prepared:
        """Build the concrete request, running the setup hook (sign-in, CSRF) if there is one."""
        if self.setup is not None:
            return self.setup(app, self)
        return Prepared(self.method, self.path, {"User-Agent": USER_AGENT})
