"""Helpers for official answers: municipalities with official languages, votes, answers."""

from datetime import timedelta

import pytest
from sqlalchemy import update

from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Priority, Status, Vote

TEXTS = {
    "sq": "Komuna do ta pastrojë lumin këtë pranverë.",
    "sr": "Opština će očistiti reku ovog proleća.",
    "tr": "Belediye bu bahar nehri temizleyecek.",
    "bs": "Općina će očistiti rijeku ovog proljeća.",
}


@pytest.fixture
def town(make_municipality):
    """Prishtinë: answers in Albanian and Serbian."""
    return make_municipality("pristina", official_languages="sq,sr", response_days=30)


@pytest.fixture
def staff(make_user, town):
    return make_user(display_name="Blerim Hoxha", staff_of=[town])


@pytest.fixture
def author(make_user):
    return make_user(display_name="Arta Krasniqi")


@pytest.fixture
def priority(make_priority, town, author):
    return make_priority(town, author)


def texts_for(municipality, **overrides) -> dict:
    return {code: TEXTS[code] for code in municipality.official_language_codes} | overrides


@pytest.fixture
def answer(app_ctx):
    """Publish an answer through the service, with text in every official language."""
    from civicapp.responses.services import Draft, publish_response

    def publish(actor, priority, status=Status.RECEIVED, texts=None, **details):
        draft = Draft(status=status, texts=texts or texts_for(priority.municipality), **details)
        return publish_response(actor, priority, draft)

    return publish


@pytest.fixture
def vote(app_ctx):
    """Add a support row and keep the counter in step, as the priorities service does."""

    def add(user, priority):
        db.session.add(Vote(priority_id=priority.id, user_id=user.id))
        db.session.execute(
            update(Priority)
            .where(Priority.id == priority.id)
            .values(support_count=Priority.support_count + 1)
        )
        db.session.commit()

    return add


def make_due(priority, days_ago: float, response_days: int = 30, **fields) -> Priority:
    """Set the priority's threshold `days_ago` days back and its deadline from it."""
    reached = utcnow() - timedelta(days=days_ago)
    priority.threshold_reached_at = reached
    priority.due_at = reached + timedelta(days=response_days)
    for name, value in fields.items():
        setattr(priority, name, value)
    db.session.commit()
    return priority
