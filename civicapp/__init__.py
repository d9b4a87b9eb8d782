"""civicapp: a participation platform for Kosovo, Albania and south Serbia."""

import os
import secrets
from pathlib import Path

from flask import Flask

from civicapp.config import DefaultConfig, check_production, env_settings, trusted_hosts

ROOT = Path(__file__).resolve().parent.parent
# Feature packages, each with a blueprint `bp`; models, policies and demo seeders are found here.
FEATURES = (
    "core",
    "subjects",
    "accounts",
    "municipalities",
    "admin",
    "search",
    "consultations",
    "priorities",
    "comments",
    "moderation",
    "responses",
    "notifications",
    "uploads",
    "organisations",
    "donors",
    "initiatives",
    "portfolio",
    "api",
)


def feature_modules(submodule: str | None = None):
    """Yield each feature's package (or its `submodule`, e.g. "models") that exists, in order."""
    import importlib
    import importlib.util

    for feature in FEATURES:
        name = f"civicapp.{feature}"
        if importlib.util.find_spec(name) is None:
            continue
        if submodule:
            name = f"{name}.{submodule}"
            if importlib.util.find_spec(name) is None:
                continue
        yield importlib.import_module(name)


def create_app(test_config: dict | None = None) -> Flask:
    """Build the application from defaults, instance config, environment and test config."""
    instance_path = os.environ.get("CIVICAPP_INSTANCE_PATH") or str(ROOT / "instance")
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True)
    register_config(app, test_config)
    register_database(app)
    register_extensions(app)
    register_routing(app)
    register_blueprints(app)
    register_request_hooks(app)
    register_caching(app)
    register_errors(app)
    register_templates(app)
    register_cli(app)
    return app


def register_config(app: Flask, test_config: dict | None) -> None:
    app.config.from_object(DefaultConfig)
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(env_settings())
    if test_config:
        app.config.update(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        db_path = Path(app.instance_path) / "civicapp.db"
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{db_path}"
    if not app.config.get("SECRET_KEY") and not app.config.get("PRODUCTION"):
        app.config["SECRET_KEY"] = instance_secret(Path(app.instance_path) / "secret_key")
    if app.config.get("PRODUCTION"):
        app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config)
    check_production(app.config)


def instance_secret(path: Path) -> str:
    """Read the installation's secret key, creating it once (safely across workers)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def register_database(app: Flask) -> None:

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        options = app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
        options.setdefault("connect_args", {}).setdefault("timeout", 30)


def register_extensions(app: Flask) -> None:
    from civicapp import i18n, models  # noqa: F401  (models register their tables)
    from civicapp.db import is_sqlite, tune_sqlite
    from civicapp.extensions import babel, csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    with app.app_context():
        if is_sqlite(db.engine):
            tune_sqlite(db.engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    babel.init_app(
        app,
        locale_selector=i18n.select_locale,
        default_translation_directories=str(ROOT / "translations"),
    )
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    limiter.init_app(app)
    login_manager.init_app(app)
    from civicapp.accounts.services import configure_login

    configure_login(login_manager)


def register_routing(app: Flask) -> None:
    from civicapp.routing import register_converters

    register_converters(app)


def register_blueprints(app: Flask) -> None:
    # What features tell the shared machinery: their subject types and notification kinds.
    for _module in (*feature_modules("subjects"), *feature_modules("notices")):
        pass
    for module in feature_modules():
        if hasattr(module, "bp"):
            app.register_blueprint(module.bp)


def register_request_hooks(app: Flask) -> None:
    from civicapp.security import (
        CheckedBodies,
        refuse_nul_characters,
        refuse_untrusted_hosts,
        set_security_headers,
    )

    app.wsgi_app = CheckedBodies(app.wsgi_app)
    # First of all hooks, the extensions' too: the others may need the request's host.
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_untrusted_hosts)
    app.before_request(refuse_nul_characters)
    app.after_request(set_security_headers)


def register_caching(app: Flask) -> None:
    from civicapp import cache

    cache.init_app(app)


def register_errors(app: Flask) -> None:
    from civicapp.core.errors import register_error_handlers

    register_error_handlers(app)


def register_templates(app: Flask) -> None:
    from civicapp.core.templating import register_template_helpers

    register_template_helpers(app, feature_modules("policies"))


def register_cli(app: Flask) -> None:
    from civicapp.cli import register_commands

    register_commands(app)
