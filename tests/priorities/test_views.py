"""Priority pages: propose, show, reference, edit, withdraw, support; hostile input is inert."""

import re

import pytest
from sqlalchemy import func, select

from civicapp.consultations.models import Phase
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Priority, Vote
from tests.conftest import make_test_app

FORM = {
    "title": "Lights on the school road",
    "body": "Children walk in the dark.",
    "sector": "infrastructure",
    "language": "en",
    "place": "Ulpiana",
}


def page(response) -> str:
    return response.get_data(as_text=True)


def only_priority() -> Priority:
    db.session.expire_all()
    return db.session.scalars(select(Priority)).one()


def vote_rows() -> int:
    return db.session.scalar(select(func.count()).select_from(Vote))


def test_visitors_are_sent_to_sign_in(client):
    response = client.get("/priorities/new")
    assert response.status_code == 302 and response.location.startswith("/auth/login")


def test_unverified_users_see_why_and_can_resend(client, login, make_user, make_municipality):
    make_municipality()
    login(make_user(verified=False))
    response = client.get("/priorities/new")
    assert response.status_code == 403
    assert "please confirm your e-mail address" in page(response)
    assert 'action="/auth/verify/resend"' in page(response)
    assert client.post("/priorities/new", data=FORM).status_code == 403


def test_form_preselects_municipality_and_language(client, login, make_user, make_municipality):
    home, other = make_municipality("pristina"), make_municipality("gracanica")
    login(make_user(home_municipality_id=home.id))
    form = page(client.get("/priorities/new"))
    assert f'<option selected value="{home.id}">' in form
    assert '<option selected value="en">' in form
    form = page(client.get("/priorities/new?municipality=gracanica"))
    assert f'<option selected value="{other.id}">' in form
    client.set_cookie("civicapp_locale", "sr_Latn", domain="civicapp.test")
    with client.session_transaction() as session:
        session.clear()
    login(make_user(locale="sr_Latn"))
    assert '<option selected value="sr">' in page(client.get("/priorities/new"))


def test_consultation_preselects_its_municipality(
    client, login, make_user, make_municipality, make_consultation
):
    make_municipality("pristina")
    town = make_municipality("gracanica")
    consultation = make_consultation(town, phase=Phase.PROPOSALS, title="Plan 2027")
    login(make_user())
    form = page(client.get(f"/priorities/new?consultation={consultation.id}"))
    assert f'<option selected value="{consultation.id}">' in form
    assert f'<option selected value="{town.id}">' in form
    assert client.get("/priorities/new?consultation=99999999999999999999").status_code == 200


def test_propose_publishes_and_shows_the_priority(client, login, make_user, make_municipality):
    town = make_municipality()
    login(make_user(display_name="Arta"))
    response = client.post("/priorities/new", data=FORM | {"municipality_id": town.id})
    priority = only_priority()
    assert response.status_code == 302
    assert response.location == f"/priorities/{priority.id}"
    shown = page(client.get(response.location))
    assert f"Your priority is published as {priority.reference}." in shown
    assert '<h1 lang="en">Lights on the school road</h1>' in shown
    assert "Arta" in shown and "Ulpiana" in shown and "Infrastructure" in shown
    assert "0 people support this priority." in shown
    assert "Support this priority" in shown


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"title": "Hi"}, "title", "Between 5 and 200 characters, please."),
        ({"title": "x" * 201}, "title", "Between 5 and 200 characters, please."),
        ({"body": "x" * 10_001}, "body", "At most 10000 characters, please."),
        ({"sector": "nonsense"}, "sector", "Not a valid choice."),
        ({"municipality_id": "abc"}, "municipality_id", "This field is required."),
        ({"municipality_id": "99999999999999999999"}, "municipality_id", "Not a valid choice."),
        ({"language": "de"}, "language", "Not a valid choice."),
        ({"consultation_id": "99999999999999999999"}, "consultation_id", "Not a valid choice."),
        ({"consultation_id": "-1"}, "consultation_id", "Not a valid choice."),
    ],
)
def test_invalid_proposals_keep_the_text_and_say_why(
    client, login, make_user, make_municipality, change, field, message
):
    town = make_municipality()
    login(make_user())
    response = client.post("/priorities/new", data=FORM | {"municipality_id": town.id} | change)
    assert response.status_code == 400
    assert re.search(rf'id="{field}-error">[^<]*{re.escape(message)}', page(response))
    kept = "Children walk in the dark." if field != "body" else "Lights on the school road"
    assert kept in page(response)
    assert db.session.scalar(select(func.count()).select_from(Priority)) == 0


@pytest.mark.parametrize(
    ("where", "phase", "message"),
    [
        ("other", Phase.PROPOSALS, "This consultation is not one of the chosen municipality."),
        ("same", Phase.VOTING, "This consultation does not take proposals at the moment."),
    ],
)
def test_a_wrong_consultation_is_refused_on_its_field(
    client, login, make_user, make_municipality, make_consultation, where, phase, message
):
    town, other = make_municipality("pristina"), make_municipality("prizren")
    consultation = make_consultation(other if where == "other" else town, phase=phase)
    login(make_user())
    data = FORM | {"municipality_id": town.id, "consultation_id": consultation.id}
    response = client.post("/priorities/new", data=data)
    assert response.status_code == 400
    assert f'id="consultation_id-error">{message}' in page(response)


def test_hostile_title_and_links_are_inert(client, login, make_user, make_municipality):
    town = make_municipality()
    login(make_user())
    hostile = {
        "title": "<script>alert(1)</script> road",
        "body": '[click](javascript:alert(1)) <a href="javascript:alert(2)">x</a> '
        "<img src=x onerror=alert(3)> [ok](https://example.org)",
        "place": "<b>Ulpiana</b>",
    }
    client.post("/priorities/new", data=FORM | {"municipality_id": town.id} | hostile)
    shown = page(client.get(f"/priorities/{only_priority().id}"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; road" in shown
    assert "<script>alert" not in shown and "<img" not in shown
    assert not re.search(r"<a [^>]*javascript", shown, re.IGNORECASE)
    assert "&lt;b&gt;Ulpiana&lt;/b&gt;" in shown
    assert 'href="https://example.org" rel="nofollow noopener ugc"' in shown


def test_nul_characters_are_refused_by_name(client, login, make_user, make_municipality):
    town = make_municipality()
    login(make_user())
    data = FORM | {"municipality_id": town.id, "title": "Lights\x00 on", "body": "Dark"}
    response = client.post("/priorities/new", data=data)
    assert response.status_code == 400
    assert "“title” contains a character that is not allowed." in response.text
    assert db.session.scalars(select(Priority)).first() is None
    for query in ("municipality=%00", "sector=%00", "page=%00"):
        assert client.get(f"/priorities/?{query}").status_code == 400


def test_reference_number_resolves(client, make_user, make_municipality, make_priority):
    priority = make_priority(make_municipality(), make_user())
    response = client.get(f"/priorities/{priority.reference}")
    assert response.status_code == 302 and response.location == f"/priorities/{priority.id}"
    assert client.get(f"/priorities/{priority.reference.lower()}").status_code == 302
    assert client.get("/priorities/PRI-2027-99999").status_code == 404
    assert client.get("/priorities/<script>").status_code == 404
    assert client.get("/priorities/99999999999999999999").status_code == 404


def test_serbian_content_in_the_readers_script(client, make_user, make_municipality, make_priority):
    priority = make_priority(
        make_municipality(),
        make_user(),
        title="Popravka puta u Gračanici",
        body="Put je **loš**, vidi https://example.org/put",
        place="Laplje Selo",
        language="sr",
    )
    client.set_cookie("civicapp_locale", "sr", domain="civicapp.test")
    shown = page(client.get(f"/priorities/{priority.id}"))
    assert '<h1 lang="sr-Cyrl">Поправка пута у Грачаници</h1>' in shown
    assert "Пут је <strong>лош</strong>" in shown and "https://example.org/put" in shown
    assert "Лапље Село" in shown
    client.set_cookie("civicapp_locale", "en", domain="civicapp.test")
    assert "Popravka puta u Gračanici" in page(client.get(f"/priorities/{priority.id}"))


def test_support_then_duplicate_then_withdraw(
    client, login, make_user, make_municipality, make_priority
):
    priority = make_priority(make_municipality(), make_user())
    login(make_user())
    url = f"/priorities/{priority.id}"
    first = client.post(f"{url}/support")
    assert first.status_code == 302 and first.location == url
    shown = page(client.get(url))
    assert "Thank you for your support." in shown and "1 person supports this priority." in shown
    assert "Withdraw my support" in shown
    again = client.post(f"{url}/support")
    assert again.status_code == 302
    assert "You already support this priority." in page(client.get(url))
    assert vote_rows() == 1 and only_priority().support_count == 1
    client.post(f"{url}/support/withdraw")
    assert "Your support is withdrawn." in page(client.get(url))
    assert vote_rows() == 0 and only_priority().support_count == 0
    client.post(f"{url}/support/withdraw")
    assert "You do not support this priority." in page(client.get(url))


def test_support_needs_csrf_and_a_verified_address(
    client, login, make_user, make_municipality, make_priority
):
    priority = make_priority(make_municipality(), make_user())
    login(make_user())
    assert client.post(f"/priorities/{priority.id}/support", csrf=False).status_code == 400
    with client.session_transaction() as session:
        session.clear()
    login(make_user(verified=False))
    assert "Confirm your e-mail address to support priorities." in page(
        client.get(f"/priorities/{priority.id}")
    )
    assert client.post(f"/priorities/{priority.id}/support").status_code == 403
    assert vote_rows() == 0


def test_status_overdue_and_deadline_are_shown(client, make_user, make_municipality, make_priority):
    from datetime import timedelta

    priority = make_priority(
        make_municipality(),
        make_user(),
        threshold_reached_at=utcnow() - timedelta(days=40),
        due_at=utcnow() - timedelta(days=10),
    )
    shown = page(client.get(f"/priorities/{priority.id}"))
    assert "Awaiting answer" in shown and "Overdue" in shown and "First answer due by" in shown


def test_author_edits_until_the_first_support(
    client, login, make_user, make_municipality, make_priority
):
    author = make_user()
    priority = make_priority(make_municipality(), author)
    login(author)
    url = f"/priorities/{priority.id}"
    assert "Clean the river banks in Sofalia" in page(client.get(f"{url}/edit"))
    short = client.post(f"{url}/edit", data=FORM | {"title": "abc"})
    assert short.status_code == 400 and "Children walk in the dark." in page(short)
    response = client.post(f"{url}/edit", data=FORM)
    assert response.status_code == 302
    assert "Your changes are saved." in page(client.get(url))
    assert only_priority().title == "Lights on the school road"
    client.post(f"{url}/support")
    assert "/edit" not in page(client.get(url))
    assert client.get(f"{url}/edit").status_code == 403
    assert client.post(f"{url}/edit", data=FORM | {"title": "Too late now"}).status_code == 403


def test_author_cannot_rewrite_a_priority_a_moderator_hid(
    client, login, make_user, make_municipality, make_priority
):
    author = make_user()
    priority = make_priority(make_municipality(), author, is_hidden=True)
    login(author)
    url = f"/priorities/{priority.id}"
    assert "/edit" not in page(client.get(url))
    assert client.get(f"{url}/edit").status_code == 403
    assert client.post(f"{url}/edit", data=FORM).status_code == 403
    assert only_priority().title == "Clean the river banks in Sofalia"


def test_author_withdraws_and_the_priority_stays_marked(
    client, login, make_user, make_municipality, make_priority
):
    author = make_user()
    priority = make_priority(make_municipality(), author)
    login(author)
    url = f"/priorities/{priority.id}"
    assert client.post(f"{url}/withdraw").status_code == 302
    shown = page(client.get(url))
    assert "Withdrawn by its author on" in shown and "Support this priority" not in shown
    assert "Voting on this priority is closed." in shown
    assert client.post(f"{url}/support").status_code == 403
    assert client.post(f"{url}/withdraw").status_code == 403


def test_hidden_priorities_are_for_moderators_and_the_author(
    client, login, make_user, make_municipality, make_priority
):
    from civicapp.accounts.models import Role

    author = make_user()
    priority = make_priority(make_municipality(), author, is_hidden=True)
    url = f"/priorities/{priority.id}"
    assert client.get(url).status_code == 404
    login(make_user(role=Role.MODERATOR))
    assert "hidden while moderators review it" in page(client.get(url))
    login(author)
    assert client.get(url).status_code == 200


def test_votes_are_rate_limited_per_user(
    database_url, tmp_path, make_user, make_municipality, make_priority
):
    limited = make_test_app(
        database_url, tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_VOTE="2 per minute"
    )
    priority = make_priority(make_municipality(), make_user())
    voter = make_user()
    client = limited.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = voter.get_id()
    url = f"/priorities/{priority.id}/support"
    statuses = [client.post(url).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
