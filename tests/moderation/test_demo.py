"""Demo reports give the moderators' queue something to review."""

from sqlalchemy import func, select

from civicapp.comments.models import Comment
from civicapp.extensions import db
from civicapp.moderation.models import Report
from civicapp.moderation.services import reported_queue
from civicapp.priorities import demo_reports as demo


def test_seed_reports_and_hides_one_comment(place, post, make_user):
    for _ in range(6):
        make_user()
    post(place.other, place.priority, "First")
    post(place.other, place.priority, "Second")
    [line] = list(demo.seed(1))
    assert line.startswith("demo reports: 6")
    assert db.session.scalar(select(func.count()).select_from(Report)) == 6
    hidden = db.session.scalars(select(Comment).where(Comment.is_hidden)).all()
    assert [c.body for c in hidden] == ["Second"]
    assert len(reported_queue(1)[1]) == 3


def test_seed_without_content_adds_nothing(app_ctx):
    assert list(demo.seed(1)) == ["demo reports: nothing to report"]
