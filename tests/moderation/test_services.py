"""Reports, the three-reports rule, moderators' decisions, the audit log and the queue."""

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from civicapp.audit.models import AuditEvent
from civicapp.exceptions import DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.moderation import services
from civicapp.moderation.models import Reason, Report
from civicapp.priorities.models import Priority


def events(action=None):
    stmt = select(AuditEvent).where(AuditEvent.action.startswith("moderation."))
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    return list(db.session.scalars(stmt.order_by(AuditEvent.id)))


def comment_count(priority):
    return db.session.scalar(select(Priority.comment_count).where(Priority.id == priority.id))


def report_by(users, obj, reason=Reason.SPAM):
    for user in users:
        services.report_content(user, obj, reason, "Looks like an advert")


def test_three_distinct_reports_hide_a_comment_pending_review(place, post, make_user, signals):
    comment = post(place.other, place.priority)
    report_by([make_user(), make_user()], comment)
    assert not comment.is_hidden and comment_count(place.priority) == 1 and not signals
    report_by([make_user()], comment)
    assert comment.is_hidden and comment_count(place.priority) == 0
    [event] = events()
    assert (event.action, event.actor_id, event.subject) == (
        "moderation.auto_hidden",
        None,
        f"comment:{comment.id}",
    )
    assert event.target_user_id == place.other.id and event.details["reports"] == 3
    assert signals == [("hidden", comment, {"actor": None, "reason": None})]


def test_reports_on_an_official_comment_go_to_moderators_without_hiding_it(
    client, place, post, make_user, signals
):
    answer = post(place.staff, place.priority, "The municipality will clean it in May.")
    assert answer.is_official
    report_by([make_user() for _ in range(4)], answer)
    assert not answer.is_hidden and comment_count(place.priority) == 1
    assert not signals and not events()
    _pagination, [item] = services.reported_queue(page=1)
    assert item.content == answer and len(item.reports) == 4
    shown = client.get(f"/priorities/{place.priority.id}").get_data(as_text=True)
    assert "The municipality will clean it in May." in shown


def test_one_user_reporting_three_times_hides_nothing(place, post):
    comment = post(place.other, place.priority)
    services.report_content(place.author, comment, Reason.ABUSE)
    for _ in range(2):
        with pytest.raises(services.AlreadyReported, match="already reported"):
            services.report_content(place.author, comment, Reason.ABUSE)
    assert not comment.is_hidden
    assert len(db.session.scalars(select(Report)).all()) == 1


def test_three_reports_hide_a_priority(place, make_user, signals):
    report_by([make_user() for _ in range(3)], place.priority, Reason.OFF_TOPIC)
    assert db.session.get(Priority, place.priority.id).is_hidden
    assert [e.subject for e in events()] == [f"priority:{place.priority.id}"]
    assert signals[0][:2] == ("hidden", place.priority)


def test_unique_report_per_user_and_target_is_enforced_by_the_database(place, post):
    comment = post(place.other, place.priority)
    for _ in range(2):
        db.session.add(
            Report(reporter_id=place.author.id, subject_id=comment.subject_id, reason="spam")
        )
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    for _ in range(2):
        db.session.add(
            Report(reporter_id=place.other.id, subject_id=place.priority.subject_id, reason="spam")
        )
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


@pytest.mark.parametrize("targets", ["none", "unknown"])
def test_a_report_concerns_exactly_one_existing_thing(place, post, targets):
    comment = post(place.other, place.priority)
    ids = {"subject_id": comment.subject_id + 10_000} if targets == "unknown" else {}
    db.session.add(Report(reporter_id=place.author.id, reason="spam", **ids))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_reports_of_own_deleted_or_hidden_content_are_refused(place, post, make_user):
    comment = post(place.other, place.priority)
    with pytest.raises(NotAllowed):
        services.report_content(place.other, comment, Reason.SPAM)
    with pytest.raises(NotAllowed):
        services.report_content(make_user(verified=False), comment, Reason.SPAM)
    from civicapp.comments.services import delete_comment

    delete_comment(place.other, comment)
    with pytest.raises(NotAllowed):
        services.report_content(place.author, comment, Reason.SPAM)


def test_moderator_hides_with_a_reason_and_everything_is_logged(
    place, post, moderator, make_user, signals
):
    comment = post(place.other, place.priority)
    report_by([make_user()], comment)
    services.hide_content(moderator, comment, "Advertising a shop")
    assert comment.is_hidden and comment_count(place.priority) == 0
    [event] = events("moderation.hidden")
    assert event.actor_id == moderator.id and event.subject == f"comment:{comment.id}"
    assert event.details == {"reason": "Advertising a shop", "reports": 1}
    assert signals == [("hidden", comment, {"actor": moderator, "reason": "Advertising a shop"})]
    report = db.session.scalar(select(Report))
    assert report.resolved_at is not None and report.resolved_by_id == moderator.id
    with pytest.raises(DomainError, match="already hidden"):
        services.hide_content(moderator, comment, "Again")


def test_keeping_auto_hidden_content_hidden_closes_reports_without_a_second_signal(
    place, post, moderator, make_user, signals
):
    comment = post(place.other, place.priority)
    report_by([make_user() for _ in range(3)], comment)
    services.hide_content(moderator, comment, "Confirmed spam")
    assert comment.is_hidden and len(signals) == 1
    assert [e.action for e in events()] == ["moderation.auto_hidden", "moderation.hidden"]
    assert comment_count(place.priority) == 0


def test_restore_shows_again_counts_again_and_reports_start_over(
    place, post, moderator, make_user, signals
):
    comment = post(place.other, place.priority)
    report_by([make_user() for _ in range(3)], comment)
    services.restore_content(moderator, comment, "Criticism is not abuse")
    assert not comment.is_hidden and comment_count(place.priority) == 1
    assert signals[-1] == (
        "restored",
        comment,
        {"actor": moderator, "reason": "Criticism is not abuse"},
    )
    assert events("moderation.restored")[0].details["reports"] == 3
    report_by([make_user() for _ in range(2)], comment)
    assert not comment.is_hidden  # the closed reports no longer count
    with pytest.raises(DomainError, match="not hidden"):
        services.restore_content(moderator, comment, "Again")


def test_dismiss_closes_reports_of_visible_content(place, post, moderator, make_user, signals):
    comment = post(place.other, place.priority)
    with pytest.raises(DomainError, match="no open reports"):
        services.dismiss_reports(moderator, comment, "Nothing wrong")
    report_by([make_user()], comment)
    services.dismiss_reports(moderator, comment, "Nothing wrong")
    assert not comment.is_hidden and not signals
    assert events("moderation.dismissed")[0].details == {"reason": "Nothing wrong", "reports": 1}
    services.hide_content(moderator, comment, "Changed my mind")
    with pytest.raises(DomainError):
        services.dismiss_reports(moderator, comment, "Hidden content")


@pytest.mark.parametrize("reason", ["", "   ", "x" * 501])
def test_decisions_need_a_reason(place, post, moderator, reason):
    comment = post(place.other, place.priority)
    with pytest.raises(DomainError) as refused:
        services.hide_content(moderator, comment, reason)
    assert refused.value.field == "reason" and not comment.is_hidden and not events()


def test_only_moderators_decide(place, post, make_user):
    comment = post(place.other, place.priority)
    with pytest.raises(NotAllowed):
        services.hide_content(place.staff, comment, "Staff may not")
    assert not comment.is_hidden


def test_queue_lists_reported_content_oldest_first_with_counts_and_reasons(place, post, make_user):
    first = post(place.other, place.priority, "First reported")
    second = post(place.other, place.priority, "Second reported")
    services.report_content(place.author, first, Reason.SPAM)
    services.report_content(place.author, second, Reason.ABUSE)
    services.report_content(make_user(), first, Reason.ABUSE)
    services.report_content(make_user(), place.priority, Reason.OFF_TOPIC)
    page, items = services.reported_queue(1)
    assert [item.content for item in items] == [first, second, place.priority]
    assert [len(item.reports) for item in items] == [2, 1, 1]
    assert items[0].reason_counts == {Reason.SPAM: 1, Reason.ABUSE: 1}
    assert page.total == 3 and items[2].summary == place.priority.title


def test_hidden_lists_and_history(place, post, moderator):
    comment = post(place.other, place.priority)
    services.hide_content(moderator, comment, "Rude")
    from civicapp.subjects.registry import subject_types

    kinds = subject_types()

    assert services.hidden_content(kinds["comment"], 1).items == [comment]
    assert services.hidden_content(kinds["priority"], 1).items == []
    reports, history = services.content_history(comment)
    assert reports == [] and [e.action for e in history] == ["moderation.hidden"]
