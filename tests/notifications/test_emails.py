"""Notification e-mails: the recipient's language, unsubscribe links and headers, digests."""

from datetime import timedelta

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _

from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.i18n import has_cyrillic
from civicapp.notifications.emails import unsubscribe_token
from civicapp.notifications.models import EmailMode, Notification, NotificationSetting
from civicapp.notifications.services import email_mode
from civicapp.priorities.models import Status
from tests.conftest import outbox
from tests.notifications.conftest import answer, mails, notifications_of, support


def test_the_mail_is_in_the_recipients_language_and_script(
    app, make_user, make_priority, town, staff
):
    reader = make_user(locale="sr", display_name="Milica")
    priority = make_priority(town, reader, title="Popravka puta u Čaglavici", language="sr")
    answer(priority, staff, Status.ACCEPTED)

    (mail,) = mails(app)
    with force_locale("sr"):
        expected = _(
            "The municipality answered “%(title)s”: %(status)s",
            title="Поправка пута у Чаглавици",
            status=Status.ACCEPTED.label,
        )
    assert has_cyrillic(expected) and "Поправка пута у Чаглавици" in expected
    assert mail["Subject"] == expected
    body = mail.get_content()
    assert expected in body
    assert f"http://civicapp.test/priorities/{priority.id}" in body


def test_each_mail_carries_a_one_click_unsubscribe(app, make_user, priority, staff, author):
    answer(priority, staff)
    (mail,) = mails(app)
    token = unsubscribe_token(author.id)
    one_click = f"http://civicapp.test/notifications/unsubscribe/{token}/one-click"
    assert mail["List-Unsubscribe"] == f"<{one_click}>"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"http://civicapp.test/notifications/unsubscribe/{token}\n" in mail.get_content()


def test_unsubscribing_by_the_confirmation_page(app, client, author):
    url = f"/notifications/unsubscribe/{unsubscribe_token(author.id)}"
    page = client.get(url)
    assert page.status_code == 200
    assert "Stop notification e-mails" in page.get_data(as_text=True)
    assert email_mode(author) == EmailMode.IMMEDIATE  # opening the link changes nothing

    response = client.post(url)
    assert response.status_code == 302
    assert email_mode(author) == EmailMode.NONE
    page = client.get(url).get_data(as_text=True)
    assert "You will no longer receive notification e-mails." in page
    assert "This account receives no notification e-mails." in page


def test_the_confirmation_form_needs_its_csrf_token(app, client, author):
    url = f"/notifications/unsubscribe/{unsubscribe_token(author.id)}"
    assert client.post(url, csrf=False).status_code == 400
    assert email_mode(author) == EmailMode.IMMEDIATE


def test_one_click_unsubscribe_works_without_session_or_csrf(app, author):
    client = app.test_client()  # a mail client: no cookies, no CSRF token
    url = f"/notifications/unsubscribe/{unsubscribe_token(author.id)}/one-click"
    response = client.post(url, data={"List-Unsubscribe": "One-Click"}, csrf=False)
    assert response.status_code == 200
    assert email_mode(author) == EmailMode.NONE


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        "MQ.tampered-signature",
        "<script>alert(1)",
    ],
)
def test_one_click_unsubscribe_refuses_a_bad_token(app, author, token):
    client = app.test_client()
    response = client.post(
        f"/notifications/unsubscribe/{token}/one-click",
        data={"List-Unsubscribe": "One-Click"},
        csrf=False,
    )
    assert response.status_code == 400
    assert "<script>" not in response.get_data(as_text=True)
    assert email_mode(author) == EmailMode.IMMEDIATE


def test_a_token_made_for_another_purpose_is_refused(app, client, author):
    from itsdangerous import URLSafeSerializer

    other = URLSafeSerializer(app.config["SECRET_KEY"], salt="civicapp.verify").dumps(author.id)
    assert (
        client.post(f"/notifications/unsubscribe/{other}/one-click", csrf=False).status_code == 400
    )
    assert client.get(f"/notifications/unsubscribe/{other}").status_code == 400
    assert email_mode(author) == EmailMode.IMMEDIATE


def test_a_browser_opening_the_one_click_url_gets_the_confirmation_page(app, client, author):
    token = unsubscribe_token(author.id)
    response = client.get(f"/notifications/unsubscribe/{token}/one-click")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/notifications/unsubscribe/{token}")
    assert email_mode(author) == EmailMode.IMMEDIATE


def test_after_unsubscribing_notifications_stay_but_no_mail_comes(
    app, client, priority, staff, author
):
    client.post(f"/notifications/unsubscribe/{unsubscribe_token(author.id)}/one-click", csrf=False)
    answer(priority, staff)
    assert len(notifications_of(author)) == 1
    assert outbox(app) == []


# --- daily digests --------------------------------------------------------------------------


def _daily(user):
    db.session.add(NotificationSetting(user_id=user.id, email_mode=EmailMode.DAILY))
    db.session.commit()


def test_the_digest_lists_the_days_notifications_once(
    app, runner, make_user, make_priority, town, staff, author
):
    _daily(author)
    first, second = make_priority(town, author, title="Lights"), make_priority(town, author)
    answer(first, staff, Status.PLANNED)
    answer(second, staff, Status.REJECTED)
    stale = Notification(
        user_id=author.id,
        kind="priority_answered",
        subject_id=first.subject_id,
        data={"status": "received"},
        created_at=utcnow() - timedelta(days=3),
    )
    db.session.add(stale)
    db.session.commit()
    assert outbox(app) == []  # daily users get no immediate mail

    result = runner.invoke(args=["notifications", "send-digests"])
    assert result.exit_code == 0, result.output
    assert "daily digests sent: 1" in result.output
    (mail,) = outbox(app)
    assert mail["to"] == author.email
    assert mail["subject"] == "Your civicapp digest: 2 notifications"
    assert "2 new answers" in mail["body"]
    assert "The municipality answered “Lights”: Planned" in mail["body"]
    assert "Rejected" in mail["body"] and "Received" not in mail["body"]

    again = runner.invoke(args=["notifications", "send-digests"])
    assert "daily digests sent: 0" in again.output
    assert len(outbox(app)) == 1
    db.session.expire_all()
    assert all(n.emailed_at is not None for n in notifications_of(author) if n.id != stale.id)


def test_the_digest_is_in_the_users_language_and_skips_other_modes(
    app, runner, make_user, priority, staff, author
):
    serbian, silent = make_user(locale="sr_Latn"), make_user()
    _daily(serbian)
    db.session.add(NotificationSetting(user_id=silent.id, email_mode=EmailMode.NONE))
    support(priority, serbian, silent)
    answer(priority, staff)
    before = len(outbox(app))  # the author's immediate mail

    runner.invoke(args=["notifications", "send-digests"])

    new = outbox(app)[before:]
    assert [m["to"] for m in new] == [serbian.email]
    with force_locale("sr_Latn"):
        heading = _("Here is what happened on civicapp since yesterday.")
    assert (
        heading in new[0]["body"]
        and heading != "Here is what happened on civicapp since yesterday."
    )
    assert "List-Unsubscribe" in mails(app)[-1]


def test_the_digest_command_refuses_to_run_without_a_server_name(app, runner, monkeypatch):
    monkeypatch.setitem(app.config, "SERVER_NAME", None)
    result = runner.invoke(args=["notifications", "send-digests"])
    assert result.exit_code == 2
    assert "CIVICAPP_SERVER_NAME" in result.output
