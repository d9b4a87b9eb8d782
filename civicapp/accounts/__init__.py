"""Accounts: registration, e-mail verification, sign-in with two-factor codes, profiles."""

from flask import Blueprint

bp = Blueprint("accounts", __name__, url_prefix="/auth")

from civicapp.accounts import views  # noqa: E402, F401
