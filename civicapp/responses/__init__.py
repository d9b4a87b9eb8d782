"""Official answers, response deadlines, the staff inbox and accountability figures."""

from flask import Blueprint

bp = Blueprint("responses", __name__)

from civicapp.responses import views  # noqa: E402, F401
