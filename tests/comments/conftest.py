"""A priority and an initiative to discuss, with authors, staff members and a few citizens."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from civicapp.db import utcnow
from civicapp.extensions import db
from tests.organisations.conftest import make_organisation  # noqa: F401


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


@pytest.fixture
def venture(place, make_user, make_municipality, make_organisation):  # noqa: F811
    """A published initiative in the place's municipality and Peja, with its draft sibling.

    `member` speaks for its organisation; `peja_staff` is staff of its second municipality.
    """
    from civicapp.initiatives.models import Status
    from civicapp.initiatives.services import (
        InitiativeDraft,
        change_initiative_status,
        create_initiative,
    )

    peja = make_municipality("peja")
    member = make_user(display_name="Drita")
    organisation = make_organisation(admin=member)

    def initiative(title):
        return create_initiative(
            member,
            InitiativeDraft(
                organisation_id=organisation.id,
                title=title,
                summary="Planting trees with the schools.",
                language="en",
                start_date=date(2026, 1, 1),
                end_date=date(2027, 12, 31),
                municipality_ids=[place.municipality.id, peja.id],
            ),
        )

    published = initiative("Green Ulpiana")
    change_initiative_status(member, published, Status.PUBLISHED)
    return SimpleNamespace(
        initiative=published,
        draft=initiative("Draft plan"),
        member=member,
        organisation=organisation,
        peja_staff=make_user(staff_of=[peja], display_name="Peja officer"),
    )
