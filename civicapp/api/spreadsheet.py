"""A consultation's priorities as a CSV file that spreadsheets open safely and correctly."""

import csv
import io

from flask import url_for

from civicapp.consultations.services import visible_priorities
from civicapp.extensions import db

COLUMNS = (
    "reference",
    "title",
    "sector",
    "place",
    "status",
    "support_count",
    "comment_count",
    "adopted_in_plan",
    "html_url",
)
# Excel reads UTF-8 (Albanian ë, Serbian č ć đ š ž) only when the file starts with a BOM.
BOM = "\ufeff"
# A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The value as text, with a quote before anything a spreadsheet would run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def priorities_csv(consultation) -> str:
    """The consultation's public priorities as on its page: those in the plan first."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for priority in db.session.scalars(visible_priorities(consultation)):
        writer.writerow([safe_cell(value) for value in _row(priority)])
    return out.getvalue()


def _row(priority) -> list:
    return [
        priority.reference,
        priority.title,
        priority.sector.value,
        priority.place,
        priority.status.value,
        priority.support_count,
        priority.comment_count,
        "true" if priority.adopted_in_plan else "false",
        url_for("priorities.show", priority_id=priority.id, _external=True),
    ]


def filename(consultation) -> str:
    return f"consultation-{consultation.id}-priorities.csv"
