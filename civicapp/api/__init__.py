"""Open data: a read-only JSON API under /api/v1/, its OpenAPI document and CSV downloads."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from civicapp.api import views  # noqa: E402, F401
