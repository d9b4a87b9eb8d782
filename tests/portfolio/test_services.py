"""Portfolio figures: exact sums, equal splits, donor funding, the period, what is left out."""

from datetime import date
from decimal import Decimal

import pytest
from flask_babel import force_locale

from civicapp.extensions import db
from civicapp.initiatives.models import Status
from civicapp.municipalities.models import Country
from civicapp.portfolio.services import (
    PeriodError,
    PortfolioFilters,
    Row,
    check_period,
    default_period,
    portfolio,
)
from civicapp.sectors import Sector

YEAR_2024 = PortfolioFilters(2024, 2024)


def rows(found: list[Row]) -> dict[str, tuple[int, Decimal]]:
    return {row.key: (row.initiatives, row.amount) for row in found}


def test_totals_count_only_public_uncancelled_initiatives_of_the_period(world):
    figures = portfolio(YEAR_2024)
    assert figures.initiatives == 2
    assert figures.amount == Decimal("110000.50")
    assert figures.cancelled == 1


def test_budgets_are_split_equally_among_municipalities(world):
    by_town = rows(portfolio(YEAR_2024).by_municipality)
    assert by_town == {
        "pristina": (2, Decimal("43333.83")),  # 100000 / 3 + 10000.50
        "prizren": (1, Decimal("33333.33")),
        "tirana": (1, Decimal("33333.33")),
    }


def test_budgets_are_split_equally_among_sectors_and_the_column_adds_up(world):
    with force_locale("en"):
        figures = portfolio(YEAR_2024)
    assert rows(figures.by_sector) == {
        "environment": (1, Decimal("50000.00")),
        "health": (1, Decimal("50000.00")),
        "": (1, Decimal("10000.50")),
    }
    assert figures.by_sector[-1].label == "No sector given"
    assert sum(row.amount for row in figures.by_sector) == figures.amount


def test_rows_are_labelled_in_the_readers_language_and_ranked_by_money(world):
    with force_locale("sr"):
        figures = portfolio(YEAR_2024)
    assert [row.label for row in figures.by_municipality] == [
        "pristina ср",
        "prizren ср",
        "tirana ср",
    ]
    assert figures.by_sector[0].label == "Животна средина"


def test_donors_get_their_funding_lines_and_listed_initiatives(world):
    by_donor = rows(portfolio(YEAR_2024).by_donor)
    assert by_donor == {
        str(world["sida"].id): (1, Decimal("42500.25")),
        str(world["usaid"].id): (1, Decimal("0.00")),
    }


def test_a_donor_sees_its_own_portfolio(world, make_initiative):
    other = make_initiative(
        world["river"].organisation,
        world["member"],
        [world["towns"]["prizren"]],
        status=Status.COMPLETED,
        total_budget=Decimal("8000"),
        donor_ids=[world["usaid"].id],
        start_date=date(2024, 5, 1),
        end_date=date(2024, 6, 1),
    )
    assert other.id
    figures = portfolio(PortfolioFilters(2024, 2024, donor_id=world["usaid"].id))
    assert figures.initiatives == 2
    assert figures.amount == Decimal("108000.00")
    assert rows(figures.by_donor)[str(world["sida"].id)] == (1, Decimal("42500.25"))
    assert rows(figures.by_donor)[str(world["usaid"].id)] == (2, Decimal("0.00"))


@pytest.mark.parametrize(
    "filters, expected",
    [
        (dict(municipality_id="prizren"), Decimal("100000.00")),
        (dict(sector=Sector.HEALTH), Decimal("100000.00")),
        (dict(sector=Sector.CULTURE), Decimal("0.00")),
        (dict(country=Country.ALBANIA), Decimal("100000.00")),
        (dict(country=Country.SERBIA), Decimal("0.00")),
    ],
)
def test_filters_select_initiatives(world, filters, expected):
    if "municipality_id" in filters:
        filters["municipality_id"] = world["towns"][filters["municipality_id"]].id
    figures = portfolio(PortfolioFilters(2024, 2024, **filters))
    assert figures.amount == expected


@pytest.mark.parametrize(
    "start, end, counted",
    [
        (2010, 2010, 1),  # the old initiative, 2010-01-01 to 2012-06-30
        (2012, 2012, 1),  # its last half year overlaps
        (2013, 2023, 0),
        (2025, 2030, 0),
        (2012, 2024, 3),
    ],
)
def test_an_initiative_counts_in_every_period_its_dates_overlap(world, start, end, counted):
    assert portfolio(PortfolioFilters(start, end)).initiatives == counted


def test_hidden_initiatives_are_left_out(world):
    world["school"].is_hidden = True
    db.session.commit()
    assert portfolio(YEAR_2024).amount == Decimal("100000.00")


def test_empty_selection(app_ctx):
    figures = portfolio(YEAR_2024)
    assert (figures.initiatives, figures.amount, figures.cancelled) == (0, Decimal("0.00"), 0)
    assert figures.by_municipality == figures.by_sector == figures.by_donor == []


@pytest.mark.parametrize(
    "start, end, field",
    [(2025, 2024, "end_year"), (1990, 2030, "start_year"), (1989, 2000, "start_year")],
)
def test_bad_periods_are_refused(start, end, field):
    with pytest.raises(PeriodError) as refused:
        check_period(start, end)
    assert refused.value.field == field


def test_thirty_years_and_the_default_period_are_accepted():
    check_period(2001, 2030)
    assert default_period(date(2026, 7, 1)) == (2022, 2026)
