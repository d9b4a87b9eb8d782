"""The public timeline on the priority page: who, when, status, text in the reader's language."""

import html
from decimal import Decimal

from civicapp.extensions import db
from civicapp.priorities.models import Status
from tests.helpers import count_statements
from tests.responses.conftest import TEXTS, make_due, texts_for


def show(client, priority, locale="en") -> str:
    client.set_cookie("civicapp_locale", locale, domain="civicapp.test")
    response = client.get(f"/priorities/{priority.id}")
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def test_timeline_shows_every_answer_with_who_and_what(client, staff, priority, answer):
    answer(staff, priority, Status.RECEIVED)
    answer(staff, priority, Status.PLANNED, budget_amount=Decimal("125000"), budget_year=2027)
    answer(staff, priority, Status.REJECTED, reason="The land belongs to the state.")
    body = show(client, priority)
    timeline = body.split('id="answers"')[1]
    assert timeline.index("Received") < timeline.index("Planned") < timeline.index("Rejected")
    assert "€125,000.00" in timeline and "(2027)" in timeline
    assert "The land belongs to the state." in timeline
    assert timeline.count("Blerim Hoxha, pristina en") == 3


def test_text_in_the_readers_language_first_and_serbian_in_their_script(
    client, staff, priority, answer
):
    answer(staff, priority, texts=texts_for(priority.municipality, sr="Opština čisti reku."))
    albanian = show(client, priority, "sq").split('id="answers"')[1]
    assert albanian.index(TEXTS["sq"]) < albanian.index("<details>")
    assert "Opština čisti reku." in albanian.split("<details>")[1]
    cyrillic = show(client, priority, "sr").split('id="answers"')[1]
    assert cyrillic.index("Општина чисти реку.") < cyrillic.index("<details>")
    latin = show(client, priority, "sr_Latn").split('id="answers"')[1]
    assert latin.index("Opština čisti reku.") < latin.index("<details>")
    english = show(client, priority, "en").split('id="answers"')[1]
    # No English text: the municipality's first official language first, labelled.
    assert english.index("Albanian") < english.index(TEXTS["sq"]) < english.index("<details>")


def test_supporters_see_the_rating_form_and_the_share(
    client, login, make_user, vote, staff, priority, answer
):
    answer(staff, priority, Status.IMPLEMENTED)
    supporters = [make_user() for _ in range(4)]
    for supporter in supporters:
        vote(supporter, priority)
    for supporter, value in zip(supporters[:3], ["yes", "yes", "no"], strict=True):
        login(supporter)
        client.post(f"/priorities/{priority.id}/satisfaction", data={"satisfied": value})
    body = show(client, priority)
    assert "3 supporters rated this answer: 67% satisfied." in body
    assert "You said: No. You can change it." in body
    login(supporters[3])
    assert "Did this answer satisfy you?" in show(client, priority)
    login(make_user())
    assert "Did this answer satisfy you?" not in show(client, priority)


def test_staff_see_the_answer_link_and_overdue_is_flagged(
    client, login, make_user, staff, priority
):
    make_due(priority, days_ago=45)
    body = show(client, priority)
    assert "Overdue: the municipality owed a first answer by" in body
    assert f"/priorities/{priority.id}/answer" not in body
    login(staff)
    assert f"/priorities/{priority.id}/answer" in show(client, priority)


def test_a_contest_is_shown_publicly(client, login, author, staff, priority, answer):
    answer(staff, priority, Status.IMPLEMENTED)
    login(author)
    assert "Contest the status" in show(client, priority)
    client.post(f"/priorities/{priority.id}/contest", data={"reason": "Nothing was done."})
    body = show(client, priority)
    assert "The author contested the implemented status on" in body
    assert "Nothing was done." in body


def test_the_timeline_takes_constant_queries(client, staff, priority, answer):
    answer(staff, priority)
    with count_statements() as few:
        show(client, priority)
    for status in (Status.UNDER_REVIEW, Status.ACCEPTED, Status.IN_PROGRESS) * 3:
        answer(staff, db.session.merge(priority), status)
    with count_statements() as many:
        show(client, priority)
    assert len(many) == len(few)
