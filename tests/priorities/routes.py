"""Authorization entries for priority routes; `build` adds the world's priority."""

from tests.authz.matrix import DENY, LOGIN, Route, public, signed_in

VERIFIED = {"anonymous": LOGIN, "unverified": DENY}
AUTHOR_ONLY = {"anonymous": LOGIN, "citizen": "allow"}


def build(world) -> None:
    """A standing priority of municipality A by the citizen: `w.priority`."""
    from civicapp.priorities.models import Sector
    from civicapp.priorities.services import PriorityDraft, propose_priority

    draft = PriorityDraft(
        title="Street lights on the road to the school",
        body="Children walk to school **in the dark**.",
        sector=Sector.INFRASTRUCTURE,
        language="en",
        place="Ulpiana",
        municipality_id=world.municipality.id,
    )
    world.objects["priority"] = propose_priority(world.users["citizen"], draft)


def _p(w, suffix=""):
    return f"/priorities/{w.priority.id}{suffix}"


def _proposal(w):
    return {
        "title": "A bench in the park",
        "body": "Old people need a place to sit.",
        "municipality_id": w.municipality.id,
        "sector": "social_policy",
        "language": "en",
    }


def _text(w):
    return {
        "title": "Street lights near the school",
        "body": "Dark.",
        "sector": "health",
        "language": "en",
    }


ROUTES = [
    public("priorities.index", lambda w: "/priorities/"),
    public("priorities.show", lambda w: _p(w)),
    Route(
        "priorities.by_reference",
        "GET",
        lambda w: f"/priorities/{w.priority.reference}",
        default=302,
    ),
    Route("priorities.new", "GET", lambda w: "/priorities/new", expect=VERIFIED),
    Route("priorities.new", "POST", lambda w: "/priorities/new", expect=VERIFIED, data=_proposal),
    Route("priorities.edit", "GET", lambda w: _p(w, "/edit"), expect=AUTHOR_ONLY, default=DENY),
    Route(
        "priorities.edit",
        "POST",
        lambda w: _p(w, "/edit"),
        expect=AUTHOR_ONLY,
        default=DENY,
        data=_text,
    ),
    Route(
        "priorities.withdraw",
        "POST",
        lambda w: _p(w, "/withdraw"),
        expect=AUTHOR_ONLY,
        default=DENY,
    ),
    Route("priorities.support", "POST", lambda w: _p(w, "/support"), expect=VERIFIED),
    signed_in(
        "priorities.unsupport",
        lambda w: _p(w, "/support/withdraw"),
        "POST",
    ),
]
