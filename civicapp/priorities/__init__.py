"""Local priorities: citizens propose, support and discuss what their municipality should do."""

from flask import Blueprint

bp = Blueprint("priorities", __name__, url_prefix="/priorities")

from civicapp.priorities import cli, views  # noqa: E402, F401
