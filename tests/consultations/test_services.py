"""Consultation use cases: open, edit, advance one phase at a time, adopt with a decision."""

from datetime import timedelta

import pytest
from flask_babel import force_locale, to_user_timezone
from sqlalchemy import func, select

from civicapp.audit.models import AuditEvent
from civicapp.consultations import services
from civicapp.consultations.models import Consultation, Phase
from civicapp.db import utcnow
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.priorities.models import Priority


def data(**changes) -> services.ConsultationData:
    values = dict(
        title="Plani lokal i veprimit në mjedis 2027",
        description="Çfarë duhet të bëjë komuna **së pari**?",
        language="sq",
        support_threshold=50,
    )
    return services.ConsultationData(**(values | changes))


def events(action: str) -> list[AuditEvent]:
    stmt = select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    return list(db.session.scalars(stmt))


def today():
    return to_user_timezone(utcnow()).date()


@pytest.fixture
def town(make_municipality):
    return make_municipality("pristina")


@pytest.fixture
def staff(make_user, town):
    return make_user(staff_of=[town])


def test_open_starts_with_proposals_renders_markdown_and_is_logged(town, staff):
    text = "**Ajri** i pastër <script>alert(1)</script> [x](javascript:alert(1))"
    consultation = services.open_consultation(staff, town, data(description=text))
    assert consultation.phase == Phase.PROPOSALS and consultation.phase_changed_at is not None
    assert consultation.created_by_id == staff.id and consultation.municipality_id == town.id
    assert "<strong>Ajri</strong>" in consultation.description_html
    assert "<script" not in consultation.description_html
    assert 'href="javascript' not in consultation.description_html
    [event] = events("consultation.opened")
    assert event.actor_id == staff.id and event.subject == f"consultation:{consultation.id}"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"title": "   "}, "title"),
        ({"language": "de"}, "language"),
        ({"support_threshold": 0}, "support_threshold"),
        ({"support_threshold": -5}, "support_threshold"),
        ({"support_threshold": 100_001}, "support_threshold"),
        ({"support_threshold": 10**12}, "support_threshold"),
    ],
)
def test_open_refuses_bad_values(town, staff, changes, field):
    with pytest.raises(DomainError) as refused:
        services.open_consultation(staff, town, data(**changes))
    assert refused.value.field == field
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Consultation)) == 0


def test_edit_changes_the_text_until_adopted(town, staff, make_consultation):
    consultation = make_consultation(town, phase=Phase.CLOSED)
    services.edit_consultation(staff, consultation, data(title="New title", support_threshold=80))
    db.session.refresh(consultation)
    assert consultation.title == "New title" and consultation.support_threshold == 80
    assert events("consultation.edited")[0].details["support_threshold"] == [50, 80]
    consultation.phase = Phase.ADOPTED
    db.session.commit()
    with pytest.raises(DomainError):
        services.edit_consultation(staff, consultation, data(title="Changed after adoption"))
    db.session.rollback()
    assert db.session.get(Consultation, consultation.id).title == "New title"


def test_advance_moves_each_step_and_logs_it_with_the_actor(town, staff, make_consultation):
    consultation = make_consultation(town, phase=Phase.PROPOSALS)
    seen = []
    for phase in (Phase.VOTING, Phase.CLOSED):
        services.advance_consultation(staff, consultation, phase)
        assert consultation.phase == phase
        seen.append(consultation.phase_changed_at)
    assert seen[0] is not None and seen[0] <= seen[1]
    logged = [
        (e.actor_id, e.details["old"], e.details["new"])
        for e in events("consultation.phase_changed")
    ]
    assert logged == [(staff.id, "proposals", "voting"), (staff.id, "voting", "closed")]


@pytest.mark.parametrize(
    "start, target",
    [
        (Phase.PROPOSALS, Phase.CLOSED),  # skipping voting
        (Phase.PROPOSALS, Phase.ADOPTED),
        (Phase.VOTING, Phase.PROPOSALS),  # going back
        (Phase.VOTING, Phase.VOTING),  # the same button sent twice
        (Phase.CLOSED, Phase.VOTING),
        (Phase.CLOSED, Phase.ADOPTED),  # adoption needs the decision
        (Phase.ADOPTED, Phase.CLOSED),
    ],
)
def test_advance_refuses_skipping_going_back_and_adopting(
    town, staff, make_consultation, start, target
):
    consultation = make_consultation(town, phase=start)
    with pytest.raises(DomainError):
        services.advance_consultation(staff, consultation, target)
    db.session.rollback()
    assert db.session.get(Consultation, consultation.id).phase == start
    assert events("consultation.phase_changed") == []


@pytest.fixture
def closed(town, make_consultation):
    return make_consultation(town, phase=Phase.CLOSED)


def test_adopt_records_the_decision_and_the_plan(town, staff, closed, make_priority):
    chosen = [make_priority(town, consultation=closed, support_count=n) for n in (40, 7)]
    left_out = make_priority(town, consultation=closed, support_count=12)
    decision = services.Decision("01 Nr. 016-12345", today(), [p.id for p in chosen])
    services.adopt_consultation(staff, closed, decision)
    db.session.expire_all()
    assert closed.phase == Phase.ADOPTED and closed.decision_reference == "01 Nr. 016-12345"
    assert closed.decision_date == today()
    assert [p.adopted_in_plan for p in (*chosen, left_out)] == [True, True, False]
    [event] = events("consultation.adopted")
    assert event.actor_id == staff.id
    assert event.details["priority_ids"] == sorted(p.id for p in chosen)
    assert events("consultation.phase_changed")[0].details["new"] == "adopted"


def test_adopt_with_no_priority_in_the_plan(staff, closed):
    services.adopt_consultation(staff, closed, services.Decision("01 Nr. 1", today()))
    assert closed.phase == Phase.ADOPTED


@pytest.mark.parametrize("kind", ["other consultation", "standing", "withdrawn", "hidden"])
def test_adopt_refuses_a_priority_that_is_not_a_candidate(
    town, staff, closed, make_priority, make_consultation, kind
):
    own = make_priority(town, consultation=closed)
    fields = {
        "other consultation": dict(consultation=make_consultation(town, phase=Phase.CLOSED)),
        "standing": {},
        "withdrawn": dict(consultation=closed, withdrawn_at=utcnow()),
        "hidden": dict(consultation=closed, is_hidden=True),
    }[kind]
    stranger = make_priority(town, **fields)
    decision = services.Decision("01 Nr. 016-12345", today(), [own.id, stranger.id])
    with pytest.raises(DomainError) as refused:
        services.adopt_consultation(staff, closed, decision)
    assert refused.value.field == "priority_ids"
    db.session.rollback()
    assert db.session.get(Consultation, closed.id).phase == Phase.CLOSED
    adopted = db.session.scalars(select(Priority).where(Priority.adopted_in_plan.is_(True)))
    assert list(adopted) == []


@pytest.mark.parametrize(
    "days_after_opening, allowed",
    [(-1, False), (0, True), (5, True), ("tomorrow", False)],
)
def test_adopt_decision_date_rules(staff, closed, days_after_opening, allowed):
    opened = utcnow() - timedelta(days=5)
    closed.created_at = opened
    db.session.commit()
    if days_after_opening == "tomorrow":
        decided_on = today() + timedelta(days=1)
    else:
        decided_on = to_user_timezone(opened).date() + timedelta(days=days_after_opening)
    decision = services.Decision("01 Nr. 016-12345", decided_on)
    if allowed:
        services.adopt_consultation(staff, closed, decision)
        assert closed.decision_date == decided_on
        return
    with pytest.raises(DomainError) as refused:
        services.adopt_consultation(staff, closed, decision)
    assert refused.value.field == "decision_date"
    db.session.rollback()
    assert db.session.get(Consultation, closed.id).phase == Phase.CLOSED


def test_adopt_needs_a_reference_and_a_closed_consultation(town, staff, make_consultation):
    closed = make_consultation(town, phase=Phase.CLOSED)
    with pytest.raises(DomainError) as refused:
        services.adopt_consultation(staff, closed, services.Decision("  ", today()))
    assert refused.value.field == "decision_reference"
    voting = make_consultation(town, phase=Phase.VOTING)
    with pytest.raises(DomainError):
        services.adopt_consultation(staff, voting, services.Decision("01 Nr. 1", today()))
    db.session.rollback()
    assert db.session.get(Consultation, voting.id).phase == Phase.VOTING


def test_serbian_description_follows_the_reader_script(town, make_consultation):
    consultation = make_consultation(
        town, language="sr", description="Zaštita **životne** sredine", description_html=""
    )
    with force_locale("sr"):
        cyrillic = services.description_for_reader(consultation)
    with force_locale("sr_Latn"):
        latin = services.description_for_reader(consultation)
    assert "<p>Заштита <strong>животне</strong> средине</p>" in cyrillic
    assert "<p>Zaštita <strong>životne</strong> sredine</p>" in latin
