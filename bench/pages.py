"""The pages `make bench` loads. Later issues append entries to PAGES.

Visitor pages need no setup. A page for a signed-in user takes a hook from bench.hooks, e.g.

    Page("priority list (signed in)", "/priorities", goal=SIGNED_IN_GOAL,
         setup=signed_in("demo1@example.org", "demo-password")),
    Page("vote", "/priorities/1/vote", method="POST", goal=VOTE_GOAL, expect_status=303,
         setup=signed_in_post("demo1@example.org", "demo-password",
                              form_path="/priorities/1", fields={"value": "1"})),

A path may also be a callable taking the in-process app (run inside an app context on the
seeded database), for pages whose URL depends on the data, e.g. the most-commented priority.
"""

from bench.hooks import (
    most_commented_priority,
    most_linked_initiative,
    open_priority,
    signed_in,
    signed_in_post,
)
from bench.spec import SIGNED_IN_GOAL, VISITOR_GOAL, VOTE_GOAL, Page

# The demo accounts (civicapp/demo/services.py).
CITIZEN = "citizen@demo.example.org"
DEMO_PASSWORD = "civicapp-demo-2026"

PAGES: list[Page] = [
    Page("home", "/", goal=VISITOR_GOAL),
    Page("municipality", "/municipalities/pristina", goal=VISITOR_GOAL),
    Page("sign-in", "/auth/login", goal=VISITOR_GOAL),
    # Issue 3: the priority pages, search, a vote, the league table and the API at scale.
    Page("priority list", "/priorities/?municipality=pristina", goal=VISITOR_GOAL),
    Page(
        "priority page",  # the most-commented priority: >= 50 comments at scale 1 and up
        lambda app: f"/priorities/{most_commented_priority(app)}",
        goal=VISITOR_GOAL,
    ),
    Page("search", "/priorities/?q=rrug", goal=VISITOR_GOAL),
    Page(
        "priority list (signed in)",
        "/priorities/?municipality=pristina",
        goal=SIGNED_IN_GOAL,
        setup=signed_in(CITIZEN, DEMO_PASSWORD),
    ),
    # wrk replays one POST: after the first, every request is a duplicate vote answered by
    # the "already supported" redirect, which still runs the whole vote path.
    Page(
        "vote",
        lambda app: f"/priorities/{open_priority(app)}/support",
        method="POST",
        goal=VOTE_GOAL,
        expect_status=302,
        setup=signed_in_post(
            CITIZEN,
            DEMO_PASSWORD,
            form_path=lambda app: f"/priorities/{open_priority(app)}",
            fields={},
        ),
    ),
    Page("accountability", "/accountability/", goal=VISITOR_GOAL),
    Page("api priority list", "/api/v1/priorities?municipality=pristina", goal=VISITOR_GOAL),
    # Issue 4: civil society initiatives and the donors' portfolio.
    Page("initiatives list", "/initiatives/?municipality=pristina", goal=VISITOR_GOAL),
    Page(
        "initiative page",  # the public initiative linked to the most priorities
        lambda app: f"/initiatives/{most_linked_initiative(app)}",
        goal=VISITOR_GOAL,
    ),
    Page("portfolio", "/portfolio/", goal=VISITOR_GOAL),
]
