"""Donor registry policies: only platform admins keep it."""

import pytest

from civicapp.accounts.models import Role
from civicapp.donors.policies import can_manage_donors


@pytest.mark.parametrize("role", [None, *Role])
def test_only_admins_keep_the_donor_registry(make_user, role):
    user = make_user(role=role) if role else None
    assert can_manage_donors(user) == (role == Role.ADMIN)
