"""The API's lists and objects: shapes, filters, order, pagination, links and hidden content."""

from urllib.parse import urlsplit

import pytest

from civicapp.db import utcnow
from civicapp.extensions import db

API = "/api/v1"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    return response.get_json()


def resolves(client, url: str) -> bool:
    """An absolute URL of this site that answers 200."""
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "civicapp.test", url
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.get(path).status_code == 200


def ids(body) -> list[int]:
    return [row["id"] for row in body["data"]]


def test_municipalities_list_every_name_form_in_slug_order(client, dataset):
    body = get_json(client, f"{API}/municipalities")
    assert [m["slug"] for m in body["data"]] == ["presevo", "pristina", "shkoder"]
    pristina = body["data"][1]
    assert pristina["names"] == {
        "sq": "Prishtinë",
        "sr_latn": "Priština",
        "sr_cyrl": "Приштина",
        "en": "Pristina",
    }
    assert pristina["country"] == "XK" and pristina["region"] == "Prishtinë"
    assert (pristina["population"], pristina["population_year"]) == (227154, 2024)
    assert pristina["official_languages"] == ["sq", "sr"]
    assert body["data"][0]["official_languages"] == ["sr", "sq"]
    assert (pristina["response_days"], pristina["support_threshold"]) == (30, 50)
    for key in ("html_url", "url", "accountability_url"):
        assert resolves(client, pristina[key])
    assert body["meta"] == {"page": 1, "per_page": 20, "total": 3, "pages": 1}


def test_municipalities_filtered_by_country(client, dataset):
    body = get_json(client, f"{API}/municipalities?country=AL")
    assert [m["slug"] for m in body["data"]] == ["shkoder"]
    assert "country=AL" in body["links"]["self"]


def test_one_municipality(client, dataset):
    body = get_json(client, f"{API}/municipalities/shkoder")
    assert body["data"]["names"]["sr_cyrl"] == "Скадар"
    assert body["data"]["html_url"] == "http://civicapp.test/municipalities/shkoder"


def test_consultations_newest_first_with_decision_and_adopted_priorities(client, dataset):
    body = get_json(client, f"{API}/consultations")
    expected = [dataset.consultations[key].id for key in ("shkoder", "adopted", "plan")]
    assert ids(body) == expected
    adopted = body["data"][1]
    assert adopted["phase"] == "adopted"
    assert adopted["decision_reference"] == "01 Nr. 016-12345"
    assert adopted["decision_date"] == "2026-12-20"
    # The hidden priority is in the plan too, but the public does not see it.
    assert adopted["adopted_priority_ids"] == [dataset.priorities["river"].id]
    assert adopted["priority_count"] == 1
    assert body["data"][2]["decision_reference"] is None
    for key in ("html_url", "url", "priorities_url", "priorities_csv_url"):
        assert resolves(client, adopted[key])


@pytest.mark.parametrize(
    ("query", "expected"),
    [("municipality=shkoder", ["shkoder"]), ("phase=voting", ["plan"]), ("phase=proposals", [])],
)
def test_consultations_filtered(client, dataset, query, expected):
    body = get_json(client, f"{API}/consultations?{query}")
    assert ids(body) == [dataset.consultations[key].id for key in expected]


def test_one_consultation(client, dataset):
    plan = dataset.consultations["plan"]
    body = get_json(client, f"{API}/consultations/{plan.id}")
    assert body["data"]["id"] == plan.id and body["data"]["phase"] == "voting"
    assert body["data"]["support_threshold"] == 1
    assert body["data"]["adopted_priority_ids"] == []


def test_priority_fields(client, dataset):
    river = dataset.priorities["river"]
    data = get_json(client, f"{API}/priorities/{river.id}")["data"]
    assert data["reference"] == river.reference and data["title"] == "Pastrimi i lumit Prishtevka"
    assert data["body"].startswith("Pastrimi i lumit Prishtevka. **Ju lutem**")
    assert "<strong>Ju lutem</strong>" in data["body_html"]
    assert "<script>" not in data["body_html"]
    assert (data["municipality"], data["consultation_id"]) == ("pristina", river.consultation_id)
    assert (data["sector"], data["place"], data["language"]) == ("environment", "Ulpiana", "sq")
    assert (data["status"], data["support_count"], data["comment_count"]) == ("implemented", 2, 0)
    assert data["adopted_in_plan"] is True and data["withdrawn"] is False
    assert data["is_overdue"] is False
    for key in ("threshold_reached_at", "due_at", "first_answered_at", "created_at"):
        assert data[key].endswith("Z") and len(data[key]) == len("2027-01-01T00:00:00Z")
    assert data["html_url"] == f"http://civicapp.test/priorities/{river.id}"
    for key in ("html_url", "url", "answers_url"):
        assert resolves(client, data[key])


def test_overdue_and_withdrawn_priorities_say_so(client, dataset):
    overdue = get_json(client, f"{API}/priorities/{dataset.priorities['overdue'].id}")["data"]
    assert overdue["is_overdue"] is True and overdue["first_answered_at"] is None
    withdrawn = get_json(client, f"{API}/priorities/{dataset.priorities['withdrawn'].id}")["data"]
    assert withdrawn["withdrawn"] is True


def test_hidden_priority_is_absent_even_for_a_moderator(client, login, make_user, dataset):
    from civicapp.accounts.models import Role

    login(make_user(role=Role.MODERATOR))
    hidden = dataset.priorities["hidden"]
    assert hidden.id not in ids(get_json(client, f"{API}/priorities?per_page=100"))
    body = get_json(client, f"{API}/priorities/{hidden.id}", status=404)
    assert body["error"]["status"] == 404
    get_json(client, f"{API}/priorities/{hidden.id}/answers", status=404)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sector=environment", ["river", "serbian"]),
        ("status=implemented", ["river"]),
        ("overdue=1", ["overdue"]),
        ("municipality=presevo", ["serbian"]),
        ("municipality=pristina&sector=economy", ["formula"]),
        ("q=lumit", ["river"]),
        ("q=ciscenje", ["serbian"]),  # diacritics ignored
        ("q=%D1%87%D0%B8%D1%88%D1%9B%D0%B5%D1%9A%D0%B5", ["serbian"]),  # čišćenje in Cyrillic
        ("q=a", []),  # no word long enough to search for
    ],
)
def test_priorities_filtered(client, dataset, query, expected):
    body = get_json(client, f"{API}/priorities?{query}&sort=newest")
    assert sorted(ids(body)) == sorted(dataset.priorities[key].id for key in expected)


def test_priorities_of_a_consultation(client, dataset):
    plan = dataset.consultations["plan"]
    body = get_json(client, f"{API}/priorities?consultation={plan.id}")
    assert ids(body) == [dataset.priorities[key].id for key in ("formula", "lights")]


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("supported", "overdue"),
        ("newest", "overdue"),
        ("discussed", "lights"),
        ("answered", "river"),
        ("relevance", "overdue"),  # without a query: the default order
    ],
)
def test_priorities_in_the_html_lists_order(app, client, dataset, sort, first):
    from werkzeug.datastructures import MultiDict

    from civicapp.priorities import queries

    dataset.priorities["lights"].comment_count = 4
    db.session.commit()
    body = get_json(client, f"{API}/priorities?sort={sort}&q=i")
    with app.test_request_context():
        filters = queries.parse_filters(MultiDict({"sort": sort}))
        expected = [p.id for p in db.session.scalars(queries.priority_list_query(filters))]
    assert body["data"] == [] and expected  # "i" is too short to search for
    body = get_json(client, f"{API}/priorities?sort={sort}")
    assert ids(body) == expected
    assert body["data"][0]["id"] == dataset.priorities[first].id


def test_pagination_links_walk_the_list(client, dataset):
    url = f"{API}/priorities?sector=environment&per_page=1&sort=newest"
    first = get_json(client, url)
    assert first["meta"] == {"page": 1, "per_page": 1, "total": 2, "pages": 2}
    assert first["links"]["prev"] is None
    assert "sector=environment" in first["links"]["next"] and "page=2" in first["links"]["next"]
    second = get_json(client, first["links"]["next"].removeprefix("http://civicapp.test"))
    assert second["links"]["next"] is None and "page=1" in second["links"]["prev"]
    assert (
        ids(first) + ids(second)
        == sorted(dataset.priorities[key].id for key in ("river", "serbian"))[::-1]
    )


def test_a_page_past_the_end_is_empty_and_points_back(client, dataset):
    body = get_json(client, f"{API}/municipalities?page=9&per_page=2")
    assert body["data"] == [] and body["meta"]["total"] == 3 and body["meta"]["pages"] == 2
    assert body["links"]["next"] is None and "page=2" in body["links"]["prev"]


def test_answers_are_the_public_timeline(client, dataset):
    river = dataset.priorities["river"]
    body = get_json(client, f"{API}/priorities/{river.id}/answers")
    planned, implemented = body["data"]
    assert (planned["status"], planned["budget_amount"], planned["budget_year"]) == (
        "planned",
        15000.5,
        2027,
    )
    assert planned["budget_currency"] == "EUR" and planned["author"] == "Blerim Hoxha"
    assert planned["texts"] == {
        "sq": "Do ta pastrojmë lumin në pranverë.",
        "sr": "Očistićemo reku na proleće.",
    }
    assert planned["satisfaction"] == {"ratings": 0, "satisfied": 0, "share": None}
    assert implemented["status"] == "implemented" and implemented["budget_amount"] is None
    assert implemented["satisfaction"] == {"ratings": 2, "satisfied": 1, "share": 0.5}
    assert planned["created_at"] <= implemented["created_at"]


def test_a_priority_without_answers_has_an_empty_timeline(client, dataset):
    body = get_json(client, f"{API}/priorities/{dataset.priorities['lights'].id}/answers")
    assert body["data"] == [] and body["meta"]["total"] == 0


def test_league_has_the_figures_of_the_accountability_functions(app, client, dataset):
    from civicapp.responses.accountability import league_figures

    body = get_json(client, f"{API}/accountability")
    with app.test_request_context():
        expected = {f.municipality.slug: f for f in league_figures()}
    assert [row["municipality"] for row in body["data"]] == ["presevo", "pristina", "shkoder"]
    for row in body["data"]:
        figures = expected[row["municipality"]]
        for name in ("due", "answered", "overdue", "implemented", "decided", "on_time"):
            assert row[name] == getattr(figures, name)
        for name in ("answered_share", "implemented_share", "on_time_share"):
            assert row[name] == getattr(figures, name)
    shkoder = body["data"][2]
    assert (shkoder["due"], shkoder["overdue"], shkoder["answered_share"]) == (1, 1, 0.0)
    assert body["data"][1]["median_days"] == pytest.approx(0, abs=0.001)
    assert resolves(client, shkoder["html_url"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sort=overdue&order=desc", ["shkoder", "pristina", "presevo"]),
        ("sort=answered", ["pristina", "shkoder", "presevo"]),
        ("order=desc", ["shkoder", "pristina", "presevo"]),
    ],
)
def test_league_sorted_as_the_page_sorts(client, dataset, query, expected):
    body = get_json(client, f"{API}/accountability?{query}")
    assert [row["municipality"] for row in body["data"]] == expected


def test_one_municipalitys_figures_and_overdue_priorities(client, dataset):
    overdue = dataset.priorities["overdue"]
    data = get_json(client, f"{API}/accountability/shkoder")["data"]
    assert (data["due"], data["overdue"], data["answered"]) == (1, 1, 0)
    assert [p["id"] for p in data["overdue_priorities"]] == [overdue.id]
    assert data["overdue_priorities"][0]["reference"] == overdue.reference
    assert data["overdue_priorities"][0]["due_at"] < utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    assert get_json(client, f"{API}/accountability/presevo")["data"]["answered_share"] is None
