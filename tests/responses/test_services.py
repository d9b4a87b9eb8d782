"""Publishing official answers: required details per status, every official language, history."""

from datetime import timedelta
from decimal import Decimal

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from civicapp import signals
from civicapp.audit.models import AuditEvent
from civicapp.db import utcnow
from civicapp.exceptions import DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.priorities.models import Status
from civicapp.responses.models import Response, ResponseText
from civicapp.responses.services import MissingLanguages
from tests.responses.conftest import TEXTS, texts_for


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize(
    ("status", "details", "field"),
    [
        (Status.PLANNED, {}, "budget_amount"),
        (Status.PLANNED, {"budget_amount": Decimal("-5"), "budget_year": 2027}, "budget_amount"),
        (Status.PLANNED, {"budget_amount": Decimal("0.001"), "budget_year": 2027}, "budget_amount"),
        (Status.PLANNED, {"budget_amount": Decimal("1e20"), "budget_year": 2027}, "budget_amount"),
        (Status.PLANNED, {"budget_amount": Decimal("NaN"), "budget_year": 2027}, "budget_amount"),
        (Status.PLANNED, {"budget_amount": Decimal("5000")}, "budget_year"),
        (Status.PLANNED, {"budget_amount": Decimal("5000"), "budget_year": 1999}, "budget_year"),
        (Status.REJECTED, {}, "reason"),
        (Status.REJECTED, {"reason": "   "}, "reason"),
        (Status.REJECTED, {"reason": "x" * 2001}, "reason"),
        (Status.NOT_COMPETENT, {}, "competent_body"),
        (Status.NOT_COMPETENT, {"competent_body": "x" * 201}, "competent_body"),
        (Status.OPEN, {}, "status"),
    ],
)
def test_each_status_requires_its_details(staff, priority, answer, status, details, field):
    with pytest.raises(DomainError) as refused:
        answer(staff, priority, status, **details)
    assert refused.value.field == field
    db.session.rollback()
    assert count(Response) == 0
    assert db.session.get(type(priority), priority.id).status == Status.OPEN


@pytest.mark.parametrize(
    ("status", "details", "column", "stored"),
    [
        (Status.RECEIVED, {}, "status", Status.RECEIVED),
        (
            Status.PLANNED,
            {"budget_amount": Decimal("125000.456"), "budget_year": 2027},
            "budget_amount",
            Decimal("125000.46"),
        ),
        (Status.REJECTED, {"reason": "No land is available."}, "reason", "No land is available."),
        (
            Status.NOT_COMPETENT,
            {"competent_body": "Ministry of Environment"},
            "competent_body",
            "Ministry of Environment",
        ),
    ],
)
def test_each_status_is_published_with_its_details(
    staff, priority, answer, status, details, column, stored
):
    answer(staff, priority, status, **details)
    response = db.session.scalar(select(Response))
    assert getattr(response, column) == stored
    assert db.session.get(type(priority), priority.id).status == status


def test_details_of_other_statuses_are_not_kept(staff, priority, answer):
    answer(staff, priority, Status.ACCEPTED, reason="ignored", budget_amount=Decimal(5))
    response = db.session.scalar(select(Response))
    assert (response.reason, response.budget_amount, response.competent_body) == (None, None, None)


def test_a_missing_official_language_is_refused_by_name(
    make_user, make_municipality, make_priority, author, answer
):
    prizren = make_municipality("prizren", official_languages="sq,sr,tr,bs")
    staff = make_user(staff_of=[prizren])
    priority = make_priority(prizren, author)
    with pytest.raises(MissingLanguages) as refused, force_locale("en"):
        answer(staff, priority, texts={"sq": TEXTS["sq"], "sr": TEXTS["sr"], "tr": "  "})
    assert refused.value.codes == ["tr", "bs"]
    assert "Turkish, Bosnian" in refused.value.message
    db.session.rollback()
    assert count(Response) == 0
    answer(staff, priority)
    assert count(ResponseText) == 4


def test_a_text_over_5000_characters_is_refused(staff, priority, answer):
    with pytest.raises(DomainError) as refused:
        answer(staff, priority, texts=texts_for(priority.municipality, sr="x" * 5001))
    assert refused.value.field == "text_sr"


def test_answers_are_added_never_overwritten(staff, priority, answer):
    first = answer(staff, priority, Status.RECEIVED)
    db.session.refresh(priority)
    first_answered_at = priority.first_answered_at
    answer(
        staff,
        priority,
        Status.REJECTED,
        reason="Outside the budget.",
        texts=texts_for(priority.municipality, sq="Refuzohet."),
    )
    db.session.refresh(priority)
    entries = db.session.scalars(select(Response).order_by(Response.id)).all()
    assert [e.status for e in entries] == [Status.RECEIVED, Status.REJECTED]
    assert {t.language: t.text for t in entries[0].texts}["sq"] == TEXTS["sq"]
    assert entries[0].id == first.id
    assert priority.status == Status.REJECTED
    assert priority.first_answered_at == first_answered_at
    assert priority.last_answered_at == entries[1].created_at > first_answered_at


def test_any_status_may_follow_any_other(staff, priority, answer):
    for status in (Status.IMPLEMENTED, Status.RECEIVED, Status.IN_PROGRESS, Status.ACCEPTED):
        answer(staff, priority, status)
    assert db.session.get(type(priority), priority.id).status == Status.ACCEPTED


def test_publishing_sends_the_signal_and_audits(staff, priority, answer):
    received = []

    def receiver(sender, **kwargs):
        received.append((sender.id, kwargs["actor"].id, kwargs["response"].status))

    with signals.priority_answered.connected_to(receiver):
        answer(staff, priority, Status.UNDER_REVIEW)
    assert received == [(priority.id, staff.id, Status.UNDER_REVIEW)]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "priority.answered"))
    assert event.actor_id == staff.id and event.details["status"] == "under_review"


@pytest.mark.parametrize("state", ["withdrawn", "hidden"])
def test_withdrawn_or_hidden_priorities_cannot_be_answered(staff, priority, answer, state):
    if state == "withdrawn":
        priority.withdrawn_at = utcnow()
    else:
        priority.is_hidden = True
    db.session.commit()
    with pytest.raises(NotAllowed):
        answer(staff, priority)


def test_staff_of_another_municipality_cannot_answer(
    make_user, make_municipality, priority, answer
):
    outsider = make_user(staff_of=[make_municipality("prizren")])
    with pytest.raises(NotAllowed):
        answer(outsider, priority)


def test_the_database_refuses_what_the_service_refuses(staff, priority):
    rows = [
        Response(priority_id=priority.id, status=Status.PLANNED),
        Response(priority_id=priority.id, status=Status.PLANNED, budget_amount=0, budget_year=2027),
        Response(priority_id=priority.id, status=Status.REJECTED),
        Response(priority_id=priority.id, status=Status.NOT_COMPETENT, competent_body=""),
    ]
    for row in rows:
        db.session.add(row)
        with pytest.raises(IntegrityError):
            db.session.flush()
        db.session.rollback()
    entry = Response(priority_id=priority.id, status=Status.RECEIVED)
    db.session.add(entry)
    db.session.flush()
    for text in ("", "x" * 5001):
        db.session.add(ResponseText(response_id=entry.id, language="sq", text=text))
        with pytest.raises(IntegrityError):
            db.session.flush()
        db.session.rollback()
        db.session.add(entry := Response(priority_id=priority.id, status=Status.RECEIVED))
        db.session.flush()


def test_first_answer_after_the_deadline_is_kept_as_late(staff, priority, answer):
    priority.threshold_reached_at = utcnow() - timedelta(days=40)
    priority.due_at = utcnow() - timedelta(days=10)
    db.session.commit()
    assert priority.is_overdue
    answer(staff, priority)
    db.session.refresh(priority)
    assert not priority.is_overdue and priority.first_answered_at > priority.due_at
