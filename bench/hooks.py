"""Setup hooks for pages that need a signed-in user or a CSRF-protected POST."""

import re
from collections.abc import Mapping
from urllib.parse import urlencode

from flask import Flask
from flask.testing import FlaskClient

from bench.spec import USER_AGENT, Page, PathResolver, Prepared, SetupHook, resolve

_CSRF_INPUT = re.compile(r"<input[^>]*\bname=[\"']csrf_token[\"'][^>]*>", re.I)
_VALUE = re.compile(r"\bvalue=[\"']([^\"']+)[\"']", re.I)
_CSRF_META = re.compile(r"<meta[^>]*\bname=[\"']csrf-token[\"'][^>]*\bcontent=[\"']([^\"']+)", re.I)
FORM_TYPE = "application/x-www-form-urlencoded"


class SetupError(RuntimeError):
    """A page's setup hook could not prepare its request."""


def bench_client(app: Flask) -> FlaskClient:
    """A cookie-keeping test client that sends the bench's User-Agent."""
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = USER_AGENT
    return client


def csrf_token(html: str) -> str:
    """Find the CSRF token in a form's hidden input or a csrf-token meta tag."""
    field = _CSRF_INPUT.search(html)
    found = _VALUE.search(field.group(0)) if field else _CSRF_META.search(html)
    if not found:
        raise SetupError("no csrf_token found in the page")
    return found.group(1)


def cookie_header(app: Flask, client: FlaskClient) -> str:
    """The Cookie header carrying the client's session (and remember-me) cookies."""
    names = (
        app.config.get("SESSION_COOKIE_NAME", "session"),
        app.config.get("REMEMBER_COOKIE_NAME", "remember_token"),
    )
    cookies = [client.get_cookie(name) for name in names]
    return "; ".join(f"{c.key}={c.value}" for c in cookies if c is not None)


def sign_in(app: Flask, email: str, password: str, login_path: str = "/auth/login") -> FlaskClient:
    """Sign in through the real form; return the signed-in test client."""
    client = bench_client(app)
    form = client.get(login_path)
    fields = {"email": email, "password": password, "csrf_token": csrf_token(form.text)}
    answer = client.post(login_path, data=fields)
    with client.session_transaction() as session:
        signed = "_user_id" in session  # Flask-Login's key; absent when 2FA is still pending
    if not signed:
        raise SetupError(f"sign-in as {email} failed (answered {answer.status_code})")
    return client


def signed_in(email: str, password: str, login_path: str = "/auth/login") -> SetupHook:
    """Hook: the page's request by a signed-in user (Cookie header)."""

    def hook(app: Flask, page: Page) -> Prepared:
        client = sign_in(app, email, password, login_path)
        # Signing in starts a new session; the first page shown then gives it a CSRF token (for
        # the header's forms). A browser keeps that cookie, so the replayed request carries it.
        client.get(page.target(app))
        headers = {"User-Agent": USER_AGENT, "Cookie": cookie_header(app, client)}
        return Prepared(page.method, page.target(app), headers)

    return hook


def signed_in_post(
    email: str,
    password: str,
    form_path: "str | PathResolver",
    fields: Mapping[str, str],
    login_path: str = "/auth/login",
) -> SetupHook:
    """Hook: a form POST by a signed-in user, with the CSRF token read from form_path."""

    def hook(app: Flask, page: Page) -> Prepared:
        client = sign_in(app, email, password, login_path)
        token = csrf_token(client.get(resolve(form_path, app)).text)
        headers = {
            "User-Agent": USER_AGENT,
            "Cookie": cookie_header(app, client),
            "Content-Type": FORM_TYPE,
        }
        body = urlencode({**fields, "csrf_token": token})
        return Prepared(page.method, page.target(app), headers, body)

    return hook


def most_commented_priority(app: Flask) -> int:
    """Id of the visible priority with the most comments in the seeded database."""
    from sqlalchemy import select

    from civicapp.extensions import db
    from civicapp.priorities.models import Priority

    found = db.session.scalar(
        select(Priority.id)
        .where(Priority.is_hidden.is_(False))
        .order_by(Priority.comment_count.desc(), Priority.id)
        .limit(1)
    )
    if found is None:
        raise SetupError("the seeded database holds no priority")
    return found


def open_priority(app: Flask) -> int:
    """Id of the most-supported priority whose voting is open (a citizen may support it)."""
    from sqlalchemy import select

    from civicapp.extensions import db
    from civicapp.priorities.models import Priority

    candidates = db.session.scalars(
        select(Priority)
        .where(Priority.is_hidden.is_(False))
        .order_by(Priority.support_count.desc(), Priority.id)
        .limit(200)
    )
    for priority in candidates:
        if priority.voting_open:
            return priority.id
    raise SetupError("no priority with open voting in the seeded database")


def most_linked_initiative(app: Flask) -> int:
    """Id of the public initiative linked to the most priorities (its page lists them all)."""
    from flask_login import AnonymousUserMixin
    from sqlalchemy import func, select

    from civicapp.extensions import db
    from civicapp.initiatives.models import Initiative, PriorityLink
    from civicapp.initiatives.policies import can_view_initiative

    links = func.count(PriorityLink.id)
    ranked = (
        select(Initiative.id)
        .join(PriorityLink, PriorityLink.initiative_id == Initiative.id)
        .group_by(Initiative.id)
        .order_by(links.desc(), Initiative.id)
        .limit(200)
    )
    visitor = AnonymousUserMixin()
    for initiative_id in db.session.scalars(ranked):
        if can_view_initiative(visitor, db.session.get(Initiative, initiative_id)):
            return initiative_id
    raise SetupError("no public initiative linked to a priority in the seeded database")
