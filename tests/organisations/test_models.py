"""Organisation models: guarded status moves, names in the reader's language, constraints."""

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from civicapp.db import utcnow
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.organisations.models import (
    Invitation,
    Kind,
    MemberRole,
    Membership,
    Organisation,
    Registry,
    Status,
)

ALLOWED = {
    (Status.PENDING, Status.VERIFIED),
    (Status.PENDING, Status.SUSPENDED),
    (Status.VERIFIED, Status.SUSPENDED),
    (Status.SUSPENDED, Status.VERIFIED),
}


@pytest.mark.parametrize("new", list(Status))
@pytest.mark.parametrize("current", list(Status))
def test_only_listed_moves_are_allowed(current, new):
    organisation = Organisation(status=current, kind=Kind.INFORMAL_GROUP)
    if (current, new) in ALLOWED:
        organisation.move_to(new, None, "Checked.")
        assert organisation.status == new and organisation.status_note == "Checked."
    else:
        with pytest.raises(DomainError):
            organisation.move_to(new, None, "Checked.")
        assert organisation.status == current and organisation.status_note is None


def test_verifying_records_when_and_by_whom(app_ctx, make_user):
    admin = make_user()
    organisation = Organisation(status=Status.PENDING, kind=Kind.INFORMAL_GROUP)
    assert not organisation.is_public
    organisation.move_to(Status.VERIFIED, admin, "Found in the register.")
    assert organisation.verified_by_id == admin.id
    assert utcnow() - organisation.verified_at < timedelta(seconds=5)
    organisation.move_to(Status.SUSPENDED, admin, "Spam.")
    assert organisation.is_public  # suspended after verification: still shown, marked


@pytest.mark.parametrize(
    "locale, expected, language",
    [
        ("sq", "Qendra", "sq"),
        ("en", "Centre", "en"),
        ("sr_Latn", "Centar", "sr"),
        ("sr", "Центар", "sr"),
    ],
)
def test_display_name_follows_the_reader(locale, expected, language):
    organisation = Organisation(name_sq="Qendra", name_sr="Centar", name_en="Centre")
    assert organisation.name_and_language(locale) == (expected, language)


def test_display_name_falls_back_and_shows_serbian_in_the_readers_script():
    only_serbian = Organisation(name_sr="Зелени Бујановац")
    assert only_serbian.name_and_language("sr_Latn") == ("Zeleni Bujanovac", "sr")
    assert only_serbian.name_and_language("sr") == ("Зелени Бујановац", "sr")
    assert only_serbian.name_and_language("en") == ("Зелени Бујановац", "sr")
    only_english = Organisation(name_en="Youth Initiative")
    assert only_english.name_and_language("sq") == ("Youth Initiative", "en")


def _organisation(**fields):
    values = dict(slug="org", name_en="Org", kind=Kind.REGISTERED_CSO, search_text="org")
    return Organisation(**(values | fields))


def test_a_name_is_required_by_the_database(app_ctx):
    db.session.add(_organisation(name_en=None))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_registration_numbers_are_unique_per_register_but_may_be_missing(app_ctx):
    def numbered(slug, registry):
        return _organisation(slug=slug, registered_with=registry, registration_number="1")

    db.session.add_all([_organisation(slug="a"), _organisation(slug="b")])  # both without
    db.session.add_all([numbered("c", Registry.KOSOVO_NGO), numbered("d", Registry.SERBIA_APR)])
    db.session.commit()
    db.session.add(numbered("e", Registry.KOSOVO_NGO))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_one_membership_per_user_and_organisation(app_ctx, make_user, make_organisation):
    user = make_user()
    organisation = make_organisation(admin=user)
    db.session.add(Membership(organisation_id=organisation.id, user_id=user.id))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_an_invitation_is_open_until_used_revoked_or_seven_days_old():
    invitation = Invitation(email="a@example.org", role=MemberRole.MEMBER, created_at=utcnow())
    assert invitation.is_open
    assert not Invitation(created_at=utcnow(), accepted_at=utcnow()).is_open
    assert not Invitation(created_at=utcnow(), revoked_at=utcnow()).is_open
    assert not Invitation(created_at=utcnow() - timedelta(days=7, seconds=1)).is_open
    assert Invitation(created_at=utcnow() - timedelta(days=6, hours=23)).is_open
