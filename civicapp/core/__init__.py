"""Site-wide pages: home, language switch, health check, error pages."""

from flask import Blueprint

bp = Blueprint("core", __name__)

from civicapp.core import views  # noqa: E402, F401
