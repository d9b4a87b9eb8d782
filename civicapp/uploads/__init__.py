"""Uploaded files: checked by content, stored under random names, served with safe headers."""

from flask import Blueprint

bp = Blueprint("uploads", __name__, url_prefix="/files")

from civicapp.uploads import views  # noqa: E402, F401
