"""The portfolio as a CSV file: one row per dimension and key, amounts to the cent."""

import csv
import io

from flask_babel import gettext as _

from civicapp.api.spreadsheet import BOM, safe_cell
from civicapp.portfolio.services import Portfolio, PortfolioFilters

COLUMNS = ("dimension", "key", "label", "initiatives", "amount_eur")


def portfolio_csv(figures: Portfolio) -> str:
    """The totals, then every municipality, sector and donor row of the portfolio."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerow(["total", "", _("All initiatives"), figures.initiatives, figures.amount])
    dimensions = (
        ("municipality", figures.by_municipality),
        ("sector", figures.by_sector),
        ("donor", figures.by_donor),
    )
    for dimension, rows in dimensions:
        for row in rows:
            # Labels are typed by people (donor names): a leading "=" must not run as a formula.
            cells = (row.key, row.label)
            writer.writerow([dimension, *map(safe_cell, cells), row.initiatives, row.amount])
    return out.getvalue()


def filename(filters: PortfolioFilters) -> str:
    return f"portfolio-{filters.start_year}-{filters.end_year}.csv"
