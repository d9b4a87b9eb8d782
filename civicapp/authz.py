"""Shared authorization predicates; features build their policies from these."""

from functools import wraps

from flask import abort
from flask_login import current_user


def is_signed_in(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


def is_admin(user) -> bool:
    return is_signed_in(user) and user.is_admin


def is_moderator(user) -> bool:
    return is_signed_in(user) and (user.is_moderator or user.is_admin)


def is_staff(user) -> bool:
    return is_signed_in(user) and bool(user.staff_municipality_ids)


def is_staff_of(user, municipality_id: int | None) -> bool:
    return is_signed_in(user) and municipality_id in user.staff_municipality_ids


def is_verified(user) -> bool:
    return is_signed_in(user) and user.email_verified_at is not None


def is_self(user, other) -> bool:
    return is_signed_in(user) and other is not None and user.id == other.id


def require(allowed: bool) -> None:
    """Abort with 403 (or send a visitor to sign in) unless the policy allowed the action."""
    if allowed:
        return
    if not is_signed_in(current_user):
        from civicapp.extensions import login_manager

        abort(login_manager.unauthorized())
    abort(403)


def policy_required(policy):
    """Decorate a view so that `policy(current_user)` must hold."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            require(policy(current_user))
            return view(*args, **kwargs)

        return wrapped

    return decorator
