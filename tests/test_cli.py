"""Command-line tools used by operators."""

from sqlalchemy import select

from civicapp.accounts.models import Role, User
from civicapp.extensions import db
from civicapp.municipalities.models import StaffAssignment


def test_create_admin_takes_the_password_from_the_environment(runner, app_ctx, monkeypatch):
    monkeypatch.setenv("CIVICAPP_ADMIN_PASSWORD", "a long admin passphrase")
    result = runner.invoke(args=["users", "create-admin", "Boss@Example.org"])
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User))
    assert (user.email, user.role) == ("boss@example.org", Role.ADMIN)
    assert user.email_verified_at is not None


def test_create_admin_refuses_a_weak_password(runner, app_ctx, monkeypatch):
    monkeypatch.setenv("CIVICAPP_ADMIN_PASSWORD", "password")
    result = runner.invoke(args=["users", "create-admin", "boss@example.org"])
    assert result.exit_code == 2
    assert db.session.scalar(select(User)) is None


def test_create_admin_prompts_when_no_variable(runner, app_ctx, monkeypatch):
    monkeypatch.delenv("CIVICAPP_ADMIN_PASSWORD", raising=False)
    pw = "prompted admin passphrase"
    result = runner.invoke(
        args=["users", "create-admin", "boss@example.org"], input=f"{pw}\n{pw}\n"
    )
    assert result.exit_code == 0, result.output


def test_assign_staff_by_cli(runner, make_user, make_municipality):
    person = make_user()
    make_municipality("bujanovac")
    result = runner.invoke(args=["users", "assign-staff", person.email, "bujanovac"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(StaffAssignment)).user_id == person.id
    again = runner.invoke(args=["users", "assign-staff", person.email, "bujanovac"])
    assert again.exit_code == 0
    assert len(db.session.scalars(select(StaffAssignment)).all()) == 1


def test_assign_staff_with_bad_arguments_says_why(runner, make_user):
    person = make_user()
    assert (
        "no municipality"
        in runner.invoke(args=["users", "assign-staff", person.email, "atlantis"]).output
    )
    result = runner.invoke(args=["users", "assign-staff", "ghost@example.org", "atlantis"])
    assert result.exit_code == 2 and "no account" in result.output


def test_demo_seed_runs_once(runner, app_ctx):
    runner.invoke(args=["municipalities", "load"])
    first = runner.invoke(args=["demo", "seed"])
    assert first.exit_code == 0, first.output
    users = db.session.scalar(select(db.func.count()).select_from(User))
    second = runner.invoke(args=["demo", "seed"])
    assert "already there" in second.output
    assert db.session.scalar(select(db.func.count()).select_from(User)) == users
    staff = db.session.scalar(select(User).where(User.email == "staff@demo.example.org"))
    assert staff.totp_enabled_at is not None and len(staff.staff_assignments) == 2


def test_demo_seed_refuses_bad_scale(runner):
    result = runner.invoke(args=["demo", "seed", "--scale", "-1"])
    assert result.exit_code == 2 and "-1" in result.output


def test_demo_accounts_can_sign_in_through_the_form(runner, client, app_ctx):
    from civicapp.demo.services import DEMO_ACCOUNTS, DEMO_PASSWORD

    runner.invoke(args=["municipalities", "load"])
    runner.invoke(args=["demo", "seed"])
    for email, *_rest, secret, _locale in DEMO_ACCOUNTS:
        response = client.post("/auth/login", data={"email": email, "password": DEMO_PASSWORD})
        expected = "/auth/two-factor" if secret else "/"
        assert response.status_code == 302 and response.headers["Location"] == expected, email
        client.post("/auth/logout")
