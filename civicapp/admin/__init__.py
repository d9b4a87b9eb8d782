"""Platform administration: users, roles, staff assignments, the audit log."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from civicapp.admin import views  # noqa: E402, F401
