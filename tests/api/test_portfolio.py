"""The portfolio figures in the API: those of the portfolio page, with its defaults and checks."""

import pytest

from civicapp.extensions import db
from civicapp.sectors import Sector
from tests.api.test_endpoints import API, get_json, resolves
from tests.api.test_errors import error_of

PERIOD = "start_year=2024&end_year=2027"


def rows(data, dimension: str, key: str) -> list[tuple]:
    return [(row[key], row["initiatives"], row["amount"]) for row in data[f"by_{dimension}"]]


def test_figures_per_municipality_sector_and_donor(client, civil_society):
    data = get_json(client, f"{API}/portfolio?{PERIOD}")["data"]
    # River (50,000.50, Pristina), school gardens (50,000, two municipalities), the suspended
    # organisation's plan (50,000, no municipality, no sector); not the drafts.
    assert (data["initiatives"], data["amount"], data["currency"]) == (3, "150000.50", "EUR")
    assert data["cancelled"] == 0
    assert rows(data, "municipality", "municipality") == [
        ("pristina", 1, "50000.50"),
        ("presevo", 1, "25000.00"),
        ("shkoder", 1, "25000.00"),
        (None, 1, "50000.00"),
    ]
    assert rows(data, "sector", "sector") == [
        ("environment", 1, "50000.50"),
        ("education", 1, "50000.00"),
        (None, 1, "50000.00"),
    ]
    sida, usaid = civil_society.donors["sida"], civil_society.donors["usaid"]
    assert rows(data, "donor", "donor_id") == [(sida.id, 1, "30000.00"), (usaid.id, 1, "0.00")]
    assert [row["label"] for row in data["by_municipality"]][:2] == ["Pristina", "Preševo"]


def test_the_same_figures_as_the_service(app, client, civil_society):
    from flask_babel import force_locale

    from civicapp.portfolio.services import PortfolioFilters, portfolio

    data = get_json(client, f"{API}/portfolio?{PERIOD}&sector=education")["data"]
    with app.test_request_context(), force_locale("en"):
        expected = portfolio(PortfolioFilters(2024, 2027, sector=Sector.EDUCATION))
    assert data["initiatives"] == expected.initiatives == 1
    assert data["amount"] == str(expected.amount)
    assert [row["label"] for row in data["by_municipality"]] == [
        row.label for row in expected.by_municipality
    ]


def test_years_default_as_on_the_portfolio_page(client, civil_society):
    from civicapp.portfolio.services import default_period

    first, last = default_period()
    data = get_json(client, f"{API}/portfolio")["data"]
    assert data["filters"] == {
        "start_year": first,
        "end_year": last,
        "municipality": None,
        "sector": None,
        "donor": None,
        "country": None,
    }
    page = client.get("/portfolio/").text
    assert f'value="{first}"' in page and f'value="{last}"' in page


@pytest.mark.parametrize(
    ("query", "initiatives", "amount"),
    [
        ("municipality=pristina", 1, "50000.50"),
        ("country=AL", 1, "50000.00"),
        ("sector=environment", 1, "50000.50"),
        ("donor={sida}", 1, "50000.50"),
        ("donor=999999", 0, "0.00"),
        ("start_year=2024&end_year=2024", 1, "50000.00"),
        ("start_year=2020&end_year=2023", 0, "0.00"),
    ],
)
def test_filters(client, civil_society, query, initiatives, amount):
    query = query.format(sida=civil_society.donors["sida"].id)
    if "start_year" not in query:
        query += f"&{PERIOD}"
    data = get_json(client, f"{API}/portfolio?{query}")["data"]
    assert (data["initiatives"], data["amount"]) == (initiatives, amount)
    if not initiatives:
        assert data["by_municipality"] == data["by_sector"] == data["by_donor"] == []


def test_cancelled_initiatives_are_counted_apart(client, civil_society):
    from civicapp.initiatives.models import Status

    civil_society.initiatives["school"].status = Status.CANCELLED
    db.session.commit()
    data = get_json(client, f"{API}/portfolio?{PERIOD}")["data"]
    assert (data["initiatives"], data["amount"], data["cancelled"]) == (2, "100000.50", 1)


def test_links_to_the_page_and_its_csv_keep_the_filters(client, civil_society):
    data = get_json(client, f"{API}/portfolio?{PERIOD}&country=XK")["data"]
    assert data["filters"]["country"] == "XK"
    for key in ("html_url", "csv_url"):
        assert "start_year=2024" in data[key] and "country=XK" in data[key]
        assert resolves(client, data[key])


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("start_year=1989", "start_year"),
        ("end_year=2101", "end_year"),
        ("start_year=", "start_year"),
        ("start_year=2024.5", "start_year"),
        (f"end_year={10**30}", "end_year"),
        ("municipality=nowhere", "municipality"),
        ("sector=roads", "sector"),
        ("donor=0", "donor"),
        ("donor=abc", "donor"),
        ("country=FR", "country"),
    ],
)
def test_bad_parameters_are_a_400(client, query, parameter):
    error = error_of(client.get(f"{API}/portfolio?{query}"), 400)
    assert f"parameter {parameter} " in error["detail"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start_year=2027&end_year=2026", "The first year must not be after the last year."),
        ("start_year=1990&end_year=2026", "Choose a period of at most 30 years."),
    ],
)
def test_a_period_the_page_refuses_is_a_400(client, query, message):
    assert error_of(client.get(f"{API}/portfolio?{query}"), 400)["detail"] == message
