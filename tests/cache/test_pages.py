"""Visitors' pages come from a cached copy, yet every change shows on the very next request,
in every worker, and nothing of one reader (session, sign-in, token, message) reaches another."""

import html
import re

import pytest

from civicapp.accounts.models import Role
from civicapp.extensions import db
from tests.cache.conftest import change_behind_the_cache
from tests.conftest import make_test_app

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def page(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def copy(client, path: str, statements: list) -> str:
    """The page, checked to come from the cache: its only query reads the generation."""
    statements.clear()
    shown = page(client.get(path))
    assert len(statements) == 1 and "cache_generations" in statements[0], statements
    return shown


@pytest.fixture
def town(make_municipality):
    return make_municipality("pristina", official_languages="sq,sr")


@pytest.fixture
def priority(make_priority, make_user, town):
    return make_priority(town, make_user(), title="Light the school road")


def url(priority) -> str:
    return f"/priorities/{priority.id}"


def test_visitors_get_the_copy_until_a_vote_changes_the_page(
    visitor, reader, login, make_user, priority, statements
):
    assert "0 people support this priority." in page(visitor.get(url(priority)))
    change_behind_the_cache(priority, title="Changed without the app")
    assert "Changed without the app" not in copy(visitor, url(priority), statements)

    login(make_user(), on=reader)
    assert reader.post(f"{url(priority)}/support").status_code == 302
    shown = page(visitor.get(url(priority)))
    assert "1 person supports this priority." in shown
    assert "Changed without the app" in shown


def test_a_change_made_in_another_worker_shows_at_once(
    visitor, login, make_user, priority, database_url, tmp_path, statements
):
    other_worker = make_test_app(database_url, tmp_path / "other", CACHE_SECONDS=60)
    voter = login(make_user(), on=other_worker.test_client())
    page(visitor.get(url(priority)))
    assert "0 people support" in copy(visitor, url(priority), statements)
    assert voter.post(f"{url(priority)}/support").status_code == 302
    assert "1 person supports" in page(visitor.get(url(priority)))


def test_a_comment_shows_at_once(visitor, make_user, priority, statements):
    from civicapp.comments.services import post_comment

    page(visitor.get(url(priority)))
    copy(visitor, url(priority), statements)
    post_comment(make_user(display_name="Drita"), priority, "Also the bus stop, please.", "en")
    shown = page(visitor.get(url(priority)))
    assert "Also the bus stop, please." in shown and "Drita" in shown


def test_hiding_a_comment_shows_at_once(visitor, make_user, priority, statements):
    from civicapp.comments.services import post_comment
    from civicapp.moderation.services import hide_content

    comment = post_comment(make_user(), priority, "Rude words about the mayor.", "en")
    page(visitor.get(url(priority)))
    assert "Rude words about the mayor." in copy(visitor, url(priority), statements)
    hide_content(make_user(role=Role.MODERATOR), comment, "Insults")
    shown = page(visitor.get(url(priority)))
    assert "Rude words about the mayor." not in shown and "Hidden by moderation" in shown


def test_an_official_answer_shows_at_once(visitor, make_user, town, priority, statements):
    from civicapp.priorities.models import Status
    from civicapp.responses.services import Draft, publish_response

    page(visitor.get(url(priority)))
    assert "Awaiting answer" in copy(visitor, url(priority), statements)
    texts = {"sq": "Komuna do ta ndriçojë rrugën.", "sr": "Opština će osvetliti put."}
    publish_response(make_user(staff_of=[town]), priority, Draft(Status.UNDER_REVIEW, texts))
    shown = page(visitor.get(url(priority)))
    assert "Under review" in shown and "Awaiting answer" not in shown


def test_a_visitor_switches_language_with_a_link_and_no_session(visitor, priority, statements):
    page(visitor.get("/priorities/"))
    assert "<h1>Priorities" in copy(visitor, "/priorities/", statements)
    response = visitor.get("/language", query_string={"locale": "sr", "next": "/priorities/"})
    assert response.status_code == 302 and response.headers["Location"] == "/priorities/"
    assert "session=" not in response.headers.get("Set-Cookie", "")
    shown = visitor.get("/priorities/")
    assert 'lang="sr-Cyrl"' in page(shown) and "Приоритети" in page(shown)
    assert "Set-Cookie" not in shown.headers  # no session, no CSRF token for a reader


def test_a_visitors_page_has_no_session_and_no_token(visitor, priority):
    for _ in range(2):
        response = visitor.get("/priorities/")
        assert "Set-Cookie" not in response.headers
        assert "csrf_token" not in page(response)


def test_the_signed_in_reader_never_gets_the_visitors_copy_nor_the_reverse(
    visitor, reader, login, make_user, priority, statements
):
    page(visitor.get(url(priority)))
    assert "Sign in to support this priority." in copy(visitor, url(priority), statements)
    login(make_user(display_name="Besa"), on=reader)
    own = page(reader.get(url(priority)))
    assert "Support this priority" in own and "Sign out" in own
    token = TOKEN.search(own).group(1)
    response = reader.post(f"{url(priority)}/support", data={"csrf_token": token}, csrf=False)
    assert response.status_code == 302
    assert "Thank you for your support." in page(reader.get(url(priority)))
    shown = page(visitor.get(url(priority)))
    assert "Sign out" not in shown and "You support this priority." not in shown
    assert "Thank you" not in shown and "1 person supports this priority." in shown


def test_each_visitor_gets_a_sign_in_token_of_their_own(visitor, reader, make_user, statements):
    user = make_user()
    page(visitor.get("/auth/login"))
    forms = [copy(client, "/auth/login", statements) for client in (visitor, reader, visitor)]
    tokens = [TOKEN.search(form).group(1) for form in forms]
    assert tokens[0] != tokens[1]
    fields = {"email": user.email, "password": "wrong password"}
    mine = visitor.post("/auth/login", data=fields | {"csrf_token": tokens[2]}, csrf=False)
    assert "The e-mail address or password is not right." in mine.get_data(as_text=True)
    theirs = visitor.post("/auth/login", data=fields | {"csrf_token": tokens[1]}, csrf=False)
    assert "Your form expired" in theirs.get_data(as_text=True)


def test_a_flashed_message_is_shown_to_its_visitor_only(visitor, reader, statements, town):
    page(reader.get("/"))
    copy(reader, "/", statements)
    with visitor.session_transaction() as session:
        session["_flashes"] = [("info", "Only for you")]
    assert "Only for you" in page(visitor.get("/"))
    assert "Only for you" not in page(reader.get("/"))
    assert "Only for you" not in page(visitor.get("/"))


def test_readers_of_other_languages_get_their_own_copy(cached_app, priority):
    for header, expected in (("sq", "Prioritetet"), ("en", "Priorities"), ("sq", "Prioritetet")):
        client = cached_app.test_client()
        shown = page(client.get("/priorities/", headers={"Accept-Language": header}))
        assert f"<h1>{expected}" in shown


def test_the_signed_in_header_follows_the_unread_count(reader, login, make_user, priority):
    from civicapp.notifications.models import Notification

    user = make_user()
    login(user, on=reader)
    assert "Notifications (1 unread)" not in page(reader.get("/"))
    # A private row: it moves no generation, the header's key has the count.
    db.session.add(
        Notification(user_id=user.id, kind="priority_due", subject_id=priority.subject_id)
    )
    db.session.commit()
    assert "Notifications (1 unread)" in page(reader.get("/"))


def test_the_signed_in_list_shows_a_vote_and_hidden_priorities_by_role(
    reader, login, make_user, make_priority, town, priority
):
    from civicapp.moderation.services import hide_content

    moderator = make_user(role=Role.MODERATOR)
    hidden = make_priority(town, title="Text with personal data")
    hide_content(moderator, hidden, "Personal data")
    login(make_user(), on=reader)
    listing = page(reader.get("/priorities/"))
    assert "Light the school road" in listing and "Text with personal data" not in listing
    reader.post(f"{url(priority)}/support")
    assert "1 support ·" in page(reader.get("/priorities/"))
    login(moderator, on=reader)
    assert "Text with personal data" in page(reader.get("/priorities/"))


def test_an_answer_in_another_worker_updates_the_accountability_figures_at_once(
    database_url, tmp_path, login, make_user, town, priority
):
    from datetime import timedelta

    from civicapp.db import utcnow
    from civicapp.priorities.models import Status
    from civicapp.responses.services import Draft, publish_response

    priority.threshold_reached_at = utcnow() - timedelta(days=40)
    priority.due_at = utcnow() - timedelta(days=10)
    db.session.commit()
    worker = make_test_app(database_url, tmp_path / "w", CACHE_SECONDS=60)
    citizen = login(make_user(), on=worker.test_client())  # signed in: no page copies
    assert "Light the school road" in page(citizen.get("/accountability/pristina"))
    texts = {"sq": "Komuna do ta ndriçojë rrugën.", "sr": "Opština će osvetliti put."}
    publish_response(make_user(staff_of=[town]), priority, Draft(Status.RECEIVED, texts))
    assert "Light the school road" not in page(citizen.get("/accountability/pristina"))


def test_a_page_reached_with_a_mailed_token_shows_its_change_at_once(visitor, make_user, town):
    from civicapp.notifications.emails import unsubscribe_token

    path = f"/notifications/unsubscribe/{unsubscribe_token(make_user().id)}"
    assert "Stop all notification e-mails" in page(visitor.get(path))
    page(visitor.get(path))  # never a copy: the page changes once its token is used
    form = page(visitor.get(path))
    token = TOKEN.search(form).group(1)
    assert visitor.post(path, data={"csrf_token": token}, csrf=False).status_code == 302
    page(visitor.get(path))  # shows (and so takes) the flashed message
    assert "This account receives no notification e-mails." in page(visitor.get(path))


def test_a_used_reset_link_shows_no_form_to_the_next_visitor(visitor, reader, make_user):
    from civicapp.accounts.services import make_token

    path = f"/auth/reset/{make_token(make_user(), 'reset')}"
    for _ in range(2):  # the second time would be the copy
        form = page(visitor.get(path))
    assert "Choose a new password" in form
    token = TOKEN.search(form).group(1)
    data = {"csrf_token": token, "password": "a brand new long passphrase"}
    assert visitor.post(path, data=data, csrf=False).status_code == 302
    used = reader.get(path)
    assert used.status_code == 400 and "Choose a new password" not in used.get_data(as_text=True)
    assert "Link not valid" in used.get_data(as_text=True)


def test_every_page_reached_with_a_token_is_kept_out_of_the_cache(cached_app):
    for rule in cached_app.url_map.iter_rules():
        if "token" in rule.arguments:
            view = cached_app.view_functions[rule.endpoint]
            assert getattr(view, "never_cached", False), rule.rule
