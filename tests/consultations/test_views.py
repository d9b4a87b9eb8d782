"""Consultation pages as staff and citizens use them: forms, phases, adoption, public pages."""

import re

import pytest
from flask_babel import to_user_timezone
from sqlalchemy import func, select

from civicapp.consultations.models import Consultation, Phase
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Priority, Status

FORM = {
    "title": "Prioritetet e investimeve kapitale 2027",
    "description": "Cilat rrugë dhe shkolla **së pari**?",
    "language": "sq",
    "support_threshold": "120",
}


@pytest.fixture
def town(make_municipality):
    return make_municipality("pristina", name_en="Prishtina", name_sr_latn="Priština")


@pytest.fixture
def staff(make_user, town, login):
    user = make_user(staff_of=[town])
    login(user)
    return user


def text(response) -> str:
    return response.get_data(as_text=True)


def count_consultations() -> int:
    return db.session.scalar(select(func.count()).select_from(Consultation))


def test_staff_open_a_consultation(client, town, staff):
    response = client.post("/consultations/new?municipality=pristina", data=FORM)
    [consultation] = db.session.scalars(select(Consultation)).all()
    assert response.status_code == 302
    assert response.headers["Location"] == f"/consultations/{consultation.id}"
    assert consultation.phase == Phase.PROPOSALS and consultation.support_threshold == 120
    page = text(client.get(response.headers["Location"]))
    assert "The consultation is open for proposals." in page
    assert "<strong>së pari</strong>" in page


@pytest.mark.parametrize(
    "threshold", ["-5", "0", "100001", str(10**12), "abc", "", "9" * 5000, "<script>"]
)
def test_bad_threshold_is_refused_and_the_form_keeps_what_was_typed(client, town, staff, threshold):
    response = client.post(
        "/consultations/new?municipality=pristina", data=FORM | {"support_threshold": threshold}
    )
    page = text(response)
    assert response.status_code == 400
    assert page.count("Enter a whole number from 1 to 100000.") == 1
    assert 'value="Prioritetet e investimeve kapitale 2027"' in page
    assert "<script>" not in page
    assert count_consultations() == 0


def test_bad_language_and_empty_title_are_refused(client, town, staff):
    data = FORM | {"language": "<script>", "title": ""}
    response = client.post("/consultations/new?municipality=pristina", data=data)
    page = text(response)
    assert response.status_code == 400
    assert "Choose from the options shown." in page and "This field is required." in page
    assert count_consultations() == 0


def test_opening_needs_a_municipality_the_user_works_for(client, town, staff, make_municipality):
    make_municipality("prizren")
    missing = client.get("/consultations/new")
    assert missing.status_code == 400
    assert "Open a consultation from the page of its municipality." in text(missing)
    assert client.get("/consultations/new?municipality=<script>").status_code == 400
    refused = client.post("/consultations/new?municipality=prizren", data=FORM)
    assert refused.status_code == 403 and count_consultations() == 0


def test_citizens_cannot_open_and_visitors_are_asked_to_sign_in(client, town, make_user, login):
    assert client.get("/consultations/new?municipality=pristina").status_code == 302
    login(make_user())
    assert client.post("/consultations/new?municipality=pristina", data=FORM).status_code == 403
    assert count_consultations() == 0


def test_staff_edit_until_adopted(client, town, staff, make_consultation):
    consultation = make_consultation(town, phase=Phase.CLOSED)
    url = f"/consultations/{consultation.id}/edit"
    assert 'value="Capital investment priorities 2027"' in text(client.get(url))
    response = client.post(url, data=FORM | {"title": "Investimet 2027"})
    assert response.status_code == 302
    db.session.refresh(consultation)
    assert consultation.title == "Investimet 2027"
    assert "The consultation is saved." in text(client.get(response.headers["Location"]))
    consultation.phase = Phase.ADOPTED
    db.session.commit()
    assert client.get(url).status_code == 403
    assert client.post(url, data=FORM).status_code == 403


def test_staff_move_the_phases_forward(client, town, staff, make_consultation):
    consultation = make_consultation(town, phase=Phase.PROPOSALS)
    url = f"/consultations/{consultation.id}/advance"
    page = text(client.get(f"/consultations/{consultation.id}"))
    assert 'name="phase" value="voting"' in page and "Open voting" in page
    response = client.post(url, data={"phase": "voting"})
    assert response.status_code == 302
    assert "The consultation is now: Voting." in text(client.get(response.headers["Location"]))
    db.session.refresh(consultation)
    assert consultation.phase == Phase.VOTING
    twice = client.post(url, data={"phase": "voting"}, follow_redirects=True)
    assert "A consultation moves one phase forward at a time." in text(twice)
    db.session.refresh(consultation)
    assert consultation.phase == Phase.VOTING


@pytest.mark.parametrize("phase", ["<script>alert(1)</script>", "", "adopted", "proposals"])
def test_advance_refuses_unknown_and_illegal_phases(client, town, staff, make_consultation, phase):
    consultation = make_consultation(town, phase=Phase.VOTING)
    response = client.post(f"/consultations/{consultation.id}/advance", data={"phase": phase})
    if phase in ("adopted", "proposals"):
        assert response.status_code == 302  # a rule of the domain: flashed on the page
    else:
        assert response.status_code == 400
        assert "This phase does not exist." in text(response)
        assert "<script>alert" not in text(response)
    db.session.refresh(consultation)
    assert consultation.phase == Phase.VOTING


def test_other_staff_cannot_advance(
    client, town, make_user, make_municipality, login, make_consultation
):
    consultation = make_consultation(town, phase=Phase.PROPOSALS)
    login(make_user(staff_of=[make_municipality("prizren")]))
    response = client.post(f"/consultations/{consultation.id}/advance", data={"phase": "voting"})
    assert response.status_code == 403
    db.session.refresh(consultation)
    assert consultation.phase == Phase.PROPOSALS


def today() -> str:
    return to_user_timezone(utcnow()).date().isoformat()


@pytest.fixture
def closed_with_priorities(town, make_consultation, make_priority):
    consultation = make_consultation(town, phase=Phase.CLOSED)
    made = {
        n: make_priority(town, consultation=consultation, title=f"Priority {n}", support_count=n)
        for n in (5, 70, 30)
    }
    return consultation, made


def test_adoption_records_the_decision_and_shows_the_plan_first(
    client, town, staff, closed_with_priorities
):
    consultation, made = closed_with_priorities
    url = f"/consultations/{consultation.id}/adopt"
    form_page = text(client.get(url))
    order = [form_page.index(f"Priority {n} (") for n in (70, 30, 5)]
    assert order == sorted(order), "the checkboxes list priorities by support"
    assert "Priority 70 (70 supports)" in form_page
    data = {
        "decision_reference": "01 Nr. 016-12345",
        "decision_date": today(),
        "priority_ids": [made[5].id, made[30].id],
    }
    response = client.post(url, data=data)
    assert response.status_code == 302
    db.session.expire_all()
    assert consultation.phase == Phase.ADOPTED
    assert [made[n].adopted_in_plan for n in (5, 30, 70)] == [True, True, False]
    page = text(client.get(f"/consultations/{consultation.id}"))
    assert "The adoption of the plan is recorded." in page
    assert re.search(r"decision</dt><dd>01 Nr. 016-12345</dd>", page)
    listed = [page.index(f"Priority {n}<") for n in (30, 5, 70)]
    assert listed == sorted(listed), "adopted priorities first, then the others"
    assert page.count("In the plan") == 2


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"priority_ids": ["foreign"]}, "Choose from the options shown."),
        ({"priority_ids": ["not-a-number"]}, "Choose from the options shown."),
        ({"decision_date": "2999-01-01"}, "The decision date cannot be in the future."),
        ({"decision_date": "2000-01-01"}, "The decision cannot be older than the consultation"),
        ({"decision_date": "31/31/2027"}, "Enter a date such as 2027-03-31."),
        ({"decision_reference": ""}, "This field is required."),
    ],
)
def test_adoption_refuses_bad_input(
    client,
    town,
    staff,
    closed_with_priorities,
    make_consultation,
    make_priority,
    changes,
    message,
):
    consultation, made = closed_with_priorities
    other = make_consultation(town, phase=Phase.CLOSED)
    foreign = make_priority(town, consultation=other, title="Foreign priority")
    data = {
        "decision_reference": "01 Nr. 016-12345",
        "decision_date": today(),
        "priority_ids": [made[70].id],
    } | changes
    if changes.get("priority_ids") == ["foreign"]:
        data["priority_ids"] = [made[70].id, foreign.id]
    response = client.post(f"/consultations/{consultation.id}/adopt", data=data)
    assert response.status_code == 400
    assert message in text(response)
    assert f'value="{data["decision_reference"]}"' in text(response)
    db.session.expire_all()
    assert consultation.phase == Phase.CLOSED
    adopted = db.session.scalar(select(func.count()).where(Priority.adopted_in_plan.is_(True)))
    assert adopted == 0


def test_adoption_needs_a_closed_consultation(client, town, staff, make_consultation):
    consultation = make_consultation(town, phase=Phase.VOTING)
    assert client.get(f"/consultations/{consultation.id}/adopt").status_code == 403


def test_public_page_shows_phase_threshold_and_priorities_by_support(
    client, town, make_consultation, make_priority, make_user
):
    consultation = make_consultation(town, phase=Phase.PROPOSALS, support_threshold=1)
    make_priority(town, consultation=consultation, title="Fewer", support_count=1)
    make_priority(
        town, consultation=consultation, title="More", support_count=2, status=Status.PLANNED
    )
    make_priority(town, consultation=consultation, title="Hidden one", is_hidden=True)
    page = text(client.get(f"/consultations/{consultation.id}"))
    assert "Proposals open" in page and "can propose priorities" in page
    assert "1 support<" in page and "2 supports" in page
    assert page.index(">More<") < page.index(">Fewer<")
    assert "Planned" in page and "Awaiting answer" in page
    assert "Hidden one" not in page
    assert f"/priorities/new?consultation={consultation.id}" in page
    consultation.phase = Phase.VOTING
    db.session.commit()
    voting = text(client.get(f"/consultations/{consultation.id}"))
    assert "priorities/new" not in voting and "can support the priorities" in voting


def test_public_page_paginates_and_refuses_bad_pages(
    client, town, make_consultation, make_priority
):
    consultation = make_consultation(town)
    for n in range(25):
        make_priority(town, consultation=consultation, title=f"P{n:02d}", support_count=n)
    url = f"/consultations/{consultation.id}"
    first, second = text(client.get(url)), text(client.get(url + "?page=2"))
    assert ">P24<" in first and ">P05<" in first and ">P04<" not in first
    assert ">P04<" in second and ">P00<" in second and "Page 2 of 2" in second
    for page in ("-5", "0", "abc", str(10**12), "<script>"):
        response = client.get(url, query_string={"page": page})
        assert response.status_code == 400, page
        assert "There is no such page." in text(response)
    assert client.get("/consultations/99999999999999999999").status_code == 404
    assert client.get("/consultations/424242").status_code == 404


def test_serbian_consultation_in_the_reader_script(client, town, make_consultation):
    consultation = make_consultation(
        town,
        title="Lokalni plan zaštite životne sredine 2027",
        description="Predložite **prioritete** za čist vazduh.",
        language="sr",
    )
    client.set_cookie("civicapp_locale", "sr", domain="civicapp.test")
    page = text(client.get(f"/consultations/{consultation.id}"))
    assert "Локални план заштите животне средине 2027" in page
    assert "Предложите <strong>приоритете</strong> за чист ваздух." in page
    client.set_cookie("civicapp_locale", "sr_Latn", domain="civicapp.test")
    assert "Predložite <strong>prioritete</strong>" in text(
        client.get(f"/consultations/{consultation.id}")
    )


def test_list_filters_by_municipality_and_phase(client, town, make_municipality, make_consultation):
    other = make_municipality("gracanica", name_en="Gracanica")
    make_consultation(town, title="Pristina voting", phase=Phase.VOTING)
    make_consultation(town, title="Pristina adopted", phase=Phase.ADOPTED)
    make_consultation(other, title="Gracanica voting", phase=Phase.VOTING)
    everything = text(client.get("/consultations/"))
    assert all(t in everything for t in ("Pristina voting", "Pristina adopted", "Gracanica voting"))
    assert "3 consultations" in everything
    only = text(client.get("/consultations/?municipality=pristina&phase=voting"))
    assert "Pristina voting" in only
    assert "Pristina adopted" not in only and "Gracanica voting" not in only
    assert "Prishtina" in only  # the municipality's name in the reader's language


@pytest.mark.parametrize(
    "query", ["phase=<script>alert(1)</script>", "municipality=nowhere", "phase=opened"]
)
def test_list_refuses_unknown_filters(client, town, query):
    response = client.get(f"/consultations/?{query}")
    assert response.status_code == 400
    assert "Choose from the options shown." in text(response)
    assert "<script>alert" not in text(response)


def test_municipality_page_lists_current_consultations(client, town, make_consultation, staff):
    make_consultation(town, title="Still running", phase=Phase.VOTING)
    make_consultation(town, title="Long adopted", phase=Phase.ADOPTED)
    page = text(client.get("/municipalities/pristina"))
    section = page[page.index('id="consultations-heading"') :]
    assert "Still running" in section and "Long adopted" not in section
    assert "/consultations/new?municipality=pristina" in section
    assert re.search(r"Response time</dt>\s*<dd>30 days", page)
