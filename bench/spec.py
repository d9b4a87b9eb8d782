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
# A path known only once the database is seeded (e.g. the most-commented priority's page):
# called with the in-process app, inside an app context, before setup and query counting.
PathResolver = Callable[[Flask], str]


def resolve(path: "str | PathResolver", app: Flask) -> str:
    """The concrete path: path itself, or what the resolver finds in the seeded database."""
    if isinstance(path, str):
        return path
    with app.app_context():
        return path(app)


@dataclass(frozen=True)
class Page:
    """A benchmarked page: its request, the status it must answer with, and its ratio goal."""

    name: str
    path: "str | PathResolver"
    method: str = "GET"
    goal: float = VISITOR_GOAL
    expect_status: int = 200
    setup: SetupHook | None = None

    def target(self, app: Flask) -> str:
        """The concrete path of the request (a resolver is run against the seeded database)."""
        return resolve(self.path, app)

    def prepare(self, app: Flask) -> Prepared:
        """Build the concrete request, running the setup hook (sign-in, CSRF) if there is one."""
        if self.setup is not None:
            return self.setup(app, self)
        return Prepared(self.method, self.target(app), {"User-Agent": USER_AGENT})
