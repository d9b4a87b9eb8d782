"""Municipality settings: platform admins set deadline, threshold and languages; staff read them."""

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import select

from civicapp.accounts.models import Role
from civicapp.audit.models import AuditEvent
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.municipalities.models import Country
from civicapp.municipalities.policies import (
    can_change_municipality_settings,
    can_view_municipality_settings,
)
from civicapp.municipalities.services import MunicipalitySettings, change_municipality_settings

URL = "/municipalities/presevo/settings"
VALID = {"response_days": "21", "support_threshold": "75", "official_languages": ["sr", "sq", "tr"]}


@pytest.fixture
def town(make_municipality):
    return make_municipality("presevo", country=Country.SERBIA, official_languages="sr,sq")


def text(response) -> str:
    return response.get_data(as_text=True)


def audit_events() -> list[AuditEvent]:
    stmt = select(AuditEvent).where(AuditEvent.action == "municipality.settings_changed")
    return list(db.session.scalars(stmt))


@pytest.fixture
def people(make_user, make_municipality, town):
    other = make_municipality("bujanovac")
    return {
        "anonymous": AnonymousUserMixin(),
        "citizen": make_user(),
        "staff": make_user(staff_of=[town]),
        "other_staff": make_user(staff_of=[other]),
        "moderator": make_user(role=Role.MODERATOR),
        "admin": make_user(role=Role.ADMIN),
    }


@pytest.mark.parametrize(
    "role", ["anonymous", "citizen", "staff", "other_staff", "moderator", "admin"]
)
def test_who_sees_and_who_changes_the_settings(people, town, role):
    assert can_view_municipality_settings(people[role], town) is (role in ("staff", "admin"))
    assert can_change_municipality_settings(people[role], town) is (role == "admin")


def test_admin_changes_settings_and_the_change_is_logged(client, login, people, town):
    login(people["admin"])
    response = client.post(URL, data=VALID)
    assert response.status_code == 302 and response.headers["Location"] == URL
    assert "The settings are saved." in text(client.get(URL))
    db.session.refresh(town)
    assert (town.response_days, town.support_threshold) == (21, 75)
    assert town.official_languages == "sr,sq,tr"  # the existing order is kept, Turkish added
    [event] = audit_events()
    assert event.actor_id == people["admin"].id and event.subject == "municipality:presevo"
    assert event.details == {
        "response_days": [30, 21],
        "support_threshold": [50, 75],
        "official_languages": ["sr,sq", "sr,sq,tr"],
    }


def test_staff_see_the_settings_read_only_and_cannot_change_them(client, login, people, town):
    login(people["staff"])
    page = text(client.get(URL))
    assert "30 days" in page and "50 supports" in page and "Serbian, Albanian" in page
    assert 'name="response_days"' not in page
    assert "Only platform administrators change these settings" in page
    assert client.post(URL, data=VALID | {"response_days": "365"}).status_code == 403
    db.session.refresh(town)
    assert town.response_days == 30 and audit_events() == []


@pytest.mark.parametrize(
    "role, status", [("citizen", 403), ("other_staff", 403), ("anonymous", 302)]
)
def test_others_cannot_see_the_settings(client, login, people, role, status):
    if role != "anonymous":
        login(people[role])
    assert client.get(URL).status_code == status


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"response_days": "0"}, "Enter a whole number from 1 to 365."),
        ({"response_days": "366"}, "Enter a whole number from 1 to 365."),
        ({"response_days": "-5"}, "Enter a whole number from 1 to 365."),
        ({"response_days": str(10**12)}, "Enter a whole number from 1 to 365."),
        ({"response_days": "<script>"}, "Enter a whole number from 1 to 365."),
        ({"support_threshold": "100001"}, "Enter a whole number from 1 to 100000."),
        ({"official_languages": []}, "Choose at least one official language."),
        ({"official_languages": ["sq", "xx"]}, "Choose from the options shown."),
    ],
)
def test_bad_settings_are_refused_and_the_form_keeps_them(
    client, login, people, town, changes, message
):
    login(people["admin"])
    data = VALID | changes
    response = client.post(URL, data=data)
    page = text(response)
    assert response.status_code == 400
    assert page.count(message) == 1
    if "response_days" in changes and changes["response_days"] != "<script>":
        assert f'value="{changes["response_days"]}"' in page
    assert "<script>" not in page
    db.session.refresh(town)
    assert (town.response_days, town.official_languages) == (30, "sr,sq")
    assert audit_events() == []


def test_service_checks_ranges_and_logs_nothing_when_nothing_changes(people, town):
    admin = people["admin"]
    same = MunicipalitySettings(30, 50, ["sq", "sr"])
    assert change_municipality_settings(admin, town, same) == {}
    assert audit_events() == [] and town.official_languages == "sr,sq"
    with pytest.raises(DomainError) as refused:
        change_municipality_settings(admin, town, MunicipalitySettings(0, 50, ["sq"]))
    assert refused.value.field == "response_days"
    with pytest.raises(DomainError) as refused:
        change_municipality_settings(admin, town, MunicipalitySettings(30, 50, []))
    assert refused.value.field == "official_languages"


def test_public_page_shows_response_time_and_official_languages(client, town):
    town.response_days = 21
    db.session.commit()
    page = text(client.get("/municipalities/presevo"))
    assert "21 days" in page and "Serbian, Albanian" in page
    assert URL not in page  # visitors get no link to the settings
