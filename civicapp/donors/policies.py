"""Who keeps the donor registry."""

from civicapp.authz import is_admin


def can_manage_donors(user, donor=None) -> bool:
    """Platform admins keep the registry of donors and programmes."""
    return is_admin(user)
