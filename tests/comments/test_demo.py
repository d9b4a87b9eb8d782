"""Demo comments: the scale-1 set, with replies, official comments, scripts and exact counts."""

from sqlalchemy import func, select

from civicapp.comments.models import Comment
from civicapp.comments.services import recount_comments
from civicapp.extensions import db
from civicapp.i18n import has_cyrillic
from civicapp.priorities import demo_comments as demo
from civicapp.priorities.models import Priority
from civicapp.search.services import search


def test_seed_scale_1(make_municipality, make_user, make_priority):
    municipality = make_municipality("pristina")
    make_user(staff_of=[municipality])
    citizens = [make_user() for _ in range(5)]
    priorities = [
        make_priority(municipality, citizens[i % 5], language=("sq", "sr", "en")[i % 3])
        for i in range(12)
    ]
    [line] = list(demo.seed(1))
    assert line.startswith("demo comments: 150 on 12 priorities")
    comments = db.session.scalars(select(Comment)).all()
    assert len(comments) == 150
    assert sum(p.comment_count for p in db.session.scalars(select(Priority))) == 150
    assert recount_comments() == 0
    busiest = db.session.scalar(select(func.max(Priority.comment_count)))
    assert busiest == demo.BUSY_THREAD == db.session.get(Priority, priorities[0].id).comment_count
    assert any(c.parent_id for c in comments) and any(c.is_official for c in comments)
    serbian = [c.body for c in comments if c.language == "sr"]
    assert any(has_cyrillic(b) for b in serbian) and any(not has_cyrillic(b) for b in serbian)
    assert {c.language for c in comments} == {"sq", "sr", "en"}
    for reply in (c for c in comments if c.parent_id):
        parent = db.session.get(Comment, reply.parent_id)
        assert parent.parent_id is None and parent.target_subject_id == reply.target_subject_id
        assert reply.created_at >= parent.created_at
    assert search("comment", "rruga")


def test_comment_totals_follow_the_scale():
    assert demo.comment_total(1) == 150
    assert demo.comment_total(100) >= 200_000
