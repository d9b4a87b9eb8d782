"""Loading helpers shared by the initiative views."""

from flask import abort
from flask_login import current_user

from civicapp.authz import require
from civicapp.extensions import db
from civicapp.initiatives.models import Initiative
from civicapp.initiatives.policies import can_edit_initiative, can_view_initiative


def get_initiative_or_404(initiative_id: int) -> Initiative:
    """The initiative, if it exists; 403 (or sign-in) when the reader may not see it."""
    initiative = db.session.get(Initiative, initiative_id)
    if initiative is None:
        abort(404)
    allowed = can_view_initiative(current_user, initiative)
    if initiative.is_hidden and not allowed:
        abort(404)  # as for priorities: hidden by moderation is gone for the public
    require(allowed)
    return initiative


def editable_initiative(initiative_id: int) -> Initiative:
    """The initiative, if the current user may edit it (403 otherwise)."""
    initiative = get_initiative_or_404(initiative_id)
    require(can_edit_initiative(current_user, initiative))
    return initiative


def get_owned_or_404(model, record_id: int, initiative: Initiative):
    """A record of this initiative (update, event, partner, ...), or 404."""
    record = db.session.get(model, record_id)
    if record is None or record.initiative_id != initiative.id:
        abort(404)
    return record
