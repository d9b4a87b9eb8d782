"""The donor and sector portfolio: money and initiatives per municipality, sector and donor."""

from flask import Blueprint

bp = Blueprint("portfolio", __name__, url_prefix="/portfolio")

from civicapp.portfolio import views  # noqa: E402, F401
