"""Initiative services without the client: rules, refusals, registry."""

from decimal import Decimal

import pytest

from civicapp.exceptions import DomainError, NotAllowed
from civicapp.initiatives import services
from civicapp.initiatives.models import Party, Status


@pytest.fixture
def setting(make_user, make_municipality, make_organisation, make_initiative):
    member = make_user()
    town = make_municipality()
    organisation = make_organisation(admin=member, municipalities=[town])
    return member, make_initiative(organisation, member, [town]), town


def test_partner_needs_an_organisation_or_a_name_and_country(setting):
    member, initiative, _town = setting
    with pytest.raises(DomainError):
        services.add_partner(member, initiative, name="Ludwigsburg")
    partner = services.add_partner(member, initiative, name="Ludwigsburg", country="de")
    assert partner.country == "DE"


def test_funding_party_must_belong_to_the_initiative(setting, make_municipality):
    member, initiative, town = setting
    elsewhere = make_municipality("prizren")
    draft = services.FundingDraft(
        party=Party.MUNICIPALITY, amount=Decimal("5"), municipality_id=elsewhere.id
    )
    with pytest.raises(DomainError):
        services.add_funding_line(member, initiative, draft)
    draft.municipality_id = town.id
    services.add_funding_line(member, initiative, draft)
    assert initiative.funded_total == Decimal("5")


def test_outsider_cannot_edit(setting, make_user):
    _member, initiative, _town = setting
    draft = services.draft_from(initiative)
    with pytest.raises(NotAllowed):
        services.edit_initiative(make_user(), initiative, draft)


def test_edit_touches_last_updated(setting):
    member, initiative, _town = setting
    before = initiative.last_updated_at
    draft = services.draft_from(initiative)
    draft.title = "Renamed"
    services.edit_initiative(member, initiative, draft)
    assert initiative.title == "Renamed"
    assert initiative.last_updated_at > before


def test_status_change_refuses_going_back(setting):
    member, initiative, _town = setting
    services.change_initiative_status(member, initiative, Status.PUBLISHED)
    with pytest.raises(DomainError):
        services.change_initiative_status(member, initiative, Status.DRAFT)
