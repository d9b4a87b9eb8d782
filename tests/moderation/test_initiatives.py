"""Reporting and moderating initiatives and the comments on them."""

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from civicapp.audit.models import AuditEvent
from civicapp.extensions import db
from civicapp.initiatives.models import Initiative
from civicapp.moderation import services
from civicapp.moderation.models import Reason, Report
from civicapp.moderation.policies import can_report_content, can_view_content
from civicapp.notifications.messages import attach_about, link, sentence
from civicapp.notifications.models import Notification
from civicapp.organisations.models import MemberRole, Membership


def report(client, kind, target_id, reason="spam", note=""):
    return client.post(
        f"/moderation/{kind}/{target_id}/report", data={"reason": reason, "note": note}
    )


def comment_count(initiative) -> int:
    return db.session.scalar(select(Initiative.comment_count).where(Initiative.id == initiative.id))


def test_three_reports_hide_an_initiative_comment_and_uncount_it(
    place, venture, post, make_user, signals
):
    comment = post(place.other, venture.initiative, "Buy cheap watches")
    for reporter in (make_user(), make_user(), make_user()):
        services.report_content(reporter, comment, Reason.SPAM)
    assert comment.is_hidden and comment_count(venture.initiative) == 0
    assert [name for name, sender, _kw in signals] == ["hidden"]
    (told,) = db.session.scalars(select(Notification).where(Notification.user_id == place.other.id))
    assert told.kind == "content_hidden" and told.subject_id == comment.subject_id
    attach_about([told])
    assert sentence(told) == (
        f"Your comment on “{venture.initiative.title}” is hidden until a moderator reviews it."
    )
    assert link(told).endswith(f"/initiatives/{venture.initiative.id}#comment-{comment.id}")


def test_three_reports_hide_an_initiative_pending_review(venture, make_user, moderator):
    for reporter in (make_user(), make_user(), make_user()):
        services.report_content(reporter, venture.initiative, Reason.OFF_TOPIC, "Not a project")
    assert db.session.get(Initiative, venture.initiative.id).is_hidden
    (event,) = db.session.scalars(select(AuditEvent).where(AuditEvent.action.startswith("mod")))
    assert event.action == "moderation.auto_hidden"
    assert event.subject == f"initiative:{venture.initiative.id}"
    (told,) = db.session.scalars(
        select(Notification).where(Notification.user_id == venture.member.id)
    )
    assert told.kind == "content_hidden" and told.data == {}
    services.restore_content(moderator, venture.initiative, "It is a real project")
    assert not db.session.get(Initiative, venture.initiative.id).is_hidden


def test_a_user_reports_an_initiative_once(place, venture):
    db.session.add_all(
        Report(reporter_id=place.other.id, subject_id=venture.initiative.subject_id, reason="spam")
        for _ in range(2)
    )
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_members_do_not_report_their_own_initiative_and_drafts_are_unseen(
    place, venture, make_user
):
    colleague = make_user()
    db.session.add(
        Membership(
            organisation_id=venture.organisation.id, user_id=colleague.id, role=MemberRole.MEMBER
        )
    )
    db.session.commit()
    assert can_report_content(place.other, venture.initiative)
    assert not can_report_content(colleague, venture.initiative)  # a member, not its creator
    assert not can_report_content(place.other, venture.draft)
    assert not can_view_content(place.other, venture.draft)
    assert can_view_content(colleague, venture.draft)


def test_report_an_initiative_from_its_page(client, login, place, venture):
    login(place.other)
    page = client.get(f"/initiatives/{venture.initiative.id}").get_data(as_text=True)
    url = f"/moderation/initiative/{venture.initiative.id}/report"
    assert url in page
    form = client.get(url).get_data(as_text=True)
    assert "Green Ulpiana" in form and "Why are you reporting this?" in form
    response = report(client, "initiative", venture.initiative.id, note="Fake")
    assert response.headers["Location"].endswith(f"/initiatives/{venture.initiative.id}")
    assert db.session.scalar(select(Report)).subject_id == venture.initiative.subject_id
    login(venture.member)
    page = client.get(f"/initiatives/{venture.initiative.id}").get_data(as_text=True)
    assert url not in page  # nobody reports their own
    assert client.get(f"/moderation/initiative/{venture.draft.id}/report").status_code == 403


def test_drafts_cannot_be_reported_by_outsiders(client, login, place, venture):
    login(place.other)
    assert client.get(f"/moderation/initiative/{venture.draft.id}/report").status_code == 404
    assert report(client, "initiative", venture.draft.id).status_code == 404


def test_a_hidden_initiative_leaves_the_list_and_its_page_but_for_moderators_and_members(
    client, login, place, venture, moderator
):
    services.hide_content(moderator, venture.initiative, "Personal data in the summary")
    assert "Green Ulpiana" not in client.get("/initiatives/").get_data(as_text=True)
    assert client.get(f"/initiatives/{venture.initiative.id}").status_code == 404
    login(place.other)
    assert client.get(f"/initiatives/{venture.initiative.id}").status_code == 404
    for viewer in (moderator, venture.member):
        login(viewer)
        page = client.get(f"/initiatives/{venture.initiative.id}").get_data(as_text=True)
        assert "hidden while moderators review it" in page


def test_a_hidden_initiative_is_frozen_for_its_members_until_restored(
    client, login, venture, moderator
):
    url = f"/initiatives/{venture.initiative.id}/edit"
    services.hide_content(moderator, venture.initiative, "Personal data in the summary")
    login(venture.member)
    assert client.get(url).status_code == 403
    assert client.post(url, data={"title": "Rewritten while hidden"}).status_code == 403
    assert db.session.get(Initiative, venture.initiative.id).title == "Green Ulpiana"
    services.restore_content(moderator, venture.initiative, "Fixed")
    assert client.get(url).status_code == 200


def test_moderators_review_hide_and_restore_an_initiative(client, login, place, venture, moderator):
    services.report_content(place.other, venture.initiative, Reason.SPAM, "An advert")
    login(moderator)
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "Initiative: <a" in queue and "Green Ulpiana" in queue and "An advert" in queue
    review = client.get(f"/moderation/initiative/{venture.initiative.id}")
    assert review.status_code == 200
    assert "Planting trees with the schools." in review.get_data(as_text=True)
    url = f"/moderation/initiative/{venture.initiative.id}"
    assert client.post(f"{url}/hide", data={"reason": ""}).status_code == 400
    assert client.post(f"{url}/hide", data={"reason": "Advertising"}).status_code == 302
    hidden = client.get("/moderation/?show=initiative").get_data(as_text=True)
    assert "Hidden initiatives" in hidden and "Green Ulpiana" in hidden
    assert client.post(f"{url}/restore", data={"reason": "Fixed"}).status_code == 302
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert [a for a in actions if a.startswith("moderation.")] == [
        "moderation.hidden",
        "moderation.restored",
    ]
    assert "Green Ulpiana" in client.get("/initiatives/").get_data(as_text=True)
