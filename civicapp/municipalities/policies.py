"""Who may act for a municipality."""

from civicapp.authz import is_admin, is_staff_of


def can_act_for_municipality(user, municipality) -> bool:
    """Staff act only for their own municipalities."""
    return municipality is not None and is_staff_of(user, municipality.id)


def can_manage_staff(user, municipality=None) -> bool:
    """Platform admins assign and remove municipal staff."""
    return is_admin(user)


def can_view_municipality_settings(user, municipality) -> bool:
    """Platform admins and the municipality's own staff see its settings."""
    return is_admin(user) or can_act_for_municipality(user, municipality)


def can_change_municipality_settings(user, municipality=None) -> bool:
    """Only platform admins set deadlines and languages: no municipality loosens its own."""
    return is_admin(user)
