"""Account use cases: register, verify, sign in, two-factor, reset, profile."""

import hashlib
import logging
from dataclasses import dataclass
from functools import cache

import pyotp
from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import joinedload

from civicapp import signals
from civicapp.accounts.models import Role, User
from civicapp.accounts.passwords import (
    dummy_hash,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from civicapp.audit.services import record_event
from civicapp.db import utcnow
from civicapp.exceptions import DomainError, InvalidToken
from civicapp.extensions import db
from civicapp.i18n import LOCALES
from civicapp.mail import send_mail
from civicapp.routing import external_url

log = logging.getLogger(__name__)
TOTP_ISSUER = "civicapp"


def configure_login(login_manager) -> None:
    """Load users from the session id `<user id>.<session version>`; stale versions sign out."""
    login_manager.login_view = "accounts.login"
    login_manager.login_message = None
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_user(session_id: str):
        user_id, _sep, version = session_id.partition(".")
        if not (user_id.isdigit() and version.isdigit()):
            return None
        user = db.session.scalars(_signed_in_user(), {"user_id": int(user_id)}).unique().first()
        if user is None or user.session_version != int(version) or user.is_disabled:
            return None
        return user


@cache
def _signed_in_user():
    # Every request of a signed-in user runs it: built once, and one query with a join where
    # the relationship's own "selectin" loading made two; together, half the cost.
    return (
        select(User)
        .options(joinedload(User.staff_assignments))
        .where(User.id == bindparam("user_id"))
    )


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


@dataclass
class Registration:
    email: str
    display_name: str
    password: str
    locale: str = "sq"
    home_municipality_id: int | None = None


def register_user(data: Registration) -> User | None:
    """Create a citizen account and send its verification mail; mail the owner if it exists.

    The caller answers the same way in both cases, so the form does not reveal who has an account.
    """
    email = normalise_email(data.email)
    problem = password_problem(data.password, email)
    if problem:
        raise DomainError(str(problem), field="password")
    existing = find_user_by_email(email)
    if existing is not None:
        send_mail(
            existing.email,
            "account_exists",
            existing.locale,
            user=existing,
            reset_url=external_url("accounts.forgot_password"),
        )
        record_event("register.existing_email", target_user=existing)
        db.session.commit()
        return None
    user = User(
        email=email,
        display_name=data.display_name.strip(),
        password_hash=hash_password(data.password),
        locale=data.locale if data.locale in LOCALES else "sq",
        home_municipality_id=data.home_municipality_id,
    )
    db.session.add(user)
    db.session.flush()
    record_event("register", actor=user, target_user=user)
    _send_verification(user, user.email)
    db.session.commit()
    log.info("user %s registered", user.id)
    return user


# --- signed, expiring, single-use tokens -------------------------------------------------


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"civicapp.{purpose}")


def _fingerprint(user: User, purpose: str) -> str:
    """State that using the token changes, so a token works once."""
    state = {
        "verify": f"{user.email}|{user.email_verified_at}",
        "email": f"{user.email}|{user.pending_email}",
        "reset": f"{user.password_hash}|{user.session_version}",
    }[purpose]
    return hashlib.sha256(state.encode()).hexdigest()[:20]


def make_token(user: User, purpose: str, **extra) -> str:
    payload = {"u": user.id, "f": _fingerprint(user, purpose), **extra}
    return _serializer(purpose).dumps(payload)


def load_token(token: str, purpose: str, max_age: int) -> tuple[User, dict]:
    """Return the token's user and payload, or raise InvalidToken."""
    try:
        payload = _serializer(purpose).loads(token, max_age=max_age)
    except BadData as exc:
        raise InvalidToken(_("This link is invalid or has expired.")) from exc
    user = db.session.get(User, payload.get("u")) if isinstance(payload, dict) else None
    if user is None or payload.get("f") != _fingerprint(user, purpose):
        raise InvalidToken(_("This link has already been used or is no longer valid."))
    return user, payload


def _send_verification(user: User, address: str) -> None:
    purpose = "verify" if address == user.email else "email"
    token = make_token(user, purpose)
    endpoint = "accounts.verify_email" if purpose == "verify" else "accounts.confirm_email_change"
    send_mail(
        address,
        "verify_email",
        user.locale,
        user=user,
        url=external_url(endpoint, token=token),
    )


def verify_email(token: str) -> User:
    """Mark the address of a verification link as verified."""
    user, _payload = load_token(token, "verify", current_app.config["EMAIL_TOKEN_MAX_AGE"])
    user.email_verified_at = utcnow()
    record_event("email.verified", actor=user, target_user=user)
    db.session.commit()
    return user


def resend_verification(user: User) -> None:
    """Send the verification mail again to an unverified account."""
    if user.email_verified_at is None:
        _send_verification(user, user.email)
        db.session.commit()


# --- signing in ---------------------------------------------------------------------------


def authenticate(email: str, password: str) -> User | None:
    """Return the user for a correct e-mail and password, or None; log either outcome."""
    user = find_user_by_email(email)
    if user is None or user.is_disabled:
        verify_password(dummy_hash(), password)  # same cost whether or not the address exists
        record_event("login.failed", subject=f"email-hash:{_email_hash(email)}")
        db.session.commit()
        return None
    if not verify_password(user.password_hash, password):
        record_event("login.failed", target_user=user)
        db.session.commit()
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    db.session.commit()
    return user


def _email_hash(email: str) -> str:
    return hashlib.sha256(normalise_email(email).encode()).hexdigest()[:12]


def record_login(user: User, method: str = "password") -> None:
    """Note a completed sign-in."""
    user.last_login_at = utcnow()
    record_event("login", actor=user, target_user=user, method=method)
    db.session.commit()


def sign_out_everywhere(user: User, reason: str = "logout") -> None:
    """End every session and remember-me cookie of the user at their next request."""
    user.session_version = User.session_version + 1
    record_event(f"sessions.ended.{reason}", actor=user, target_user=user)
    db.session.commit()
    db.session.refresh(user)


# --- two-factor (TOTP) ----------------------------------------------------------------------


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=TOTP_ISSUER)


def _matching_step(secret: str, code: str) -> int | None:
    """The time step a code belongs to (now, or one step either side), or None."""
    code = (code or "").replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = utcnow()
    for offset in (0, -1, 1):
        when = now.timestamp() + offset * totp.interval
        if totp.verify(code, for_time=int(when), valid_window=0):
            return int(when // totp.interval)
    return None


def enable_two_factor(user: User, secret: str, code: str) -> None:
    """Turn on two-factor sign-in once the user proves the authenticator has the secret."""
    step = _matching_step(secret, code)
    if step is None:
        raise DomainError(
            _("That code is not right. Check the time on your phone and try again."), field="code"
        )
    user.totp_secret = secret
    user.totp_enabled_at = utcnow()
    user.totp_last_step = step
    record_event("2fa.enabled", actor=user, target_user=user)
    db.session.commit()


def check_two_factor(user: User, code: str) -> None:
    """Accept a current, unused code for the user's secret, or raise DomainError."""
    step = _matching_step(user.totp_secret or "", code)
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        record_event("2fa.failed", target_user=user)
        db.session.commit()
        raise DomainError(_("That code is not right or was already used."), field="code")
    user.totp_last_step = step
    db.session.commit()


def disable_two_factor(actor: User, user: User) -> None:
    """Remove a user's authenticator (an admin's reset, or the user's own if not required)."""
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    user.session_version = User.session_version + 1
    record_event("2fa.disabled", actor=actor, target_user=user)
    db.session.commit()


# --- passwords and profile --------------------------------------------------------------


def request_password_reset(email: str) -> None:
    """Mail a reset link when the address has an account; do the same visible thing if not."""
    user = find_user_by_email(email)
    if user is None or user.is_disabled:
        record_event("password.reset_requested.unknown", subject=f"email-hash:{_email_hash(email)}")
        db.session.commit()
        return
    token = make_token(user, "reset")
    send_mail(
        user.email,
        "reset_password",
        user.locale,
        user=user,
        url=external_url("accounts.reset_password", token=token),
    )
    record_event("password.reset_requested", target_user=user)
    db.session.commit()


def reset_password(token: str, password: str) -> User:
    """Set a new password from a reset link; every session of the user ends."""
    user, _payload = load_token(token, "reset", current_app.config["RESET_TOKEN_MAX_AGE"])
    _set_password(user, password)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()  # the reset link proved the address
    record_event("password.reset", actor=user, target_user=user)
    db.session.commit()
    db.session.refresh(user)
    return user


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Change the password after checking the current one; other sessions end."""
    if not verify_password(user.password_hash, current_password):
        raise DomainError(_("Your current password is not right."), field="current_password")
    _set_password(user, new_password)
    record_event("password.changed", actor=user, target_user=user)
    db.session.commit()
    db.session.refresh(user)


def _set_password(user: User, password: str) -> None:
    problem = password_problem(password, user.email)
    if problem:
        raise DomainError(str(problem), field="password")
    user.password_hash = hash_password(password)
    user.session_version = User.session_version + 1


@dataclass
class ProfileChange:
    display_name: str
    locale: str
    home_municipality_id: int | None


def update_profile(user: User, change: ProfileChange) -> None:
    """Save the user's name, language and home municipality."""
    user.display_name = change.display_name.strip()
    user.locale = change.locale if change.locale in LOCALES else user.locale
    user.home_municipality_id = change.home_municipality_id
    db.session.commit()


def set_user_locale(user: User, locale: str) -> None:
    """Remember the interface language on the profile."""
    if locale in LOCALES and user.locale != locale:
        user.locale = locale
        db.session.commit()


@signals.locale_chosen.connect
def _remember_locale(user: User, locale: str) -> None:
    set_user_locale(user, locale)


def request_email_change(user: User, new_email: str, password: str) -> None:
    """Send a confirmation link to the new address; the change happens when it is followed."""
    if not verify_password(user.password_hash, password):
        raise DomainError(_("Your current password is not right."), field="current_password")
    new_email = normalise_email(new_email)
    if new_email == user.email:
        raise DomainError(_("This is already your e-mail address."), field="email")
    user.pending_email = new_email
    db.session.flush()
    if find_user_by_email(new_email) is None:
        _send_verification(user, new_email)
    record_event("email.change_requested", actor=user, target_user=user)
    db.session.commit()


def confirm_email_change(token: str) -> User:
    """Switch to the pending address of a confirmation link; the new address is verified."""
    user, _payload = load_token(token, "email", current_app.config["EMAIL_TOKEN_MAX_AGE"])
    if not user.pending_email or find_user_by_email(user.pending_email) is not None:
        raise InvalidToken(_("This link has already been used or is no longer valid."))
    old = user.email
    user.email, user.pending_email = user.pending_email, None
    user.email_verified_at = utcnow()
    user.session_version = User.session_version + 1
    record_event("email.changed", actor=user, target_user=user, old_domain=old.split("@")[-1])
    db.session.commit()
    db.session.refresh(user)
    return user


def create_admin(email: str, password: str, display_name: str | None = None) -> User:
    """Create a verified platform admin, or promote the existing account (CLI use)."""
    email = normalise_email(email)
    user = find_user_by_email(email)
    problem = password_problem(password, email)
    if problem:
        raise DomainError(str(problem), field="password")
    if user is None:
        user = User(
            email=email,
            display_name=display_name or email.split("@")[0],
            password_hash=hash_password(password),
            email_verified_at=utcnow(),
        )
        db.session.add(user)
    else:
        user.password_hash = hash_password(password)
        user.session_version = User.session_version + 1
    user.role = Role.ADMIN
    db.session.flush()
    record_event("role.changed", target_user=user, new=Role.ADMIN.value, via="cli")
    db.session.commit()
    return user


def count_users() -> int:
    return db.session.scalar(select(func.count()).select_from(User)) or 0
