"""Demo initiatives: the showcase in three languages, led by demo organisations, in bulk."""

import re

from sqlalchemy import func, select

from civicapp.accounts import demo as crowd
from civicapp.accounts.models import Role
from civicapp.extensions import db
from civicapp.initiatives.demo import INITIATIVES_PER_SCALE, seed
from civicapp.initiatives.demo_data import SHOWCASE
from civicapp.initiatives.documents import InitiativeDocument
from civicapp.initiatives.models import Endorsement, Event, Initiative, Partner, Update
from civicapp.municipalities.services import get_municipality_by_slug, load_municipalities
from civicapp.organisations import demo as organisations
from civicapp.search.services import search
from civicapp.uploads.services import stored_file


def test_seed_makes_believable_initiatives(app_ctx, make_user):
    load_municipalities()
    make_user(email="admin@demo.example.org", role=Role.ADMIN)
    make_user(email="staff@demo.example.org", staff_of=[get_municipality_by_slug("pristina")])
    list(crowd.seed(1))
    list(organisations.seed(1))
    [report] = list(seed(1))
    total = len(SHOWCASE) + INITIATIVES_PER_SCALE
    assert re.fullmatch(rf"demo initiatives: {total} in \d+\.\d s", report)
    assert db.session.scalar(select(func.count()).select_from(Initiative)) == total
    languages = set(db.session.scalars(select(Initiative.language)))
    assert languages == {"sq", "sr", "en"}
    assert db.session.scalar(select(Partner.city)) == "Ludwigsburg"
    assert db.session.scalar(select(func.count()).select_from(Endorsement)) == 1
    # Two events and an update per showcase initiative; an update on each generated one, and
    # a workshop on every third.
    updates = db.session.scalar(select(func.count()).select_from(Update))
    assert updates == len(SHOWCASE) + INITIATIVES_PER_SCALE
    events = db.session.scalar(select(func.count()).select_from(Event))
    assert events == 2 * len(SHOWCASE) + -(-INITIATIVES_PER_SCALE // 3)
    assert search("initiative", "preduzetnistvo")
    documents = list(db.session.scalars(select(InitiativeDocument)))
    assert len(documents) == 3 * len(SHOWCASE)
    assert {(d.update_id is not None, d.event_id is not None) for d in documents} == {
        (False, False),
        (True, False),
        (False, True),
    }
    assert all(stored_file(d.upload).is_file() for d in documents)
    assert {d.upload.type_label for d in documents} == {"PDF", "PNG"}
