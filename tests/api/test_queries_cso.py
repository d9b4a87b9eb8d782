"""Organisations, initiatives, donors and the portfolio: as many statements for 30 as for 3."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from civicapp.db import utcnow
from civicapp.donors.models import Donor, Programme
from civicapp.extensions import db
from civicapp.initiatives import models as i
from civicapp.initiatives.models import Endorsement, Event, EventKind, PriorityLink, Update
from civicapp.initiatives.services import SEARCH_KIND
from civicapp.organisations.models import Kind, Organisation, OrganisationSector, Status
from civicapp.search.services import index_document
from civicapp.sectors import Sector
from civicapp.uploads.models import Upload, UploadKind
from tests.api.test_queries import statements

URLS = [
    "/api/v1/organisations?per_page=100",
    "/api/v1/organisations?per_page=100&municipality=pristina&q=group",
    "/api/v1/organisations/{organisation}",
    "/api/v1/initiatives?per_page=100",
    "/api/v1/initiatives?per_page=100&municipality=pristina&q=plan&year=2026",
    "/api/v1/initiatives/{initiative}",
    "/api/v1/donors?per_page=100",
    "/api/v1/donors/{donor}",
    "/api/v1/portfolio?start_year=2020&end_year=2030",
]


class Grower:
    """Adds an organisation with a logo, a donor, and an initiative with all around it."""

    def __init__(self, make_municipality, make_user, make_priority):
        self.town = make_municipality("pristina")
        self.author = make_user()
        self.priority = make_priority(self.town, self.author)
        self.organisations, self.initiatives, self.donors = [], [], []

    def grow_to(self, size: int) -> None:
        while len(self.initiatives) < size:
            self._add(len(self.initiatives) + 1)
        db.session.commit()

    def _add(self, n: int) -> None:
        logo = Upload(
            stored_name=f"logo{n}.png",
            original_name="logo.png",
            content_type="image/png",
            size=10,
            sha256="0" * 64,
            kind=UploadKind.IMAGE,
            is_public=True,
            width=4,
            height=3,
        )
        organisation = Organisation(
            slug=f"group-{n}",
            name_en=f"Group {n}",
            search_text=f"group {n}",
            kind=Kind.INFORMAL_GROUP,
            status=Status.VERIFIED,
            verified_at=utcnow(),
            logo=logo,
            municipalities=[self.town],
            sector_rows=[OrganisationSector(sector=Sector.HEALTH)],
        )
        donor = Donor(name=f"Donor {n}", programmes=[Programme(name="Main")])
        db.session.add_all([organisation, donor])
        db.session.flush()
        index_document("organisation", organisation.id, organisation.search_text)
        self.organisations.append(organisation)
        self.donors.append(donor)
        self._initiative(n, organisation, donor)

    def _initiative(self, n: int, organisation, donor) -> None:
        initiative = i.Initiative(
            organisation=organisation,
            title=f"Plan {n}",
            summary="A plan.",
            language="en",
            status=i.Status.ONGOING,
            total_budget=Decimal("1000"),
            start_date=date(2026, 1, 1),
            end_date=date(2026, 12, 31),
            programme=donor.programmes[0],
            municipalities=[self.town],
            donors=[donor],
            sector_rows=[i.InitiativeSector(sector=Sector.HEALTH)],
            search_text=f"plan {n}",
        )
        on_platform = i.Partner(organisation=self.organisations[0])
        initiative.partners = [on_platform, i.Partner(name=f"Partner {n}", country="DE")]
        db.session.add(initiative)
        db.session.flush()
        initiative.funding_lines = self._lines(donor, on_platform)
        self._around(initiative)
        index_document(SEARCH_KIND, initiative.id, initiative.search_text)
        self.initiatives.append(initiative)

    def _lines(self, donor, partner) -> list:
        parties = [
            {"party": i.Party.DONOR, "donor": donor, "programme": donor.programmes[0]},
            {"party": i.Party.LEAD},
            {"party": i.Party.PARTNER, "partner": partner},
            {"party": i.Party.MUNICIPALITY, "municipality": self.town},
            {"party": i.Party.OTHER, "other_name": "Local businesses"},
        ]
        return [i.FundingLine(amount=Decimal("200"), **party) for party in parties]

    def _around(self, initiative) -> None:
        start = utcnow() + timedelta(days=3)
        db.session.add_all(
            [
                PriorityLink(initiative_id=initiative.id, priority_id=self.priority.id),
                Endorsement(
                    initiative_id=initiative.id,
                    municipality_id=self.town.id,
                    statement="We support it.",
                ),
                Update(
                    initiative_id=initiative.id,
                    title="News",
                    body="Started.",
                    language="en",
                    posted_on=date(2026, 2, 1),
                ),
                Event(
                    initiative_id=initiative.id,
                    kind=EventKind.MEETING,
                    title="Meeting",
                    starts_at=start,
                    ends_at=start,
                    place="Town hall",
                    language="en",
                ),
            ]
        )


@pytest.mark.parametrize("url", URLS)
def test_statements_do_not_grow_with_the_rows(
    client, make_municipality, make_user, make_priority, url
):
    grower = Grower(make_municipality, make_user, make_priority)
    grower.grow_to(3)
    url = url.format(
        organisation=grower.organisations[0].slug,
        initiative=grower.initiatives[0].id,
        donor=grower.donors[0].id,
    )
    few, small = statements(client, url)
    grower.grow_to(30)
    many, large = statements(client, url)
    if "per_page" in url or "portfolio" in url:
        assert large > small  # the lists did grow
    assert many == few, (few, many)
    assert few <= 13
