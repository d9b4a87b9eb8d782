"""The answer form: who may use it, every official language, bad input kept and explained."""

import html

import pytest
from sqlalchemy import func, select

from civicapp.accounts.models import Role
from civicapp.extensions import db
from civicapp.priorities.models import Priority, Status
from civicapp.responses.models import Response
from tests.responses.conftest import TEXTS


def answers() -> int:
    return db.session.scalar(select(func.count()).select_from(Response))


def url(priority) -> str:
    return f"/priorities/{priority.id}/answer"


def form(**fields) -> dict:
    return {"status": "received", "text_sq": TEXTS["sq"], "text_sr": TEXTS["sr"]} | fields


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_staff_see_one_textarea_per_official_language(client, login, staff, priority):
    login(staff)
    body = page(client.get(url(priority)))
    assert 'name="text_sq"' in body and 'name="text_sr"' in body
    assert 'name="text_tr"' not in body
    assert "Albanian" in body and "Serbian" in body


def test_staff_publish_an_answer_in_both_languages(client, login, staff, priority):
    login(staff)
    response = client.post(url(priority), data=form(status="under_review"))
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"/priorities/{priority.id}")
    priority = db.session.get(Priority, priority.id)
    assert priority.status == Status.UNDER_REVIEW and priority.first_answered_at is not None
    entry = db.session.scalar(select(Response))
    assert {t.language: t.text for t in entry.texts} == {"sq": TEXTS["sq"], "sr": TEXTS["sr"]}
    assert entry.author_id == staff.id


def test_a_missing_language_is_named_and_the_typed_text_kept(client, login, staff, priority):
    login(staff)
    response = client.post(url(priority), data=form(text_sr="  "))
    assert response.status_code == 400
    body = page(response)
    assert "Give the answer in every official language. Missing: Serbian." in body
    assert TEXTS["sq"] in body
    assert answers() == 0


def test_prizren_needs_four_languages(client, login, make_user, make_municipality, make_priority):
    prizren = make_municipality("prizren", official_languages="sq,sr,tr,bs")
    staff = make_user(staff_of=[prizren])
    priority = make_priority(prizren)
    login(staff)
    response = client.post(url(priority), data=form(text_tr=TEXTS["tr"]))
    assert response.status_code == 400
    assert "Missing: Bosnian." in page(response)
    response = client.post(url(priority), data=form(text_tr=TEXTS["tr"], text_bs=TEXTS["bs"]))
    assert response.status_code == 302
    assert answers() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "planned"}, "Give the planned budget in euros."),
        ({"status": "planned", "budget_amount": "-5", "budget_year": "2027"}, "between 0.01"),
        ({"status": "planned", "budget_amount": "1e20", "budget_year": "2027"}, "between 0.01"),
        ({"status": "planned", "budget_amount": "NaN", "budget_year": "2027"}, "such as"),
        ({"status": "planned", "budget_amount": "sNaN", "budget_year": "2027"}, "such as"),
        ({"status": "planned", "budget_amount": "Infinity", "budget_year": "2027"}, "such as"),
        ({"status": "planned", "budget_amount": "lots", "budget_year": "2027"}, "such as"),
        ({"status": "planned", "budget_amount": "5000", "budget_year": "99999"}, "2000 to 2100"),
        ({"status": "planned", "budget_amount": "5000", "budget_year": "-1"}, "2000 to 2100"),
        ({"status": "planned", "budget_amount": "5000"}, "Give the budget year"),
        ({"status": "<script>alert(1)</script>"}, "Not a valid choice"),
        ({"status": "open"}, "Not a valid choice"),
        ({"status": "rejected"}, "Give the reason for rejecting."),
        ({"status": "not_competent"}, "Say whose competence it is."),
        ({"text_sq": "x" * 5001}, "5000"),
    ],
)
def test_bad_input_is_explained_and_kept(client, login, staff, priority, fields, message):
    login(staff)
    response = client.post(url(priority), data=form(**fields))
    assert response.status_code == 400
    body = page(response)
    assert message in body
    assert TEXTS["sr"] in body
    assert "<script>alert(1)</script>" not in response.get_data(as_text=True)
    assert answers() == 0


def test_a_planned_answer_shows_its_budget(client, login, staff, priority):
    login(staff)
    data = form(status="planned", budget_amount="125000.50", budget_year="2027")
    assert client.post(url(priority), data=data).status_code == 302
    entry = db.session.scalar(select(Response))
    assert (str(entry.budget_amount), entry.budget_year) == ("125000.50", 2027)


@pytest.mark.parametrize("who", ["other_staff", "admin", "moderator", "citizen", "author"])
def test_others_get_403(client, login, make_user, make_municipality, priority, author, who):
    users = {
        "other_staff": lambda: make_user(staff_of=[make_municipality("prizren")]),
        "admin": lambda: make_user(role=Role.ADMIN),
        "moderator": lambda: make_user(role=Role.MODERATOR),
        "citizen": lambda: make_user(),
        "author": lambda: author,
    }
    login(users[who]())
    assert client.get(url(priority)).status_code == 403
    assert client.post(url(priority), data=form()).status_code == 403
    assert answers() == 0


def test_visitors_are_sent_to_sign_in(client, priority):
    response = client.post(url(priority), data=form())
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_withdrawn_priority_cannot_be_answered(client, login, staff, priority):
    from civicapp.db import utcnow

    priority.withdrawn_at = utcnow()
    db.session.commit()
    login(staff)
    assert client.post(url(priority), data=form()).status_code == 403


def test_unknown_priority_is_404(client, login, staff):
    login(staff)
    assert client.get("/priorities/999999/answer").status_code == 404


def test_csrf_is_required(client, login, staff, priority):
    login(staff)
    assert client.post(url(priority), data=form(), csrf=False).status_code == 400
    assert answers() == 0
