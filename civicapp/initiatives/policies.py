"""Who may see, write, publish and endorse initiatives, and keep the donor registry.

Rights come from membership in the initiative's lead organisation (the organisations'
predicates) and, for endorsements, from staff assignments to one of its municipalities.
"""

from sqlalchemy import select

from civicapp.authz import is_moderator, is_signed_in, is_staff_of
from civicapp.extensions import db
from civicapp.initiatives.models import TRANSITIONS, Endorsement
from civicapp.organisations.models import Membership, Organisation
from civicapp.organisations.models import Status as OrganisationStatus
from civicapp.organisations.policies import (
    can_draft_for_organisation,
    can_publish_for_organisation,
    is_member_of,
)


def can_view_initiative(user, initiative) -> bool:
    """Published initiatives are public unless hidden (moderators see those); members see all."""
    if initiative.is_published and (not initiative.is_hidden or is_moderator(user)):
        return True
    return is_member_of(user, initiative.organisation)


def can_view_initiative_document(user, document) -> bool:
    """A document (and its file) is seen by whoever sees its initiative."""
    return can_view_initiative(user, document.initiative)


def can_create_initiative(user, organisation=None) -> bool:
    """Members of a pending or verified organisation write initiatives for it."""
    if organisation is None:
        return bool(drafting_organisations(user))
    return can_draft_for_organisation(user, organisation)


def can_edit_initiative(user, initiative) -> bool:
    """Members of the lead organisation edit its initiatives: not while suspended or hidden."""
    return not initiative.is_hidden and can_draft_for_organisation(user, initiative.organisation)


def can_change_initiative_status(user, initiative) -> bool:
    """Members publish and move on the initiatives of a verified organisation only."""
    return bool(TRANSITIONS[initiative.status]) and can_publish_for_organisation(
        user, initiative.organisation
    )


def can_endorse_initiative(user, initiative) -> bool:
    """Staff of a public initiative's municipality endorse it, once per municipality."""
    return can_view_initiative(None, initiative) and bool(
        endorsing_municipalities(user, initiative)
    )


def endorsing_municipalities(user, initiative) -> list:
    """The initiative's municipalities the user is staff of that have not endorsed it yet."""
    if not is_signed_in(user):
        return []
    mine = [m for m in initiative.municipalities if is_staff_of(user, m.id)]
    if not mine:
        return []
    done = set(
        db.session.scalars(
            select(Endorsement.municipality_id).where(Endorsement.initiative_id == initiative.id)
        )
    )
    return [m for m in mine if m.id not in done]


def drafting_organisations(user) -> list[Organisation]:
    """The organisations the user may write initiatives for."""
    if not is_signed_in(user):
        return []
    return list(
        db.session.scalars(
            select(Organisation)
            .join(Membership)
            .where(
                Membership.user_id == user.id,
                Organisation.status != OrganisationStatus.SUSPENDED,
            )
            .order_by(Organisation.slug)
        )
    )
