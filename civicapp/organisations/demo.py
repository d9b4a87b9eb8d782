"""Demo organisations in three languages with their members, most of them verified."""

import random
import time
from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import insert, select

from civicapp.accounts.models import Role, User
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.i18n import normalize_search
from civicapp.municipalities.models import Municipality
from civicapp.organisations.demo_data import DESCRIPTIONS, PATTERNS, SHOWCASE, TOPICS
from civicapp.organisations.models import (
    Kind,
    MemberRole,
    Membership,
    Organisation,
    OrganisationSector,
    Registry,
    Status,
    organisation_municipalities,
)
from civicapp.organisations.services import SEARCH_KIND, slug_for
from civicapp.search.services import add_documents
from civicapp.sectors import Sector
from civicapp.text import render_markdown

ORGANISATIONS_PER_SCALE = 20
CHUNK = 5000
PLACE_COLUMN = {"sq": "name_sq", "sr": "name_sr_latn", "en": "name_en"}


def seed(scale: int) -> Iterator[str]:
    """Add ORGANISATIONS_PER_SCALE × scale organisations: the showcase, then generated ones."""
    started = time.perf_counter()
    rng = random.Random(4)
    people = _people()
    towns = {m.slug: m for m in db.session.scalars(select(Municipality))}
    if not towns or not people["crowd"]:
        yield "demo organisations: skipped (no municipalities or citizens)"
        return
    now, taken = utcnow(), set(db.session.scalars(select(Organisation.slug)))
    plans = [_showcase(item, towns, people, rng) for item in SHOWCASE]
    generated = max(0, ORGANISATIONS_PER_SCALE * scale - len(plans))
    plans += [_generated(rng, list(towns.values()), people) for _n in range(generated)]
    rows = [_row(plan, taken, now, people["admin"], rng) for plan in plans]
    _bulk(Organisation, rows)
    ids = dict(db.session.execute(select(Organisation.slug, Organisation.id)).all())
    _links(plans, rows, ids, rng, people)
    add_documents(SEARCH_KIND, ((ids[row["slug"]], row["search_text"]) for row in rows))
    db.session.commit()
    elapsed = time.perf_counter() - started
    yield f"demo organisations: {len(rows)} in {elapsed:.1f} s ({_owner_line(plans, rows)})"


def _people() -> dict:
    demo = dict(
        db.session.execute(
            select(User.email, User.id).where(User.email.like("%@demo.example.org"))
        ).all()
    )
    crowd = list(
        db.session.scalars(
            select(User.id)
            .where(User.email.like("%@crowd.%"), User.role == Role.CITIZEN)  # accounts' demo
            .order_by(User.id)
        )
    )
    return {"demo": demo, "crowd": crowd, "admin": demo.get("admin@demo.example.org")}


def _showcase(item, towns: dict, people: dict, rng: random.Random) -> dict:
    return {
        "names": item.names,
        "kind": item.kind,
        "registry": item.registry,
        "number": item.number,
        "towns": [towns[slug] for slug in item.municipalities if slug in towns],
        "sectors": item.sectors,
        "status": item.status,
        "admin": people["demo"].get(item.admin) or rng.choice(people["crowd"]),
        "website": item.website,
        "description": item.description,
    }


def _generated(rng: random.Random, towns: list, people: dict) -> dict:
    language, pattern = rng.choice(PATTERNS)
    topic = rng.choice(TOPICS[language])
    home = rng.choice(towns)
    name = pattern.format(topic=topic, place=getattr(home, PLACE_COLUMN[language]))
    kind = rng.choice([Kind.REGISTERED_CSO] * 5 + list(Kind))
    registry = _registry_for(home) if kind == Kind.REGISTERED_CSO else None
    return {
        "names": tuple(name if code == language else None for code in ("sq", "sr", "en")),
        "kind": kind,
        "registry": registry,
        "number": f"{rng.randrange(10**7, 10**8)}" if registry else None,
        "towns": [home, *rng.sample(towns, rng.randint(0, 3))],
        "sectors": rng.sample(list(Sector), rng.randint(1, 3)),
        "status": rng.choices(list(Status), weights=(10, 85, 5))[0],
        "admin": rng.choice(people["crowd"]),
        "website": None,
        "description": DESCRIPTIONS[language].format(topic=topic.lower()),
    }


def _registry_for(town: Municipality) -> Registry:
    return {"XK": Registry.KOSOVO_NGO, "AL": Registry.ALBANIA_COURT}.get(
        town.country.value, Registry.SERBIA_APR
    )


def _row(plan: dict, taken: set, now, admin_id, rng: random.Random) -> dict:
    names = dict(zip(("name_sq", "name_sr", "name_en"), plan["names"], strict=True))
    slug = slug_for(next(n for n in plan["names"] if n), taken)
    taken.add(slug)
    created = now - timedelta(days=rng.randint(1, 900))
    verified = plan["status"] == Status.VERIFIED or (
        plan["status"] == Status.SUSPENDED and rng.random() < 0.8
    )
    return {
        **names,
        "slug": slug,
        "search_text": normalize_search(" ".join(n for n in plan["names"] if n)),
        "kind": plan["kind"],
        "registered_with": plan["registry"],
        "registration_number": plan["number"],
        "description": plan["description"],
        "description_html": render_markdown(plan["description"]),
        "website": plan["website"],
        "status": plan["status"],
        "status_note": "Checked against the register." if verified else None,
        "verified_at": created + timedelta(days=2) if verified else None,
        "verified_by_id": admin_id if verified else None,
        "created_by_id": plan["admin"],
        "created_at": created,
        "updated_at": created,
    }


def _links(plans: list, rows: list, ids: dict, rng: random.Random, people: dict) -> None:
    """Municipalities, sectors and members of the new organisations, in bulk."""
    towns, sectors, members = [], [], []
    for plan, row in zip(plans, rows, strict=True):
        org_id = ids[row["slug"]]
        towns += [{"organisation_id": org_id, "municipality_id": t.id} for t in set(plan["towns"])]
        sectors += [{"organisation_id": org_id, "sector": s} for s in set(plan["sectors"])]
        crew = {plan["admin"]: MemberRole.ADMIN}
        for user_id in rng.sample(people["crowd"], min(len(people["crowd"]), rng.randint(0, 4))):
            crew.setdefault(user_id, MemberRole.MEMBER)
        joined = row["created_at"]
        members += [
            {"organisation_id": org_id, "user_id": uid, "role": role, "created_at": joined}
            for uid, role in crew.items()
        ]
    _bulk(organisation_municipalities, towns)
    _bulk(OrganisationSector, sectors)
    _bulk(Membership, members)


def _bulk(target, rows: list) -> None:
    for start in range(0, len(rows), CHUNK):
        db.session.execute(insert(target), rows[start : start + CHUNK])


def _owner_line(plans: list, rows: list) -> str:
    """Which verified organisation the README's demo citizen administers."""
    return f"citizen@demo.example.org administers {rows[0]['slug']} ({plans[0]['status']})"
