"""Civil-society organisations: registration, verification, members and the public directory."""

from flask import Blueprint

bp = Blueprint("organisations", __name__, url_prefix="/organisations")

from civicapp.organisations import views  # noqa: E402, F401
