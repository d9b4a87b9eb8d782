"""The initiative status machine and the database constraints."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError

from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.initiatives.models import (
    Endorsement,
    FundingLine,
    Initiative,
    Partner,
    Party,
    PriorityLink,
    Status,
)

ALLOWED = {
    (Status.DRAFT, Status.PUBLISHED),
    (Status.PUBLISHED, Status.ONGOING),
    (Status.PUBLISHED, Status.COMPLETED),
    (Status.PUBLISHED, Status.CANCELLED),
    (Status.ONGOING, Status.COMPLETED),
    (Status.ONGOING, Status.CANCELLED),
}


@pytest.mark.parametrize("current", list(Status))
@pytest.mark.parametrize("target", list(Status))
def test_status_machine(current, target):
    initiative = Initiative(status=current)
    if (current, target) in ALLOWED:
        initiative.move_to(target)
        assert initiative.status == target
    else:
        with pytest.raises(DomainError):
            initiative.move_to(target)
        assert initiative.status == current


def test_publishing_stamps_the_date():
    initiative = Initiative(status=Status.DRAFT)
    initiative.move_to(Status.PUBLISHED)
    assert initiative.published_at is not None


@pytest.fixture
def initiative(make_user, make_municipality, make_organisation, make_initiative):
    admin = make_user()
    town = make_municipality()
    return make_initiative(make_organisation(admin=admin), admin, [town])


def _refused(row):
    db.session.add(row)
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_budget_and_dates_are_checked_by_the_database(initiative):
    initiative.total_budget = Decimal("-5")
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
    initiative.end_date = date(2020, 1, 1)
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_partner_is_either_on_the_platform_or_named(initiative):
    _refused(Partner(initiative_id=initiative.id))
    _refused(Partner(initiative_id=initiative.id, name="Ludwigsburg"))  # no country
    _refused(
        Partner(
            initiative_id=initiative.id,
            organisation_id=initiative.organisation_id,
            name="Twice",
            country="DE",
        )
    )


def test_funding_line_amount_positive_and_party_named(initiative):
    _refused(FundingLine(initiative_id=initiative.id, party=Party.LEAD, amount=Decimal("0")))
    _refused(FundingLine(initiative_id=initiative.id, party=Party.OTHER, amount=Decimal("5")))


def test_links_and_endorsements_are_unique(initiative, make_priority, make_user):
    town = initiative.municipalities[0]
    priority = make_priority(town, make_user())
    db.session.add(PriorityLink(initiative_id=initiative.id, priority_id=priority.id))
    db.session.commit()
    _refused(PriorityLink(initiative_id=initiative.id, priority_id=priority.id))
    db.session.add(
        Endorsement(initiative_id=initiative.id, municipality_id=town.id, statement="Yes")
    )
    db.session.commit()
    _refused(Endorsement(initiative_id=initiative.id, municipality_id=town.id, statement="Again"))
