"""Citizens follow initiatives and discuss them on their page, as on a priority's."""

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from civicapp.comments.models import Comment
from civicapp.extensions import db
from civicapp.initiatives.models import Initiative
from civicapp.moderation.models import Reason
from civicapp.moderation.services import report_content
from civicapp.notifications.models import Notification
from tests.conftest import outbox


def page_of(client, initiative, **args) -> str:
    return client.get(f"/initiatives/{initiative.id}", query_string=args).get_data(as_text=True)


def send(client, initiative, body="Which schools take part?", **extra):
    data = {"comment-body": body, "comment-language": "en"} | extra
    return client.post(f"/comments/initiative/{initiative.id}", data=data)


def test_a_follower_hears_of_a_members_update_in_her_language(
    app, client, login, venture, make_user
):
    follower = make_user(locale="sq", display_name="Vjosa")
    login(follower)
    client.post(f"/notifications/follow/initiative/{venture.initiative.id}", data={"follow": "on"})

    login(venture.member)
    response = client.post(
        f"/initiatives/{venture.initiative.id}/updates/new",
        data={"title": "Forty trees planted", "posted_on": "2026-04-01", "body": "In the park."},
    )
    assert response.status_code == 302

    (told,) = db.session.scalars(select(Notification))
    assert (told.user_id, told.kind) == (follower.id, "initiative_update")
    (mail,) = outbox(app)
    with force_locale("sq"):
        expected = _(
            "“%(title)s” posted an update: “%(update)s”",
            title="Green Ulpiana",
            update="Forty trees planted",
        )
    assert expected != "“Green Ulpiana” posted an update: “Forty trees planted”"
    assert mail["to"] == follower.email and mail["subject"] == expected
    assert f"http://civicapp.test/initiatives/{venture.initiative.id}" in mail["body"]

    login(follower)
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Forty trees planted" in page


def test_comment_reply_edit_and_delete_on_an_initiative(client, login, place, venture):
    login(place.other)
    response = send(client, venture.initiative, "Which **schools** take part?")
    top = db.session.scalar(select(Comment))
    assert response.headers["Location"].endswith(
        f"/initiatives/{venture.initiative.id}#comment-{top.id}"
    )
    page = page_of(client, venture.initiative)
    assert "<strong>schools</strong>" in page and "1 comment" in page

    login(venture.member)
    page = page_of(client, venture.initiative, reply_to=top.id)
    assert "Reply to Besnik" in page
    send(client, venture.initiative, "Three so far.", **{"comment-parent_id": top.id})
    reply = db.session.scalar(select(Comment).where(Comment.body == "Three so far."))
    assert reply.parent_id == top.id and reply.target_subject_id == venture.initiative.subject_id

    login(place.other)
    edit = client.post(
        f"/comments/{top.id}/edit",
        data={"comment-body": "Which schools and classes?", "comment-language": "en"},
    )
    assert edit.headers["Location"].endswith(
        f"/initiatives/{venture.initiative.id}#comment-{top.id}"
    )
    assert "Which schools and classes?" in page_of(client, venture.initiative)
    client.post(f"/comments/{top.id}/delete")
    page = page_of(client, venture.initiative)
    assert "Comment deleted" in page and "Three so far." in page and "1 comment" in page
    assert db.session.get(Initiative, venture.initiative.id).comment_count == 1


def test_staff_of_its_municipalities_get_the_official_badge(client, place, venture, post):
    post(venture.peja_staff, venture.initiative, "Peja supports it.")
    post(place.foreign_staff, venture.initiative, "Not my municipality.")
    assert page_of(client, venture.initiative).count('class="badge official"') == 1


def test_three_reports_hide_an_initiative_comment(client, place, venture, post, make_user):
    comment = post(place.other, venture.initiative, "Buy cheap watches")
    for reporter in (make_user(), make_user(), make_user()):
        report_content(reporter, comment, Reason.SPAM)
    page = page_of(client, venture.initiative)
    assert "Buy cheap watches" not in page and "Hidden by moderation" in page
    assert "0 comments" in page


def test_drafts_are_not_discussed(client, login, place, venture):
    login(place.other)
    assert send(client, venture.draft).status_code == 404  # outsiders do not see drafts
    login(venture.member)
    assert send(client, venture.draft).status_code == 403
    page = page_of(client, venture.draft)
    assert 'id="comments"' not in page and "Report this" not in page
    assert db.session.scalar(select(Comment)) is None


def test_visitors_are_sent_to_sign_in_and_unverified_users_refused(
    client, login, venture, make_user
):
    assert "to join the discussion" in page_of(client, venture.initiative)
    response = send(client, venture.initiative)
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    follow = client.post(f"/notifications/follow/initiative/{venture.initiative.id}")
    assert follow.status_code == 302 and "/auth/login" in follow.headers["Location"]
    login(make_user(verified=False))
    assert send(client, venture.initiative).status_code == 403
    assert db.session.scalar(select(Comment)) is None


@pytest.mark.parametrize("action", ["comment", "follow"])
def test_posts_without_the_csrf_token_change_nothing(client, login, place, venture, action):
    login(place.other)
    if action == "comment":
        data = {"comment-body": "Hello", "comment-language": "en"}
        url = f"/comments/initiative/{venture.initiative.id}"
    else:
        data, url = {"follow": "on"}, f"/notifications/follow/initiative/{venture.initiative.id}"
    assert client.post(url, data=data, csrf=False).status_code == 400
    assert db.session.scalar(select(Comment)) is None
    assert ">Follow</button>" in page_of(client, venture.initiative)


def test_bad_comments_keep_the_text_and_say_why(client, login, place, venture):
    login(place.other)
    response = send(client, venture.initiative, "x" * 5001)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "at most 5000 characters" in page and "x" * 5001 in page
    assert client.post("/comments/initiative/99999", data={}).status_code == 404


def test_the_thread_links_to_the_initiative_page_after_a_refused_endorsement(
    client, login, place, venture, post
):
    comment = post(place.other, venture.initiative, "Which schools take part?")
    login(place.staff)
    response = client.post(
        f"/initiatives/{venture.initiative.id}/endorse",
        data={"municipality_id": place.municipality.id, "statement": ""},
    )
    assert response.status_code == 400
    reply = f'href="/initiatives/{venture.initiative.id}?reply_to={comment.id}#comment-form"'
    assert reply in response.get_data(as_text=True)
