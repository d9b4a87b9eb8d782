"""Who may do what with accounts."""

from civicapp.authz import is_signed_in


def can_edit_profile(user, profile=None) -> bool:
    """A signed-in user edits only their own profile."""
    return is_signed_in(user) and (profile is None or profile.id == user.id)


def can_disable_two_factor(user) -> bool:
    """Users whose role does not require two-factor sign-in may turn it off."""
    return (
        is_signed_in(user)
        and user.totp_enabled_at is not None
        and not (user.is_admin or user.staff_assignments)
    )
