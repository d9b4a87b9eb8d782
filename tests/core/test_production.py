"""Production settings: secure cookies; health check covers Redis when configured."""

import pytest

from tests.conftest import TEST_PASSWORD, make_test_app


def test_production_cookies_are_secure_httponly_samesite(app, database_url, tmp_path, make_user):
    user = make_user()
    prod = make_test_app(
        database_url, tmp_path, PRODUCTION=True, TESTING=False, PREFERRED_URL_SCHEME="https"
    )
    client = prod.test_client()
    client.post(
        "/auth/login", data={"email": user.email, "password": TEST_PASSWORD, "remember": "y"}
    )
    cookies = client.get("/").headers.getlist("Set-Cookie") or []
    login_cookies = client.post(
        "/auth/login", data={"email": user.email, "password": TEST_PASSWORD}
    ).headers.getlist("Set-Cookie")
    for header in cookies + login_cookies:
        assert "Secure" in header and "HttpOnly" in header and "SameSite=Lax" in header, header


def test_production_refuses_to_start_with_weak_secret(database_url, tmp_path):
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        make_test_app(database_url, tmp_path, PRODUCTION=True, SECRET_KEY="short")


def test_healthz_checks_redis_when_configured(app, database_url, tmp_path):
    with_redis = make_test_app(database_url, tmp_path, REDIS_URL="redis://127.0.0.1:6379/13")
    assert with_redis.test_client().get("/healthz").json["checks"] == {
        "database": "ok",
        "redis": "ok",
    }
    broken = make_test_app(database_url, tmp_path / "b", REDIS_URL="redis://127.0.0.1:1/0")
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503 and response.json["checks"]["redis"] == "error"


def test_remember_cookie_dies_with_the_session_version(app, client, make_user):
    user = make_user()
    client.post(
        "/auth/login", data={"email": user.email, "password": TEST_PASSWORD, "remember": "y"}
    )
    remember = client.get_cookie("remember_token", domain="civicapp.test")
    assert remember is not None
    thief = app.test_client()
    thief.set_cookie("remember_token", remember.value, domain="civicapp.test")
    assert thief.get("/auth/profile").status_code == 200
    client.post("/auth/logout")
    fresh_thief = app.test_client()
    fresh_thief.set_cookie("remember_token", remember.value, domain="civicapp.test")
    assert fresh_thief.get("/auth/profile").status_code == 302
