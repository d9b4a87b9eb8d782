"""Who may open, edit, advance and adopt consultations."""

from civicapp.authz import is_admin, is_staff, is_staff_of
from civicapp.consultations.models import Consultation, Phase


def _municipality_id(obj) -> int | None:
    """The municipality a consultation belongs to, or the municipality itself."""
    if isinstance(obj, Consultation):
        return obj.municipality_id
    return getattr(obj, "id", None)


def can_manage_consultation(user, consultation_or_municipality=None) -> bool:
    """Staff of the municipality, and platform admins, run its consultations."""
    if is_admin(user):
        return True
    municipality_id = _municipality_id(consultation_or_municipality)
    return municipality_id is not None and is_staff_of(user, municipality_id)


def can_open_consultation(user, municipality=None) -> bool:
    """Staff open consultations for their municipalities; without one, for any of theirs."""
    if municipality is None:
        return is_admin(user) or is_staff(user)
    return can_manage_consultation(user, municipality)


def can_edit_consultation(user, consultation) -> bool:
    """Those who run it edit a consultation until it is adopted."""
    return consultation.phase != Phase.ADOPTED and can_manage_consultation(user, consultation)


def can_advance_consultation(user, consultation) -> bool:
    """Those who run it open voting and close it; adoption has its own step."""
    open_phases = (Phase.PROPOSALS, Phase.VOTING)
    return consultation.phase in open_phases and can_manage_consultation(user, consultation)


def can_adopt_consultation(user, consultation) -> bool:
    """Those who run it record the assembly's decision once the consultation is closed."""
    return consultation.phase == Phase.CLOSED and can_manage_consultation(user, consultation)
