"""Portfolio fixtures: a small world of initiatives with known budgets, splits and funding."""

from datetime import date
from decimal import Decimal

import pytest

from civicapp.donors.models import Donor
from civicapp.extensions import db
from civicapp.initiatives.models import FundingLine, Party, Status
from civicapp.municipalities.models import Country
from civicapp.organisations.models import Status as OrgStatus
from civicapp.sectors import Sector

IN_2024 = dict(start_date=date(2024, 1, 1), end_date=date(2024, 12, 31))


def fund(initiative, donor, amount: str) -> None:
    initiative.funding_lines.append(
        FundingLine(party=Party.DONOR, donor_id=donor.id, amount=Decimal(amount))
    )
    db.session.commit()


@pytest.fixture
def world(make_user, make_municipality, make_organisation, make_initiative):
    """Counted: river (3 towns, 2 sectors, 2 donors) and school (1 town, no sector, no donor)."""
    towns = {
        "pristina": make_municipality("pristina"),
        "prizren": make_municipality("prizren"),
        "tirana": make_municipality("tirana", country=Country.ALBANIA),
    }
    member = make_user()
    organisation = make_organisation(admin=member)
    sida, usaid = Donor(name="Sida"), Donor(name="USAID")
    db.session.add_all([sida, usaid])
    db.session.commit()

    def make(places, status=Status.PUBLISHED, **fields):
        return make_initiative(
            organisation, member, [towns[p] for p in places], status=status, **IN_2024 | fields
        )

    river = make(
        ["pristina", "prizren", "tirana"],
        title="Clean rivers",
        total_budget=Decimal("100000.00"),
        sectors=[Sector.ENVIRONMENT, Sector.HEALTH],
        donor_ids=[sida.id, usaid.id],
    )
    fund(river, sida, "40000.00")
    fund(river, sida, "2500.25")
    school = make(
        ["pristina"], status=Status.ONGOING, title="School", total_budget=Decimal("10000.50")
    )
    made = {"river": river, "school": school}
    made["draft"] = make(["pristina"], status=Status.DRAFT, total_budget=Decimal("1000000"))
    made["cancelled"] = make(["pristina"], status=Status.CANCELLED, total_budget=Decimal("777"))
    made["old"] = make(
        ["pristina"], start_date=date(2010, 1, 1), end_date=date(2012, 6, 30), total_budget=5
    )
    pending = make_organisation(admin=member, status=OrgStatus.PENDING)
    made["pending"] = make_initiative(
        pending, member, [towns["pristina"]], status=Status.PUBLISHED, **IN_2024
    )
    return {"towns": towns, "sida": sida, "usaid": usaid, "member": member, **made}
