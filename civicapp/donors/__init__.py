"""Donors and their funding programmes: the registry that initiatives and the portfolio use."""

from flask import Blueprint

# Under /initiatives, where the registry's pages have always been.
bp = Blueprint("donors", __name__, url_prefix="/initiatives")

from civicapp.donors import views  # noqa: E402, F401
