"""Member pages: invitations, roles, removal, leaving, accepting; the admins' queue."""

import re

import pytest
from sqlalchemy import select

from civicapp.accounts.models import Role
from civicapp.extensions import db
from civicapp.organisations.models import Invitation, MemberRole, Membership, Status
from tests.conftest import outbox


def page(response) -> str:
    return response.get_data(as_text=True)


@pytest.fixture
def team(make_user, make_organisation):
    admin = make_user(display_name="Arta Admin")
    member = make_user(display_name="Besa Member")
    organisation = make_organisation(admin=admin, members=[member], name_en="Green Group")
    return organisation, admin, member


def roles(organisation) -> dict:
    db.session.expire_all()
    rows = db.session.scalars(
        select(Membership).where(Membership.organisation_id == organisation.id)
    )
    return {m.user_id: m.role for m in rows}


def members_url(organisation, suffix=""):
    return f"/organisations/{organisation.slug}{suffix}"


def test_members_page_is_for_the_organisations_admins(
    client, login, team, make_user, make_organisation
):
    organisation, admin, member = team
    other_admin = make_user()
    make_organisation(admin=other_admin)
    for outsider in (member, other_admin, make_user(role=Role.ADMIN)):
        login(outsider)
        assert client.get(members_url(organisation, "/members")).status_code == 403
    login(admin)
    html = page(client.get(members_url(organisation, "/members")))
    assert "Besa Member" in html and "2 members" in html
    assert '<label for="role-' in html
    invite_role = html[html.index('<select id="role"') :].split("</select>")[0]
    assert '<option selected value="member">' in invite_role  # admin rights only when chosen


def test_inviting_and_accepting(app, client, login, team, make_user):
    organisation, admin, _member = team
    invitee = make_user(email="new@example.org")
    login(admin)
    response = client.post(
        members_url(organisation, "/members/invite"),
        data={"email": "new@example.org", "role": "member"},
    )
    assert response.status_code == 302
    html = page(client.get(response.location))
    assert "The invitation is on its way to new@example.org. Its link works for 7 days." in html
    assert "new@example.org" in html  # among the open invitations
    [mail] = outbox(app)
    url = re.search(r"https?://[^/]+(/organisations/invitations/\S+)", mail["body"]).group(1)
    with client.session_transaction() as session:
        session.clear()  # a visitor is asked to sign in with the invited address
    assert "Sign in with the address the invitation was sent to" in page(client.get(url))
    login(make_user())
    assert "but the invitation was sent to new@example.org" in page(client.get(url))
    assert client.post(url).status_code == 403
    login(invitee)
    assert "Join Green Group" in page(client.get(url))
    response = client.post(url)
    assert response.status_code == 302 and response.location == members_url(organisation)
    assert "Welcome to Green Group." in page(client.get(response.location))
    assert roles(organisation)[invitee.id] == MemberRole.MEMBER
    used = client.post(url)
    assert used.status_code == 400 and "already been used" in page(used)
    assert client.get(url).status_code == 400


def test_a_bad_invitation_address_keeps_what_was_typed(client, login, team):
    organisation, admin, _member = team
    login(admin)
    response = client.post(
        members_url(organisation, "/members/invite"), data={"email": "not-an-address", "role": "x"}
    )
    html = page(response)
    assert response.status_code == 400
    assert 'value="not-an-address"' in html and "Enter a valid e-mail address." in html
    assert "Choose from the options shown." in html
    assert db.session.scalar(select(Invitation.id)) is None


def test_a_broken_link_is_explained(client):
    response = client.get("/organisations/invitations/not-a-token")
    assert response.status_code == 400 and "not valid or has expired" in page(response)


def test_revoking_an_invitation(client, login, team):
    organisation, admin, _member = team
    login(admin)
    client.post(
        members_url(organisation, "/members/invite"),
        data={"email": "x@example.org", "role": "admin"},
    )
    invitation = db.session.scalars(select(Invitation)).one()
    response = client.post(members_url(organisation, f"/invitations/{invitation.id}/revoke"))
    assert response.status_code == 302
    assert "its link no longer works" in page(client.get(response.location))
    db.session.expire_all()
    assert invitation.revoked_at is not None


def test_roles_change_but_the_last_admin_stays(client, login, team):
    organisation, admin, member = team
    login(admin)
    own = members_url(organisation, f"/members/{admin.id}/role")
    response = client.post(own, data={"role": "member"})
    assert response.status_code == 302
    assert "at least one administrator" in page(client.get(response.location))
    assert roles(organisation)[admin.id] == MemberRole.ADMIN
    assert client.post(own, data={"role": "owner"}).status_code == 400
    client.post(members_url(organisation, f"/members/{member.id}/role"), data={"role": "admin"})
    assert roles(organisation) == {admin.id: MemberRole.ADMIN, member.id: MemberRole.ADMIN}
    client.post(own, data={"role": "member"})
    assert roles(organisation)[admin.id] == MemberRole.MEMBER


def test_removing_a_member_and_never_the_last_admin(client, login, team):
    organisation, admin, member = team
    login(admin)
    response = client.post(members_url(organisation, f"/members/{admin.id}/remove"))
    assert "at least one administrator" in page(client.get(response.location))
    response = client.post(members_url(organisation, f"/members/{member.id}/remove"))
    assert "Besa Member is no longer a member." in page(client.get(response.location))
    assert roles(organisation) == {admin.id: MemberRole.ADMIN}


def test_members_leave_and_the_only_admin_cannot(client, login, team):
    organisation, admin, member = team
    login(admin)
    assert client.post(members_url(organisation, "/leave")).status_code == 403
    login(member)
    response = client.post(members_url(organisation, "/leave"))
    assert response.status_code == 302
    assert "You have left the organisation." in page(client.get(response.location))
    assert roles(organisation) == {admin.id: MemberRole.ADMIN}


# --- the verification queue -----------------------------------------------------------------


def test_the_queue_is_for_platform_admins_with_pending_first(
    client, login, make_user, make_organisation
):
    make_organisation(name_en="Old Verified", status=Status.VERIFIED)
    make_organisation(name_en="Waiting Group", status=Status.PENDING)
    login(make_user())
    assert client.get("/organisations/admin/").status_code == 403
    login(make_user(role=Role.ADMIN))
    html = page(client.get("/organisations/admin/"))
    assert html.index("Waiting Group") < html.index("Old Verified")
    assert page(client.get("/organisations/admin/?status=verified")).count("Waiting Group") == 0
    assert client.get("/organisations/admin/?status=rejected").status_code == 400


def test_verifying_from_the_queue_mails_the_admins(app, client, login, make_user, team):
    organisation, admin, _member = team
    organisation.status, organisation.verified_at = Status.PENDING, None
    db.session.commit()
    login(make_user(role=Role.ADMIN))
    url = f"/organisations/admin/{organisation.slug}/verify"
    field = f"o{organisation.id}-note"
    response = client.post(url, data={field: ""})
    assert response.status_code == 400 and "Write a note that explains the decision." in page(
        response
    )
    response = client.post(url, data={field: "Found in the register."})
    assert response.status_code == 302 and response.location == "/organisations/admin/"
    assert "Green Group is verified." in page(client.get(response.location))
    db.session.expire_all()
    assert organisation.status == Status.VERIFIED
    [mail] = outbox(app)
    assert mail["to"] == admin.email and "Found in the register." in mail["body"]
    again = client.post(url, data={field: "Twice."})
    assert again.status_code == 400 and "cannot change" in page(again)


def test_suspending_keeps_the_note_typed_when_refused(client, login, make_user, team):
    organisation, _admin, _member = team
    login(make_user(role=Role.ADMIN))
    field = f"o{organisation.id}-note"
    long_note = "Too long. " * 201
    response = client.post(
        f"/organisations/admin/{organisation.slug}/suspend", data={field: long_note}
    )
    assert response.status_code == 400 and "Too long. Too long." in page(response)
    response = client.post(
        f"/organisations/admin/{organisation.slug}/suspend", data={field: "Misuse of funds."}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (
        organisation.status == Status.SUSPENDED and organisation.status_note == "Misuse of funds."
    )


def test_invitations_are_rate_limited(database_url, tmp_path, make_user, make_organisation):
    from tests.conftest import make_test_app

    admin = make_user()
    organisation = make_organisation(admin=admin)
    limited = make_test_app(
        database_url, tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_INVITE="2 per minute"
    )
    client = limited.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = admin.get_id()
    url = members_url(organisation, "/members/invite")
    codes = [
        client.post(url, data={"email": f"n{n}@example.org", "role": "member"}).status_code
        for n in range(3)
    ]
    assert codes == [302, 302, 429]
