"""Administration: staff, roles and disabling end sessions and leave an audit trail."""

from sqlalchemy import select

from civicapp.accounts.models import Role
from civicapp.audit.models import AuditEvent
from civicapp.extensions import db
from civicapp.municipalities.models import StaffAssignment


def actions():
    return db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()


def test_admin_assigns_and_removes_staff(app, client, login, make_user, make_municipality):
    town = make_municipality("gjilan")
    admin, person = make_user(role=Role.ADMIN), make_user()
    login(admin)
    response = client.post(f"/admin/users/{person.id}/staff", data={"municipality_id": town.id})
    assert response.status_code == 302
    assert "staff.assigned" in actions()
    assert person.display_name in client.get("/municipalities/gjilan").get_data(as_text=True)
    elsewhere = login(person, on=app.test_client())
    client.post(f"/admin/users/{person.id}/staff/{town.id}/remove")
    assert db.session.scalar(select(StaffAssignment)) is None
    assert "staff.removed" in actions()
    assert elsewhere.get("/auth/profile").status_code == 302  # the removed role ends sessions


def test_assigning_unknown_municipality_is_a_form_error(client, login, make_user):
    admin, person = make_user(role=Role.ADMIN), make_user()
    login(admin)
    response = client.post(f"/admin/users/{person.id}/staff", data={"municipality_id": "99999"})
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True)


def test_demoting_a_moderator_ends_their_sessions(app, client, login, make_user):
    admin, moderator = make_user(role=Role.ADMIN), make_user(role=Role.MODERATOR)
    login(admin)
    their_session = login(moderator, on=app.test_client())
    client.post(f"/admin/users/{moderator.id}/role", data={"role": "citizen"})
    db.session.refresh(moderator)
    assert moderator.role == Role.CITIZEN
    assert their_session.get("/auth/profile").status_code == 302
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "role.changed"))
    assert (event.actor_id, event.target_user_id, event.details) == (
        admin.id,
        moderator.id,
        {"old": "moderator", "new": "citizen"},
    )


def test_admin_cannot_demote_or_disable_themselves(client, login, make_user):
    admin = make_user(role=Role.ADMIN)
    login(admin)
    client.post(f"/admin/users/{admin.id}/role", data={"role": "citizen"})
    client.post(f"/admin/users/{admin.id}/disable")
    db.session.refresh(admin)
    assert admin.role == Role.ADMIN and not admin.is_disabled


def test_disabling_a_user_signs_them_out(app, client, login, make_user):
    admin, person = make_user(role=Role.ADMIN), make_user()
    login(admin)
    theirs = login(person, on=app.test_client())
    client.post(f"/admin/users/{person.id}/disable")
    assert theirs.get("/auth/profile").status_code == 302
    assert "user.disabled" in actions()


def test_audit_log_page_lists_events_without_secrets(app, client, login, make_user):
    admin = make_user(role=Role.ADMIN)
    login(admin)
    app.test_client().post(
        "/auth/login", data={"email": "nobody@example.org", "password": "hunter2hunter2"}, csrf=True
    )
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "login.failed" in page and "hunter2" not in page


def test_user_search_handles_wildcards(client, login, make_user):
    login(make_user(role=Role.ADMIN))
    assert client.get("/admin/users?q=%25_").status_code == 200
    assert client.get("/admin/users?page=-3").status_code == 200
