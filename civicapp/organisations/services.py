"""Registering and editing organisations; verifying, suspending and reinstating them."""

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from civicapp.audit.services import record_event
from civicapp.exceptions import Conflict, DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.i18n import CONTENT_LANGUAGES, normalize_search
from civicapp.mail import send_mail
from civicapp.municipalities.models import Municipality
from civicapp.organisations.models import (
    DESCRIPTION_MAX,
    NAME_MAX,
    NUMBER_MAX,
    WEBSITE_MAX,
    Kind,
    MemberRole,
    Membership,
    Organisation,
    OrganisationSector,
    Registry,
    Status,
)
from civicapp.organisations.policies import (
    can_edit_organisation,
    can_register_organisation,
    can_verify_organisation,
)
from civicapp.routing import external_url
from civicapp.search.services import index_document
from civicapp.sectors import Sector
from civicapp.text import render_markdown
from civicapp.uploads.models import UploadKind
from civicapp.uploads.services import delete_upload, save_upload

log = logging.getLogger(__name__)
SEARCH_KIND = "organisation"
# Path segments of the blueprint that a slug must not shadow.
RESERVED_SLUGS = frozenset({"new", "admin", "invitations"})
SLUG_MAX = 70
NOTE_MAX = 2000


@dataclass
class OrganisationDraft:
    """What the registration and edit forms hold, as plain values."""

    kind: Kind
    name_sq: str | None = None
    name_sr: str | None = None
    name_en: str | None = None
    registry: Registry | None = None
    registration_number: str | None = None
    municipality_ids: list[int] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    description: str = ""
    website: str | None = None
    contact_email: str | None = None
    logo: object = None  # uploads helper: a new logo file (a FileStorage), or None
    remove_logo: bool = False


def draft_from(organisation: Organisation) -> OrganisationDraft:
    """The organisation's profile as a draft, to fill the edit form."""
    return OrganisationDraft(
        kind=organisation.kind,
        name_sq=organisation.name_sq,
        name_sr=organisation.name_sr,
        name_en=organisation.name_en,
        registry=organisation.registered_with,
        registration_number=organisation.registration_number,
        municipality_ids=[m.id for m in organisation.municipalities],
        sectors=organisation.sectors,
        description=organisation.description,
        website=organisation.website,
        contact_email=organisation.contact_email,
    )


def website_problem(url: str) -> str | None:
    """Why a website address is refused (only http and https links to a host), or None."""
    refused = _("Enter a web address that starts with http:// or https://.")
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return refused
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return refused
    if parts.scheme.lower() not in ("http", "https") or not host or "@" in parts.netloc:
        return refused
    return None


def slug_for(name: str, taken: set[str]) -> str:
    """An ASCII slug for a name, not in `taken` and not one of the reserved path segments."""
    ascii_name = normalize_search(name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:SLUG_MAX].strip("-")
    base = base or "organisation"
    if base in RESERVED_SLUGS:
        base = f"{base}-organisation"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _unique_slug(name: str) -> str:
    prefix = slug_for(name, set())
    taken = db.session.scalars(
        select(Organisation.slug).where(Organisation.slug.startswith(prefix, autoescape=True))
    )
    return slug_for(name, set(taken))


def first_name(values: dict) -> str:
    return next(values[f"name_{code}"] for code in CONTENT_LANGUAGES if values[f"name_{code}"])


def _names(draft: OrganisationDraft) -> dict:
    names = {}
    for code in CONTENT_LANGUAGES:
        value = " ".join((getattr(draft, f"name_{code}") or "").split()) or None
        if value and len(value) > NAME_MAX:
            raise DomainError(_("Use at most %(max)d characters.", max=NAME_MAX), f"name_{code}")
        names[f"name_{code}"] = value
    if not any(names.values()):
        raise DomainError(_("Give the name in at least one language."), field="name_sq")
    names["search_text"] = normalize_search(" ".join(n for n in names.values() if n))
    return names


def _registration(draft: OrganisationDraft, organisation_id: int | None) -> dict:
    number = " ".join((draft.registration_number or "").split()).upper() or None
    registry = Registry(draft.registry) if draft.registry else None
    if draft.kind == Kind.REGISTERED_CSO and registry is None:
        raise DomainError(_("A registered organisation names its register."), field="registry")
    if registry is not None and number is None:
        raise DomainError(
            _("Enter the registration number given by this register."),
            field="registration_number",
        )
    if number is not None and registry is None:
        raise DomainError(_("Choose the register that gave this number."), field="registry")
    if number is not None and len(number) > NUMBER_MAX:
        message = _("Use at most %(max)d characters.", max=NUMBER_MAX)
        raise DomainError(message, field="registration_number")
    if number is not None and _number_taken(registry, number, organisation_id):
        raise Conflict(
            _("An organisation with this registration number is already on civicapp."),
            field="registration_number",
        )
    return {"registered_with": registry, "registration_number": number}


def _number_taken(registry: Registry, number: str, organisation_id: int | None) -> bool:
    stmt = select(Organisation.id).where(
        Organisation.registered_with == registry, Organisation.registration_number == number
    )
    if organisation_id is not None:
        stmt = stmt.where(Organisation.id != organisation_id)
    return db.session.scalar(stmt) is not None


def _contact(draft: OrganisationDraft) -> dict:
    website = (draft.website or "").strip() or None
    if website is not None and (len(website) > WEBSITE_MAX or website_problem(website)):
        raise DomainError(website_problem(website) or _("This address is too long."), "website")
    email = (draft.contact_email or "").strip().lower() or None
    if email is not None and (len(email) > 254 or "@" not in email.strip("@")):
        raise DomainError(_("Enter a valid e-mail address."), field="contact_email")
    description = (draft.description or "").strip()
    if len(description) > DESCRIPTION_MAX:
        raise DomainError(
            _("Use at most %(max)d characters.", max=DESCRIPTION_MAX), field="description"
        )
    return {
        "website": website,
        "contact_email": email,
        "description": description,
        "description_html": render_markdown(description),
    }


def _municipalities(ids: list[int]) -> list[Municipality]:
    wanted = set(ids)
    if not wanted:
        raise DomainError(_("Choose at least one municipality."), field="municipality_ids")
    found = list(db.session.scalars(select(Municipality).where(Municipality.id.in_(wanted))))
    if len(found) != len(wanted):
        raise DomainError(_("Choose from the options shown."), field="municipality_ids")
    return found


def _checked(draft: OrganisationDraft, organisation_id: int | None = None) -> tuple[dict, list]:
    """Every field of the draft checked and cleaned, before the session holds any change."""
    values = {"kind": Kind(draft.kind), **_names(draft), **_registration(draft, organisation_id)}
    values.update(_contact(draft))
    return values, _municipalities(draft.municipality_ids)


def _apply(organisation: Organisation, values: dict, municipalities: list, sectors) -> None:
    for key, value in values.items():
        setattr(organisation, key, value)
    organisation.municipalities = municipalities
    wanted = set(sectors)
    kept = [row for row in organisation.sector_rows if row.sector in wanted]
    added = [OrganisationSector(sector=s) for s in sorted(wanted - {r.sector for r in kept})]
    organisation.sector_rows = kept + added


def register_organisation(actor, draft: OrganisationDraft) -> Organisation:
    """Register an organisation, pending verification, with the actor as its admin."""
    if not can_register_organisation(actor):
        raise NotAllowed(_("Confirm your e-mail address before you register an organisation."))
    values, municipalities = _checked(draft)
    organisation = Organisation(
        slug=_unique_slug(first_name(values)), status=Status.PENDING, created_by_id=actor.id
    )
    _apply(organisation, values, municipalities, draft.sectors)
    organisation.memberships.append(Membership(user_id=actor.id, role=MemberRole.ADMIN))
    db.session.add(organisation)
    _apply_logo(actor, organisation, draft)
    _commit(organisation, "organisation.registered", actor)
    log.info("organisation %s registered by user %s", organisation.slug, actor.id)
    return organisation


def edit_organisation(actor, organisation: Organisation, draft: OrganisationDraft) -> None:
    """Save the profile of an organisation; its slug stays, so links keep working."""
    if not can_edit_organisation(actor, organisation):
        raise NotAllowed(_("Only the organisation's administrators edit its profile."))
    values, municipalities = _checked(draft, organisation.id)
    _apply(organisation, values, municipalities, draft.sectors)
    _apply_logo(actor, organisation, draft)
    _commit(organisation, "organisation.edited", actor)


def _apply_logo(actor, organisation: Organisation, draft: OrganisationDraft) -> None:
    """uploads helper: store a new logo or drop the current one; the old file goes on commit.

    A logo is public exactly when its organisation is (see _decide)."""
    if draft.logo is None and not draft.remove_logo:
        return
    old = organisation.logo
    organisation.logo = None
    if draft.logo is not None:
        organisation.logo = save_upload(
            actor, draft.logo, kind=UploadKind.IMAGE, is_public=organisation.is_public
        )
    if old is not None:
        delete_upload(old)


def _commit(organisation: Organisation, action: str, actor) -> None:
    """Index the names, log the action and commit; a registration number taken meanwhile is
    refused by the unique constraint."""
    try:
        db.session.flush()
    except IntegrityError as exc:
        db.session.rollback()
        raise Conflict(
            _("An organisation with this registration number is already on civicapp."),
            field="registration_number",
        ) from exc
    index_document(SEARCH_KIND, organisation.id, organisation.search_text)
    record_event(action, actor=actor, subject=subject_of(organisation))
    db.session.commit()


def subject_of(organisation: Organisation) -> str:
    return f"organisation:{organisation.id}:{organisation.slug}"


# --- verification by platform admins ------------------------------------------------------

DECISIONS = {
    Status.VERIFIED: ("organisation.verified", "organisation_verified"),
    Status.SUSPENDED: ("organisation.suspended", "organisation_suspended"),
}


def verify_organisation(actor, organisation: Organisation, note: str) -> None:
    """Verify a pending organisation, or reinstate a suspended one."""
    _decide(actor, organisation, Status.VERIFIED, note)


def suspend_organisation(actor, organisation: Organisation, note: str) -> None:
    """Suspend a verified organisation, or refuse a pending registration."""
    _decide(actor, organisation, Status.SUSPENDED, note)


def _decide(actor, organisation: Organisation, status: Status, note: str) -> None:
    if not can_verify_organisation(actor, organisation):
        raise NotAllowed(_("Only platform administrators verify organisations."))
    note = (note or "").strip()
    if not note:
        raise DomainError(_("Write a note that explains the decision."), field="note")
    if len(note) > NOTE_MAX:
        raise DomainError(_("Use at most %(max)d characters.", max=NOTE_MAX), field="note")
    previous = organisation.status
    organisation.move_to(status, actor, note)
    if organisation.logo is not None:  # uploads helper: the logo is public with its organisation
        organisation.logo.is_public = organisation.is_public
    action, template = DECISIONS[status]
    record_event(action, actor=actor, subject=subject_of(organisation), previous=previous.value)
    _mail_admins(organisation, template, note=note, previous=previous)
    db.session.commit()
    log.info("organisation %s: %s by user %s", organisation.slug, action, actor.id)


def _mail_admins(organisation: Organisation, template: str, **context) -> None:
    """Tell each admin of the organisation, in their own language."""
    url = external_url("organisations.show", slug=organisation.slug)
    for membership in admins_of(organisation):
        user = membership.user
        send_mail(
            user.email,
            template,
            user.locale,
            user=user,
            name=organisation.name_and_language(user.locale)[0],
            url=url,
            **context,
        )


def admins_of(organisation: Organisation) -> list[Membership]:
    return [m for m in organisation.memberships if m.role == MemberRole.ADMIN]


def get_organisation_by_slug(slug: str) -> Organisation | None:
    return db.session.scalar(select(Organisation).where(Organisation.slug == slug[:80]))
