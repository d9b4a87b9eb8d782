"""Helpers for priority tests: drafts and proposals through the real service."""

import pytest

from civicapp.priorities.models import Sector


@pytest.fixture
def draft():
    from civicapp.priorities.services import PriorityDraft

    def make(municipality=None, **fields):
        values = dict(
            title="Repair the road to Laplje Selo",
            body="The road is **full of holes**.",
            sector=Sector.INFRASTRUCTURE,
            language="en",
            place="Laplje Selo",
            municipality_id=getattr(municipality, "id", None),
        )
        return PriorityDraft(**(values | fields))

    return make


@pytest.fixture
def propose(draft):
    from civicapp.priorities.services import propose_priority

    def make(author, municipality, **fields):
        return propose_priority(author, draft(municipality, **fields))

    return make
