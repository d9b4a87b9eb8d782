"""Consultations: a municipality asks for priorities on a plan, in phases, and adopts them."""

from flask import Blueprint

bp = Blueprint("consultations", __name__, url_prefix="/consultations")

from civicapp.consultations import views  # noqa: E402, F401
