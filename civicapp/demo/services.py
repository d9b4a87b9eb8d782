"""Seed demo content: the same accounts every time, plus bulk content that grows with scale."""

from collections.abc import Iterator

from sqlalchemy import select, text

from civicapp.accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from civicapp.accounts.models import User
from civicapp.accounts.passwords import hash_password
from civicapp.admin.services import assign_staff
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.municipalities.services import get_municipality_by_slug


def seed_demo(scale: int = 1) -> Iterator[str]:
    """Create the demo accounts once, then let each feature add its content for the scale."""
    if db.session.scalar(select(User).where(User.email == DEMO_ACCOUNTS[0][0])) is not None:
        yield "demo content is already there; nothing added"
        return
    password_hash = hash_password(DEMO_PASSWORD)
    for email, name, role, staff_of, secret, locale in DEMO_ACCOUNTS:
        user = User(
            email=email,
            display_name=name,
            password_hash=password_hash,
            role=role,
            email_verified_at=utcnow(),
            locale=locale,
            totp_secret=secret,
            totp_enabled_at=utcnow() if secret else None,
        )
        db.session.add(user)
        db.session.flush()
        for slug in staff_of:
            municipality = get_municipality_by_slug(slug)
            if municipality is None:
                raise RuntimeError("load the municipalities first: flask municipalities load")
            assign_staff(None, user, municipality)
    db.session.commit()
    yield f"demo accounts: {len(DEMO_ACCOUNTS)} (password {DEMO_PASSWORD})"
    from civicapp import feature_modules

    for module in feature_modules("demo"):
        yield from module.seed(scale)
    # Fresh statistics after a bulk load, so both databases plan queries for the real sizes.
    db.session.execute(text("ANALYZE"))
    db.session.commit()
    yield "statistics updated (ANALYZE)"
