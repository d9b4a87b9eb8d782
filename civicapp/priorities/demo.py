"""Demo priorities in Albanian, Serbian (both scripts) and English, with exact supports."""

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import lru_cache

from sqlalchemy import bindparam, insert, select, text, update

from civicapp.accounts.demo import DEMO_ACCOUNTS
from civicapp.accounts.models import Role, User
from civicapp.consultations.models import Consultation, Phase
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.i18n import latin_to_cyrillic, normalize_search
from civicapp.municipalities.models import Municipality
from civicapp.priorities import demo_comments, demo_reports
from civicapp.priorities.demo_texts import TEXTS, TOWNS
from civicapp.priorities.models import Priority, Vote
from civicapp.priorities.services import make_reference, searchable_text
from civicapp.search.services import add_documents
from civicapp.subjects.models import with_subjects
from civicapp.text import render_markdown

SMALL, PER_SCALE = 60, 205  # priorities at scale 1, and added by each further step
CHUNK = 2_000
VOTE_CHUNK = 20_000
NAMED_AUTHORS = ("citizen@demo.example.org", "citizen.sr@demo.example.org")
CROWD = "%@crowd.example.org"
PRIORITIES, VOTES = Priority.__table__, Vote.__table__


def priority_count(scale: int) -> int:
    """60 at scale 1; 20,355 at scale 100."""
    return SMALL + PER_SCALE * (scale - 1)


def seed(scale: int) -> Iterator[str]:
    """Add priority_count(scale) priorities with their supports and search terms."""
    started = time.perf_counter()
    by_slug = select(Municipality).where(Municipality.slug.in_(TOWNS)).order_by(Municipality.slug)
    towns = list(db.session.scalars(by_slug))
    crowd = list(
        db.session.scalars(select(User.id).where(User.email.like(CROWD)).order_by(User.id))
    )
    if not towns or not crowd:
        yield "demo priorities: no municipalities or citizens to write them"
        return
    with _bulk_cache():
        ids, votes, terms = _write(random.Random(2027), towns, crowd, priority_count(scale))
    took = time.perf_counter() - started
    yield f"demo priorities: {len(ids)}, supports: {votes}, search terms: {terms} in {took:.1f} s"
    yield from demo_comments.seed(scale)
    yield from demo_reports.seed(scale)


def _write(rng, towns, crowd, count) -> tuple[list[int], int, int]:
    now, consultations = utcnow(), _open_consultations(towns)
    rows = [_row(rng, towns, consultations, crowd, now) for _ in range(count)]
    named = db.session.scalars(select(User.id).where(User.email.in_(_demo_citizens())))
    for row, author_id in zip(rows, named, strict=False):  # the demo citizens wrote the first
        row["author_id"] = author_id
    ids = _insert_priorities(rows)
    votes = _insert_votes(rng, ids, rows, crowd, now)
    terms = add_documents("priority", zip(ids, (row["search_text"] for row in rows), strict=True))
    db.session.commit()
    return ids, votes, terms


def _demo_citizens() -> list[str]:
    return [account[0] for account in DEMO_ACCOUNTS if account[2] == Role.CITIZEN]


@contextmanager
def _bulk_cache():
    """Give SQLite a 256 MiB page cache (per connection) while it fills large indexes."""
    if db.engine.dialect.name != "sqlite":
        yield
        return
    db.session.execute(text("PRAGMA cache_size = -262144"))
    try:
        yield
    finally:
        db.session.execute(text("PRAGMA cache_size = -2000"))
        db.session.commit()


def _open_consultations(towns) -> dict[int, list[Consultation]]:
    found: dict[int, list[Consultation]] = {}
    stmt = select(Consultation).where(
        Consultation.municipality_id.in_([town.id for town in towns]),
        Consultation.phase.in_([Phase.PROPOSALS, Phase.VOTING]),
    )
    for consultation in db.session.scalars(stmt):
        found.setdefault(consultation.municipality_id, []).append(consultation)
    return found


def _row(rng, towns, consultations, crowd, now) -> dict:
    town = rng.choices(towns, weights=[TOWNS[t.slug][0] for t in towns])[0]
    language = rng.choices(("sq", "sr", "en"), weights=TOWNS[town.slug][1])[0]
    place_pair = rng.choice(TOWNS[town.slug][2])
    place = place_pair[1] if language == "sr" else place_pair[0]
    cyrillic = language == "sr" and rng.random() < 0.35
    content = _content(language, rng.randrange(len(TEXTS[language])), place, cyrillic)
    consultation = _maybe_consultation(rng, consultations.get(town.id, ()))
    created = now - timedelta(days=rng.uniform(1, 420))
    row = content | dict(
        municipality_id=town.id,
        consultation_id=consultation.id if consultation else None,
        author_id=rng.choice(crowd),
        language=language,
        created_at=created,
        updated_at=created,
    )
    votable = consultation is None or consultation.accepts_votes
    supports = min(len(crowd), 12 + int(16 * rng.paretovariate(1.5))) if votable else 0
    threshold = consultation.support_threshold if consultation else town.support_threshold
    return row | _deadline(rng, supports, threshold, town.response_days, created, now)


@lru_cache(maxsize=4096)
def _content(language: str, number: int, place: str, cyrillic: bool) -> dict:
    """Title, body and place of one template at one place (few combinations, made once)."""
    sector, title, body = TEXTS[language][number]
    title, body = title.format(place=place), body.format(place=place)
    if cyrillic:
        title, body, place = (latin_to_cyrillic(text) for text in (title, body, place))
    return dict(
        title=title,
        body=body,
        body_html=render_markdown(body),
        sector=sector,
        place=place,
        search_text=normalize_search(searchable_text(title, body, place)),
    )


def _maybe_consultation(rng, candidates):
    return rng.choice(candidates) if candidates and rng.random() < 0.2 else None


def _deadline(rng, supports, threshold, response_days, created, now) -> dict:
    values = dict(support_count=supports, threshold_reached_at=None, due_at=None)
    if supports >= threshold:
        reached = created + (now - created) * rng.uniform(0.1, 0.9)
        values.update(threshold_reached_at=reached, due_at=reached + timedelta(response_days))
    return values


def _insert_priorities(rows: list[dict]) -> list[int]:
    """Insert in chunks, keeping the new ids in order; then give each its reference."""
    ids: list[int] = []
    returning = insert(PRIORITIES).returning(PRIORITIES.c.id, sort_by_parameter_order=True)
    for start in range(0, len(rows), CHUNK):
        chunk = with_subjects(Priority, rows[start : start + CHUNK])
        ids.extend(db.session.scalars(returning, chunk).all())
    set_reference = (
        update(PRIORITIES)
        .where(PRIORITIES.c.id == bindparam("pid"))
        .values(reference=bindparam("ref"))
    )
    references = [
        {"pid": pid, "ref": make_reference(pid, row["created_at"].year)}
        for pid, row in zip(ids, rows, strict=True)
    ]
    for start in range(0, len(references), CHUNK):
        db.session.execute(set_reference, references[start : start + CHUNK])
    db.session.commit()
    return ids


def _insert_votes(rng, ids, rows, crowd, now) -> int:
    """Exactly support_count distinct voters per priority, in chunks."""
    batch, total = [], 0
    for priority_id, row in zip(ids, rows, strict=True):
        start = row["created_at"]
        span = (now - start).total_seconds()
        for user_id in rng.sample(crowd, row["support_count"]):
            moment = start + timedelta(seconds=span * rng.random())
            batch.append({"priority_id": priority_id, "user_id": user_id, "created_at": moment})
        if len(batch) >= VOTE_CHUNK:
            db.session.execute(insert(VOTES), batch)
            total, batch = total + len(batch), []
    if batch:
        db.session.execute(insert(VOTES), batch)
    db.session.commit()
    return total + len(batch)
