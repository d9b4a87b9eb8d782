"""Demo official answers: on time, late and overdue, every status, in every official language."""

import random
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, insert, or_, select, update

from civicapp.accounts.models import User
from civicapp.accounts.passwords import hash_password
from civicapp.consultations.models import Consultation
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.i18n import latin_to_cyrillic
from civicapp.municipalities.models import Municipality, StaffAssignment
from civicapp.priorities.models import Priority, Status, Vote
from civicapp.priorities.policies import listed_priorities
from civicapp.responses import demo_notifications
from civicapp.responses.demo_texts import (
    ANSWER_TEXTS,
    CENTRAL_BODIES,
    CYRILLIC_TOWNS,
    OFFICE_NAMES,
    REJECTION_REASONS,
)
from civicapp.responses.models import Contest, Response, ResponseText, Satisfaction

STAFF_EMAIL = "staff@demo.example.org"
CHUNK = 5_000
P = Priority
# The status a priority ends at, how often, and the timeline that leads there.
FINALS = (
    (Status.RECEIVED, 14, (Status.RECEIVED,)),
    (Status.UNDER_REVIEW, 12, (Status.RECEIVED, Status.UNDER_REVIEW)),
    (Status.ACCEPTED, 10, (Status.RECEIVED, Status.ACCEPTED)),
    (Status.PLANNED, 20, (Status.UNDER_REVIEW, Status.PLANNED)),
    (Status.IN_PROGRESS, 14, (Status.RECEIVED, Status.PLANNED, Status.IN_PROGRESS)),
    (
        Status.IMPLEMENTED,
        16,
        (Status.RECEIVED, Status.PLANNED, Status.IN_PROGRESS, Status.IMPLEMENTED),
    ),
    (Status.REJECTED, 9, (Status.UNDER_REVIEW, Status.REJECTED)),
    (Status.NOT_COMPETENT, 5, (Status.NOT_COMPETENT,)),
)
SATISFIED = {Status.IMPLEMENTED: 0.8, Status.REJECTED: 0.2, Status.NOT_COMPETENT: 0.35}
RATERS = 12  # supporters who rate the latest answer of each answered priority, at most


@dataclass
class Plan:
    """One due priority's dates and timeline, decided before anything is written."""

    priority_id: int
    author_id: int | None
    town: Municipality
    reached: datetime
    entries: list[tuple[Status, datetime]] = field(default_factory=list)

    @property
    def due(self) -> datetime:
        return self.reached + timedelta(days=self.town.response_days)


def seed(scale: int) -> Iterator[str]:
    """Answer a realistic share of the priorities that reached their threshold."""
    started = time.perf_counter()
    rng = random.Random(4242)
    now = utcnow()
    towns = {m.id: m for m in db.session.scalars(select(Municipality))}
    candidates = db.session.execute(_due_candidates()).all()
    plans = [_plan(rng, row, towns[row.municipality_id], now) for row in candidates]
    _choose_finals(rng, [plan for plan in plans if plan.entries], now)
    authors = _answering_staff({plan.town for plan in plans})
    latest = _write(rng, plans, authors)
    _update_priorities(plans)
    ratings = _rate(rng, latest)
    contested = _contest(plans, now)
    db.session.commit()
    entries = sum(len(plan.entries) for plan in plans)
    overdue = sum(1 for plan in plans if not plan.entries and plan.due < now)
    yield (
        f"demo official answers: {entries} on {len(latest)} of {len(plans)} due priorities "
        f"({overdue} overdue), {ratings} ratings, {contested} contested, "
        f"in {time.perf_counter() - started:.1f} s"
    )
    yield from demo_notifications.seed(scale)


def _due_candidates():
    threshold = func.coalesce(Consultation.support_threshold, Municipality.support_threshold)
    return (
        select(P.id, P.municipality_id, P.author_id, P.created_at, P.threshold_reached_at)
        .join(Municipality, Municipality.id == P.municipality_id)
        .outerjoin(Consultation, Consultation.id == P.consultation_id)
        .where(
            listed_priorities(),
            P.first_answered_at.is_(None),
            or_(P.threshold_reached_at.is_not(None), P.support_count >= threshold),
        )
        .order_by(P.id)
    )


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + (end - start) * rng.uniform(0.05, 0.95) if end > start else start


def _plan(rng: random.Random, row, town: Municipality, now: datetime) -> Plan:
    """When the threshold was reached and when (if ever) the first answer came."""
    reached = row.threshold_reached_at or _between(rng, row.created_at, now)
    plan = Plan(row.id, row.author_id, town, reached)
    age = (now - reached) / timedelta(days=1)
    days, roll = town.response_days, rng.random()
    if age <= days:  # still within the deadline: answered early, or not yet
        first = reached + timedelta(days=rng.uniform(0.2, age)) if roll < 0.5 else None
    elif roll < 0.6:  # on time
        first = reached + timedelta(days=rng.uniform(0.5, days))
    elif roll < 0.8:  # late
        first = reached + timedelta(days=rng.uniform(days + 1, min(age, days + 60)))
    else:  # overdue now
        first = None
    if first is not None and first < now:
        plan.entries.append((Status.RECEIVED, first))
    return plan


def _choose_finals(rng: random.Random, answered: list[Plan], now: datetime) -> None:
    """Give each answered priority a timeline; the first few show every status."""
    weights = [weight for _status, weight, _chain in FINALS]
    for n, plan in enumerate(answered):
        _final, _weight, chain = FINALS[n] if n < len(FINALS) else rng.choices(FINALS, weights)[0]
        at = plan.entries[0][1]
        plan.entries = [(chain[0], at)]
        for status in chain[1:]:
            at = at + (now - at) * rng.uniform(0.15, 0.5)
            plan.entries.append((status, at))


def _answering_staff(towns: set[Municipality]) -> dict[int, int]:
    """A staff account per municipality: the demo staff user where they serve, else an office."""
    rows = db.session.execute(
        select(StaffAssignment.municipality_id, User.id, User.email)
        .join(User, User.id == StaffAssignment.user_id)
        .order_by(User.email != STAFF_EMAIL, StaffAssignment.id)
    ).all()
    authors = {}
    for municipality_id, user_id, _email in rows:
        authors.setdefault(municipality_id, user_id)
    missing = [town for town in towns if town.id not in authors]
    password_hash = hash_password(secrets.token_urlsafe(24))  # nobody signs in as an office
    for town in missing:
        authors[town.id] = _office(town, password_hash)
    return authors


def _office(town: Municipality, password_hash: str) -> int:
    serbian = _first_language(town) == "sr"
    user = User(
        email=f"office.{town.slug}@demo.example.org",
        display_name=OFFICE_NAMES["sr" if serbian else "sq"],
        password_hash=password_hash,
        email_verified_at=utcnow(),
        locale="sr_Latn" if serbian else "sq",
    )
    db.session.add(user)
    db.session.flush()
    db.session.add(StaffAssignment(user_id=user.id, municipality_id=town.id))
    return user.id


def _first_language(town: Municipality) -> str:
    return "sr" if town.slug in CYRILLIC_TOWNS - {"presevo"} else "sq"


def _texts(rng: random.Random, status: Status, town: Municipality) -> dict[str, str]:
    codes = list(town.official_language_codes)
    if rng.random() < 0.25 and "en" not in codes:
        codes.append("en")  # some municipalities also answer in English
    texts = {code: ANSWER_TEXTS[status][code] for code in codes}
    if "sr" in texts and town.slug in CYRILLIC_TOWNS:
        texts["sr"] = latin_to_cyrillic(texts["sr"])
    return texts


def _details(rng: random.Random, status: Status, town: Municipality, at: datetime) -> dict:
    if status == Status.PLANNED:
        amount = Decimal(rng.randrange(15, 900) * 1000)
        return {"budget_amount": amount, "budget_year": at.year + rng.choice((0, 1))}
    if status == Status.REJECTED:
        reason = REJECTION_REASONS[_first_language(town)]
        return {"reason": latin_to_cyrillic(reason) if town.slug in CYRILLIC_TOWNS else reason}
    if status == Status.NOT_COMPETENT:
        return {"competent_body": CENTRAL_BODIES[town.country.value]}
    return {}


def _write(rng: random.Random, plans: list[Plan], authors: dict[int, int]) -> dict:
    """Insert the timelines in bulk; return each answered priority's latest (id, status)."""
    rows, texts = [], []
    for plan in plans:
        for status, at in plan.entries:
            rows.append(
                {"priority_id": plan.priority_id, "author_id": authors[plan.town.id]}
                | {"status": status, "created_at": at}
                | _details(rng, status, plan.town, at)
            )
            texts.append(_texts(rng, status, plan.town))
    latest = {}
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        ids = _insert_returning_ids(chunk)
        text_rows = [
            {"response_id": rid, "language": code, "text": text}
            for rid, by_code in zip(ids, texts[start : start + CHUNK], strict=True)
            for code, text in by_code.items()
        ]
        db.session.execute(insert(ResponseText), text_rows)
        for rid, row in zip(ids, chunk, strict=True):
            latest[row["priority_id"]] = (rid, row["status"])
    return latest


def _insert_returning_ids(rows: list[dict]) -> list[int]:
    # Every row gets every column, so that one executemany statement fits them all.
    columns = ("budget_amount", "budget_year", "reason", "competent_body")
    full = [{name: None for name in columns} | row for row in rows]
    stmt = insert(Response).returning(Response.id, sort_by_parameter_order=True)
    return list(db.session.scalars(stmt, full))


def _update_priorities(plans: list[Plan]) -> None:
    """Set each priority's threshold, deadline, first and last answer and status."""
    values = [
        {
            "id": plan.priority_id,
            "threshold_reached_at": plan.reached,
            "due_at": plan.due,
            "first_answered_at": plan.entries[0][1] if plan.entries else None,
            "last_answered_at": plan.entries[-1][1] if plan.entries else None,
            "status": plan.entries[-1][0] if plan.entries else Status.OPEN,
        }
        for plan in plans
    ]
    for start in range(0, len(values), CHUNK):
        db.session.execute(update(Priority), values[start : start + CHUNK])


def _rate(rng: random.Random, latest: dict) -> int:
    """Some supporters of each answered priority say whether its latest answer satisfied them."""
    if not latest:
        return 0
    ranked = (
        select(
            Vote.priority_id,
            Vote.user_id,
            func.row_number().over(partition_by=Vote.priority_id, order_by=Vote.id).label("n"),
        )
        .where(Vote.priority_id.in_(list(latest)))
        .subquery()
    )
    voters = db.session.execute(
        select(ranked.c.priority_id, ranked.c.user_id).where(ranked.c.n <= RATERS)
    ).all()
    now = utcnow()
    rows = []
    for priority_id, user_id in voters:
        response_id, status = latest[priority_id]
        satisfied = rng.random() < SATISFIED.get(status, 0.55)
        rows.append(
            {"response_id": response_id, "user_id": user_id, "is_satisfied": satisfied}
            | {"created_at": now, "updated_at": now}
        )
    for start in range(0, len(rows), CHUNK):
        db.session.execute(insert(Satisfaction), rows[start : start + CHUNK])
    return len(rows)


def _contest(plans: list[Plan], now: datetime) -> int:
    """The author of one implemented priority says it is not done."""
    plan = next(
        (p for p in plans if p.entries and p.entries[-1][0] == Status.IMPLEMENTED and p.author_id),
        None,
    )
    if plan is None:
        return 0
    response_id = db.session.scalar(
        select(func.max(Response.id)).where(Response.priority_id == plan.priority_id)
    )
    at = plan.entries[-1][1] + (now - plan.entries[-1][1]) / 2
    db.session.add(
        Contest(
            priority_id=plan.priority_id,
            response_id=response_id,
            author_id=plan.author_id,
            reason="Punimet nuk kanë përfunduar: trotuari ende mungon në gjysmën e rrugës.",
            created_at=at,
        )
    )
    db.session.execute(update(Priority).where(P.id == plan.priority_id).values(contested_at=at))
    return 1
