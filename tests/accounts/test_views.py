"""Registration, verification, sign-in, sign-out and profile as a visitor uses them."""

import re

import pyotp
import pytest
from sqlalchemy import select

from civicapp.accounts.models import Role, User
from civicapp.audit.models import AuditEvent
from civicapp.extensions import db
from tests.conftest import TEST_PASSWORD, outbox

GOOD_PASSWORD = "lemon tree at the river"


def register(client, email="arta@example.org", password=GOOD_PASSWORD, **extra):
    data = {
        "email": email,
        "display_name": "Arta",
        "password": password,
        "locale": "sq",
        "home_municipality_id": "",
    } | extra
    return client.post("/auth/register", data=data)


def link_in(message) -> str:
    return re.search(r"https?://\S+", message["body"]).group(0)


def test_register_sends_verification_and_link_verifies(app, client, app_ctx):
    response = register(client)
    assert response.status_code == 200
    assert "arta@example.org" in response.get_data(as_text=True)
    [mail] = outbox(app)
    assert mail["to"] == "arta@example.org"
    user = db.session.scalar(select(User).where(User.email == "arta@example.org"))
    assert user.email_verified_at is None and user.role == Role.CITIZEN
    path = link_in(mail).split("civicapp.test", 1)[1]
    assert client.get(path).status_code == 302
    db.session.refresh(user)
    assert user.email_verified_at is not None
    second = client.get(path)  # single use
    assert second.status_code == 400
    assert "already been used" in second.get_data(as_text=True)


def test_register_same_email_answers_the_same_and_mails_the_owner(app, client, make_user):
    owner = make_user()
    response = register(client, email=owner.email.upper())
    assert response.status_code == 200
    assert "We sent a message" in response.get_data(as_text=True)
    [mail] = outbox(app)
    assert mail["to"] == owner.email and "already have one" in mail["body"]
    assert db.session.scalar(select(db.func.count()).select_from(User)) == 1


@pytest.mark.parametrize(
    "password, message",
    [
        ("short", "at least 10 characters"),
        ("password123", "too common"),
        ("arta-is-my-name-2026", "must not contain your e-mail"),
    ],
)
def test_register_refuses_weak_passwords_and_keeps_the_form(client, app_ctx, password, message):
    response = register(client, password=password)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in page
    assert 'value="arta@example.org"' in page
    assert db.session.scalar(select(User)) is None


def test_register_bad_input_is_a_400_not_a_500(client, app_ctx):
    response = register(client, email="not-an-email", home_municipality_id="99999x", locale="xx")
    assert response.status_code == 400
    assert "valid e-mail" in response.get_data(as_text=True)


def test_password_is_hashed_with_argon2id(client, app_ctx):
    register(client)
    user = db.session.scalar(select(User))
    assert user.password_hash.startswith("$argon2id$")
    assert GOOD_PASSWORD not in user.password_hash


def test_login_and_logout_end_copied_sessions(app, client, make_user):
    user = make_user()
    response = client.post("/auth/login", data={"email": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    copy = app.test_client()
    with client.session_transaction() as original, copy.session_transaction() as copied:
        copied.update(original)
    assert copy.get("/auth/profile").status_code == 200
    client.post("/auth/logout")
    assert client.get("/auth/profile").status_code == 302
    assert copy.get("/auth/profile").status_code == 302  # the copied cookie died too


def test_login_failure_is_generic_and_audited(client, make_user):
    user = make_user()
    wrong = client.post("/auth/login", data={"email": user.email, "password": "wrong password!"})
    unknown = client.post("/auth/login", data={"email": "nobody@example.org", "password": "x" * 12})
    for response in (wrong, unknown):
        assert response.status_code == 400
        assert "e-mail address or password is not right" in response.get_data(as_text=True)
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert actions.count("login.failed") == 2
    details = [e.details for e in db.session.scalars(select(AuditEvent))]
    assert all("password" not in d for d in details)


def test_disabled_user_cannot_sign_in(client, make_user):
    user = make_user(is_disabled=True)
    response = client.post("/auth/login", data={"email": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 400


def test_next_redirect_stays_on_site(client, make_user):
    user = make_user()
    for target, expected in [
        ("/municipalities/", "/municipalities/"),
        ("https://evil.example/", "/"),
        ("//evil.example", "/"),
        ("/\\evil.example", "/"),
    ]:
        client.post("/auth/logout")
        response = client.post(
            f"/auth/login?next={target}", data={"email": user.email, "password": TEST_PASSWORD}
        )
        assert response.headers["Location"] == expected


def test_staff_must_set_up_two_factor_then_use_it(client, make_user, make_municipality):
    staff = make_user(staff_of=[make_municipality()])
    response = client.post("/auth/login", data={"email": staff.email, "password": TEST_PASSWORD})
    assert response.headers["Location"] == "/auth/two-factor/setup"
    assert client.get("/auth/profile").status_code == 302  # not signed in yet
    page = client.get("/auth/two-factor/setup").get_data(as_text=True)
    secret = re.search(r'class="secret">([A-Z2-7]+)<', page).group(1)
    bad = client.post("/auth/two-factor/setup", data={"code": "000000"})
    assert bad.status_code == 400
    ok = client.post("/auth/two-factor/setup", data={"code": pyotp.TOTP(secret).now()})
    assert ok.status_code == 302
    assert client.get("/auth/profile").status_code == 200
    db.session.refresh(staff)
    assert staff.totp_secret == secret


def test_two_factor_code_required_and_not_replayable(client, make_user):
    secret = pyotp.random_base32()
    admin = make_user(role=Role.ADMIN, totp_secret=secret)
    client.post("/auth/login", data={"email": admin.email, "password": TEST_PASSWORD})
    assert client.get("/admin/users").status_code == 302
    code = pyotp.TOTP(secret).now()
    assert client.post("/auth/two-factor", data={"code": code}).status_code == 302
    assert client.get("/admin/users").status_code == 200
    client.post("/auth/logout")
    client.post("/auth/login", data={"email": admin.email, "password": TEST_PASSWORD})
    replay = client.post("/auth/two-factor", data={"code": code})
    assert replay.status_code == 400
    assert "already used" in replay.get_data(as_text=True)


def test_password_reset_flow_is_single_use_and_ends_sessions(app, client, make_user, login):
    user = make_user()
    other_device = login(user, on=app.test_client())
    response = client.post("/auth/forgot", data={"email": user.email})
    unknown = client.post("/auth/forgot", data={"email": "ghost@example.org"})
    assert response.get_data(as_text=True) == unknown.get_data(as_text=True).replace(
        "ghost@example.org", user.email
    )
    [mail] = outbox(app)
    path = link_in(mail).split("civicapp.test", 1)[1]
    assert client.post(path, data={"password": "short"}).status_code == 400
    assert client.post(path, data={"password": "a brand new passphrase"}).status_code == 302
    assert client.post(path, data={"password": "another new passphrase"}).status_code == 400
    assert other_device.get("/auth/profile").status_code == 302
    ok = client.post(
        "/auth/login", data={"email": user.email, "password": "a brand new passphrase"}
    )
    assert ok.status_code == 302


def test_change_password_needs_current_and_signs_out_elsewhere(app, client, make_user, login):
    user = make_user()
    login(user)
    elsewhere = login(user, on=app.test_client())
    wrong = client.post(
        "/auth/profile/password",
        data={"current_password": "nope nope nope", "password": "fresh long passphrase"},
    )
    assert wrong.status_code == 400 and "current password is not right" in wrong.get_data(
        as_text=True
    )
    ok = client.post(
        "/auth/profile/password",
        data={"current_password": TEST_PASSWORD, "password": "fresh long passphrase"},
    )
    assert ok.status_code == 302
    assert client.get("/auth/profile").status_code == 200  # this session continues
    assert elsewhere.get("/auth/profile").status_code == 302


def test_change_email_is_confirmed_by_link_to_new_address(app, client, make_user, login):
    user = make_user()
    login(user)
    response = client.post(
        "/auth/profile/email", data={"email": "new@example.org", "current_password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.email != "new@example.org" and user.pending_email == "new@example.org"
    [mail] = outbox(app)
    assert mail["to"] == "new@example.org"
    assert client.get(link_in(mail).split("civicapp.test", 1)[1]).status_code == 302
    db.session.refresh(user)
    assert user.email == "new@example.org" and user.pending_email is None


def test_profile_saves_language_and_municipality(client, make_user, login, make_municipality):
    town = make_municipality("prizren")
    user = make_user()
    login(user)
    response = client.post(
        "/auth/profile",
        data={"display_name": "Arta K.", "locale": "sr", "home_municipality_id": str(town.id)},
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert (user.display_name, user.locale, user.home_municipality_id) == ("Arta K.", "sr", town.id)
    page = client.get("/auth/profile").get_data(as_text=True)
    assert 'lang="sr-Cyrl"' in page


def test_forms_without_csrf_token_are_refused(client, make_user):
    user = make_user()
    response = client.post(
        "/auth/login", data={"email": user.email, "password": TEST_PASSWORD}, csrf=False
    )
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)
