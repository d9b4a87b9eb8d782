"""Bad parameters get a 400 that names them, unknown objects a 404, always JSON, never a 500."""

import pytest

API = "/api/v1"
PRIORITY_FILTERS = "sector environment, infrastructure"


def error_of(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    error = response.get_json()["error"]
    assert set(error) == {"status", "title", "detail"} and error["status"] == status
    return error


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/priorities?page=0", "page"),
        ("/priorities?page=-1", "page"),
        (f"/priorities?page={10**30}", "page"),
        ("/priorities?page=1.5", "page"),
        ("/priorities?page=", "page"),
        ("/municipalities?per_page=1000", "per_page"),
        ("/accountability?per_page=0", "per_page"),
        ("/priorities/1/answers?per_page=101", "per_page"),
        ("/priorities?sector=roads", "sector"),
        ("/priorities?sector=", "sector"),
        ("/priorities?status=done", "status"),
        ("/priorities?municipality=%3Cscript%3Ealert(1)%3C/script%3E", "municipality"),
        ("/priorities?consultation=abc", "consultation"),
        (f"/priorities?consultation={2**31}", "consultation"),
        ("/priorities?overdue=yes", "overdue"),
        ("/priorities?sort=best", "sort"),
        ("/consultations?phase=secret", "phase"),
        ("/consultations?municipality=%3Cscript%3E", "municipality"),
        ("/consultations?municipality=", "municipality"),
        ("/municipalities?country=FR", "country"),
        ("/accountability?sort=evil", "sort"),
        ("/accountability?order=up", "order"),
        ("/organisations?kind=ngo", "kind"),
        ("/organisations?verified=yes", "verified"),
        ("/organisations?municipality=nowhere", "municipality"),
        ("/organisations?sector=", "sector"),
        ("/organisations?per_page=101", "per_page"),
        ("/initiatives?status=draft", "status"),
        ("/initiatives?year=1989", "year"),
        ("/initiatives?year=2101", "year"),
        ("/initiatives?year=twenty", "year"),
        ("/initiatives?donor=0", "donor"),
        ("/initiatives?donor=-3", "donor"),
        (f"/initiatives?donor={2**31}", "donor"),
        ("/initiatives?organisation=Lumi%20NGO", "organisation"),
        ("/initiatives?organisation=", "organisation"),
        ("/initiatives?municipality=%3Cscript%3E", "municipality"),
        ("/initiatives?sector=roads", "sector"),
        ("/donors?page=abc", "page"),
    ],
)
def test_bad_parameters_are_named_in_a_400(client, dataset, url, parameter):
    if url.startswith("/priorities/1/"):
        url = url.replace("/1/", f"/{dataset.priorities['river'].id}/")
    error = error_of(client.get(API + url), 400)
    assert error["title"] == "Bad request"
    assert f"parameter {parameter} " in error["detail"]
    assert "<script>" not in error["detail"]


@pytest.mark.parametrize("query", ["q=river%00", "municipality=pristina%00", "page=1%00"])
def test_nul_characters_are_a_400(client, dataset, query):
    error_of(client.get(f"{API}/priorities?{query}"), 400)


def test_the_allowed_values_are_listed(client, dataset):
    error = error_of(client.get(f"{API}/priorities?status=done"), 400)
    assert "open, received, under_review" in error["detail"]


def test_every_bad_filter_is_named_at_once(client, dataset):
    error = error_of(client.get(f"{API}/priorities?sector=x&overdue=2"), 400)
    assert "parameter sector " in error["detail"] and "parameter overdue " in error["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/priorities/999999",
        f"/priorities/{10**30}",
        "/priorities/999999/answers",
        "/consultations/999999",
        "/consultations/999999/priorities.csv",
        "/municipalities/nowhere",
        "/municipalities/%3Cscript%3E",
        "/municipalities/pristina%00",
        "/accountability/nowhere",
        "/organisations/nobody",
        "/organisations/%3Cscript%3E",
        f"/organisations/{'a' * 81}",
        "/initiatives/999999",
        f"/initiatives/{10**30}",
        "/donors/999999",
        "/no-such-thing",
    ],
)
def test_unknown_objects_are_a_json_404(client, dataset, url):
    error = error_of(client.get(API + url), 404)
    assert error["title"] == "Page not found"


def test_the_api_takes_no_posts(client, dataset):
    response = client.post(f"{API}/priorities", data={"title": "x"})
    assert error_of(response, 405)["status"] == 405


@pytest.mark.parametrize(
    ("headers", "cookie", "expected"),
    [
        ({"Accept-Language": "sq"}, None, "sq"),
        ({"Accept-Language": "en"}, "sr_Latn", "sr_Latn"),
        ({"Accept-Language": "sr"}, None, "sr"),
    ],
)
def test_messages_are_in_the_readers_language(app, dataset, headers, cookie, expected):
    from flask_babel import force_locale
    from flask_babel import gettext as _

    client = app.test_client()
    if cookie:
        client.set_cookie("civicapp_locale", cookie, domain="civicapp.test")
    error = error_of(client.get(f"{API}/priorities?page=0", headers=headers), 400)
    english = "The parameter page must be a whole number from 1 to 10000."
    with app.test_request_context(), force_locale(expected):
        translated = _(
            "The parameter %(name)s must be a whole number from %(low)s to %(high)s.",
            name="page",
            low=1,
            high=10_000,
        )
        title = _("Bad request")
    assert translated != english
    assert (error["title"], error["detail"]) == (title, translated)
