"""Comments with one level of replies, shared by every feature whose pages hold a discussion."""

from flask import Blueprint

bp = Blueprint("comments", __name__, url_prefix="/comments")

from civicapp.comments import views  # noqa: E402, F401
