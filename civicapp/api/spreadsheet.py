"""A consultation's priorities as a CSV file that spreadsheets open safely and correctly."""

import csv
import io

from flask import url_for

from civicapp.consultations.services import visible_priorities
from civicapp.core.spreadsheets import BOM, safe_cell
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
