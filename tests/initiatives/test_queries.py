"""The public list: filters, search, bad query strings, constant query count."""

from datetime import date

import pytest

from civicapp.initiatives.models import Status
from civicapp.organisations.models import Status as OrgStatus
from civicapp.sectors import Sector
from tests.helpers import count_statements


@pytest.fixture
def world(make_user, make_municipality, make_organisation, make_initiative, donor):
    town, other = make_municipality("pristina"), make_municipality("prizren")
    member = make_user()
    organisation = make_organisation(admin=member, name_en="Green Town")
    other_org = make_organisation(admin=member, name_en="Blue Town")
    made = {
        "river": make_initiative(
            organisation,
            member,
            [town],
            status=Status.PUBLISHED,
            title="Clean river banks",
            sectors=[Sector.ENVIRONMENT],
            donor_ids=[donor.id],
        ),
        "youth": make_initiative(
            other_org,
            member,
            [other],
            status=Status.ONGOING,
            title="Youth jobs",
            summary="Jobs.",
            start_date=date(2024, 1, 1),
            end_date=date(2024, 12, 31),
        ),
        "draft": make_initiative(organisation, member, [town], title="Secret draft"),
    }
    pending = make_organisation(admin=member, status=OrgStatus.PENDING)
    made["pending"] = make_initiative(
        pending, member, [town], status=Status.PUBLISHED, title="Unverified work"
    )
    return made, town, donor, organisation


def _titles(client, query=""):
    response = client.get(f"/initiatives/?{query}")
    assert response.status_code == 200
    page = response.data.decode()
    return {
        t
        for t in ("Clean river banks", "Youth jobs", "Secret draft", "Unverified work")
        if t in page
    }


def test_lists_only_public_initiatives(client, world):
    assert _titles(client) == {"Clean river banks", "Youth jobs"}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("municipality=prizren", {"Youth jobs"}),
        ("sector=environment", {"Clean river banks"}),
        ("status=ongoing", {"Youth jobs"}),
        ("year=2024", {"Youth jobs"}),
        ("year=2026", {"Clean river banks"}),
        ("q=RIVER", {"Clean river banks"}),
        ("q=blue", {"Youth jobs"}),
    ],
)
def test_filters(client, world, query, expected):
    assert _titles(client, query) == expected


def test_donor_and_organisation_filters(client, world):
    _made, _town, donor, organisation = world
    assert _titles(client, f"donor={donor.id}") == {"Clean river banks"}
    assert _titles(client, f"organisation={organisation.slug}") == {"Clean river banks"}


@pytest.mark.parametrize(
    "query, message",
    [
        ("year=99999999999999999999", b"Enter a year from 1990 to 2100."),
        ("year=-5", b"Enter a year from 1990 to 2100."),
        ("status=draft", b"Choose from the options shown."),
        ("sector=%3Cscript%3E", b"Choose from the options shown."),
        ("organisation=nobody", b"There is no organisation with this address."),
        ("page=-1", b"There is no such page."),
    ],
)
def test_bad_query_strings(client, world, query, message):
    response = client.get(f"/initiatives/?{query}")
    assert response.status_code == 400
    assert message in response.data


def test_constant_query_count(
    app, client, make_user, make_municipality, make_organisation, make_initiative, donor
):
    town = make_municipality()
    member = make_user()
    organisation = make_organisation(admin=member)

    made = []

    def queries_with(total):
        while len(made) < total:
            made.append(
                make_initiative(
                    organisation, member, [town], status=Status.PUBLISHED, donor_ids=[donor.id]
                )
            )
        with count_statements() as statements:
            assert client.get("/initiatives/").status_code == 200
        return len(statements)

    assert queries_with(3) == queries_with(30)
