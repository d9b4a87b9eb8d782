"""Shared fixtures: an app on SQLite or PostgreSQL, clients with CSRF, factories, sign-in."""

import os
import uuid
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from civicapp import create_app
from civicapp.db import utcnow
from civicapp.extensions import db as _db

TEST_PASSWORD = "correct horse battery staple"


def pytest_report_header(config):
    return f"database: {'postgresql' if os.environ.get('CIVICAPP_TEST_DATABASE_URL') else 'sqlite'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A fresh database for this test run: a SQLite file, or a new PostgreSQL database."""
    base = os.environ.get("CIVICAPP_TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    from civicapp.config import normalise_database_url

    url = make_url(normalise_database_url(base))
    name = f"civicapp_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


_EXTRA_APPS = []


def make_test_app(database_url, instance_path, track=True, **overrides):
    """A test app; apps made inside a test are cleaned up after it (see _isolate_extra_apps)."""
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-" + "x" * 32,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": "civicapp.test",
        "REDIS_URL": None,
        **overrides,
    }
    if database_url.startswith("postgresql"):
        # Tests need no durability: don't wait for the disk on every commit.
        config.setdefault(
            "SQLALCHEMY_ENGINE_OPTIONS", {"connect_args": {"options": "-c synchronous_commit=off"}}
        )
    os.environ["CIVICAPP_INSTANCE_PATH"] = str(instance_path)
    try:
        app = create_app(config)
    finally:
        del os.environ["CIVICAPP_INSTANCE_PATH"]
    app.test_client_class = CSRFClient
    if track:
        _EXTRA_APPS.append(app)
    return app


@pytest.fixture(autouse=True)
def _isolate_extra_apps():
    """Close the connections of apps a test made, and give back the one rate limiter's state.

    Flask-Limiter keeps one state per Limiter object (one per process in production), so an
    app made with rate limits on would otherwise switch them on for every later test.
    """
    from civicapp.extensions import limiter

    state = dict(vars(limiter))
    yield
    while _EXTRA_APPS:
        extra = _EXTRA_APPS.pop()
        with extra.app_context():
            _db.session.remove()
            _db.engine.dispose()
    vars(limiter).clear()
    vars(limiter).update(state)


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    """The session's app, on a database built as production's is: `alembic upgrade head`."""
    from flask_migrate import upgrade

    app = make_test_app(database_url, tmp_path_factory.mktemp("instance"), track=False)
    with app.app_context():
        upgrade()
        _db.session.remove()
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_database(request):
    """Every test starts from empty tables and an empty outbox."""
    yield
    if "app" not in request.fixturenames:
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        _db.session.remove()
        tables = [t.name for t in reversed(_db.metadata.sorted_tables)]
        with _db.engine.begin() as conn:
            # DELETE beats TRUNCATE on PostgreSQL for the few rows a test leaves behind.
            for table in tables:
                conn.execute(text(f"DELETE FROM {table}"))
    for message in (Path(app.instance_path) / "outbox").glob("*.eml"):
        message.unlink()


@pytest.fixture
def app_ctx(app):
    with app.app_context():
        yield
        _db.session.remove()


class CSRFClient(FlaskClient):
    """A test client whose form posts carry a valid CSRF token unless told otherwise."""

    def csrf_token(self) -> str:
        with self.session_transaction() as session:
            raw = session.setdefault("csrf_token", uuid.uuid4().hex)
        secret = self.application.config.get("WTF_CSRF_SECRET_KEY") or self.application.secret_key
        return URLSafeTimedSerializer(secret, salt="wtf-csrf-token").dumps(raw)

    def open(self, *args, **kwargs):
        # Like a real request: the test's own session ends its transaction first (so it sees
        # what the request wrote), and the request gets a fresh app context, `g` and session.
        from flask import has_app_context

        if has_app_context():
            _db.session.commit()
        with self.application.app_context():
            return super().open(*args, **kwargs)

    def post(self, *args, csrf=True, **kwargs):
        if csrf and isinstance(kwargs.get("data", {}), dict):
            kwargs["data"] = {"csrf_token": self.csrf_token(), **kwargs.get("data", {})}
        return super().post(*args, **kwargs)


def english_client(app) -> FlaskClient:
    """A client of the app reading English, so assertions can quote the source strings."""
    client = app.test_client()
    client.set_cookie("civicapp_locale", "en", domain="civicapp.test")
    return client


@pytest.fixture
def client(app):
    """A visitor reading English."""
    return english_client(app)


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_municipality(app_ctx):
    from civicapp.municipalities.models import Country, Municipality

    def make(slug="pristina", **fields):
        defaults = dict(
            slug=slug,
            country=Country.KOSOVO,
            region="Prishtinë",
            name_sq=f"{slug} sq",
            name_sr_latn=f"{slug} sr",
            name_sr_cyrl=f"{slug} ср",
            name_en=f"{slug} en",
            search_text=slug,
        )
        municipality = Municipality(**(defaults | fields))
        _db.session.add(municipality)
        _db.session.commit()
        return municipality

    return make


_TEST_HASH = {}  # argon2 is slow on purpose: hash the shared test password once per process


@pytest.fixture
def make_user(app_ctx):
    from civicapp.accounts.models import Role, User
    from civicapp.accounts.passwords import hash_password
    from civicapp.municipalities.models import StaffAssignment

    counter = iter(range(1, 10_000))
    hashed = _TEST_HASH.get("value") or _TEST_HASH.setdefault("value", hash_password(TEST_PASSWORD))

    def make(role=Role.CITIZEN, verified=True, staff_of=(), totp_secret=None, **fields):
        n = next(counter)
        values = dict(
            email=f"user{n}@example.org",
            display_name=f"User {n}",
            password_hash=hashed,
            role=role,
            email_verified_at=utcnow() if verified else None,
            totp_secret=totp_secret,
            totp_enabled_at=utcnow() if totp_secret else None,
            locale="en",
        )
        user = User(**(values | fields))
        _db.session.add(user)
        _db.session.flush()
        for municipality in staff_of:
            _db.session.add(StaffAssignment(user_id=user.id, municipality_id=municipality.id))
        _db.session.commit()
        return user

    return make


@pytest.fixture
def login(client):
    """Sign a user in on the client by setting the session as a completed sign-in does."""

    def sign_in(user, on=None):
        target = on or client
        with target.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        return target

    return sign_in


def outbox(app) -> list[str]:
    """Texts of the messages in the outbox, oldest first."""
    from email import message_from_bytes, policy

    from civicapp.mail import outbox_messages

    messages = []
    for path in outbox_messages(app.instance_path):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        messages.append(
            {"to": message["To"], "subject": message["Subject"], "body": message.get_content()}
        )
    return messages


@pytest.fixture
def make_consultation(app_ctx):
    from civicapp.consultations.models import Consultation, Phase

    def make(municipality, phase=Phase.VOTING, support_threshold=50, **fields):
        values = dict(
            title="Capital investment priorities 2027",
            description="Plan",
            language="sq",
            description_html="<p>Plan</p>",
        )
        consultation = Consultation(
            municipality_id=municipality.id,
            phase=phase,
            support_threshold=support_threshold,
            **(values | fields),
        )
        _db.session.add(consultation)
        _db.session.commit()
        return consultation

    return make


@pytest.fixture
def make_priority(app_ctx):
    from civicapp.i18n import normalize_search
    from civicapp.priorities.models import Priority, Sector

    def make(municipality, author=None, consultation=None, **fields):
        values = dict(
            title="Clean the river banks in Sofalia",
            body="The river is full of waste.",
            body_html="<p>The river is full of waste.</p>",
            sector=Sector.ENVIRONMENT,
            language="en",
        )
        values |= fields
        priority = Priority(
            municipality_id=municipality.id,
            consultation=consultation,
            author_id=getattr(author, "id", None),
            search_text=normalize_search(values["title"] + " " + values["body"]),
            **values,
        )
        _db.session.add(priority)
        _db.session.flush()
        priority.reference = f"PRI-{utcnow().year}-{priority.id:05d}"
        _db.session.commit()
        return priority

    return make


# --- Factories and fixtures that the tests of several features share -----------------------


@pytest.fixture
def english(app_ctx):
    """Services' messages in English outside requests, so tests can quote them."""
    from flask_babel import force_locale

    with force_locale("en"):
        yield


@pytest.fixture
def in_request(app, app_ctx):
    """A request context, as services that send mail (rendering its template) run in one."""
    with app.test_request_context(headers={"Accept-Language": "en"}):
        yield


@pytest.fixture
def make_organisation(app_ctx):
    """make(admin=None, members=(), status=VERIFIED, municipalities=(), sectors=(), **fields)."""
    from civicapp.i18n import normalize_search
    from civicapp.organisations.models import (
        Kind,
        MemberRole,
        Membership,
        Organisation,
        OrganisationSector,
        Status,
    )
    from civicapp.organisations.services import SEARCH_KIND
    from civicapp.search.services import index_document

    counter = iter(range(1, 10_000))

    def make(
        admin=None, members=(), status=Status.VERIFIED, municipalities=(), sectors=(), **fields
    ):
        n = next(counter)
        values = dict(
            slug=f"organisation-{n}",
            name_en=f"Organisation {n}",
            kind=Kind.INFORMAL_GROUP,
            status=status,
            verified_at=None if status == Status.PENDING else utcnow(),
        )
        values |= fields
        names = [values.get(key) for key in ("name_sq", "name_sr", "name_en")]
        values["search_text"] = normalize_search(" ".join(n for n in names if n))
        organisation = Organisation(**values)
        organisation.municipalities = list(municipalities)
        organisation.sector_rows = [OrganisationSector(sector=s) for s in sectors]
        if admin is not None:
            organisation.memberships.append(Membership(user_id=admin.id, role=MemberRole.ADMIN))
        for member in members:
            organisation.memberships.append(Membership(user_id=member.id, role=MemberRole.MEMBER))
        _db.session.add(organisation)
        _db.session.flush()
        index_document(SEARCH_KIND, organisation.id, organisation.search_text)
        _db.session.commit()
        return organisation

    return make


@pytest.fixture
def donor(app_ctx):
    """Sida, a donor of the registry."""
    from civicapp.donors.models import Donor

    made = Donor(name="Sida", country="SE")
    _db.session.add(made)
    _db.session.commit()
    return made


@pytest.fixture
def make_initiative(app_ctx):
    """make(organisation, author, municipalities=(), status=DRAFT, **draft fields)."""
    from datetime import date
    from decimal import Decimal

    from civicapp.initiatives.models import Status
    from civicapp.initiatives.services import InitiativeDraft, create_initiative

    def make(organisation, author, municipalities=(), status=Status.DRAFT, **fields):
        values = dict(
            organisation_id=organisation.id,
            title="Clean rivers of Prishtina",
            summary="Cleaning the river banks with schools.",
            language="en",
            start_date=date(2026, 3, 1),
            end_date=date(2027, 2, 28),
            total_budget=Decimal("50000"),
            municipality_ids=[m.id for m in municipalities],
        )
        initiative = create_initiative(author, InitiativeDraft(**(values | fields)))
        if status != Status.DRAFT:
            initiative.status = status
            _db.session.commit()
        return initiative

    return make


@pytest.fixture
def place(english, make_municipality, make_user, make_priority):
    """A priority to discuss, with its author, another citizen and staff here and elsewhere."""
    from types import SimpleNamespace

    municipality = make_municipality("pristina")
    author = make_user(display_name="Arta")
    return SimpleNamespace(
        municipality=municipality,
        author=author,
        other=make_user(display_name="Besnik"),
        staff=make_user(staff_of=[municipality], display_name="Officer"),
        foreign_staff=make_user(staff_of=[make_municipality("prizren")]),
        priority=make_priority(municipality, author),
    )


@pytest.fixture
def post():
    """Post a comment through the service: post(user, target, body="...", parent=None)."""
    from civicapp.comments.services import post_comment

    def _post(user, target, body="A fair point about the river.", language="en", parent=None):
        return post_comment(user, target, body, language, getattr(parent, "id", parent))

    return _post


@pytest.fixture
def venture(place, make_user, make_municipality, make_organisation):
    """A published initiative in the place's municipality and Peja, with its draft sibling.

    `member` speaks for its organisation; `peja_staff` is staff of its second municipality.
    """
    from datetime import date
    from types import SimpleNamespace

    from civicapp.initiatives.models import Status
    from civicapp.initiatives.services import (
        InitiativeDraft,
        change_initiative_status,
        create_initiative,
    )

    peja = make_municipality("peja")
    member = make_user(display_name="Drita")
    organisation = make_organisation(admin=member)

    def initiative(title):
        return create_initiative(
            member,
            InitiativeDraft(
                organisation_id=organisation.id,
                title=title,
                summary="Planting trees with the schools.",
                language="en",
                start_date=date(2026, 1, 1),
                end_date=date(2027, 12, 31),
                municipality_ids=[place.municipality.id, peja.id],
            ),
        )

    published = initiative("Green Ulpiana")
    change_initiative_status(member, published, Status.PUBLISHED)
    return SimpleNamespace(
        initiative=published,
        draft=initiative("Draft plan"),
        member=member,
        organisation=organisation,
        peja_staff=make_user(staff_of=[peja], display_name="Peja officer"),
    )
