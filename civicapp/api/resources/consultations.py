"""Consultations: their phase, their decision, the priorities their plan adopted."""

from collections import defaultdict

from sqlalchemy import select

from civicapp.api import spec
from civicapp.api.fields import (
    COUNT,
    INTEGER,
    STRING,
    Shape,
    day,
    enum,
    field,
    link,
    slug_of,
    text,
    time,
)
from civicapp.consultations.models import Consultation, Phase
from civicapp.consultations.services import list_consultations, priority_counts
from civicapp.extensions import db
from civicapp.i18n import CONTENT_LANGUAGES
from civicapp.priorities.models import Priority
from civicapp.priorities.policies import listed_priorities

MARKDOWN = "Markdown, as written."
CONSULTATION = Shape(
    "Consultation",
    {
        "id": field(INTEGER),
        "title": text(),
        "description": text(doc=MARKDOWN),
        "description_html": text(doc="The description as sanitised HTML."),
        "language": enum(CONTENT_LANGUAGES),
        "municipality": slug_of("municipality", "The municipality's slug."),
        "phase": enum(Phase),
        "phase_changed_at": time(null=True),
        "support_threshold": field({"type": "integer", "minimum": 1}),
        "decision_reference": field(STRING, null=True),
        "decision_date": day(null=True),
        "adopted_priority_ids": field({"type": "array", "items": INTEGER}),
        "priority_count": field(COUNT),
        "created_at": time(),
        "url": link("api.consultation", consultation_id="id"),
        "html_url": link("consultations.show", consultation_id="id"),
        "priorities_url": link("api.priorities", consultation="id"),
        "priorities_csv_url": link("api.consultation_csv", consultation_id="id"),
    },
)
SHAPES = (CONSULTATION,)
TAG = "consultations"
consultations = list_consultations


def get_consultation(consultation_id: int) -> Consultation | None:
    return db.session.get(Consultation, consultation_id)


def consultations_json(items) -> list[dict]:
    """The consultations with their adopted priorities and counts, in two queries."""
    ids = [consultation.id for consultation in items]
    adopted, counts = adopted_priority_ids(ids), priority_counts(ids)
    return [
        CONSULTATION.dump(c, adopted_priority_ids=adopted[c.id], priority_count=counts.get(c.id, 0))
        for c in items
    ]


def adopted_priority_ids(consultation_ids: list[int]) -> dict[int, list[int]]:
    """Ids of the public priorities each consultation adopted into its plan, in one query."""
    found = defaultdict(list)
    if consultation_ids:
        stmt = (
            select(Priority.consultation_id, Priority.id)
            .where(
                Priority.consultation_id.in_(consultation_ids),
                Priority.adopted_in_plan.is_(True),
                listed_priorities(),
            )
            .order_by(Priority.id)
        )
        for consultation_id, priority_id in db.session.execute(stmt):
            found[consultation_id].append(priority_id)
    return found


def paths(slugs: list[str]) -> dict:
    consultation = spec.id_path("consultation_id", "The consultation's id.")
    filters = [
        spec.query("municipality", spec.slug(slugs), "Only this municipality's consultations."),
        spec.query("phase", enum(Phase).schema, "Only this phase."),
        *spec.PAGING,
    ]
    summaries = ("List consultations", "Show a consultation")
    return spec.collection(
        "/consultations", CONSULTATION, filters, consultation, TAG, summaries
    ) | {
        "/consultations/{consultation_id}/priorities.csv": spec.operation(
            "Download a consultation's priorities as CSV",
            spec.csv_response(),
            [consultation],
            TAG,
            not_found=True,
        ),
    }
