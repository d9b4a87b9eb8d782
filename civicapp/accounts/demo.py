"""Demo citizens: a crowd whose size follows the scale."""

import random
from collections.abc import Iterator

from sqlalchemy import insert, select

from civicapp.accounts.models import Role, User
from civicapp.accounts.passwords import hash_password
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.municipalities.models import Municipality

# Demo accounts exist only in demo content; the README lists them. Never used in production.
DEMO_PASSWORD = "civicapp-demo-2026"
DEMO_ACCOUNTS = (
    # email, display name, role, staff municipalities, TOTP secret (base32), locale
    ("citizen@demo.example.org", "Arta Krasniqi", Role.CITIZEN, (), None, "sq"),
    ("citizen.sr@demo.example.org", "Milica Jovanović", Role.CITIZEN, (), None, "sr"),
    (
        "staff@demo.example.org",
        "Blerim Hoxha",
        Role.CITIZEN,
        ("pristina", "presevo"),
        "CIVICAPPDEMOSTAFFSECRETKEYSTAFFA",
        "sq",
    ),
    ("moderator@demo.example.org", "Dragana Petrović", Role.MODERATOR, (), None, "sr_Latn"),
    (
        "admin@demo.example.org",
        "Admin Demo",
        Role.ADMIN,
        (),
        "CIVICAPPDEMOADMINSECRETKEYADMINA",
        "en",
    ),
)


FIRST = (
    "Arben",
    "Besa",
    "Drita",
    "Luan",
    "Ana",
    "Marko",
    "Jelena",
    "Nikola",
    "Elira",
    "Fatos",
    "Vjosa",
    "Stefan",
    "Ivana",
    "Genc",
    "Teuta",
    "Milan",
    "Sara",
    "Ilir",
    "Mira",
    "Dardan",
)
LAST = (
    "Berisha",
    "Gashi",
    "Shala",
    "Hoxha",
    "Kelmendi",
    "Jovanović",
    "Petrović",
    "Nikolić",
    "Morina",
    "Krasniqi",
    "Ilić",
    "Rexhepi",
    "Dushku",
    "Marković",
    "Bytyqi",
    "Stojanović",
)
CITIZENS_PER_SCALE = 200


def seed(scale: int) -> Iterator[str]:
    """Add CITIZENS_PER_SCALE × scale verified citizens spread over the municipalities."""
    rng = random.Random(2026)
    municipality_ids = list(db.session.scalars(select(Municipality.id)))
    password_hash = hash_password("demo-crowd-" + str(rng.random()))  # nobody signs in as them
    now = utcnow()
    rows = []
    for n in range(CITIZENS_PER_SCALE * scale):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        rows.append(
            {
                "email": f"citizen{n}@crowd.example.org",
                "display_name": f"{first} {last}",
                "password_hash": password_hash,
                "role": Role.CITIZEN,
                "email_verified_at": now,
                "locale": rng.choice(("sq", "sq", "sr_Latn", "sr", "en")),
                "home_municipality_id": rng.choice(municipality_ids),
                "created_at": now,
                "updated_at": now,
                "session_version": 1,
                "is_disabled": False,
            }
        )
    for start in range(0, len(rows), 5000):
        db.session.execute(insert(User), rows[start : start + 5000])
    db.session.commit()
    yield f"demo citizens: {len(rows)}"
