"""Authorization entries for reports and moderation; they use `w.comment` and `w.priority`."""

from tests.authz.matrix import ALLOW, DENY, LOGIN, Route

MODERATORS = {"anonymous": LOGIN, "moderator": ALLOW, "admin": ALLOW}
# The citizen wrote both the comment and the priority; nobody reports their own content.
REPORTERS = {"anonymous": LOGIN, "unverified": DENY, "citizen": DENY}


def _reason(w):
    return {"reason": "Spam, as several people said."}


ROUTES = [
    Route("moderation.queue", "GET", lambda w: "/moderation/", expect=MODERATORS, default=DENY),
    Route(
        "moderation.review",
        "GET",
        lambda w: f"/moderation/comment/{w.comment.id}",
        expect=MODERATORS,
        default=DENY,
    ),
    Route(
        "moderation.decide",
        "POST",
        lambda w: f"/moderation/priority/{w.priority.id}/hide",
        expect=MODERATORS,
        default=DENY,
        data=_reason,
    ),
    Route(
        "moderation.report",
        "GET",
        lambda w: f"/moderation/comment/{w.comment.id}/report",
        expect=REPORTERS,
    ),
    Route(
        "moderation.report",
        "POST",
        lambda w: f"/moderation/priority/{w.priority.id}/report",
        expect=REPORTERS,
        data=lambda w: {"reason": "spam", "note": "Advertising."},
    ),
]
