"""Local priorities: citizens propose, support and discuss what their municipality should do."""

from flask import Blueprint

bp = Blueprint("priorities", __name__, url_prefix="/priorities")

# plans register a consultation's priorities on import; views register the routes.
from civicapp.priorities import cli, plans, views  # noqa: E402, F401
