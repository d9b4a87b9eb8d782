"""Authorization entries for official answers, the inbox and accountability pages."""

from tests.authz.matrix import ALLOW, DENY, LOGIN, Route, public


def build(world) -> None:
    """An implemented priority of the citizen, supported by them, with one official answer."""
    from civicapp.extensions import db
    from civicapp.priorities.models import Priority, Sector, Status, Vote
    from civicapp.responses.models import Response, ResponseText

    citizen, staff = world.users["citizen"], world.users["staff"]
    priority = Priority(
        municipality_id=world.municipality.id,
        author_id=citizen.id,
        title="Repair the school roof",
        body="It leaks.",
        body_html="<p>It leaks.</p>",
        sector=Sector.EDUCATION,
        language="sq",
        status=Status.IMPLEMENTED,
        reference="PRI-2027-90001",
    )
    db.session.add(priority)
    db.session.flush()
    answer = Response(priority_id=priority.id, author_id=staff.id, status=Status.IMPLEMENTED)
    answer.texts = [ResponseText(language=code, text="Done.") for code in ("sq", "sr")]
    db.session.add_all([answer, Vote(priority_id=priority.id, user_id=citizen.id)])
    db.session.commit()
    world.objects["answered_priority"] = priority


def _only(roles, endpoint, url, method="GET", **kw) -> Route:
    expect = {"anonymous": LOGIN} | {role: ALLOW for role in roles}
    return Route(endpoint, method, url, expect=expect, default=DENY, **kw)


def _priority(w, action) -> str:
    return f"/priorities/{w.answered_priority.id}/{action}"


def _answer_data(w) -> dict:
    return {"status": "received", "text_sq": "Pranuar.", "text_sr": "Primljeno."}


ROUTES = [
    _only(["staff"], "responses.answer", lambda w: _priority(w, "answer")),
    _only(
        ["staff"], "responses.answer", lambda w: _priority(w, "answer"), "POST", data=_answer_data
    ),
    _only(
        ["citizen"],
        "responses.rate",
        lambda w: _priority(w, "satisfaction"),
        "POST",
        data=lambda w: {"satisfied": "yes"},
    ),
    _only(["citizen"], "responses.contest", lambda w: _priority(w, "contest")),
    _only(
        ["citizen"],
        "responses.contest",
        lambda w: _priority(w, "contest"),
        "POST",
        data=lambda w: {"reason": "The roof still leaks."},
    ),
    _only(["staff", "other_staff"], "responses.inbox", lambda w: "/inbox"),
    public("responses.league", lambda w: "/accountability/"),
    public("responses.municipality", lambda w: f"/accountability/{w.municipality.slug}"),
]
