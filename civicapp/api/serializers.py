"""The API's resources as plain dicts: snake_case keys, ISO 8601 UTC times, absolute URLs."""

from datetime import UTC, date, datetime

from flask import url_for

from civicapp.responses.accountability import Figures
from civicapp.responses.models import Response
from civicapp.responses.queries import Rating

# Median days are computed from timestamps; three decimals (under two minutes) are plenty.
DAYS_DECIMALS = 3


def iso(value: datetime | None) -> str | None:
    """An aware datetime as ISO 8601 in UTC, to the second."""
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _url(endpoint: str, **values) -> str:
    return url_for(endpoint, **values, _external=True)


def names_json(municipality) -> dict:
    return {
        "sq": municipality.name_sq,
        "sr_latn": municipality.name_sr_latn,
        "sr_cyrl": municipality.name_sr_cyrl,
        "en": municipality.name_en,
    }


def municipality_json(municipality) -> dict:
    slug = municipality.slug
    return {
        "slug": slug,
        "names": names_json(municipality),
        "country": municipality.country.value,
        "region": municipality.region,
        "population": municipality.population,
        "population_year": municipality.population_year,
        "official_languages": list(municipality.official_language_codes),
        "response_days": municipality.response_days,
        "support_threshold": municipality.support_threshold,
        "url": _url("api.municipality", slug=slug),
        "html_url": _url("municipalities.show", slug=slug),
        "accountability_url": _url("api.accountability_municipality", slug=slug),
    }


def consultation_json(consultation, adopted_ids: list[int], priority_count: int) -> dict:
    consultation_id = consultation.id
    return {
        "id": consultation_id,
        "title": consultation.title,
        "description": consultation.description,
        "description_html": consultation.description_html,
        "language": consultation.language,
        "municipality": consultation.municipality.slug,
        "phase": consultation.phase.value,
        "phase_changed_at": iso(consultation.phase_changed_at),
        "support_threshold": consultation.support_threshold,
        "decision_reference": consultation.decision_reference,
        "decision_date": iso_date(consultation.decision_date),
        "adopted_priority_ids": adopted_ids,
        "priority_count": priority_count,
        "created_at": iso(consultation.created_at),
        "url": _url("api.consultation", consultation_id=consultation_id),
        "html_url": _url("consultations.show", consultation_id=consultation_id),
        "priorities_url": _url("api.priorities", consultation=consultation_id),
        "priorities_csv_url": _url("api.consultation_csv", consultation_id=consultation_id),
    }


def priority_json(priority) -> dict:
    priority_id = priority.id
    return {
        "id": priority_id,
        "reference": priority.reference,
        "title": priority.title,
        "body": priority.body,
        "body_html": priority.body_html,
        "language": priority.language,
        "municipality": priority.municipality.slug,
        "consultation_id": priority.consultation_id,
        "sector": priority.sector.value,
        "place": priority.place or None,
        "status": priority.status.value,
        "support_count": priority.support_count,
        "support_threshold": priority.support_threshold,
        "comment_count": priority.comment_count,
        "threshold_reached_at": iso(priority.threshold_reached_at),
        "due_at": iso(priority.due_at),
        "is_overdue": priority.is_overdue,
        "first_answered_at": iso(priority.first_answered_at),
        "last_answered_at": iso(priority.last_answered_at),
        "withdrawn": priority.is_withdrawn,
        "adopted_in_plan": priority.adopted_in_plan,
        "created_at": iso(priority.created_at),
        "url": _url("api.priority", priority_id=priority_id),
        "html_url": _url("priorities.show", priority_id=priority_id),
        "answers_url": _url("api.answers", priority_id=priority_id),
    }


def answer_json(response: Response, rating: Rating | None) -> dict:
    """One entry of a priority's official timeline, with what its supporters thought of it."""
    rating = rating or Rating(0, 0)
    amount = response.budget_amount
    return {
        "id": response.id,
        "status": response.status.value,
        "created_at": iso(response.created_at),
        "author": response.author.display_name if response.author else None,
        "budget_amount": None if amount is None else float(amount),
        "budget_currency": None if amount is None else "EUR",
        "budget_year": response.budget_year,
        "reason": response.reason or None,
        "competent_body": response.competent_body or None,
        "texts": {text.language: text.text for text in response.texts},
        "satisfaction": {
            "ratings": rating.total,
            "satisfied": rating.satisfied,
            "share": rating.share if rating.total else None,
        },
    }


def figures_json(figures: Figures) -> dict:
    """A municipality's accountability figures, as its accountability page shows them."""
    municipality = figures.municipality
    median = figures.median_days
    return {
        "municipality": municipality.slug,
        "names": names_json(municipality),
        "due": figures.due,
        "answered": figures.answered,
        "answered_share": figures.answered_share,
        "median_days": None if median is None else round(median, DAYS_DECIMALS),
        "overdue": figures.overdue,
        "implemented": figures.implemented,
        "implemented_share": figures.implemented_share,
        "decided": figures.decided,
        "on_time": figures.on_time,
        "on_time_share": figures.on_time_share,
        "url": _url("api.accountability_municipality", slug=municipality.slug),
        "html_url": _url("responses.municipality", slug=municipality.slug),
    }


def priority_ref(priority) -> dict:
    """A priority named where another object points to it."""
    return {
        "id": priority.id,
        "reference": priority.reference,
        "title": priority.title,
        "language": priority.language,
        "url": _url("api.priority", priority_id=priority.id),
        "html_url": _url("priorities.show", priority_id=priority.id),
    }


def overdue_json(priority) -> dict:
    return priority_ref(priority) | {"due_at": iso(priority.due_at)}
