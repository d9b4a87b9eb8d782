"""The pages `make bench` loads. Later issues append entries to PAGES.

Visitor pages need no setup. A page for a signed-in user takes a hook from bench.hooks, e.g.

    Page("priority list (signed in)", "/priorities", goal=SIGNED_IN_GOAL,
         setup=signed_in("demo1@example.org", "demo-password")),
    Page("vote", "/priorities/1/vote", method="POST", goal=VOTE_GOAL, expect_status=303,
         setup=signed_in_post("demo1@example.org", "demo-password",
                              form_path="/priorities/1", fields={"value": "1"})),
"""

from bench.spec import VISITOR_GOAL, Page

PAGES: list[Page] = [
    Page("home", "/", goal=VISITOR_GOAL),
    Page("municipality", "/municipalities/pristina", goal=VISITOR_GOAL),
    Page("sign-in", "/auth/login", goal=VISITOR_GOAL),
]
