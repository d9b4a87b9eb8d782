"""Translated error pages that show no internals."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from civicapp.extensions import db


def _messages() -> dict:
    return {
        400: (
            _("Bad request"),
            _("The request could not be understood. Please go back and try again."),
        ),
        403: (_("Not allowed"), _("You do not have permission to do that.")),
        404: (_("Page not found"), _("The page you asked for does not exist or has moved.")),
        405: (_("Not allowed"), _("That action cannot be done this way.")),
        409: (_("Conflict"), _("Someone changed this at the same time. Please try again.")),
        413: (_("Too large"), _("What you sent is larger than we accept.")),
        429: (_("Too many attempts"), _("Please wait a moment before trying again.")),
        500: (
            _("Something went wrong"),
            _("We could not finish your request. Please try again later."),
        ),
    }


def render_error(code: int, detail: str | None = None):
    messages = _messages()
    title, text = messages.get(code, messages[400] if code < 500 else messages[500])
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return {"error": {"status": code, "title": title, "detail": detail or text}}, code
    return render_template("errors/error.html", code=code, title=title, text=detail or text), code


def register_error_handlers(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        return render_error(
            400, _("Your form expired or was sent from another site. Please try again.")
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        if error.response is not None:
            return error.response
        return render_error(error.code)

    @app.errorhandler(InternalServerError)
    def server_error(_error):
        db.session.rollback()
        return render_error(500)
