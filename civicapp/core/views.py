"""Home page, language switch and health check."""

from flask import current_app, jsonify, make_response, redirect, render_template, request
from flask_login import current_user
from sqlalchemy import text

from civicapp import signals
from civicapp.core import bp
from civicapp.core.forms import LanguageForm
from civicapp.core.home import render_sections
from civicapp.extensions import db
from civicapp.i18n import LOCALE_COOKIE, LOCALES
from civicapp.jobs import redis_connection
from civicapp.security import safe_next


@bp.get("/")
def index():
    """Show the home page."""
    return render_template("core/index.html", sections=render_sections())


@bp.get("/language")
def switch_language():
    """Switch the interface language of this browser, then go back to the page it was on.

    A visitor's choice lives only in a cookie, so it changes nothing on the server and needs
    no session or CSRF token: the header of every visitor's page stays free of both.
    """
    return _back_in(request.args.get("locale"), request.args.get("next"))


@bp.post("/language")
def set_language():
    """Switch the interface language, and save it on the profile when signed in."""
    form = LanguageForm()
    locale = request.form.get("locale")
    if not form.validate_on_submit() or locale not in LOCALES:
        return redirect(safe_next(form.next.data))
    if current_user.is_authenticated:
        signals.locale_chosen.send(current_user._get_current_object(), locale=locale)
    return _back_in(locale, form.next.data)


def _back_in(locale: str | None, target: str | None):
    response = make_response(redirect(safe_next(target)))
    if locale not in LOCALES:
        return response
    response.set_cookie(
        LOCALE_COOKIE,
        locale,
        max_age=current_app.config["LOCALE_COOKIE_MAX_AGE"],
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response


@bp.get("/healthz")
def healthz():
    """Report whether the database (and Redis when configured) answer."""
    checks = {"database": _check(lambda: db.session.execute(text("SELECT 1")))}
    conn = redis_connection()
    if conn is not None:
        checks["redis"] = _check(conn.ping)
    healthy = all(value == "ok" for value in checks.values())
    response = jsonify(status="ok" if healthy else "error", checks=checks)
    response.cache_control.no_store = True  # a probe asks about now, never a copy
    return response, 200 if healthy else 503


def _check(probe) -> str:
    try:
        probe()
    except Exception as exc:  # report, never raise, from a health check
        current_app.logger.warning("health check failed: %s", exc)
        return "error"
    return "ok"
