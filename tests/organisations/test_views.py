"""Organisation pages: directory, profile, registration and editing; hostile input is inert."""

import pytest
from sqlalchemy import select

from civicapp.accounts.models import Role
from civicapp.extensions import db
from civicapp.organisations.models import Kind, MemberRole, Organisation, Status
from civicapp.sectors import Sector
from tests.helpers import statements_of


def page(response) -> str:
    return response.get_data(as_text=True)


@pytest.fixture
def town(make_municipality):
    return make_municipality("pristina")


def form(town, **fields) -> dict:
    values = {
        "name_sq": "Qendra për Zhvillim të Komunitetit",
        "name_en": "Community Development Centre",
        "kind": "registered_cso",
        "registry": "xk_ngo",
        "registration_number": "5110234-1",
        "municipality_ids": [town.id],
        "sectors": ["governance", "social_policy"],
        "description": "We support **neighbourhood councils**.",
        "website": "https://example.org/qzhk",
        "contact_email": "info@example.org",
    }
    return values | fields


def only_organisation() -> Organisation:
    db.session.expire_all()
    return db.session.scalars(select(Organisation)).one()


# --- the directory ---------------------------------------------------------------------


def test_the_directory_shows_public_organisations_marked(client, make_organisation):
    make_organisation(name_en="Green Group", status=Status.VERIFIED)
    make_organisation(name_en="Quiet Group", status=Status.SUSPENDED)
    make_organisation(name_en="New Group", status=Status.PENDING)
    make_organisation(name_en="Refused Group", status=Status.SUSPENDED, verified_at=None)
    html = page(client.get("/organisations/"))
    assert "2 organisations" in html
    assert "Green Group" in html and "Quiet Group" in html
    assert "New Group" not in html and "Refused Group" not in html
    assert 'class="org-badge org-verified">Verified<' in html
    assert 'class="org-badge org-suspended">Suspended<' in html


def test_the_directory_filters_by_municipality_sector_kind_and_name(
    client, make_organisation, make_municipality, town
):
    other = make_municipality("bujanovac")
    make_organisation(
        name_en=None,
        name_sr="Зелени Бујановац",
        municipalities=[other],
        sectors=[Sector.ENVIRONMENT],
        kind=Kind.REGISTERED_CSO,
    )
    make_organisation(
        name_en=None, name_sq="Qendra Rinore", municipalities=[town], sectors=[Sector.EDUCATION]
    )

    def names(query):
        response = client.get(f"/organisations/?{query}")
        assert response.status_code == 200
        html = page(response)
        return [n for n in ("Зелени Бујановац", "Qendra Rinore") if n in html]

    assert names("municipality=bujanovac") == ["Зелени Бујановац"]
    assert names("sector=education") == ["Qendra Rinore"]
    assert names("kind=registered_cso") == ["Зелени Бујановац"]
    assert names("q=zelen+bujan") == ["Зелени Бујановац"]
    assert names("q=ZELENI+rinore") == []  # every word must match
    assert names("q=qendr&municipality=pristina") == ["Qendra Rinore"]


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=-1",
        "page=99999999999",
        "page=x",
        "sector=bogus",
        "kind=%3Cscript%3E",
        "municipality=atlantis",
        "q=" + "x" * 201,
    ],
)
def test_bad_directory_queries_get_a_400_with_a_message(client, query):
    response = client.get(f"/organisations/?{query}")
    assert response.status_code == 400
    html = page(response)
    assert (
        "There is no such page." in html
        or "Choose from the options shown." in html
        or ("Use at most 200 characters." in html)
    )
    assert "<script>" not in html


def test_the_directory_needs_the_same_queries_for_3_or_30_organisations(
    client, make_organisation, make_municipality
):
    towns = [make_municipality(f"town-{n}") for n in range(3)]

    def add(count):
        for n in range(count):
            make_organisation(
                name_en=f"Group {n}", municipalities=towns, sectors=[Sector.HEALTH, Sector.CULTURE]
            )

    add(3)
    small = statements_of(client, "/organisations/?sector=health&q=group")
    add(27)
    assert statements_of(client, "/organisations/?sector=health&q=group") == small


# --- the profile -------------------------------------------------------------------------


def test_pending_organisations_are_seen_only_by_members_and_admins(
    client, login, make_user, make_organisation
):
    member = make_user()
    organisation = make_organisation(admin=member, status=Status.PENDING)
    url = f"/organisations/{organisation.slug}"
    assert client.get(url).status_code == 404
    login(make_user())
    assert client.get(url).status_code == 404
    login(make_user(role=Role.ADMIN))
    assert "Awaiting verification" in page(client.get(url))
    login(member)
    response = client.get(url)
    assert response.status_code == 200 and "cannot publish" in page(response)


def test_the_profile_shows_facts_and_members_to_members_only(
    client, login, make_user, make_organisation, town
):
    admin, member = make_user(display_name="Arta Admin"), make_user(display_name="Besa Member")
    organisation = make_organisation(
        admin=admin,
        members=[member],
        municipalities=[town],
        sectors=[Sector.HEALTH],
        website="https://example.org/x",
        description_html="<p>We <strong>help</strong>.</p>",
    )
    url = f"/organisations/{organisation.slug}"
    html = page(client.get(url))
    assert 'href="https://example.org/x" rel="nofollow noopener ugc"' in html
    assert "<p>We <strong>help</strong>.</p>" in html and "pristina en" in html
    assert "2 members" in html and "Besa Member" not in html
    login(member)
    html = page(client.get(url))
    assert "Besa Member" in html and "Arta Admin" in html
    assert f'action="/organisations/{organisation.slug}/leave"' in html
    assert "Edit the profile" not in html
    login(admin)
    html = page(client.get(url))
    assert "Edit the profile" in html and "You are its only administrator" in html


def test_suspended_organisations_stay_visible_marked(client, make_organisation):
    organisation = make_organisation(status=Status.SUSPENDED)
    html = page(client.get(f"/organisations/{organisation.slug}"))
    assert "Suspended" in html and "cannot publish anything new" in html


def test_script_in_names_is_shown_as_text(client, make_organisation):
    organisation = make_organisation(name_en="<script>alert(1)</script>", slug="x")
    for url in ("/organisations/", f"/organisations/{organisation.slug}"):
        html = page(client.get(url))
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert(1)" not in html


# --- registering and editing ---------------------------------------------------------------


def test_unverified_users_are_told_to_confirm_their_address(client, login, make_user, town):
    login(make_user(verified=False))
    response = client.get("/organisations/new")
    assert response.status_code == 403 and "please confirm your e-mail address" in page(response)
    assert client.post("/organisations/new", data=form(town)).status_code == 403
    assert db.session.scalar(select(Organisation.id)) is None


def test_registering_an_organisation(client, login, make_user, town):
    user = make_user()
    login(user)
    assert client.get("/organisations/new").status_code == 200
    response = client.post("/organisations/new", data=form(town))
    organisation = only_organisation()
    assert response.status_code == 302
    assert response.location == f"/organisations/{organisation.slug}"
    assert organisation.status == Status.PENDING
    assert [(m.user_id, m.role) for m in organisation.memberships] == [(user.id, MemberRole.ADMIN)]
    assert organisation.sectors == [Sector.GOVERNANCE, Sector.SOCIAL_POLICY]
    html = page(client.get(response.location))
    assert "A platform administrator will verify it" in html
    assert "Awaiting verification" in html


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"website": "javascript:alert(1)"}, "Enter a web address that starts with http://"),
        ({"registration_number": "1" * 10_000}, "Use at most 64 characters."),
        ({"name_sq": "", "name_en": ""}, "Give the name in at least one language."),
        ({"registry": ""}, "A registered organisation names its register."),
        ({"municipality_ids": []}, "Choose at least one municipality."),
        ({"municipality_ids": ["abc"]}, "Choose from the options shown."),
        ({"sectors": ["<script>"]}, "Choose from the options shown."),
        ({"kind": "cult"}, "Choose from the options shown."),
        ({"contact_email": "not an address"}, "Enter a valid e-mail address."),
        ({"description": "x" * 10_001}, "Use at most 10000 characters."),
    ],
)
def test_bad_registrations_get_400_a_message_and_keep_what_was_typed(
    client, login, make_user, town, fields, message
):
    login(make_user())
    response = client.post("/organisations/new", data=form(town, **fields))
    html = page(response)
    assert response.status_code == 400
    assert message in html
    assert 'value="Community Development Centre"' in html or "name_en" in fields
    assert db.session.scalar(select(Organisation.id)) is None


def test_a_script_name_registers_and_renders_as_text(client, login, make_user, town):
    login(make_user())
    response = client.post(
        "/organisations/new", data=form(town, name_sq="", name_en="<script>x()</script> Group")
    )
    assert response.status_code == 302
    html = page(client.get(response.location))
    assert "&lt;script&gt;x()&lt;/script&gt; Group" in html and "<script>x()" not in html


def test_admins_edit_the_profile_and_others_may_not(
    client, login, make_user, make_organisation, town
):
    admin, member = make_user(), make_user()
    organisation = make_organisation(admin=admin, members=[member], municipalities=[town])
    url = f"/organisations/{organisation.slug}/edit"
    login(member)
    assert client.get(url).status_code == 403
    assert client.post(url, data=form(town)).status_code == 403
    login(admin)
    html = page(client.get(url))
    assert 'value="Organisation 1"' in html
    assert '<input checked id="municipality_ids-0" name="municipality_ids"' in html
    response = client.post(url, data=form(town, name_en="Renamed"))
    assert (
        response.status_code == 302 and response.location == f"/organisations/{organisation.slug}"
    )
    assert only_organisation().name_en == "Renamed"
    assert "Your changes are saved." in page(client.get(response.location))


def test_a_taken_registration_number_is_refused_on_its_field(
    client, login, make_user, make_organisation, town
):
    make_organisation(registered_with="xk_ngo", registration_number="5110234-1")
    login(make_user())
    response = client.post("/organisations/new", data=form(town))
    assert response.status_code == 400
    assert "already on civicapp" in page(response)


def test_huge_ids_and_unknown_slugs_are_not_found(client, login, make_user, make_organisation):
    admin = make_user()
    organisation = make_organisation(admin=admin)
    login(admin)
    assert client.get("/organisations/" + "x" * 5000).status_code == 404
    for user_id in (2**40, 999):
        url = f"/organisations/{organisation.slug}/members/{user_id}/remove"
        assert client.post(url).status_code == 404
    url = f"/organisations/{organisation.slug}/invitations/{2**40}/revoke"
    assert client.post(url).status_code == 404
