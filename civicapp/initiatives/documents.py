"""Documents and images attached to an initiative, one of its updates or one of its events.

The file itself is an upload (civicapp.uploads); this row says what it is and where it belongs.
Its readers are the initiative's readers: a rule added to the uploads' policy lets everyone
download the documents of a public initiative, and only the members those of a draft.
"""

import logging
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from civicapp.exceptions import DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.initiatives.models import (
    DOCUMENT_TITLE_MAX,
    DocumentKind,
    Event,
    Initiative,
    InitiativeDocument,
    Update,
)
from civicapp.initiatives.policies import can_edit_initiative, can_view_initiative_document
from civicapp.initiatives.services import touch
from civicapp.uploads.models import Upload, UploadKind
from civicapp.uploads.policies import add_view_rule
from civicapp.uploads.services import delete_upload, save_upload

log = logging.getLogger(__name__)


@add_view_rule
def _read_with_its_initiative(user, upload: Upload) -> bool:
    """Let whoever sees an initiative download its documents."""
    # Decided on each request rather than by upload.is_public, so that publishing a draft,
    # suspending its organisation or hiding it in moderation applies to its files at once.
    document = db.session.scalar(
        select(InitiativeDocument).where(InitiativeDocument.upload_id == upload.id)
    )
    return document is not None and can_view_initiative_document(user, document)


@dataclass
class DocumentDraft:
    """What the document form holds, as plain values."""

    title: str
    kind: DocumentKind


def _require(actor, initiative: Initiative, *records) -> None:
    mine = all(r is None or r.initiative_id == initiative.id for r in records)
    if not (mine and can_edit_initiative(actor, initiative)):
        raise NotAllowed(_("You cannot change this initiative."))


def _store(actor, file_storage, kind: DocumentKind) -> Upload:
    """Save the file; a photo must be an image. A refusal is put on the file field."""
    accept = UploadKind.IMAGE if kind == DocumentKind.PHOTO else UploadKind.DOCUMENT
    try:
        return save_upload(actor, file_storage, kind=accept)
    except DomainError as error:
        raise DomainError(error.message, field="file") from None


def attach_document(
    actor,
    initiative: Initiative,
    draft: DocumentDraft,
    file_storage,
    update: Update | None = None,
    event: Event | None = None,
) -> InitiativeDocument:
    """Store a file and attach it to the initiative, or to one of its updates or events."""
    _require(actor, initiative, update, event)
    if update is not None and event is not None:
        raise DomainError(_("Attach the document to an update or to an event, not both."))
    title = " ".join(draft.title.split())
    if not 0 < len(title) <= DOCUMENT_TITLE_MAX:
        raise DomainError(
            _("Give the document a title of at most %(max)d characters.", max=DOCUMENT_TITLE_MAX),
            field="title",
        )
    document = InitiativeDocument(
        upload=_store(actor, file_storage, draft.kind),
        initiative_id=initiative.id,
        update_id=getattr(update, "id", None),
        event_id=getattr(event, "id", None),
        title=title,
        kind=draft.kind,
        language=initiative.language,
        added_by_id=actor.id,
    )
    db.session.add(document)
    touch(initiative)
    db.session.commit()
    log.info(
        "document %s (upload %s) attached to initiative %s by user %s",
        document.id,
        document.upload_id,
        initiative.id,
        actor.id,
    )
    return document


def remove_document(actor, document: InitiativeDocument) -> None:
    """Remove a document; its stored file is deleted once the removal commits."""
    initiative = document.initiative
    _require(actor, initiative, document)
    ids = (document.id, initiative.id, actor.id)
    _discard(document)
    touch(initiative)
    db.session.commit()
    log.info("document %s of initiative %s removed by user %s", *ids)


def discard_documents(update: Update | None = None, event: Event | None = None) -> None:
    """Delete the documents of an update or event that is being deleted; flush only."""
    record = InitiativeDocument.update_id if update is not None else InitiativeDocument.event_id
    for document in db.session.scalars(
        select(InitiativeDocument).where(record == (update or event).id)
    ):
        _discard(document)


def _discard(document: InitiativeDocument) -> None:
    upload = document.upload
    db.session.delete(document)
    db.session.flush()  # the row that refers to the upload goes first
    delete_upload(upload)


@dataclass
class Shelf:
    """An initiative's documents: its own, and those of each update and event by their id."""

    own: list[InitiativeDocument] = field(default_factory=list)
    by_update: dict[int, list[InitiativeDocument]] = field(default_factory=dict)
    by_event: dict[int, list[InitiativeDocument]] = field(default_factory=dict)
    every: list[InitiativeDocument] = field(default_factory=list)


def list_documents(initiative: Initiative) -> list[InitiativeDocument]:
    """All the initiative's documents with their files, oldest first."""
    return list(
        db.session.scalars(
            select(InitiativeDocument)
            .options(joinedload(InitiativeDocument.upload))
            .where(InitiativeDocument.initiative_id == initiative.id)
            .order_by(InitiativeDocument.created_at, InitiativeDocument.id)
        )
    )


def document_shelf(initiative: Initiative) -> Shelf:
    """The initiative's documents sorted onto the initiative, its updates and its events."""
    shelf = Shelf(every=list_documents(initiative))
    for document in shelf.every:
        if document.update_id is not None:
            shelf.by_update.setdefault(document.update_id, []).append(document)
        elif document.event_id is not None:
            shelf.by_event.setdefault(document.event_id, []).append(document)
        else:
            shelf.own.append(document)
    return shelf
