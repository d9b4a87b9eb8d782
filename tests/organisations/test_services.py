"""Registering, editing and verifying organisations, without the web layer."""

import pytest
from sqlalchemy import select

from civicapp.accounts.models import Role
from civicapp.audit.models import AuditEvent
from civicapp.exceptions import Conflict, DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.organisations import services
from civicapp.organisations.models import Kind, MemberRole, Membership, Registry, Status
from civicapp.organisations.services import OrganisationDraft, slug_for, website_problem
from civicapp.search.services import search
from civicapp.sectors import Sector
from tests.conftest import outbox


@pytest.fixture
def town(make_municipality):
    return make_municipality("pristina")


def draft(town, **fields) -> OrganisationDraft:
    values = dict(
        kind=Kind.REGISTERED_CSO,
        name_sq="Qendra për Zhvillim të Komunitetit – Prishtinë",
        registry=Registry.KOSOVO_NGO,
        registration_number=" 5110234-1 ",
        municipality_ids=[town.id],
        sectors=[Sector.GOVERNANCE],
        description="We work with **neighbourhood councils**.",
        website="https://example.org/qzhk",
        contact_email=" Info@Example.org ",
    )
    return OrganisationDraft(**(values | fields))


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_registering_makes_a_pending_organisation_with_the_actor_as_admin(make_user, town):
    user = make_user()
    organisation = services.register_organisation(user, draft(town))
    assert organisation.status == Status.PENDING and organisation.verified_at is None
    assert organisation.slug == "qendra-per-zhvillim-te-komunitetit-prishtine"
    assert [(m.user_id, m.role) for m in organisation.memberships] == [(user.id, MemberRole.ADMIN)]
    assert organisation.registration_number == "5110234-1"
    assert organisation.contact_email == "info@example.org"
    assert (
        organisation.description_html
        == "<p>We work with <strong>neighbourhood councils</strong>.</p>\n"
    )
    assert organisation.sectors == [Sector.GOVERNANCE]
    assert [m.id for m in organisation.municipalities] == [town.id]
    assert actions() == ["organisation.registered"]
    assert search("organisation", "zhvillim komunit") == [organisation.id]


def test_unverified_users_cannot_register(make_user, town):
    with pytest.raises(NotAllowed):
        services.register_organisation(make_user(verified=False), draft(town))


def test_slugs_are_ascii_unique_and_never_a_path_of_the_site(make_user, town):
    user = make_user()
    first = services.register_organisation(
        user, draft(town, name_sq=None, name_sr="Зелени Бујановац", registration_number="1")
    )
    second = services.register_organisation(
        user, draft(town, name_sq=None, name_sr="Zeleni Bujanovac", registration_number="2")
    )
    assert (first.slug, second.slug) == ("zeleni-bujanovac", "zeleni-bujanovac-2")
    assert slug_for("New", set()) == "new-organisation"
    assert slug_for("Admin", set()) == "admin-organisation"
    assert slug_for("中文", set()) == "organisation"
    assert len(slug_for("x" * 300, set())) <= 80


@pytest.mark.parametrize(
    "fields, field",
    [
        (dict(name_sq=" ", name_sr=None, name_en=""), "name_sq"),
        (dict(registry=None, registration_number=None), "registry"),
        (dict(registration_number=""), "registration_number"),
        (dict(kind=Kind.INFORMAL_GROUP, registry=None), "registry"),
        (dict(registration_number="1" * 65), "registration_number"),
        (dict(name_en="x" * 201), "name_en"),
        (dict(website="javascript:alert(1)"), "website"),
        (dict(website="https://user@evil.example"), "website"),
        (dict(contact_email="nobody"), "contact_email"),
        (dict(description="x" * 10_001), "description"),
        (dict(municipality_ids=[]), "municipality_ids"),
        (dict(municipality_ids=[999_999]), "municipality_ids"),
    ],
)
def test_bad_drafts_are_refused_on_their_field(make_user, town, fields, field):
    with pytest.raises(DomainError) as refused:
        services.register_organisation(make_user(), draft(town, **fields))
    assert refused.value.field == field
    assert actions() == []


def test_registration_is_optional_for_informal_groups(make_user, town):
    group = services.register_organisation(
        make_user(), draft(town, kind=Kind.INFORMAL_GROUP, registry=None, registration_number="")
    )
    assert group.registered_with is None and group.registration_number is None


def test_a_registration_number_is_on_civicapp_once(make_user, town):
    services.register_organisation(make_user(), draft(town))
    with pytest.raises(Conflict) as refused:
        services.register_organisation(make_user(), draft(town, registration_number="5110234-1"))
    assert refused.value.field == "registration_number"


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.org", True),
        ("http://example.org/path?x=1", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT://example.org/%0aalert(1)", False),
        ("data:text/html,hi", False),
        ("ftp://example.org", False),
        ("https://", False),
        ("https://exa mple.org", False),
        ("http://[::1", False),
        ("//example.org", False),
    ],
)
def test_websites_are_http_or_https_links_to_a_host(app_ctx, url, ok):
    assert (website_problem(url) is None) is ok


def test_only_its_admins_edit_an_organisation(make_user, make_organisation, town):
    admin, member, stranger = make_user(), make_user(), make_user()
    other_admin = make_user()
    organisation = make_organisation(admin=admin, members=[member])
    make_organisation(admin=other_admin)
    for outsider in (member, stranger, other_admin):
        with pytest.raises(NotAllowed):
            services.edit_organisation(outsider, organisation, draft(town))
    services.edit_organisation(admin, organisation, draft(town, name_en="Community Centre"))
    assert organisation.name_en == "Community Centre"
    assert organisation.slug == "organisation-1"  # links keep working
    assert search("organisation", "community centre") == [organisation.id]


def test_editing_sectors_keeps_replaces_and_adds(make_user, make_organisation, town):
    admin = make_user()
    organisation = make_organisation(admin=admin, sectors=[Sector.HEALTH, Sector.CULTURE])
    services.edit_organisation(
        admin, organisation, draft(town, sectors=[Sector.CULTURE, Sector.ECONOMY])
    )
    db.session.expire_all()
    assert sorted(organisation.sectors) == [Sector.CULTURE, Sector.ECONOMY]


def test_verifying_needs_a_platform_admin_and_a_note(make_user, make_organisation):
    admin = make_user(role=Role.ADMIN)
    organisation = make_organisation(admin=make_user(), status=Status.PENDING)
    with pytest.raises(NotAllowed):
        services.verify_organisation(make_user(), organisation, "Looks fine.")
    with pytest.raises(DomainError) as refused:
        services.verify_organisation(admin, organisation, "   ")
    assert refused.value.field == "note"
    assert organisation.status == Status.PENDING and outbox_size() == 0


def outbox_size() -> int:
    from flask import current_app

    return len(outbox(current_app))


def test_verify_suspend_and_reinstate_tell_each_admin_in_their_language(
    app, make_user, make_organisation, in_request
):
    admin = make_user(role=Role.ADMIN)
    albanian, serbian = make_user(locale="sq"), make_user(locale="sr")
    organisation = make_organisation(
        admin=albanian,
        members=[make_user()],
        status=Status.PENDING,
        name_sq="Qendra",
        name_sr="Centar",
        name_en="Centre",
    )
    db.session.add(
        Membership(organisation_id=organisation.id, user_id=serbian.id, role=MemberRole.ADMIN)
    )
    db.session.commit()
    services.verify_organisation(admin, organisation, "Found in the register.")
    assert organisation.status == Status.VERIFIED and organisation.verified_by_id == admin.id
    mails = {m["to"]: m for m in outbox(app)}
    assert set(mails) == {albanian.email, serbian.email}  # admins only
    assert "Qendra" in mails[albanian.email]["subject"]
    assert "Центар" in mails[serbian.email]["subject"]
    assert "Found in the register." in mails[serbian.email]["body"]
    services.suspend_organisation(admin, organisation, "Reports of misuse.")
    services.verify_organisation(admin, organisation, "Cleared.")
    assert organisation.status == Status.VERIFIED and organisation.status_note == "Cleared."
    assert actions() == ["organisation.verified", "organisation.suspended", "organisation.verified"]
    assert len(outbox(app)) == 6


def test_illegal_moves_are_refused_without_mail(app, make_user, make_organisation, in_request):
    admin = make_user(role=Role.ADMIN)
    organisation = make_organisation(admin=make_user(), status=Status.VERIFIED)
    with pytest.raises(DomainError):
        services.verify_organisation(admin, organisation, "Again.")
    assert outbox(app) == [] and actions() == []
