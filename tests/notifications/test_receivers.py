"""Receivers turn domain signals into notification rows and e-mail jobs, inside the sender's
transaction."""

from datetime import timedelta

from civicapp import signals
from civicapp.comments.models import Comment
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.notifications.models import EmailMode, Follow, NotificationSetting
from civicapp.priorities.models import Status
from tests.conftest import outbox
from tests.helpers import count_statements
from tests.notifications.conftest import (
    answer,
    notification_count,
    notifications_of,
    support,
)


def test_an_answer_reaches_author_supporters_and_followers_once_each(
    app, make_user, priority, author, staff
):
    supporters = [make_user(), make_user()]
    follower = make_user()
    support(priority, author, *supporters, staff)  # the staff member supports it too
    db.session.add_all(
        [
            Follow(user_id=author.id, subject_id=priority.subject_id),
            Follow(user_id=follower.id, subject_id=priority.subject_id),
            Follow(user_id=supporters[0].id, subject_id=priority.subject_id),
        ]
    )
    db.session.commit()

    answer(priority, staff, Status.PLANNED)

    told = [author, *supporters, follower]
    for user in told:
        (notification,) = notifications_of(user)
        assert notification.kind == "priority_answered"
        assert notification.subject_id == priority.subject_id
        assert notification.actor_id == staff.id
        assert notification.data == {"status": "planned"}
        assert notification.emailed_at is not None
    assert notifications_of(staff) == []  # the actor is not told about their own answer
    assert notification_count() == len(told)
    assert sorted(m["to"] for m in outbox(app)) == sorted(u.email for u in told)


def test_the_author_answering_as_staff_is_not_told(app, make_user, town, make_priority):
    staff_author = make_user(staff_of=[town])
    priority = make_priority(town, staff_author)
    answer(priority, staff_author)
    assert notification_count() == 0
    assert outbox(app) == []


def test_a_rolled_back_answer_leaves_no_notification_and_sends_nothing(
    app, make_user, priority, staff
):
    support(priority, make_user())
    answer(priority, staff, commit=False)
    assert notification_count() == 2  # author and supporter, written in the sender's transaction...
    db.session.rollback()
    assert notification_count() == 0  # ...and gone with it, the queued e-mail too
    db.session.commit()
    assert outbox(app) == []


def test_mail_goes_only_to_verified_users_who_want_it_at_once(app, make_user, priority, staff):
    daily, silent, unverified, immediate = (
        make_user(),
        make_user(),
        make_user(verified=False),
        make_user(),
    )
    db.session.add_all(
        [
            NotificationSetting(user_id=daily.id, email_mode=EmailMode.DAILY),
            NotificationSetting(user_id=silent.id, email_mode=EmailMode.NONE),
            NotificationSetting(user_id=immediate.id, email_mode=EmailMode.IMMEDIATE),
        ]
    )
    support(priority, daily, silent, immediate)
    db.session.add(Follow(user_id=unverified.id, subject_id=priority.subject_id))
    db.session.commit()

    answer(priority, staff)

    assert all(len(notifications_of(u)) == 1 for u in (daily, silent, unverified, immediate))
    recipients = {m["to"] for m in outbox(app)}
    assert immediate.email in recipients
    assert not recipients & {daily.email, silent.email, unverified.email}


def test_disabled_accounts_are_not_told(app, make_user, priority, staff):
    gone = make_user(is_disabled=True)
    support(priority, gone)
    answer(priority, staff)
    assert notifications_of(gone) == []


def test_many_supporters_cost_the_same_number_of_queries(
    app, make_user, make_priority, town, staff
):
    def queries_for(supporters: int) -> int:
        priority = make_priority(town, None)
        support(priority, *(make_user(locale="sq") for _ in range(supporters)))
        with count_statements() as statements:
            answer(priority, staff, commit=False)
        db.session.rollback()
        return len(statements)

    assert queries_for(2) == queries_for(40)


def test_due_and_overdue_priorities_reach_the_municipality_staff_only(
    app, make_user, make_municipality, priority, staff, author
):
    other_staff = make_user(staff_of=[make_municipality("prizren")])
    priority.due_at = utcnow() + timedelta(days=30)
    signals.priority_due.send(priority, actor=author)
    db.session.commit()
    (due,) = notifications_of(staff)
    assert due.kind == "priority_due" and due.data["due_at"]

    signals.priority_overdue.send(priority)
    db.session.commit()
    assert [n.kind for n in notifications_of(staff)] == ["priority_due", "priority_overdue"]
    assert notifications_of(other_staff) == [] and notifications_of(author) == []
    assert [m["to"] for m in outbox(app)] == [staff.email, staff.email]
    assert "a first answer is due by" in outbox(app)[0]["subject"]
    assert "is overdue" in outbox(app)[1]["subject"]


def test_a_hidden_comment_is_told_to_its_author_with_the_reason(app, make_user, priority, author):
    writer, moderator = make_user(), make_user()
    comment = Comment(
        target_subject_id=priority.subject_id,
        author_id=writer.id,
        body="You are all idiots",
        body_html="<p>You are all idiots</p>",
        language="en",
    )
    db.session.add(comment)
    db.session.commit()

    signals.content_hidden.send(comment, actor=moderator, reason="Insults")
    db.session.commit()

    (notification,) = notifications_of(writer)
    assert notification.kind == "content_hidden"
    assert notification.subject_id == comment.subject_id  # the link leads to the comment
    assert notification.data == {"reason": "Insults"}
    assert notifications_of(author) == [] and notifications_of(moderator) == []
    (mail,) = outbox(app)
    assert mail["to"] == writer.email
    assert "A moderator hid your comment on “Clean the river banks”" in mail["subject"]
    assert "Reason: Insults" in mail["body"]
    assert f"http://civicapp.test/priorities/{priority.id}" in mail["body"]


def test_a_priority_hidden_by_reports_then_restored_tells_its_author(app, priority, author):
    signals.content_hidden.send(priority, actor=None, reason=None)
    signals.content_restored.send(priority, actor=None, reason="Reviewed")
    db.session.commit()
    hidden, restored = notifications_of(author)
    assert (hidden.kind, hidden.data) == ("content_hidden", {})
    assert restored.kind == "content_restored"
    subjects = [m["subject"] for m in outbox(app)]
    assert subjects == [
        "Your priority “Clean the river banks” is hidden until a moderator reviews it.",
        "Your priority “Clean the river banks” is visible again.",
    ]


def test_content_without_an_author_tells_nobody(app, make_priority, town):
    orphan = make_priority(town, None)
    signals.content_hidden.send(orphan, actor=None, reason="spam")
    db.session.commit()
    assert notification_count() == 0
