"""Configuration: defaults, then instance/config.py, then CIVICAPP_* environment, then tests."""

import json
import os
from datetime import timedelta

ENV_PREFIX = "CIVICAPP_"


class DefaultConfig:
    """Settings every installation starts from."""

    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None  # set from DATABASE_URL or instance/civicapp.db
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    SQLITE_BUSY_TIMEOUT_MS = 10_000

    BABEL_DEFAULT_LOCALE = "sq"
    BABEL_DEFAULT_TIMEZONE = "Europe/Belgrade"

    WTF_CSRF_TIME_LIMIT = 4 * 3600
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024
    UPLOAD_MAX_BYTES = 10 * 1024 * 1024  # one uploaded file; requests stop at 16 MB
    UPLOAD_FOLDER_NAME = "uploads"  # under the instance folder, outside the code

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False  # forced on in production
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    PERMANENT_SESSION_LIFETIME = timedelta(days=14)
    LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600

    REDIS_URL: str | None = None  # CIVICAPP_REDIS_URL: rate limits, job queue, shared caches
    # Cached pages and fragments (civicapp/cache/) are dropped as soon as the content
    # changes; this bounds what changes with no write, such as a deadline passing.
    CACHE_SECONDS: int | None = None  # None: 30, or 0 (off) under TESTING
    CACHE_MAX_BYTES = 64 * 1024 * 1024  # each worker's in-memory copies
    CACHE_MAX_ENTRIES = 20_000  # each worker's in-memory copies, however small
    CACHE_MAX_PAGE_BYTES = 1024 * 1024  # a larger page is not copied
    RATELIMIT_ENABLED = True
    RATELIMIT_HEADERS_ENABLED = True
    # When the shared store (Redis) is unreachable, each worker counts in memory (and
    # Flask-Limiter logs it) until the store answers again: a limit never fails a request.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_SWALLOW_ERRORS = True
    RATELIMIT_LOGIN = "10 per minute;50 per hour"
    RATELIMIT_REGISTER = "5 per minute;30 per hour"
    RATELIMIT_RESET = "5 per minute;20 per hour"
    RATELIMIT_VOTE = "30 per minute"
    RATELIMIT_COMMENT = "10 per minute"

    # The public host and scheme of every link in mail (CIVICAPP_SERVER_NAME, required in
    # production with CIVICAPP_PREFERRED_URL_SCHEME=https); requests for other hosts get 400.
    SERVER_NAME: str | None = None
    PREFERRED_URL_SCHEME = "http"
    TRUSTED_HOSTS: list[str] | str | None = None  # None: SERVER_NAME and LOCAL_HOSTS

    MAIL_SENDER = "civicapp <no-reply@civicapp.local>"
    SMTP_HOST: str | None = None
    SMTP_PORT = 587
    SMTP_USERNAME: str | None = None
    SMTP_PASSWORD: str | None = None
    SMTP_STARTTLS = True

    # OWASP's first recommended argon2id setting: m=19 MiB, t=2, p=1.
    ARGON2_TIME_COST = 2
    ARGON2_MEMORY_COST = 19 * 1024
    ARGON2_PARALLELISM = 1

    EMAIL_TOKEN_MAX_AGE = 2 * 24 * 3600
    RESET_TOKEN_MAX_AGE = 3600
    PER_PAGE = 20
    PRODUCTION = False


def env_settings(environ=os.environ) -> dict:
    """Read CIVICAPP_* variables (plus DATABASE_URL), decoding JSON scalars where they parse."""
    settings = {}
    for key, raw in environ.items():
        if not key.startswith(ENV_PREFIX):
            continue
        name = key.removeprefix(ENV_PREFIX)
        try:
            settings[name] = json.loads(raw)
        except ValueError:
            settings[name] = raw
    if environ.get("DATABASE_URL"):
        settings["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(environ["DATABASE_URL"])
    return settings


def normalise_database_url(url: str) -> str:
    """Make postgres:// and postgresql:// URLs use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


LOCAL_HOSTS = ("localhost", "127.0.0.1")  # `make run` and `make dev`; any port


def trusted_hosts(config) -> list[str]:
    """The hosts requests may name: TRUSTED_HOSTS (a list, or names with commas) or defaults."""
    hosts = config.get("TRUSTED_HOSTS")
    if isinstance(hosts, str):
        hosts = [host.strip() for host in hosts.split(",")]
    hosts = [host for host in hosts or () if host]
    if not hosts:
        hosts = [*LOCAL_HOSTS, *filter(None, [config.get("SERVER_NAME")])]
    return hosts


WEAK_SECRETS = {"dev", "secret", "changeme", "change-me", "development"}


def check_production(config) -> None:
    """Refuse to start a production app with debug on, a weak secret key or no public host."""
    if not config.get("PRODUCTION"):
        return
    secret = config.get("SECRET_KEY") or ""
    if len(secret) < 32 or secret.lower() in WEAK_SECRETS:
        raise RuntimeError("SECRET_KEY must be set to at least 32 random characters in production")
    if config.get("DEBUG"):
        raise RuntimeError("DEBUG must be off in production")
    if not config.get("SERVER_NAME") or config.get("PREFERRED_URL_SCHEME") != "https":
        raise RuntimeError(
            "CIVICAPP_SERVER_NAME (the public host) and CIVICAPP_PREFERRED_URL_SCHEME=https "
            "must be set in production: links in mail are built from them"
        )
