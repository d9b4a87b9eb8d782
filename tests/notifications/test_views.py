"""Notification pages: the list, opening, marking read, settings, follow, the header count."""

import pytest
from sqlalchemy import select

from civicapp import signals
from civicapp.extensions import db
from civicapp.notifications.models import EmailMode, Follow, Notification
from civicapp.notifications.services import email_mode
from civicapp.priorities.models import Status
from tests.helpers import count_statements
from tests.notifications.conftest import answer, notifications_of, support


def _notify(user, priority, status="accepted", **fields) -> Notification:
    notification = Notification(
        user_id=user.id,
        kind="priority_answered",
        subject_id=priority.subject_id,
        data={"status": status},
        **fields,
    )
    db.session.add(notification)
    db.session.commit()
    return notification


def test_visitors_are_sent_to_sign_in(client, app):
    response = client.get("/notifications/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_the_list_shows_the_users_notifications_newest_first(
    client, login, make_user, make_priority, town, staff, author
):
    older = make_priority(town, author, title="Older priority")
    newer = make_priority(town, author, title="Newer priority")
    answer(older, staff, Status.RECEIVED)
    answer(newer, staff, Status.PLANNED)
    login(author)
    page = client.get("/notifications/").get_data(as_text=True)
    first = page.index("The municipality answered “Newer priority”: Planned")
    second = page.index("The municipality answered “Older priority”: Received")
    assert first < second
    assert page.count('class="unread"') == 3  # two items and the header link
    assert "Notifications (2 unread)" in page


def test_others_notifications_are_not_listed(client, login, make_user, priority, author):
    _notify(make_user(), priority, status="rejected")
    login(author)
    assert "Rejected" not in client.get("/notifications/").get_data(as_text=True)


def test_opening_a_notification_marks_it_read_and_goes_to_the_priority(
    client, login, priority, author
):
    notification = _notify(author, priority)
    login(author)
    response = client.post(f"/notifications/{notification.id}/open")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/priorities/{priority.id}")
    db.session.refresh(notification)
    assert notification.read_at is not None
    page = client.get("/notifications/").get_data(as_text=True)
    assert 'class="unread"' not in page and "Notifications (" not in page


def test_nobody_opens_someone_elses_notification(client, login, make_user, priority, author):
    notification = _notify(author, priority)
    login(make_user())
    assert client.post(f"/notifications/{notification.id}/open").status_code == 403
    db.session.refresh(notification)
    assert notification.read_at is None


@pytest.mark.parametrize("notification_id", ["99999", "99999999999999999999", "-1", "abc"])
def test_opening_a_missing_notification_is_a_404(client, login, author, notification_id):
    login(author)
    assert client.post(f"/notifications/{notification_id}/open").status_code == 404


def test_mark_all_read(client, login, make_user, priority, author):
    other = make_user()
    for _ in range(3):
        _notify(author, priority)
    untouched = _notify(other, priority)
    login(author)
    response = client.post("/notifications/read-all", follow_redirects=True)
    assert "3 notifications marked read." in response.get_data(as_text=True)
    db.session.expire_all()
    assert all(n.read_at is not None for n in notifications_of(author))
    assert db.session.get(Notification, untouched.id).read_at is None


def test_mark_all_read_needs_the_csrf_token(client, login, priority, author):
    _notify(author, priority)
    login(author)
    assert client.post("/notifications/read-all", csrf=False).status_code == 400
    assert notifications_of(author)[0].read_at is None


@pytest.mark.parametrize(
    "page, status",
    [("2", 200), ("0", 400), ("-5", 400), ("abc", 400), ("99999999999999999999999", 400)]
    + [("<script>", 400)],
)
def test_a_page_number_is_served_or_refused_as_in_every_list(
    client, login, priority, author, page, status
):
    for _ in range(25):
        _notify(author, priority)
    login(author)
    response = client.get("/notifications/", query_string={"page": page})
    assert response.status_code == status
    assert "<script>" not in response.get_data(as_text=True)
    if status == 400:
        assert "There is no such page." in response.get_data(as_text=True)


def test_the_page_costs_the_same_queries_for_few_or_many(
    client, login, make_user, make_priority, town, author
):
    def queries_with(count: int) -> int:
        user = make_user()
        for _ in range(count):
            _notify(user, make_priority(town, author))
        login(user)
        with count_statements() as statements:
            assert client.get("/notifications/").status_code == 200
        return len(statements)

    assert queries_with(2) == queries_with(20)


def test_moderation_reasons_are_shown_escaped(client, login, priority, author):
    signals.content_hidden.send(priority, actor=None, reason="<script>alert(1)</script>")
    db.session.commit()
    login(author)
    page = client.get("/notifications/").get_data(as_text=True)
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- header ---------------------------------------------------------------------------------


def test_the_header_shows_the_unread_count_on_every_page(client, login, priority, author):
    _notify(author, priority)
    login(author)
    assert "Notifications (1 unread)" in client.get("/auth/profile").get_data(as_text=True)
    _notify(author, priority)
    assert "Notifications (2 unread)" in client.get("/").get_data(as_text=True)


def test_visitors_see_no_notifications_link(client, app):
    assert "/notifications/" not in client.get("/").get_data(as_text=True)


# --- settings -------------------------------------------------------------------------------


def test_settings_show_and_save_the_mode(client, login, author):
    login(author)
    page = client.get("/notifications/settings").get_data(as_text=True)
    checked = '<input checked id="email_mode-0" name="email_mode" required type="radio"'
    assert f'{checked} value="immediate">' in page
    response = client.post("/notifications/settings", data={"email_mode": "daily"})
    assert response.status_code == 302
    assert email_mode(author) == EmailMode.DAILY
    page = client.get("/notifications/settings").get_data(as_text=True)
    assert "Your notification settings are saved." in page


@pytest.mark.parametrize("value", ["weekly", "", "<script>x</script>", "9" * 50])
def test_settings_refuse_unknown_modes(client, login, author, value):
    login(author)
    response = client.post("/notifications/settings", data={"email_mode": value})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Choose one of the options." in page and "<script>x" not in page
    assert email_mode(author) == EmailMode.IMMEDIATE


def test_the_profile_links_to_the_settings(client, login, author):
    login(author)
    assert "/notifications/settings" in client.get("/auth/profile").get_data(as_text=True)


# --- follow ---------------------------------------------------------------------------------


def _follows(user, priority) -> int:
    return len(
        db.session.scalars(
            select(Follow).where(
                Follow.user_id == user.id, Follow.subject_id == priority.subject_id
            )
        ).all()
    )


def test_follow_and_unfollow_from_the_priority_page(client, login, make_user, priority):
    reader = make_user()
    login(reader)
    page = client.get(f"/priorities/{priority.id}").get_data(as_text=True)
    assert ">Follow</button>" in page and "The author and supporters hear anyway." in page

    url = f"/notifications/follow/priority/{priority.id}"
    response = client.post(url, data={"follow": "on"})
    assert response.headers["Location"].endswith(f"/priorities/{priority.id}")
    client.post(url, data={"follow": "on"})  # a second click changes nothing
    assert _follows(reader, priority) == 1
    page = client.get(f"/priorities/{priority.id}").get_data(as_text=True)
    assert ">Unfollow</button>" in page and "You follow this priority" in page

    client.post(url, data={"follow": "off"})
    assert _follows(reader, priority) == 0


def test_a_follower_hears_of_the_answer(client, login, make_user, priority, staff):
    reader = make_user()
    login(reader)
    client.post(f"/notifications/follow/priority/{priority.id}", data={"follow": "on"})
    answer(priority, staff)
    assert [n.kind for n in notifications_of(reader)] == ["priority_answered"]


@pytest.mark.parametrize("value", ["", "yes", "<b>on</b>"])
def test_follow_refuses_unknown_values(client, login, make_user, priority, value):
    reader = make_user()
    login(reader)
    response = client.post(f"/notifications/follow/priority/{priority.id}", data={"follow": value})
    assert response.status_code == 400
    assert _follows(reader, priority) == 0


def test_hidden_priorities_cannot_be_followed(client, login, make_user, priority):
    priority.is_hidden = True
    db.session.commit()
    reader = make_user()
    login(reader)
    url = f"/notifications/follow/priority/{priority.id}"
    assert client.post(url, data={"follow": "on"}).status_code == 403
    assert _follows(reader, priority) == 0


def test_visitors_see_no_follow_button(client, priority):
    assert ">Follow</button>" not in client.get(f"/priorities/{priority.id}").get_data(as_text=True)


def test_supporters_are_told_even_without_following(client, make_user, priority, staff):
    supporter = make_user()
    support(priority, supporter)
    answer(priority, staff)
    assert len(notifications_of(supporter)) == 1
