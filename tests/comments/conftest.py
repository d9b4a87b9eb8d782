"""Comment helpers (the priority and initiative to discuss are in tests/conftest.py)."""

from datetime import timedelta

from civicapp.db import utcnow
from civicapp.extensions import db


def age(comment, minutes: int) -> None:
    """Make a comment look `minutes` old."""
    comment.created_at = utcnow() - timedelta(minutes=minutes)
    db.session.commit()
