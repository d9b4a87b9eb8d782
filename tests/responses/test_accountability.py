"""Accountability figures on a hand-built dataset whose answers are known; constant queries."""

import html
import re
from datetime import timedelta

import pytest

from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Status
from civicapp.responses.accountability import league_figures, municipality_figures
from tests.helpers import count_statements


def build(make_priority, municipality, reached_ago, answered_after=None, due_after=30, **fields):
    """A priority whose threshold was reached `reached_ago` days ago (None: not reached)."""
    priority = make_priority(municipality, **fields)
    if reached_ago is not None:
        reached = utcnow() - timedelta(days=reached_ago)
        priority.threshold_reached_at = reached
        priority.due_at = reached + timedelta(days=due_after)
        if answered_after is not None:
            priority.first_answered_at = reached + timedelta(days=answered_after)
            priority.last_answered_at = priority.first_answered_at
            priority.status = fields.get("status", Status.RECEIVED)
    db.session.commit()
    return priority


@pytest.fixture
def dataset(make_municipality, make_priority):
    a = make_municipality("alpha", name_en="Alpha")
    b = make_municipality("beta", name_en="Beta")
    c = make_municipality("gamma", name_en="Gamma")
    build(make_priority, a, 100, answered_after=2, status=Status.IMPLEMENTED)  # on time
    build(make_priority, a, 90, answered_after=4, status=Status.PLANNED)  # on time
    build(make_priority, a, 80, answered_after=10, due_after=5)  # late
    build(make_priority, a, 60)  # overdue now
    build(make_priority, a, 10, title="Still within its deadline")  # due, not overdue yet
    build(make_priority, a, None)  # threshold not reached: not counted
    build(make_priority, a, 70, withdrawn_at=utcnow())  # withdrawn: not counted
    build(make_priority, a, 50, answered_after=1, is_hidden=True)  # hidden: not counted
    build(make_priority, b, 40, answered_after=6)
    build(make_priority, b, 40, answered_after=8)
    return a, b, c


def test_figures_of_a_municipality(dataset):
    figures = municipality_figures(dataset[0])
    assert figures.due == 5
    assert figures.answered == 3 and figures.answered_share == pytest.approx(0.6)
    assert figures.median_days == pytest.approx(4, abs=1e-3)  # median of [2, 4, 10]
    assert figures.overdue == 1
    assert figures.implemented_share == pytest.approx(0.2)
    # Decided: three answered and one past its deadline; on time: two of them.
    assert (figures.on_time, figures.decided) == (2, 4)
    assert figures.on_time_share == pytest.approx(0.5)


def test_median_of_an_even_count_is_the_mean_of_the_middle_two(dataset):
    assert municipality_figures(dataset[1]).median_days == pytest.approx(7, abs=1e-3)


def test_an_answer_before_the_threshold_counts_as_zero_days(make_municipality, make_priority):
    town = make_municipality("delta")
    build(make_priority, town, 10, answered_after=-3)
    build(make_priority, town, 10, answered_after=-1)
    build(make_priority, town, 10, answered_after=5)
    assert municipality_figures(town).median_days == pytest.approx(0)


def test_a_municipality_with_nothing_due_has_no_shares(dataset):
    figures = municipality_figures(dataset[2])
    assert figures.due == 0 and figures.answered_share is None and figures.median_days is None


def test_league_figures_match_each_municipality(dataset):
    league = {f.municipality.slug: f for f in league_figures()}
    for municipality in dataset:
        alone = municipality_figures(municipality)
        assert league[municipality.slug] == alone


def rows(client, **params) -> list[str]:
    body = client.get("/accountability/", query_string=params).get_data(as_text=True)
    return re.findall(r'<th scope="row"><a href="/accountability/([a-z-]+)"', body)


def test_league_table_sorts_by_each_column_and_lists_empty_ones_last(client, dataset):
    assert rows(client) == ["beta", "alpha", "gamma"]  # answered: 100 %, 60 %, —
    assert rows(client, sort="median") == ["alpha", "beta", "gamma"]  # 4 days, 7 days
    assert rows(client, sort="median", order="desc") == ["beta", "alpha", "gamma"]
    assert rows(client, sort="overdue") == ["beta", "alpha", "gamma"]
    assert rows(client, sort="due") == ["alpha", "beta", "gamma"]
    assert rows(client, sort="name", order="desc") == ["beta", "alpha", "gamma"]
    for key in ("implemented", "on_time", "answered", "name"):
        assert client.get("/accountability/", query_string={"sort": key}).status_code == 200


def test_league_table_shows_locale_formatted_figures(client, dataset):
    body = client.get("/accountability/").get_data(as_text=True)
    assert "60%" in body and "—" in body and "How the figures are computed" in body
    client.set_cookie("civicapp_locale", "sq", domain="civicapp.test")
    body = html.unescape(client.get("/accountability/").get_data(as_text=True))
    assert re.search(r"60\s?%", body)


@pytest.mark.parametrize(
    "params",
    [{"sort": "<script>"}, {"sort": "answered", "order": "sideways"}, {"sort": "x" * 5000}],
)
def test_bad_sort_is_a_clear_400(client, dataset, params):
    response = client.get("/accountability/", query_string=params)
    assert response.status_code == 400
    assert "This table cannot be sorted that way." in response.get_data(as_text=True)
    assert "<script>" not in response.get_data(as_text=True)


def test_municipality_page_lists_overdue_priorities(client, dataset, make_priority):
    body = html.unescape(client.get("/accountability/alpha").get_data(as_text=True))
    assert "Overdue priorities" in body
    assert len(re.findall(r'href="/priorities/\d+"', body)) == 1
    assert "Still within its deadline" not in body
    assert client.get("/accountability/gamma").status_code == 200
    assert client.get("/accountability/no-such-place").status_code == 404


def league_queries(client) -> int:
    with count_statements() as statements:
        assert client.get("/accountability/?sort=median").status_code == 200
    return len(statements)


def test_league_table_takes_constant_queries(client, make_municipality, make_priority):
    first = make_municipality("m0")
    build(make_priority, first, 20, answered_after=3)
    small = league_queries(client)
    for n in range(1, 12):
        town = make_municipality(f"m{n}")
        for days in range(n):
            build(make_priority, town, 40 + days, answered_after=days % 5 or None)
    assert league_queries(client) == small <= 4


def test_the_league_table_is_cached_until_an_answer_changes_it(
    app, client, monkeypatch, make_municipality, make_priority, make_user, answer
):
    monkeypatch.setitem(app.config, "CACHE_SECONDS", 60)
    town = make_municipality("alpha", name_en="Alpha")
    staff = make_user(staff_of=[town])
    priority = build(make_priority, town, 5)
    build(make_priority, town, 6, answered_after=1)
    assert league_queries(client) > 1
    assert league_queries(client) == 1  # served from the cache: it reads the generation only
    assert "50%" in client.get("/accountability/").get_data(as_text=True)
    answer(staff, priority)
    assert "100%" in client.get("/accountability/").get_data(as_text=True)
    client.set_cookie("civicapp_locale", "sq", domain="civicapp.test")
    assert league_queries(client) > 1  # each language has its own copy
