"""Reporting content and moderating it through the pages."""

from sqlalchemy import select

from civicapp.audit.models import AuditEvent
from civicapp.comments.models import Comment
from civicapp.extensions import db
from civicapp.moderation import services
from civicapp.moderation.models import Reason, Report
from civicapp.priorities.models import Priority


def report(client, kind, target_id, reason="spam", note=""):
    return client.post(
        f"/moderation/{kind}/{target_id}/report", data={"reason": reason, "note": note}
    )


def test_report_a_comment_once_with_a_calm_second_answer(client, login, place, post):
    comment = post(place.other, place.priority)
    login(place.author)
    page = client.get(f"/moderation/comment/{comment.id}/report").get_data(as_text=True)
    assert "Why are you reporting this?" in page and "A fair point" in page
    response = report(client, "comment", comment.id, note="Selling things")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#comment-{comment.id}")
    assert "moderators will review" in client.get(response.headers["Location"]).get_data(
        as_text=True
    )
    again = report(client, "comment", comment.id)
    assert again.status_code == 302
    assert "already reported" in client.get(again.headers["Location"]).get_data(as_text=True)
    assert db.session.scalar(select(Report)).note == "Selling things"
    page = client.get(f"/moderation/comment/{comment.id}/report").get_data(as_text=True)
    assert "already reported" in page and "<select" not in page


def test_bad_report_input_is_a_400_that_keeps_the_note(client, login, place, post):
    comment = post(place.other, place.priority)
    login(place.author)
    for reason, note in (("", "kept note"), ("<script>", "kept note"), ("spam", "n" * 501)):
        response = report(client, "comment", comment.id, reason, note)
        assert response.status_code == 400 and note in response.get_data(as_text=True)
    assert db.session.scalar(select(Report)) is None
    assert client.get("/moderation/comment/999999/report").status_code == 404
    assert client.get("/moderation/essay/1/report").status_code == 404


def test_third_report_hides_a_priority_from_visitors(client, login, place, make_user, moderator):
    for reporter in (make_user(), make_user()):
        services.report_content(reporter, place.priority, Reason.ABUSE)
    login(place.other)
    response = report(client, "priority", place.priority.id)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert db.session.get(Priority, place.priority.id).is_hidden
    assert client.get(f"/priorities/{place.priority.id}").status_code == 404
    for viewer in (place.author, moderator):
        login(viewer)
        assert client.get(f"/priorities/{place.priority.id}").status_code == 200


def test_queue_shows_reports_oldest_first_to_moderators_only(client, login, place, post, moderator):
    comment = post(place.other, place.priority, "Buy cheap watches")
    services.report_content(place.author, comment, Reason.SPAM, "<script>alert(1)</script>")
    login(place.staff)
    assert client.get("/moderation/").status_code == 403
    login(moderator)
    page = client.get("/moderation/").get_data(as_text=True)
    assert "Buy cheap watches" in page and "Spam or advertising (1)" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert "Moderation</a>" in page  # the navigation link
    assert client.get("/moderation/?show=nothing").status_code == 404
    for bad in ("?page=0", "?page=99999999999999999999"):
        assert client.get(f"/moderation/{bad}").status_code == 400, bad


def test_moderator_hides_with_a_required_reason(client, login, place, post, moderator):
    comment = post(place.other, place.priority, "Rude words")
    login(moderator)
    review = client.get(f"/moderation/comment/{comment.id}").get_data(as_text=True)
    assert "Rude words" in review and "Reason for your decision" in review
    response = client.post(f"/moderation/comment/{comment.id}/hide", data={"reason": ""})
    assert response.status_code == 400 and "Give a reason." in response.get_data(as_text=True)
    assert not db.session.get(Comment, comment.id).is_hidden
    response = client.post(f"/moderation/comment/{comment.id}/hide", data={"reason": "Insults"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "The content is hidden." in page and "Insults" in page
    assert db.session.get(Comment, comment.id).is_hidden
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "moderation.hidden"))
    assert event.actor_id == moderator.id and event.subject == f"comment:{comment.id}"
    thread = client.get(f"/priorities/{place.priority.id}").get_data(as_text=True)
    assert "Rude words" in thread  # moderators still read it, marked hidden
    assert "only its author and the moderators" in thread


def test_refused_decision_is_shown_on_the_form(client, login, place, post, moderator):
    comment = post(place.other, place.priority)
    login(moderator)
    response = client.post(f"/moderation/comment/{comment.id}/restore", data={"reason": "Fine"})
    assert response.status_code == 400 and "This is not hidden." in response.get_data(as_text=True)


def test_report_and_moderate_links_on_the_priority_page(client, login, place, post, moderator):
    comment = post(place.other, place.priority)
    login(place.author)
    page = client.get(f"/priorities/{place.priority.id}").get_data(as_text=True)
    assert f"/moderation/comment/{comment.id}/report" in page
    assert f"/moderation/priority/{place.priority.id}/report" not in page  # own priority
    login(moderator)
    page = client.get(f"/priorities/{place.priority.id}").get_data(as_text=True)
    assert f"/moderation/priority/{place.priority.id}/report" in page
    assert f'/moderation/comment/{comment.id}"' in page


def test_moderator_restores_a_hidden_priority_from_the_hidden_list(client, login, place, moderator):
    services.hide_content(moderator, place.priority, "Personal data in the text")
    login(moderator)
    hidden = client.get("/moderation/?show=priority").get_data(as_text=True)
    assert place.priority.title in hidden and "Hidden priorities" in hidden
    assert "Nothing of this kind is hidden." in client.get("/moderation/?show=comment").get_data(
        as_text=True
    )
    review = client.get(f"/moderation/priority/{place.priority.id}").get_data(as_text=True)
    assert "Personal data in the text" in review and "Hidden by a moderator" in review
    response = client.post(
        f"/moderation/priority/{place.priority.id}/restore", data={"reason": "Text was fixed"}
    )
    assert response.status_code == 302
    assert not db.session.get(Priority, place.priority.id).is_hidden
    with client.session_transaction() as session:
        session.clear()  # a visitor sees it again
    assert client.get(f"/priorities/{place.priority.id}").status_code == 200
