"""Municipalities: the 102 places civicapp serves, their pages and their staff."""

from flask import Blueprint

bp = Blueprint("municipalities", __name__, url_prefix="/municipalities")

from civicapp.municipalities import views  # noqa: E402, F401
