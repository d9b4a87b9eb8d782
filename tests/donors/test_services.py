"""Donor registry services without the client."""

import pytest
from sqlalchemy import func, select

from civicapp.accounts.models import Role
from civicapp.donors import services as donors
from civicapp.donors.models import Donor
from civicapp.exceptions import Conflict, NotAllowed
from civicapp.extensions import db


def test_admin_keeps_the_registry(make_user):
    admin = make_user(role=Role.ADMIN)
    donor = donors.save_donor(admin, None, " GIZ ", "DE", None)
    assert donor.name == "GIZ"
    with pytest.raises(Conflict):
        donors.save_donor(admin, None, "GIZ", "DE", None)
    programme = donors.add_programme(admin, donor, "Green Agenda")
    assert programme.donor_id == donor.id
    with pytest.raises(NotAllowed):
        donors.save_donor(make_user(), None, "Other", None, None)


def test_common_donors_seeded_once(app_ctx):
    assert donors.seed_common_donors() == 7
    db.session.commit()
    assert donors.seed_common_donors() == 0
    assert db.session.scalar(select(func.count()).select_from(Donor)) == 7
