"""CSO initiatives: project records with donors, budgets, priorities, updates and events."""

from flask import Blueprint

bp = Blueprint("initiatives", __name__, url_prefix="/initiatives")

from civicapp.initiatives import views  # noqa: E402, F401
