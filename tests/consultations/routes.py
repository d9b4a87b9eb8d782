"""Authorization entries for consultation routes: public pages, staff of the municipality act."""

from civicapp.consultations.models import Phase
from tests.authz.matrix import ALLOW, DENY, LOGIN, Route, public

# Staff of the world's municipality and platform admins; everyone else is refused.
RUNS_IT = {"anonymous": LOGIN, "staff": ALLOW, "admin": ALLOW}
# Their valid posts succeed and redirect to the consultation.
POSTED = RUNS_IT | {"staff": 302, "admin": 302}


def build(world) -> None:
    """A consultation in voting (others may use `w.consultation`) and a closed one."""
    from civicapp.consultations.models import Consultation
    from civicapp.extensions import db

    for name, phase in (("consultation", Phase.VOTING), ("closed_consultation", Phase.CLOSED)):
        consultation = Consultation(
            municipality_id=world.municipality.id,
            title=f"Capital investment priorities 2027 ({phase.value})",
            description="What should the municipality build first?",
            description_html="<p>What should the municipality build first?</p>",
            language="en",
            phase=phase,
        )
        db.session.add(consultation)
        world.objects[name] = consultation
    db.session.commit()


def runs_it(endpoint, url, method="GET", **kw) -> Route:
    return Route(
        endpoint, method, url, expect=POSTED if method == "POST" else RUNS_IT, default=DENY, **kw
    )


def _form(w):
    return {
        "title": "Parks 2027",
        "description": "Which parks first?",
        "language": "sq",
        "support_threshold": "50",
    }


def _today(w):
    from flask_babel import to_user_timezone

    from civicapp.db import utcnow

    return {
        "decision_reference": "01 Nr. 016-12345",
        "decision_date": to_user_timezone(utcnow()).date().isoformat(),
    }


ROUTES = [
    public("consultations.index", lambda w: "/consultations/"),
    public("consultations.show", lambda w: f"/consultations/{w.consultation.id}"),
    runs_it(
        "consultations.new", lambda w: f"/consultations/new?municipality={w.municipality.slug}"
    ),
    runs_it(
        "consultations.new",
        lambda w: f"/consultations/new?municipality={w.municipality.slug}",
        "POST",
        data=_form,
    ),
    runs_it("consultations.edit", lambda w: f"/consultations/{w.consultation.id}/edit"),
    runs_it(
        "consultations.edit",
        lambda w: f"/consultations/{w.consultation.id}/edit",
        "POST",
        data=_form,
    ),
    runs_it(
        "consultations.advance",
        lambda w: f"/consultations/{w.consultation.id}/advance",
        "POST",
        data=lambda w: {"phase": "closed"},
    ),
    runs_it("consultations.adopt", lambda w: f"/consultations/{w.closed_consultation.id}/adopt"),
    runs_it(
        "consultations.adopt",
        lambda w: f"/consultations/{w.closed_consultation.id}/adopt",
        "POST",
        data=_today,
    ),
]
