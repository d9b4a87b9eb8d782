"""Reports and moderation, shared by every feature whose content users can report."""

from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/moderation")

from civicapp.moderation import views  # noqa: E402, F401
