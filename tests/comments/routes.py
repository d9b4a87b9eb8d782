"""Authorization entries for comment routes; `build` adds `w.comment` by the citizen."""

from tests.authz.matrix import ALLOW, DENY, LOGIN, Route

AUTHOR_ONLY = {"anonymous": LOGIN, "citizen": ALLOW}


def build(world) -> None:
    """A fresh comment of the citizen on the world's priority: `w.comment`."""
    from civicapp.comments.services import post_comment

    world.objects["comment"] = post_comment(
        world.users["citizen"], world.priority, "Lights would help.", "en"
    )


def _text(w):
    return {"comment-body": "A second thought.", "comment-language": "en"}


def _c(w, suffix):
    return f"/comments/{w.comment.id}{suffix}"


ROUTES = [
    Route(
        "comments.post",
        "POST",
        lambda w: f"/comments/priority/{w.priority.id}",
        expect={"anonymous": LOGIN, "unverified": DENY},
        data=_text,
    ),
    Route("comments.edit", "GET", lambda w: _c(w, "/edit"), expect=AUTHOR_ONLY, default=DENY),
    Route(
        "comments.edit",
        "POST",
        lambda w: _c(w, "/edit"),
        expect=AUTHOR_ONLY,
        default=DENY,
        data=_text,
    ),
    Route("comments.delete", "POST", lambda w: _c(w, "/delete"), expect=AUTHOR_ONLY, default=DENY),
]
