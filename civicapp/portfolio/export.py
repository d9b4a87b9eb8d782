"""The portfolio as a CSV file: one row per dimension and key, amounts to the cent."""

from flask_babel import gettext as _

from civicapp.core.spreadsheets import csv_text
from civicapp.portfolio.services import Portfolio, PortfolioFilters

COLUMNS = ("dimension", "key", "label", "initiatives", "amount_eur")


def portfolio_csv(figures: Portfolio) -> str:
    """The totals, then every municipality, sector and donor row of the portfolio."""
    total = ["total", "", _("All initiatives"), figures.initiatives, figures.amount]
    return csv_text(COLUMNS, [total, *_rows(figures)])


def _rows(figures: Portfolio):
    dimensions = (
        ("municipality", figures.by_municipality),
        ("sector", figures.by_sector),
        ("donor", figures.by_donor),
    )
    for dimension, rows in dimensions:
        for row in rows:
            # Labels are typed by people (donor names): a leading "=" must not run as a formula.
            yield [dimension, row.key, row.label, row.initiatives, row.amount]


def filename(filters: PortfolioFilters) -> str:
    return f"portfolio-{filters.start_year}-{filters.end_year}.csv"
