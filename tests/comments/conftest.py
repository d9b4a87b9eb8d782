"""A priority to discuss, with its author, a staff member and a few citizens."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from civicapp.db import utcnow
from civicapp.extensions import db


@pytest.fixture
def english(app_ctx):
    """Services' messages in English outside requests, so tests can quote them."""
    from flask_babel import force_locale

    with force_locale("en"):
        yield


@pytest.fixture
def place(english, make_municipality, make_user, make_priority):
    municipality = make_municipality("pristina")
    author = make_user(display_name="Arta")
    return SimpleNamespace(
        municipality=municipality,
        author=author,
        other=make_user(display_name="Besnik"),
        staff=make_user(staff_of=[municipality], display_name="Officer"),
        foreign_staff=make_user(staff_of=[make_municipality("prizren")]),
        priority=make_priority(municipality, author),
    )


@pytest.fixture
def post():
    """Post a comment through the service: post(user, target, body="...", parent=None)."""
    from civicapp.comments.services import post_comment

    def _post(user, target, body="A fair point about the river.", language="en", parent=None):
        return post_comment(user, target, body, language, getattr(parent, "id", parent))

    return _post


def age(comment, minutes: int) -> None:
    """Make a comment look `minutes` old."""
    comment.created_at = utcnow() - timedelta(minutes=minutes)
    db.session.commit()
