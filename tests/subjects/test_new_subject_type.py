"""A subject type declared only here gets the whole shared machinery, with no change to it.

`Idea` stands for the next feature (a forum thread, a course): its own table, its entry in
the registry and one notification kind of its own. Comments, replies, reports and
auto-hide, follows and notifications then work for it through the same routes and
services as for priorities and initiatives.
"""

import pytest
from flask_babel import lazy_gettext as _l
from sqlalchemy import Integer, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from civicapp.accounts.models import Role
from civicapp.comments.models import Comment
from civicapp.extensions import db
from civicapp.moderation.models import Reason
from civicapp.moderation.services import REPORTS_TO_HIDE, report_content
from civicapp.notifications.kinds import NoticeKind, register_kind, unregister_kind
from civicapp.notifications.models import Follow, Notification
from civicapp.notifications.services import followers_of, notify
from civicapp.search.services import search
from civicapp.subjects.models import Subject, SubjectMixin
from civicapp.subjects.registry import Following, SubjectType, Wording, register, unregister


class _Base(DeclarativeBase):
    pass


Subject.__table__.to_metadata(_Base.metadata)  # so the foreign key finds the real table


class Idea(SubjectMixin, _Base):
    """An object of a feature the shared packages have never heard of."""

    __tablename__ = "test_ideas"
    subject_kind = "idea"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(5), default="en")
    municipality_id: Mapped[int] = mapped_column(Integer)
    author_id: Mapped[int | None] = mapped_column(Integer)
    is_hidden: Mapped[bool] = mapped_column(default=False)
    comment_count: Mapped[int] = mapped_column(default=0)

    @property
    def author(self):
        from civicapp.accounts.models import User

        return db.session.get(User, self.author_id) if self.author_id else None


def _idea_url(idea, _anchor=None, _external=False, **args) -> str:
    url = ("http://civicapp.test" if _external else "") + f"/ideas/{idea.id}"
    return url + (f"#{_anchor}" if _anchor else "")


ADOPTED = "test_idea_adopted"


@pytest.fixture
def ideas(app_ctx):
    """The Idea table and its declarations, for one test."""
    Idea.__table__.create(db.engine)
    register(
        SubjectType(
            kind="idea",
            model=Idea,
            url=_idea_url,
            label=_l("Idea"),
            hidden_label=_l("Hidden ideas"),
            comment_search_kind="idea_comment",
            following=Following(
                hint="Hear when it is adopted", followed="Followed", unfollowed="-"
            ),
            wording=Wording(
                hidden=lambda title: f"Your idea {title} is hidden",
                hidden_for=lambda title, reason: f"Your idea {title} is hidden: {reason}",
                restored=lambda title: f"Your idea {title} is back",
            ),
        )
    )
    register_kind(
        NoticeKind(
            ADOPTED,
            lambda idea, data: f"{idea.title} was adopted by {data['body']}",
            lambda count: f"{count} adopted ideas",
        )
    )
    yield
    unregister("idea")
    unregister_kind(ADOPTED)
    db.session.remove()
    Idea.__table__.drop(db.engine)


@pytest.fixture
def idea(ideas, make_municipality, make_user):
    town = make_municipality("pristina")
    idea = Idea(title="A bench by the river", municipality_id=town.id, author_id=make_user().id)
    db.session.add(idea)
    db.session.commit()
    idea.staff = make_user(staff_of=[town])
    return idea


def _comment_form(body, parent_id=None):
    data = {"comment-body": body, "comment-language": "en"}
    return data | ({"comment-parent_id": str(parent_id)} if parent_id else {})


def test_comments_and_replies_on_a_new_type(client, login, idea, make_user):
    assert db.session.get(Subject, idea.subject_id).kind == "idea"
    login(make_user())
    response = client.post(f"/comments/idea/{idea.id}", data=_comment_form("Shade, please"))
    top = db.session.scalar(select(Comment))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/ideas/{idea.id}#comment-{top.id}")
    login(idea.staff)
    reply = client.post(
        f"/comments/idea/{idea.id}", data=_comment_form("We will look at it", top.id)
    )
    assert reply.status_code == 302
    answer = db.session.scalar(select(Comment).where(Comment.parent_id == top.id))
    assert answer.is_official  # staff of the idea's municipality, as the registry says
    assert db.session.get(Idea, idea.id).comment_count == 2
    assert search("idea_comment", "shade") == [top.id]
    assert search("comment", "shade") == []  # never in the priorities' comment search


def test_reports_hide_a_new_type_and_tell_its_author(app, idea, make_user):
    for _n in range(REPORTS_TO_HIDE):
        report_content(make_user(), idea, Reason.SPAM)
    assert db.session.get(Idea, idea.id).is_hidden
    (told,) = db.session.scalars(select(Notification).where(Notification.user_id == idea.author_id))
    assert (told.kind, told.subject_id) == ("content_hidden", idea.subject_id)


def test_the_moderators_see_the_new_type(client, login, idea, make_user):
    report_content(make_user(), idea, Reason.ABUSE)
    login(make_user(role=Role.MODERATOR))
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "A bench by the river" in queue and f"/moderation/idea/{idea.id}" in queue
    hidden = client.get("/moderation/", query_string={"show": "idea"})
    assert hidden.status_code == 200 and "Hidden ideas" in hidden.get_data(as_text=True)
    review = client.get(f"/moderation/idea/{idea.id}")
    assert review.status_code == 200


def test_followers_of_a_new_type_are_notified(client, login, idea, make_user):
    follower = make_user()
    login(follower)
    followed = client.post(f"/notifications/follow/idea/{idea.id}", data={"follow": "on"})
    assert followed.status_code == 302 and followed.headers["Location"].endswith(
        f"/ideas/{idea.id}"
    )
    assert db.session.scalar(select(Follow.subject_id).where(Follow.user_id == follower.id)) == (
        idea.subject_id
    )
    notify(ADOPTED, followers_of(idea), about=idea, data={"body": "the assembly"})
    db.session.commit()
    page = client.get("/notifications/").get_data(as_text=True)
    assert "A bench by the river was adopted by the assembly" in page


def test_an_undeclared_notification_kind_is_refused(idea, make_user):
    from civicapp.accounts.models import User

    with pytest.raises(LookupError):
        notify("no_such_kind", select(User.id), about=idea)


def test_deleting_an_object_deletes_what_was_said_about_it(idea, make_user, post_on):
    post_on(make_user(), idea, "Gone with it")
    db.session.delete(db.session.get(Idea, idea.id))
    db.session.commit()
    assert db.session.get(Subject, idea.subject_id) is None
    assert db.session.scalar(select(Comment)) is None


@pytest.fixture
def post_on(app_ctx):
    from civicapp.comments.services import post_comment

    return lambda user, target, body: post_comment(user, target, body, "en")
