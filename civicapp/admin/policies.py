"""Who may administer the platform."""

from civicapp.authz import is_admin


def can_administer(user) -> bool:
    """Platform admins manage users, roles and staff."""
    return is_admin(user)


def can_view_audit_log(user) -> bool:
    """Platform admins read the audit log."""
    return is_admin(user)
