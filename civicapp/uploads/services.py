"""Check, store, delete and link uploads; features call these from their own use cases.

A feature saves a file with `save_upload` inside its use case (which commits), keeps the
upload's id on its own row, and decides visibility: it sets `upload.is_public` when it attaches
the file to something published (and clears it when that is withdrawn). Readers other than the
uploader and admins can also be granted by a rule (see policies.add_view_rule).
`kind` says what a slot accepts ("image": images only; "document": every allowed type); the
upload's own `kind` is the family of the type found in the file.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO

from flask import current_app, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _

from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.uploads import storage
from civicapp.uploads.detect import (
    LEGACY_OFFICE_EXTENSIONS,
    TYPES_BY_EXTENSION,
    Detected,
    FileType,
    detect,
)
from civicapp.uploads.models import ORIGINAL_NAME_MAX, Upload, UploadKind

log = logging.getLogger(__name__)
MEGABYTE = 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000  # browsers decode every pixel: refuse "pixel bombs"
# Characters Windows refuses in file names, and the path separators.
_UNSAFE_CHARACTERS = re.compile(r'[<>:"/\\|?*]')


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed every check: its clean name, real type, size and image size."""

    name: str
    file_type: FileType
    size: int
    width: int | None = None
    height: int | None = None


def clean_name(raw: str | None) -> str:
    """The last part of a path, without control, bidi or reserved characters, at most 255 long."""
    name = re.split(r"[/\\]", unicodedata.normalize("NFC", raw or ""))[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = " ".join(_UNSAFE_CHARACTERS.sub("_", name).split()).strip(" .")
    if len(name) > ORIGINAL_NAME_MAX:
        stem, dot, extension = name.rpartition(".")
        if stem and len(extension) <= 8:
            name = stem[: ORIGINAL_NAME_MAX - len(extension) - 1].rstrip(" .") + dot + extension
        else:
            name = name[:ORIGINAL_NAME_MAX]
    return name or "file"


def extension_of(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def max_size_label(max_bytes: int | None = None) -> str:
    """The size limit in megabytes, in the reader's number format."""
    megabytes = (max_bytes or current_app.config["UPLOAD_MAX_BYTES"]) / MEGABYTE
    return format_decimal(round(megabytes, 1 if megabytes >= 1 else 3))


def check_upload(file_storage, accept: UploadKind | str = UploadKind.DOCUMENT) -> CheckedFile:
    """Check a file by size, name and content; raise DomainError saying what is wrong."""
    if file_storage is None or not file_storage.filename:
        raise DomainError(_("Choose a file to upload."))
    size = _size(file_storage.stream)
    if size == 0:
        raise DomainError(_("The file is empty."))
    if size > current_app.config["UPLOAD_MAX_BYTES"]:
        raise DomainError(_("The file is larger than %(max)s MB.", max=max_size_label()))
    name = clean_name(file_storage.filename)
    claimed = _claimed_type(extension_of(name), UploadKind(accept))
    detected = detect(file_storage.stream)
    _compare(detected, claimed)
    return CheckedFile(name, claimed, size, detected.width, detected.height)


def _size(stream: BinaryIO) -> int:
    """The stream's length, found by seeking: nothing is read into memory."""
    size = stream.seek(0, 2)
    stream.seek(0)
    return size


def _claimed_type(extension: str, accept: UploadKind) -> FileType:
    if extension in LEGACY_OFFICE_EXTENSIONS:
        raise DomainError(_legacy_office_message())
    file_type = TYPES_BY_EXTENSION.get(extension)
    if accept == UploadKind.IMAGE and (file_type is None or file_type.kind != UploadKind.IMAGE):
        raise DomainError(_("Only images are accepted here: PNG, JPEG, GIF or WebP."))
    if file_type is None:
        raise DomainError(
            _(
                "Files of this type are not accepted: allowed are PDF, images (PNG, JPEG, GIF,"
                " WebP) and office documents."
            )
        )
    return file_type


def _legacy_office_message() -> str:
    return _(
        "Old Microsoft Office files (DOC, XLS, PPT) are not accepted: please save the file as"
        " DOCX, XLSX, PPTX or PDF."
    )


def _compare(detected: Detected, claimed: FileType) -> None:
    """The content must be of the type the name claims."""
    if detected.macros:
        raise DomainError(_("Documents with macros are not accepted."))
    if detected.legacy_office:
        raise DomainError(_legacy_office_message())
    if detected.file_type != claimed:
        raise DomainError(_("This file is not a real %(type)s.", type=claimed.label))
    if detected.width and detected.width * detected.height > MAX_IMAGE_PIXELS:
        raise DomainError(
            _(
                "The image has too many pixels: at most %(max)s megapixels are accepted.",
                max=format_decimal(MAX_IMAGE_PIXELS // 1_000_000),
            )
        )


def save_upload(
    actor, file_storage, kind: UploadKind | str = UploadKind.DOCUMENT, is_public: bool = False
) -> Upload:
    """Check and store a file for the actor; flush only, the calling use case commits."""
    checked = check_upload(file_storage, kind)
    stored_name = storage.new_stored_name(checked.file_type.extensions[0])
    sha256 = storage.write_file(db.session(), file_storage.stream, stored_name)
    upload = Upload(
        stored_name=stored_name,
        original_name=checked.name,
        content_type=checked.file_type.content_type,
        size=checked.size,
        sha256=sha256,
        kind=checked.file_type.kind,
        is_public=is_public,
        width=checked.width,
        height=checked.height,
        uploaded_by_id=getattr(actor, "id", None),
    )
    db.session.add(upload)
    db.session.flush()
    log.info(
        "upload %s (%s) stored by user %s", upload.id, upload.content_type, upload.uploaded_by_id
    )
    return upload


def delete_upload(upload: Upload) -> None:
    """Delete an upload; its file goes once the calling use case commits."""
    storage.remove_after_commit(db.session(), upload.stored_name)
    db.session.delete(upload)
    db.session.flush()
    log.info("upload %s deleted", upload.id)


def upload_url(upload: Upload, **kwargs) -> str:
    """The address of an upload; the file name in it is for people, the id decides."""
    return url_for("uploads.download", upload_id=upload.id, filename=upload.original_name, **kwargs)


def stored_file(upload: Upload):
    """The path of an upload's file on disk."""
    return storage.stored_path(upload.stored_name)
