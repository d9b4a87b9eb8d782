"""Comment threads on priority pages, as readers and writers use them."""

from sqlalchemy import select

from civicapp.comments import services
from civicapp.comments.models import Comment
from civicapp.extensions import db
from tests.comments.conftest import age


def page_of(client, priority, **args):
    return client.get(f"/priorities/{priority.id}", query_string=args)


def send(client, priority, body="Good idea", language="en", **extra):
    data = {"comment-body": body, "comment-language": language} | extra
    return client.post(f"/comments/priority/{priority.id}", data=data)


def test_post_redirects_to_the_comment_and_shows_it(client, login, place):
    login(place.other)
    response = send(client, place.priority, "We need **lights** near the school")
    comment = db.session.scalar(select(Comment))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(
        f"/priorities/{place.priority.id}#comment-{comment.id}"
    )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your comment is published." in page
    assert f'id="comment-{comment.id}"' in page and "<strong>lights</strong>" in page
    assert "1 comment" in page


def test_hostile_input_is_inert(client, login, place):
    login(place.other)
    send(
        client,
        place.priority,
        "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>",
    )
    page = page_of(client, place.priority).get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert 'href="javascript' not in page and "<img" not in page


def test_invalid_comment_keeps_the_text_and_says_why(client, login, place):
    login(place.other)
    response = send(client, place.priority, "x" * 5001)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "at most 5000 characters" in page and "x" * 5001 in page
    response = send(client, place.priority, "Kept text", language="klingon")
    assert response.status_code == 400 and "Kept text" in response.get_data(as_text=True)
    assert db.session.scalar(select(Comment)) is None


def test_hostile_parent_ids_are_a_400(client, login, place):
    login(place.other)
    for value in ("abc", "-1", "99999999999999999999", "12345"):
        response = send(client, place.priority, "Kept", **{"comment-parent_id": value})
        assert response.status_code == 400, value
    assert db.session.scalar(select(Comment)) is None


def test_staff_comment_has_the_official_badge(client, login, place, post):
    post(place.staff, place.priority, "We will look at it.")
    post(place.foreign_staff, place.priority, "Not my municipality.")
    page = page_of(client, place.priority).get_data(as_text=True)
    assert page.count('class="badge official"') == 1


def test_reply_link_prefills_the_form_without_javascript(client, login, place, post):
    top = post(place.author, place.priority, "Top comment")
    login(place.other)
    page = page_of(client, place.priority, reply_to=top.id).get_data(as_text=True)
    assert "Reply to Arta" in page and f'value="{top.id}"' in page
    response = send(client, place.priority, "My reply", **{"comment-parent_id": top.id})
    reply = db.session.scalar(select(Comment).where(Comment.body == "My reply"))
    assert response.status_code == 302 and reply.parent_id == top.id
    assert "Reply to" not in page_of(client, place.priority, reply_to="junk").get_data(as_text=True)


def test_deleted_and_hidden_comments_leave_placeholders(client, login, place, post):
    deleted = post(place.other, place.priority, "Deleted words")
    post(place.author, place.priority, "Reply survives", parent=deleted)
    services.delete_comment(place.other, deleted)
    hidden = post(place.other, place.priority, "Hidden words")
    services.set_comment_hidden(hidden, True)
    db.session.commit()
    page = page_of(client, place.priority).get_data(as_text=True)
    assert "Comment deleted" in page and "Reply survives" in page
    assert "Hidden by moderation" in page
    assert "Deleted words" not in page and "Hidden words" not in page
    login(place.other)
    page = page_of(client, place.priority).get_data(as_text=True)
    assert "Hidden words" in page and "only its author and the moderators" in page


def test_serbian_comments_follow_the_readers_script(client, login, place, post):
    post(place.other, place.priority, "Čista reka za decu", language="sr")
    client.set_cookie("civicapp_locale", "sr", domain="civicapp.test")
    assert "Чиста река за децу" in page_of(client, place.priority).get_data(as_text=True)
    client.set_cookie("civicapp_locale", "sr_Latn", domain="civicapp.test")
    assert "Čista reka za decu" in page_of(client, place.priority).get_data(as_text=True)


def test_bad_comments_page_is_a_404(client, place):
    for value in ("0", "-3", "2", "99999999999999999999999"):
        assert page_of(client, place.priority, comments_page=value).status_code == 404, value
    assert page_of(client, place.priority, comments_page="abc").status_code == 200


def test_visitors_are_asked_to_sign_in_and_unverified_users_refused(
    client, login, place, make_user
):
    assert "to join the discussion" in page_of(client, place.priority).get_data(as_text=True)
    response = send(client, place.priority)
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    login(make_user(verified=False))
    assert send(client, place.priority).status_code == 403
    assert db.session.scalar(select(Comment)) is None


def test_hidden_priority_is_404_and_withdrawn_one_closed(client, login, place):
    login(place.other)
    place.priority.is_hidden = True
    db.session.commit()
    assert send(client, place.priority).status_code == 404
    place.priority.is_hidden = False
    place.priority.withdrawn_at = place.priority.created_at
    db.session.commit()
    assert send(client, place.priority).status_code == 403
    assert "closed to new comments" in page_of(client, place.priority).get_data(as_text=True)


def test_edit_within_the_window(client, login, place, post):
    comment = post(place.other, place.priority, "Frist text")
    login(place.other)
    assert "Frist text" in client.get(f"/comments/{comment.id}/edit").get_data(as_text=True)
    response = client.post(
        f"/comments/{comment.id}/edit",
        data={"comment-body": "First text", "comment-language": "en"},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"#comment-{comment.id}"
    )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "First text" in page and "edited" in page


def test_late_edit_keeps_the_text_and_explains(client, login, place, post):
    comment = post(place.other, place.priority, "Old text")
    age(comment, 20)
    login(place.other)
    assert client.get(f"/comments/{comment.id}/edit").status_code == 403
    response = client.post(
        f"/comments/{comment.id}/edit", data={"comment-body": "New text", "comment-language": "en"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "15 minutes" in page and "New text" in page
    assert db.session.get(Comment, comment.id).body == "Old text"


def test_others_cannot_edit_or_delete(client, login, place, post):
    comment = post(place.other, place.priority)
    login(place.author)
    assert client.get(f"/comments/{comment.id}/edit").status_code == 403
    assert (
        client.post(f"/comments/{comment.id}/edit", data={"comment-body": "x"}).status_code == 403
    )
    assert client.post(f"/comments/{comment.id}/delete").status_code == 403
    assert db.session.get(Comment, comment.id).deleted_at is None


def test_delete_own_comment(client, login, place, post):
    comment = post(place.other, place.priority)
    login(place.other)
    response = client.post(f"/comments/{comment.id}/delete")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your comment is deleted." in page and "Comment deleted" in page
    assert db.session.get(Comment, comment.id).deleted_at is not None


def test_delete_without_csrf_changes_nothing(client, login, place, post):
    comment = post(place.other, place.priority)
    login(place.other)
    assert client.post(f"/comments/{comment.id}/delete", csrf=False).status_code == 400
    assert db.session.get(Comment, comment.id).deleted_at is None


def test_posting_is_rate_limited(database_url, tmp_path, place):
    from tests.conftest import make_test_app

    app = make_test_app(
        database_url, tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_COMMENT="2 per minute"
    )
    client = app.test_client()
    client.set_cookie("civicapp_locale", "en", domain="civicapp.test")
    with client.session_transaction() as session:
        session["_user_id"] = place.other.get_id()
    statuses = [send(client, place.priority, f"Comment {n}").status_code for n in range(3)]
    assert statuses == [302, 302, 429]


def test_priority_page_queries_do_not_grow_with_comments(client, login, place, post, make_user):
    from tests.comments.test_services import count_queries

    users = [make_user() for _ in range(4)]
    login(place.other)

    def queries_with(n):
        for i in range(n):
            top = post(users[i % 4], place.priority, f"Comment {i}")
            post(users[(i + 1) % 4], place.priority, f"Reply {i}", parent=top)
        db.session.commit()
        return count_queries(lambda: page_of(client, place.priority))

    few = queries_with(5)
    assert 3 <= few == queries_with(45)
