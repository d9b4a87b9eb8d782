"""Demo answers: consistent dates, every status, every official language, useful figures."""

from datetime import timedelta

from sqlalchemy import select

from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Priority, Status
from civicapp.responses.accountability import league_figures
from civicapp.responses.models import Response


def test_demo_answers_priorities_past_their_threshold(make_municipality, make_priority, make_user):
    from civicapp.responses.demo import STAFF_EMAIL, seed

    towns = [
        make_municipality("pristina", official_languages="sq,sr"),
        make_municipality("prizren", official_languages="sq,sr,tr,bs"),
        make_municipality("gracanica", official_languages="sq,sr"),
    ]
    staff = make_user(email=STAFF_EMAIL, staff_of=[towns[0]])
    for n in range(90):
        created = utcnow() - timedelta(days=20 + (n * 37) % 400)
        make_priority(towns[n % 3], support_count=50 + n, created_at=created)
    not_due = make_priority(towns[0], support_count=3)
    lines = list(seed(1))
    assert lines and "demo official answers" in lines[0]

    entries = db.session.scalars(select(Response)).all()
    assert {entry.status for entry in entries} >= set(Status) - {Status.OPEN}
    for entry in entries:
        codes = {text.language for text in entry.texts}
        assert set(entry.priority.municipality.official_language_codes) <= codes
        assert entry.created_at >= entry.priority.threshold_reached_at - timedelta(seconds=1)
    assert any(e.author_id == staff.id for e in entries)
    assert all(e.author_id != staff.id for e in entries if e.priority.municipality != towns[0])
    cyrillic = [t.text for e in entries if e.priority.municipality == towns[2] for t in e.texts]
    assert any("Општина" in text for text in cyrillic)
    assert any(e.reason for e in entries if e.status == Status.REJECTED)
    assert any("Ministria" in (e.competent_body or "") for e in entries)

    assert db.session.get(Priority, not_due.id).threshold_reached_at is None
    figures = [f for f in league_figures() if f.due]
    assert sum(f.overdue for f in figures) > 0
    assert 0 < sum(f.on_time for f in figures) < sum(f.decided for f in figures)
    assert all(f.median_days is not None for f in figures)
