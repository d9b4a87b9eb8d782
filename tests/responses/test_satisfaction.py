"""Supporters rate the latest answer (once each, changeable); the author contests once."""

import html
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from civicapp.audit.models import AuditEvent
from civicapp.extensions import db
from civicapp.priorities.models import Priority, Status
from civicapp.responses.models import Contest, Satisfaction


def ratings() -> list[bool]:
    return list(db.session.scalars(select(Satisfaction.is_satisfied).order_by(Satisfaction.id)))


def rate(client, priority, value):
    return client.post(f"/priorities/{priority.id}/satisfaction", data={"satisfied": value})


@pytest.fixture
def answered(priority, staff, answer):
    answer(staff, priority, Status.IMPLEMENTED)
    return priority


def test_a_supporter_rates_and_changes_their_mind(client, login, make_user, vote, answered):
    supporter = make_user()
    vote(supporter, answered)
    login(supporter)
    response = rate(client, answered, "yes")
    assert response.status_code == 302 and "#answers" in response.headers["Location"]
    assert ratings() == [True]
    rate(client, answered, "no")
    assert ratings() == [False]


def test_a_new_answer_is_rated_on_its_own(client, login, make_user, vote, answered, staff, answer):
    supporter = make_user()
    vote(supporter, answered)
    login(supporter)
    rate(client, answered, "no")
    answer(staff, answered, Status.IN_PROGRESS)
    rate(client, answered, "yes")
    assert ratings() == [False, True]


def test_only_supporters_rate(client, login, make_user, answered):
    login(make_user())
    assert rate(client, answered, "yes").status_code == 403
    assert ratings() == []


def test_an_unanswered_priority_cannot_be_rated(client, login, make_user, vote, priority):
    supporter = make_user()
    vote(supporter, priority)
    login(supporter)
    assert rate(client, priority, "yes").status_code == 403


@pytest.mark.parametrize("value", ["maybe", "", "<script>"])
def test_a_bad_rating_is_a_400(client, login, make_user, vote, answered, value):
    supporter = make_user()
    vote(supporter, answered)
    login(supporter)
    response = rate(client, answered, value)
    assert response.status_code == 400
    assert "<script>" not in response.get_data(as_text=True)
    assert ratings() == []


def test_the_database_keeps_one_rating_per_user_and_answer(app_ctx, make_user, answered):
    from civicapp.responses.services import latest_response

    user, response = make_user(), latest_response(answered)
    db.session.add(Satisfaction(response_id=response.id, user_id=user.id, is_satisfied=True))
    db.session.commit()
    db.session.add(Satisfaction(response_id=response.id, user_id=user.id, is_satisfied=False))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def contest(client, priority, reason="The road is still broken."):
    return client.post(f"/priorities/{priority.id}/contest", data={"reason": reason})


def test_the_author_contests_implemented_once(client, login, author, answered):
    login(author)
    assert client.get(f"/priorities/{answered.id}/contest").status_code == 200
    assert contest(client, answered).status_code == 302
    assert db.session.get(Priority, answered.id).contested_at is not None
    assert db.session.scalar(select(Contest.reason)) == "The road is still broken."
    assert db.session.scalar(select(func.count()).where(AuditEvent.action == "priority.contested"))
    again = contest(client, answered, "Again.")
    assert again.status_code == 409
    assert "You have already contested this priority once." in html.unescape(
        again.get_data(as_text=True)
    )
    assert db.session.scalar(select(func.count()).select_from(Contest)) == 1


def test_a_contest_needs_a_reason(client, login, author, answered):
    login(author)
    response = contest(client, answered, "   ")
    assert response.status_code == 400
    assert "Say why you contest the status." in html.unescape(response.get_data(as_text=True))
    assert db.session.get(Priority, answered.id).contested_at is None


def test_only_the_author_contests_only_implemented(
    client, login, make_user, author, priority, staff, answer
):
    answer(staff, priority, Status.PLANNED, budget_amount=Decimal(1000), budget_year=2027)
    login(author)
    assert contest(client, priority).status_code == 403
    answer(staff, priority, Status.IMPLEMENTED)
    login(make_user())
    assert contest(client, priority).status_code == 403
    login(staff)
    assert contest(client, priority).status_code == 403


def test_a_contested_priority_tops_the_inbox_until_answered(
    client, login, author, staff, answered, make_priority, town, answer
):
    from tests.responses.conftest import make_due

    make_due(make_priority(town, title="Overdue"), days_ago=45)
    login(author)
    contest(client, answered)
    login(staff)
    body = html.unescape(client.get("/inbox").get_data(as_text=True))
    assert body.index("Contested") < body.index(answered.title) < body.index("Overdue")
    answer(staff, db.session.get(Priority, answered.id), Status.IN_PROGRESS)
    body = html.unescape(client.get("/inbox").get_data(as_text=True))
    assert "Contested" not in body.split("<tbody>")[1]
    assert body.index("Overdue") < body.index(answered.title)
