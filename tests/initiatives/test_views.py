"""Initiative pages: status, message, database effect; hostile input."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.initiatives import timeline
from civicapp.initiatives.models import (
    Endorsement,
    Event,
    EventKind,
    Initiative,
    PriorityLink,
    Status,
)
from civicapp.organisations.models import Status as OrgStatus


@pytest.fixture
def setting(make_user, make_municipality, make_organisation):
    town = make_municipality()
    member = make_user()
    organisation = make_organisation(admin=member, municipalities=[town], name_en="Green Town")
    return member, organisation, town


def _form(organisation, town, **changes):
    return {
        "organisation_id": organisation.id,
        "title": "Trees for Prishtina",
        "summary": "We plant trees.",
        "language": "en",
        "municipality_ids": [town.id],
        "total_budget": "12000.50",
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
    } | changes


def test_member_creates_a_draft(client, login, setting):
    member, organisation, town = setting
    login(member)
    response = client.post(
        "/initiatives/new", data=_form(organisation, town), follow_redirects=True
    )
    assert response.status_code == 200
    assert b"saved as a draft" in response.data
    initiative = db.session.scalar(select(Initiative))
    assert initiative.status == Status.DRAFT
    assert initiative.total_budget == Decimal("12000.50")
    assert [m.id for m in initiative.municipalities] == [town.id]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"total_budget": "-5"}, b"Enter an amount in EUR from 0"),
        ({"total_budget": "1e20"}, b"Enter an amount in EUR from 0"),
        ({"total_budget": "lots"}, b"Enter an amount in EUR from 0"),
        ({"end_date": "2025-01-01"}, b"The end date cannot be before the start date."),
        ({"summary": "x" * 501}, b"Use at most 500 characters."),
        ({"language": "xx"}, b"Choose from the options shown."),
    ],
)
def test_bad_input_is_refused_and_kept(client, login, setting, changes, message):
    member, organisation, town = setting
    login(member)
    response = client.post("/initiatives/new", data=_form(organisation, town, **changes))
    assert response.status_code == 400
    assert message in response.data
    assert b"Trees for Prishtina" in response.data  # what was typed stays
    assert db.session.scalar(select(Initiative)) is None


def test_member_of_another_organisation_cannot_create_for_this_one(
    client, login, setting, make_user, make_organisation
):
    member, organisation, town = setting
    outsider = make_user()
    make_organisation(admin=outsider)
    login(outsider)
    response = client.post("/initiatives/new", data=_form(organisation, town))
    assert response.status_code == 400
    assert db.session.scalar(select(Initiative)) is None


def test_script_in_title_is_escaped_and_javascript_links_stripped(client, setting, make_initiative):
    member, organisation, town = setting
    initiative = make_initiative(
        organisation,
        member,
        [town],
        status=Status.PUBLISHED,
        title="<script>alert(1)</script>",
        description='[click](javascript:alert(2)) <a href="javascript:alert(3)">x</a>',
    )
    page = client.get(f"/initiatives/{initiative.id}").data
    assert b"<script>alert(1)" not in page
    assert b"&lt;script&gt;alert(1)" in page
    assert b'<a href="javascript:' not in page
    assert b"&lt;a href" in page


def test_draft_hidden_from_others_and_publishing_needs_verification(
    client, login, make_user, make_municipality, make_organisation, make_initiative
):
    member = make_user()
    organisation = make_organisation(admin=member, status=OrgStatus.PENDING)
    initiative = make_initiative(organisation, member, [make_municipality()])
    login(make_user())
    assert client.get(f"/initiatives/{initiative.id}").status_code == 403
    login(member)
    assert client.get(f"/initiatives/{initiative.id}").status_code == 200
    response = client.post(f"/initiatives/{initiative.id}/status", data={"status": "published"})
    assert response.status_code == 403
    db.session.refresh(initiative)
    assert initiative.status == Status.DRAFT


def test_publish_then_complete(client, login, setting, make_initiative):
    member, organisation, town = setting
    initiative = make_initiative(organisation, member, [town])
    login(member)
    response = client.post(
        f"/initiatives/{initiative.id}/status", data={"status": "published"}, follow_redirects=True
    )
    assert b"The status is now" in response.data
    response = client.post(f"/initiatives/{initiative.id}/status", data={"status": "draft"})
    assert response.status_code == 400
    db.session.refresh(initiative)
    assert initiative.status == Status.PUBLISHED


def test_suspended_organisation_initiative_stays_visible_marked(client, setting, make_initiative):
    member, organisation, town = setting
    initiative = make_initiative(organisation, member, [town], status=Status.PUBLISHED)
    organisation.status = OrgStatus.SUSPENDED
    db.session.commit()
    response = client.get(f"/initiatives/{initiative.id}")
    assert response.status_code == 200
    assert b"The lead organisation is suspended" in response.data


def test_funding_lines_and_partner_abroad(client, login, setting, make_initiative):
    member, organisation, town = setting
    initiative = make_initiative(organisation, member, [town], status=Status.PUBLISHED)
    login(member)
    client.post(
        f"/initiatives/{initiative.id}/partners",
        data={"name": "Stadt Ludwigsburg", "country": "de", "city": "Ludwigsburg"},
    )
    client.post(
        f"/initiatives/{initiative.id}/funding",
        data={"party": f"municipality:{town.id}", "amount": "10000"},
    )
    response = client.post(
        f"/initiatives/{initiative.id}/funding", data={"party": "lead", "amount": "-3"}
    )
    assert response.status_code == 400
    assert b"Enter an amount in EUR above 0" in response.data
    page = client.get(f"/initiatives/{initiative.id}").data.decode()
    assert "Stadt Ludwigsburg (Ludwigsburg, DE)" in page
    assert "The funding lines add up to 10,000 EUR, not to the total budget of 50,000 EUR." in page


def test_link_priority_by_reference_shows_on_priority_page(
    client, login, setting, make_initiative, make_priority
):
    member, organisation, town = setting
    initiative = make_initiative(organisation, member, [town], status=Status.PUBLISHED)
    priority = make_priority(town, member)
    login(member)
    response = client.post(
        f"/initiatives/{initiative.id}/priorities", data={"reference": priority.reference.lower()}
    )
    assert response.status_code == 302
    assert db.session.scalar(select(PriorityLink.priority_id)) == priority.id
    again = client.post(
        f"/initiatives/{initiative.id}/priorities", data={"reference": priority.reference}
    )
    assert again.status_code == 400
    assert b"already linked" in again.data
    unknown = client.post(
        f"/initiatives/{initiative.id}/priorities", data={"reference": "PRI-2026-99999"}
    )
    assert b"There is no priority with this reference number." in unknown.data
    page = client.get(f"/priorities/{priority.id}").data
    assert b"Initiatives working on this priority" in page
    assert b"Clean rivers of Prishtina" in page


def test_staff_endorse_once_other_staff_cannot(
    client, login, setting, make_initiative, make_user, make_municipality
):
    member, organisation, town = setting
    initiative = make_initiative(organisation, member, [town], status=Status.PUBLISHED)
    url = f"/initiatives/{initiative.id}/endorse"
    login(make_user(staff_of=[make_municipality("prizren")]))
    assert (
        client.post(url, data={"municipality_id": town.id, "statement": "Yes"}).status_code == 403
    )
    login(make_user(staff_of=[town]))
    long = client.post(url, data={"municipality_id": town.id, "statement": "x" * 501})
    assert long.status_code == 400
    response = client.post(
        url, data={"municipality_id": town.id, "statement": "We back it."}, follow_redirects=True
    )
    assert b"We back it." in response.data
    assert db.session.scalar(select(Endorsement.statement)) == "We back it."
    assert (
        client.post(url, data={"municipality_id": town.id, "statement": "Again"}).status_code == 403
    )


def test_updates_newest_first_and_events_upcoming_then_past(
    client, login, setting, make_initiative
):
    member, organisation, town = setting
    initiative = make_initiative(organisation, member, [town], status=Status.PUBLISHED)
    login(member)
    for title, day in (("First news", "2026-01-05"), ("Latest news", "2026-03-05")):
        client.post(
            f"/initiatives/{initiative.id}/updates/new",
            data={"title": title, "posted_on": day, "body": "Text"},
        )
    response = client.post(
        f"/initiatives/{initiative.id}/events/new",
        data={
            "kind": "workshop",
            "title": "Future workshop",
            "starts_at": "2099-05-01T10:00",
            "ends_at": "2099-05-01T12:00",
            "place": "Library",
        },
    )
    assert response.status_code == 302
    before = utcnow() - timedelta(days=30)
    timeline.save_event(
        member,
        initiative,
        None,
        timeline.EventDraft(
            EventKind.MEETING, "Old meeting", before, before, online_url="https://meet.example.org"
        ),
    )
    page = client.get(f"/initiatives/{initiative.id}").data.decode()
    assert page.index("Latest news") < page.index("First news")
    assert page.index("Future workshop") < page.index("Old meeting")
    event = db.session.scalar(select(Event).where(Event.title == "Future workshop"))
    assert event.starts_at.hour == 8  # 10:00 in Belgrade in summer is 08:00 UTC
    assert "10:00" in page


@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://example.org", "data:text/html,x"])
def test_event_link_must_be_http(client, login, setting, make_initiative, link):
    member, organisation, town = setting
    initiative = make_initiative(organisation, member, [town])
    login(member)
    response = client.post(
        f"/initiatives/{initiative.id}/events/new",
        data={
            "kind": "seminar",
            "title": "Seminar",
            "starts_at": "2099-05-01T10:00",
            "ends_at": "2099-05-01T12:00",
            "online_url": link,
        },
    )
    assert response.status_code == 400
    assert b"Enter a web address that starts with http://" in response.data
    assert db.session.scalar(select(Event)) is None


def test_event_end_before_start(client, login, setting, make_initiative):
    member, organisation, town = setting
    initiative = make_initiative(organisation, member, [town])
    login(member)
    response = client.post(
        f"/initiatives/{initiative.id}/events/new",
        data={
            "kind": "seminar",
            "title": "Seminar",
            "starts_at": "2099-05-01T10:00",
            "ends_at": "2099-05-01T08:00",
            "place": "Hall",
        },
    )
    assert response.status_code == 400
    assert b"The end cannot be before the start." in response.data


def test_other_organisation_member_gets_403_everywhere(
    client, login, setting, make_initiative, make_user, make_organisation
):
    member, organisation, town = setting
    initiative = make_initiative(organisation, member, [town], status=Status.PUBLISHED)
    outsider = make_user()
    make_organisation(admin=outsider)
    login(outsider)
    base = f"/initiatives/{initiative.id}"
    for url in ("/edit", "/manage", "/updates/new", "/events/new"):
        assert client.get(base + url).status_code == 403
    assert client.post(base + "/status", data={"status": "ongoing"}).status_code == 403
    assert client.post(base + "/funding", data={"party": "lead", "amount": "5"}).status_code == 403


def test_serbian_content_in_reader_script(client, setting, make_initiative):
    member, organisation, town = setting
    initiative = make_initiative(
        organisation,
        member,
        [town],
        status=Status.PUBLISHED,
        language="sr",
        title="Čista reka",
        description="Sadnja drveća",
    )
    client.set_cookie("civicapp_locale", "sr", domain="civicapp.test")
    page = client.get(f"/initiatives/{initiative.id}").data.decode()
    assert "Чиста река" in page
    assert "Садња дрвећа" in page
