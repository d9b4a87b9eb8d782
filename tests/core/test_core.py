"""Site-wide behaviour: headers, health, language switch, error pages."""

import pytest
from sqlalchemy import select

from civicapp.accounts.models import User
from civicapp.config import check_production
from civicapp.extensions import db
from tests.conftest import make_test_app


def test_security_headers_on_every_response(client):
    for path in ("/", "/auth/login", "/no-such-page", "/healthz"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"]


def test_healthz_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "checks": {"database": "ok"}}


def test_language_switch_is_remembered_for_visitor(client):
    response = client.post("/language", data={"locale": "sr", "next": "/municipalities/"})
    assert response.headers["Location"] == "/municipalities/"
    assert 'lang="sr-Cyrl"' in client.get("/").get_data(as_text=True)


def test_a_visitor_switches_language_with_a_get_and_no_session(client):
    client.delete_cookie("session", domain="civicapp.test")
    response = client.get("/language?locale=sr_Latn&next=/municipalities/")
    assert response.status_code == 302 and response.headers["Location"] == "/municipalities/"
    assert response.headers["Set-Cookie"].startswith("civicapp_locale=sr_Latn;")
    home = client.get("/")
    assert 'lang="sr-Latn"' in home.get_data(as_text=True)
    assert "Set-Cookie" not in home.headers  # no session and no CSRF token for a visitor
    assert '<form method="get" action="/language"' in home.get_data(as_text=True)


def test_the_language_link_refuses_bad_values_and_foreign_next(client):
    response = client.get("/language?locale=xx&next=https://evil.example")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Set-Cookie" not in response.headers


def test_signed_in_users_switch_language_with_a_post_and_a_token(client, make_user, login):
    login(make_user(locale="sq"))
    home = client.get("/").get_data(as_text=True)
    start = home.index('<form method="post" action="/language" class="languages"')
    assert 'name="csrf_token"' in home[start : home.index("</form>", start)]


def test_language_switch_is_saved_on_profile(client, make_user, login):
    user = make_user(locale="sq")
    login(user)
    client.post("/language", data={"locale": "en", "next": "/"})
    db.session.refresh(user)
    assert user.locale == "en"


def test_language_switch_refuses_bad_values_and_foreign_next(client):
    client.delete_cookie("civicapp_locale", domain="civicapp.test")
    response = client.post("/language", data={"locale": "xx", "next": "https://evil.example"})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert 'lang="sq"' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    "header, lang",
    [
        ("sr-Latn-RS,sr;q=0.8", "sr-Latn"),
        ("sr-RS", "sr-Cyrl"),
        ("en-GB,en;q=0.9", "en"),
        ("de-DE", "sq"),
    ],
)
def test_accept_language_is_the_fallback(client, header, lang):
    client.delete_cookie("civicapp_locale", domain="civicapp.test")
    page = client.get("/", headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'lang="{lang}"' in page


def test_error_pages_are_translated_and_show_no_internals(client):
    client.set_cookie("civicapp_locale", "en", domain="civicapp.test")
    response = client.get("/no-such-page")
    assert response.status_code == 404 and "Page not found" in response.get_data(as_text=True)
    client.set_cookie("civicapp_locale", "sq", domain="civicapp.test")
    assert "Page not found" not in client.get("/no-such-page").get_data(as_text=True)


def test_unexpected_error_is_a_plain_500(app, database_url, tmp_path):
    broken = make_test_app(database_url, tmp_path, PROPAGATE_EXCEPTIONS=False)

    @broken.get("/__boom")
    def boom():
        raise RuntimeError("secret internals")

    response = broken.test_client().get("/__boom")
    assert response.status_code == 500
    assert "secret internals" not in response.get_data(as_text=True)


def test_production_refuses_weak_secret_debug_and_no_public_host():
    public = {"SERVER_NAME": "civicapp.example", "PREFERRED_URL_SCHEME": "https"}
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        check_production({"PRODUCTION": True, "SECRET_KEY": "dev", **public})
    with pytest.raises(RuntimeError, match="DEBUG"):
        check_production({"PRODUCTION": True, "SECRET_KEY": "x" * 40, "DEBUG": True, **public})
    for missing in ({"SERVER_NAME": None}, {"PREFERRED_URL_SCHEME": "http"}):
        with pytest.raises(RuntimeError, match="CIVICAPP_SERVER_NAME"):
            check_production({"PRODUCTION": True, "SECRET_KEY": "x" * 40, **public, **missing})
    check_production({"PRODUCTION": True, "SECRET_KEY": "x" * 40, **public})


def test_home_page_shows_counts_in_the_reader_language(client, app_ctx):
    from civicapp.municipalities.services import load_municipalities

    load_municipalities()
    client.set_cookie("civicapp_locale", "en", domain="civicapp.test")
    page = client.get("/").get_data(as_text=True)
    assert (
        "38 municipalities" in page and "61 municipalities" in page and "3 municipalities" in page
    )
    assert db.session.scalar(select(User)) is None


def test_nul_characters_are_refused_not_a_500(client):
    assert client.get("/municipalities/?q=a%00b").status_code == 400
    assert client.post("/auth/forgot", data={"email": "a\x00@example.org"}).status_code == 400


def test_pagination_links_ignore_url_for_options(client, make_user, login):
    from civicapp.accounts.models import Role

    login(make_user(role=Role.ADMIN))
    for _ in range(55):
        make_user()
    page = client.get("/admin/users?_method=POST&_external=1&_scheme=javascript").get_data(
        as_text=True
    )
    assert 'rel="next" href="/admin/users?page=2"' in page


def test_nul_character_in_a_path_is_a_404_not_a_500(client):
    for path in ("/municipalities/%00", "/municipalities/%00/settings", "/accountability/%00"):
        assert client.get(path).status_code == 404
