"""Password hashing (argon2id) and the password rules."""

import gzip
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

MIN_LENGTH = 10
MAX_LENGTH = 256
COMMON_PASSWORDS = Path(__file__).resolve().parent.parent / "data" / "common-passwords.txt.gz"


def _hasher() -> PasswordHasher:
    config = current_app.config
    return PasswordHasher(
        time_cost=config["ARGON2_TIME_COST"],
        memory_cost=config["ARGON2_MEMORY_COST"],
        parallelism=config["ARGON2_PARALLELISM"],
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher().check_needs_rehash(password_hash)


@cache
def common_passwords() -> frozenset[str]:
    with gzip.open(COMMON_PASSWORDS, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip().lower() for line in handle if line.strip())


def password_problem(password: str, email: str | None = None):
    """Return why a password is refused (a lazy message), or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return lazy_ngettext(
            "Use at least %(num)d character.", "Use at least %(num)d characters.", MIN_LENGTH
        )
    if len(password) > MAX_LENGTH:
        return lazy_ngettext(
            "Use at most %(num)d character.", "Use at most %(num)d characters.", MAX_LENGTH
        )
    if password.lower() in common_passwords():
        return _l("This password is too common. Choose one that is harder to guess.")
    local_part = (email or "").split("@")[0].lower()
    if len(local_part) >= 3 and local_part in password.lower():
        return _l("The password must not contain your e-mail address.")
    return None


# A hash computed once so that a sign-in for an unknown address costs as much as a real one.
@cache
def dummy_hash() -> str:
    return hash_password("timing-equaliser-not-a-password")
