"""Demo organisations: three languages, mostly verified, with members, sized by the scale."""

import re

from sqlalchemy import func, select

from civicapp.accounts import demo as crowd
from civicapp.accounts.models import Role
from civicapp.extensions import db
from civicapp.i18n import has_cyrillic
from civicapp.municipalities.services import load_municipalities
from civicapp.organisations.demo import ORGANISATIONS_PER_SCALE, seed
from civicapp.organisations.demo_data import DEMO_CITIZEN, SHOWCASE
from civicapp.organisations.models import MemberRole, Membership, Organisation, Status
from civicapp.search.services import search


def everything() -> list[Organisation]:
    return list(db.session.scalars(select(Organisation).order_by(Organisation.id)))


def test_seed_makes_believable_organisations(app_ctx, make_user):
    load_municipalities()
    citizen = make_user(email=DEMO_CITIZEN)
    make_user(email="admin@demo.example.org", role=Role.ADMIN)
    list(crowd.seed(1))
    [report] = list(seed(1))
    made = everything()
    assert len(made) == ORGANISATIONS_PER_SCALE
    assert re.fullmatch(r"demo organisations: 20 in \d+\.\d s \(.*\)", report)
    statuses = [o.status for o in made]
    assert statuses.count(Status.VERIFIED) > len(made) / 2
    assert {Status.PENDING, Status.SUSPENDED} <= set(statuses)
    assert all(any((o.name_sq, o.name_sr, o.name_en)) for o in made)
    for column in ("name_sq", "name_sr", "name_en"):
        assert any(getattr(o, column) for o in made)
    assert any(has_cyrillic(o.name_sr) for o in made)
    assert all(re.fullmatch(r"[a-z0-9-]+", o.slug) for o in made)
    first = made[0]
    assert first.name_sq == SHOWCASE[0].names[0] and first.status == Status.VERIFIED
    assert first.slug in report and first.municipalities and first.sectors
    membership = db.session.scalar(select(Membership).where(Membership.user_id == citizen.id))
    assert (membership.organisation_id, membership.role) == (first.id, MemberRole.ADMIN)
    admins = db.session.scalar(
        select(func.count(func.distinct(Membership.organisation_id))).where(
            Membership.role == MemberRole.ADMIN
        )
    )
    assert admins == len(made)
    [zeleni] = search("organisation", "zeleni bujanovac")
    assert db.session.get(Organisation, zeleni).name_sr == "Udruženje građana Zeleni Bujanovac"


def test_larger_scales_add_proportionally_more(app_ctx):
    load_municipalities()
    list(crowd.seed(1))
    list(seed(3))
    assert len(everything()) == 3 * ORGANISATIONS_PER_SCALE
    assert len({o.slug for o in everything()}) == 3 * ORGANISATIONS_PER_SCALE


def test_without_citizens_nothing_is_made(app_ctx):
    assert list(seed(1)) == ["demo organisations: skipped (no municipalities or citizens)"]
