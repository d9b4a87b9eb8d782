"""Demo priorities: believable, in three languages and both Serbian scripts, counts exact."""

from sqlalchemy import func, select

from civicapp.extensions import db
from civicapp.i18n import has_cyrillic
from civicapp.priorities import demo
from civicapp.priorities.models import Priority, Vote
from civicapp.priorities.services import recount_supports
from civicapp.search.services import search


def test_scale_one_seeds_about_sixty_consistent_priorities(app_ctx):
    from civicapp.accounts import demo as accounts_demo
    from civicapp.municipalities.services import load_municipalities

    load_municipalities()
    list(accounts_demo.seed(1))
    lines = list(demo.seed(1))
    assert lines[0].startswith("demo priorities: 60, supports: ")
    priorities = db.session.scalars(select(Priority)).all()
    assert len(priorities) == demo.priority_count(1) == 60
    assert demo.priority_count(100) >= 20_000
    assert {p.language for p in priorities} == {"sq", "sr", "en"}
    assert any(has_cyrillic(p.title) for p in priorities)
    assert any(p.language == "sr" and not has_cyrillic(p.title) for p in priorities)
    assert len({p.municipality_id for p in priorities}) >= 6
    assert all(p.reference == f"PRI-{p.created_at.year}-{p.id:05d}" for p in priorities)
    assert db.session.scalar(select(func.count()).select_from(Vote)) > 1000
    assert recount_supports() == 0
    reached = [p for p in priorities if p.threshold_reached_at is not None]
    assert reached and all(p.support_count >= p.support_threshold for p in reached)
    assert search("priority", "rruga") or search("priority", "naselju")
