"""Notifications: in-app and by e-mail, for the events features send (shared machinery)."""

from flask import Blueprint

bp = Blueprint("notifications", __name__, url_prefix="/notifications")

# receivers connect to civicapp.signals on import; views register the routes.
from civicapp.notifications import receivers, views  # noqa: E402, F401
