"""Followers of an initiative hear of its new updates and events, in-app and by e-mail."""

from datetime import date, timedelta

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from civicapp.db import utcnow
from civicapp.exceptions import NotAllowed
from civicapp.extensions import db
from civicapp.initiatives import timeline
from civicapp.initiatives.models import EventKind, Status
from civicapp.notifications import services
from civicapp.notifications.models import EmailMode, Follow, NotificationSetting
from civicapp.notifications.policies import can_follow_target
from tests.conftest import outbox
from tests.notifications.conftest import mails, notification_count, notifications_of


def post_update(venture, title="Forty trees planted", actor=None, update=None):
    return timeline.save_update(
        actor or venture.member, venture.initiative, update, title, "In the park.", date(2026, 4, 1)
    )


def announce_event(venture, initiative=None):
    start = utcnow() + timedelta(days=10)
    draft = timeline.EventDraft(
        EventKind.WORKSHOP, "Tree care workshop", start, start + timedelta(hours=2), place="School"
    )
    return timeline.save_event(venture.member, initiative or venture.initiative, None, draft)


def follow(user, target):
    services.follow(user, target)


def test_a_new_update_reaches_followers_but_not_its_author(app, place, venture):
    follow(place.other, venture.initiative)
    follow(venture.member, venture.initiative)  # the member who posts follows it too
    post_update(venture)
    (notification,) = notifications_of(place.other)
    assert notification.kind == "initiative_update"
    assert notification.subject_id == venture.initiative.subject_id
    assert notification.actor_id == venture.member.id
    assert notification.data == {"update": "Forty trees planted", "language": "en"}
    assert notifications_of(venture.member) == []
    (mail,) = outbox(app)
    assert mail["to"] == place.other.email
    assert mail["subject"] == "“Green Ulpiana” posted an update: “Forty trees planted”"
    assert f"http://civicapp.test/initiatives/{venture.initiative.id}" in mail["body"]


def test_corrections_and_other_initiatives_tell_nobody(app, place, venture):
    update = post_update(venture)
    follow(place.other, venture.initiative)
    post_update(venture, "Forty-one trees planted", update=update)  # a correction
    announce_event(venture, venture.draft)  # a draft has no public
    assert notification_count() == 0


def test_a_new_event_reaches_followers_with_its_date(app, place, venture):
    follow(place.other, venture.initiative)
    event = announce_event(venture)
    (notification,) = notifications_of(place.other)
    assert notification.kind == "initiative_event"
    assert notification.data["starts_at"] == event.starts_at.isoformat()
    (mail,) = outbox(app)
    assert mail["subject"].startswith("“Green Ulpiana” announced an event on ")
    assert mail["subject"].endswith(": “Tree care workshop”")


def test_a_hidden_initiative_takes_no_update_and_announces_nothing(app, place, venture):
    follow(place.other, venture.initiative)
    venture.initiative.is_hidden = True
    db.session.commit()
    with pytest.raises(NotAllowed):  # frozen until a moderator restores it
        post_update(venture)
    assert notification_count() == 0


def test_the_mail_is_in_the_followers_language_and_script(app, place, venture, make_user):
    reader = make_user(locale="sr", display_name="Milica")
    follow(reader, venture.initiative)
    venture.initiative.language = "sr"
    venture.initiative.title = "Zelena Ulpijana"
    db.session.commit()
    post_update(venture, "Posađeno četrdeset stabala")
    (mail,) = mails(app)
    with force_locale("sr"):
        expected = _(
            "“%(title)s” posted an update: “%(update)s”",
            title="Зелена Улпијана",
            update="Посађено четрдесет стабала",
        )
    assert expected != "“Зелена Улпијана” posted an update: “Посађено четрдесет стабала”"
    assert mail["Subject"] == expected


def test_daily_and_silent_followers_get_no_immediate_mail(app, runner, place, venture, make_user):
    daily, silent = make_user(locale="sq"), make_user()
    db.session.add_all(
        [
            NotificationSetting(user_id=daily.id, email_mode=EmailMode.DAILY),
            NotificationSetting(user_id=silent.id, email_mode=EmailMode.NONE),
        ]
    )
    db.session.commit()
    for user in (daily, silent):
        follow(user, venture.initiative)
    post_update(venture)
    announce_event(venture)
    assert outbox(app) == []
    assert len(notifications_of(silent)) == 2

    runner.invoke(args=["notifications", "send-digests"])
    (digest,) = outbox(app)
    assert digest["to"] == daily.email
    with force_locale("sq"):
        updates = _("%(num)d update of initiatives you follow", num=1)
    assert updates in digest["body"] and updates != "1 update of initiatives you follow"
    assert digest["body"].count(f"http://civicapp.test/initiatives/{venture.initiative.id}") == 2


def test_the_notifications_page_links_to_the_initiative(client, login, place, venture):
    follow(place.other, venture.initiative)
    post_update(venture)
    announce_event(venture)
    login(place.other)
    page = client.get("/notifications/").get_data(as_text=True)
    assert "“Green Ulpiana” posted an update: “Forty trees planted”" in page
    assert "“Green Ulpiana” announced an event on" in page
    notification = notifications_of(place.other)[0]
    response = client.post(f"/notifications/{notification.id}/open")
    assert response.headers["Location"].endswith(f"/initiatives/{venture.initiative.id}")


def test_follow_and_unfollow_from_the_initiative_page(client, login, place, venture):
    login(place.other)
    page = client.get(f"/initiatives/{venture.initiative.id}").get_data(as_text=True)
    assert ">Follow</button>" in page and "initiative&#39;s new updates and events" in page
    url = f"/notifications/follow/initiative/{venture.initiative.id}"
    response = client.post(url, data={"follow": "on"})
    assert response.headers["Location"].endswith(f"/initiatives/{venture.initiative.id}")
    client.post(url, data={"follow": "on"})  # a second click changes nothing
    page = client.get(f"/initiatives/{venture.initiative.id}").get_data(as_text=True)
    assert ">Unfollow</button>" in page and "You follow this initiative" in page
    assert services.is_following(place.other, venture.initiative)
    assert not services.is_following(place.other, place.priority)

    client.post(url, data={"follow": "off"})
    assert not services.is_following(place.other, venture.initiative)
    assert client.post(url, data={"follow": "on"}, csrf=False).status_code == 400
    assert not services.is_following(place.other, venture.initiative)


def test_drafts_and_missing_initiatives_cannot_be_followed(client, login, place, venture):
    login(place.other)
    assert client.post(f"/notifications/follow/initiative/{venture.draft.id}").status_code == 403
    assert client.post("/notifications/follow/initiative/99999").status_code == 404
    login(venture.member)
    page = client.get(f"/initiatives/{venture.draft.id}").get_data(as_text=True)
    assert ">Follow</button>" not in page


def test_one_follow_per_user_and_initiative_and_exactly_one_target(place, venture):
    initiative = venture.initiative.subject_id
    cases = (
        [{"subject_id": initiative}, {"subject_id": initiative}],
        [{}],
        [{"subject_id": initiative + 10_000}],  # no such subject
    )
    for rows in cases:
        db.session.add_all(Follow(user_id=place.other.id, **row) for row in rows)
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
    assert db.session.scalar(select(Follow)) is None


@pytest.mark.parametrize("state", ["published", "draft", "hidden", "completed"])
def test_signed_in_users_follow_public_initiatives_not_hidden(place, venture, state):
    initiative = venture.draft if state == "draft" else venture.initiative
    initiative.is_hidden = state == "hidden"
    if state == "completed":
        initiative.status = Status.COMPLETED
    followable = state in ("published", "completed")
    assert can_follow_target(place.other, initiative) == followable
    assert can_follow_target(venture.member, initiative) == followable
    assert not can_follow_target(None, initiative)


def test_after_a_follow_the_organisation_still_posts_updates_and_events(
    client, login, place, venture
):
    """On the migrated schema (the one `make run` builds): once answered 500 on a CHECK."""
    base = f"/initiatives/{venture.initiative.id}"
    login(place.other)
    assert (
        client.post(
            f"/notifications/follow/initiative/{venture.initiative.id}", data={"follow": "on"}
        ).status_code
        == 302
    )
    login(venture.member)
    update = client.post(
        f"{base}/updates/new",
        data={"title": "Forty trees planted", "posted_on": "2026-04-01", "body": "In the park."},
    )
    event = client.post(
        f"{base}/events/new",
        data={
            "kind": "workshop",
            "title": "Tree care workshop",
            "starts_at": "2099-05-01T10:00",
            "ends_at": "2099-05-01T12:00",
            "place": "School",
        },
    )
    assert (update.status_code, event.status_code) == (302, 302)
    login(place.other)
    page = client.get("/notifications/").get_data(as_text=True)
    assert "“Green Ulpiana” posted an update: “Forty trees planted”" in page
    assert "announced an event on" in page and "“Tree care workshop”" in page
