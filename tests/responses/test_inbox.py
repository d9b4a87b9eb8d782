"""The staff inbox: only their municipalities, what is due first, filters, constant queries."""

import html
import re

import pytest

from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Sector, Status
from tests.helpers import count_statements
from tests.responses.conftest import make_due

ROW_TITLE = re.compile(
    r'<td>\s*(?:<span[^>]*>[^<]*</span>\s*)?<a href="/priorities/\d+"[^>]*>([^<]+)'
)


def listed(client, **params) -> list[str]:
    response = client.get("/inbox", query_string=params)
    assert response.status_code == 200, response.status_code
    body = html.unescape(response.get_data(as_text=True))
    return re.findall(
        r'<td>\s*(?:<span[^>]*>[^<]*</span>\s*)?<a href="/priorities/\d+"[^>]*>([^<]+)', body
    )


@pytest.fixture
def inbox(make_priority, make_municipality, make_consultation, town, staff):
    other = make_municipality("prizren")
    plan = make_consultation(town)
    make_priority(other, title="Somebody else's priority")
    quiet = make_priority(town, title="Few supporters", support_count=3)
    popular = make_priority(town, title="Many supporters", support_count=40, consultation=plan)
    soon = make_due(make_priority(town, title="Due soon", support_count=60), days_ago=25)
    later = make_due(make_priority(town, title="Due later", support_count=70), days_ago=5)
    late = make_due(make_priority(town, title="Overdue", sector=Sector.HEALTH), days_ago=45)
    done = make_due(
        make_priority(town, title="Answered", status=Status.PLANNED),
        days_ago=50,
        first_answered_at=utcnow(),
        last_answered_at=utcnow(),
    )
    make_priority(town, title="Withdrawn", withdrawn_at=utcnow())
    return dict(quiet=quiet, popular=popular, soon=soon, later=later, late=late, done=done)


def test_inbox_orders_what_is_due_first(client, login, staff, inbox):
    login(staff)
    assert listed(client) == [
        "Overdue",
        "Due soon",
        "Due later",
        "Many supporters",
        "Few supporters",
        "Answered",
    ]


def test_inbox_filters(client, login, staff, inbox):
    login(staff)
    assert listed(client, overdue="1") == ["Overdue"]
    assert listed(client, status="planned") == ["Answered"]
    assert listed(client, sector="health") == ["Overdue"]
    plan_id = inbox["popular"].consultation_id
    assert listed(client, consultation=str(plan_id)) == ["Many supporters"]
    assert "Overdue" in html.unescape(client.get("/inbox").get_data(as_text=True))


@pytest.mark.parametrize(
    "params",
    [
        {"status": "<script>x</script>"},
        {"sector": "space"},
        {"consultation": "99999999999999999999"},
        {"municipality": "-1"},
    ],
)
def test_bad_filters_are_a_400_with_a_message(client, login, staff, inbox, params):
    login(staff)
    response = client.get("/inbox", query_string=params)
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert "<script>x" not in response.get_data(as_text=True)


@pytest.mark.parametrize("page", ["-5", "0", "abc", "99999999999999999999"])
def test_odd_page_numbers_get_the_400_of_every_list(client, login, staff, inbox, page):
    login(staff)
    response = client.get("/inbox", query_string={"page": page})
    assert response.status_code == 400
    assert "There is no such page." in response.get_data(as_text=True)


def test_a_page_beyond_the_last_is_empty(client, login, staff, inbox):
    login(staff)
    assert client.get("/inbox", query_string={"page": "500"}).status_code == 200


def test_another_municipalitys_staff_do_not_see_these(client, login, make_user, inbox):
    from sqlalchemy import select

    from civicapp.municipalities.models import Municipality

    prizren = db.session.scalar(select(Municipality).where(Municipality.slug == "prizren"))
    login(make_user(staff_of=[prizren]))
    assert listed(client) == ["Somebody else's priority"]
    response = client.get(
        "/inbox", query_string={"municipality": str(inbox["late"].municipality_id)}
    )
    assert response.status_code == 400


def test_staff_of_two_municipalities_filter_by_one(client, login, make_user, town, inbox):
    from sqlalchemy import select

    from civicapp.municipalities.models import Municipality

    prizren = db.session.scalar(select(Municipality).where(Municipality.slug == "prizren"))
    login(make_user(staff_of=[town, prizren]))
    assert "Somebody else's priority" in listed(client)
    assert listed(client, municipality=str(prizren.id)) == ["Somebody else's priority"]


def inbox_queries(client) -> int:
    with count_statements() as statements:
        assert client.get("/inbox").status_code == 200
    return len(statements)


def test_inbox_takes_constant_queries(
    client, login, make_user, make_municipality, make_priority, make_consultation
):
    towns = [make_municipality(f"m{n}") for n in range(3)]
    plans = [make_consultation(town) for town in towns]
    user = make_user(staff_of=towns)
    for town, plan in zip(towns, plans, strict=True):
        make_due(make_priority(town, consultation=plan), days_ago=40)
    login(user)
    small = inbox_queries(client)
    for town, plan in zip(towns, plans, strict=True):
        for n in range(15):
            make_due(make_priority(town, consultation=plan, support_count=n), days_ago=n)
    assert inbox_queries(client) == small
