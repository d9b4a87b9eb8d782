"""Every link in every mail is on the configured public host, whatever the request's Host."""

import re
from email import message_from_bytes, policy

import pytest

from civicapp.mail import outbox_messages
from tests.conftest import TEST_PASSWORD, make_test_app

PUBLIC = "https://civicapp.test/"
LINK = re.compile(r"https?://[^\s<>]+")
# A foreign host (refused), a trusted local one, and the public one over plain http.
HOSTS = ("evil.example", "localhost:5000", "civicapp.test")


@pytest.fixture
def public_app(app, database_url, tmp_path):
    """The app as production configures it: a public host and scheme of its own.

    CSRF is off: the test client keeps its token in the session of one host only.
    """
    return make_test_app(
        database_url, tmp_path / "public", PREFERRED_URL_SCHEME="https", WTF_CSRF_ENABLED=False
    )


def links_in_mails(app) -> list[str]:
    """Every link in the outbox, in bodies and headers (List-Unsubscribe)."""
    found = []
    for path in outbox_messages(app.instance_path):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        found += LINK.findall(message.get_content())
        found += LINK.findall(str(message.get("List-Unsubscribe", "")))
    return found


def mailing_requests(make_user, make_municipality, make_priority, make_organisation):  # noqa: F811
    """(who signs in, path, form) for each request that sends mail with links."""
    from civicapp.accounts.models import Role

    owner, admin, author = (make_user() for _ in range(3))
    moderator = make_user(role=Role.MODERATOR)
    organisation = make_organisation(admin=admin)
    priority = make_priority(make_municipality(), author)
    registration = {
        "display_name": "Arta",
        "password": "lemon tree at the river",
        "locale": "en",
        "home_municipality_id": "",
    }
    return [
        (None, "/auth/forgot", {"email": owner.email}),
        (None, "/auth/register", {"email": "new@example.org", **registration}),
        (None, "/auth/register", {"email": owner.email, **registration}),
        (
            owner,
            "/auth/profile/email",
            {"email": "n@example.org", "current_password": TEST_PASSWORD},
        ),
        (
            admin,
            f"/organisations/{organisation.slug}/members/invite",
            {"email": "invitee@example.org", "role": "member"},
        ),
        (moderator, f"/moderation/priority/{priority.id}/hide", {"reason": "Personal data"}),
    ]


@pytest.mark.parametrize("host", HOSTS)
def test_every_mail_links_only_to_the_public_host(
    public_app,
    host,
    make_user,
    make_municipality,
    make_priority,
    make_organisation,  # noqa: F811
):
    refused = host == "evil.example"
    requests = mailing_requests(make_user, make_municipality, make_priority, make_organisation)
    for user, path, form in requests:
        client = public_app.test_client()
        if user is not None and not refused:
            with client.session_transaction(base_url=f"http://{host}") as session:
                session["_user_id"] = user.get_id()
        response = client.post(path, data=form, base_url=f"http://{host}", csrf=False)
        expected = {400} if refused else {200, 302}
        assert response.status_code in expected, (path, response.status_code)
    links = links_in_mails(public_app)
    assert all(link.startswith(PUBLIC) for link in links), links
    if refused:
        assert links == []  # refused before anything was sent
    else:
        assert len(links) >= len(requests)  # every request sent its mail


def test_a_request_for_a_foreign_host_is_refused_before_any_page_or_copy(public_app):
    client = public_app.test_client()
    for path in ("/", "/auth/forgot", "/no-such-page"):
        response = client.get(
            path, base_url="http://evil.example", headers={"Accept-Language": "en"}
        )
        assert response.status_code == 400 and "Bad request" in response.get_data(as_text=True)
    assert client.get("/", base_url="http://localhost:5000").status_code == 200


def test_trusted_hosts_come_from_the_setting_or_default_to_the_public_and_local_hosts():
    from civicapp.config import trusted_hosts

    assert trusted_hosts({"SERVER_NAME": "civicapp.example"}) == [
        "localhost",
        "127.0.0.1",
        "civicapp.example",
    ]
    named = {"SERVER_NAME": "civicapp.example", "TRUSTED_HOSTS": "civicapp.example, .civicapp.org"}
    assert trusted_hosts(named) == ["civicapp.example", ".civicapp.org"]
