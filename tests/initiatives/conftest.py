"""Initiative fixtures: an initiative of an organisation, made through the service."""

from datetime import date
from decimal import Decimal

import pytest

from civicapp.donors.models import Donor
from civicapp.extensions import db
from civicapp.initiatives.models import Status
from civicapp.initiatives.services import InitiativeDraft, create_initiative
from tests.organisations.conftest import in_request, make_organisation  # noqa: F401


@pytest.fixture
def donor(app_ctx):
    made = Donor(name="Sida", country="SE")
    db.session.add(made)
    db.session.commit()
    return made


@pytest.fixture
def make_initiative(app_ctx):
    def make(organisation, author, municipalities=(), status=Status.DRAFT, **fields):
        values = (
            dict(
                organisation_id=organisation.id,
                title="Clean rivers of Prishtina",
                summary="Cleaning the river banks with schools.",
                language="en",
                start_date=date(2026, 3, 1),
                end_date=date(2027, 2, 28),
                total_budget=Decimal("50000"),
                municipality_ids=[m.id for m in municipalities],
            )
            | fields
        )
        initiative = create_initiative(author, InitiativeDraft(**values))
        if status != Status.DRAFT:
            initiative.status = status
            db.session.commit()
        return initiative

    return make
