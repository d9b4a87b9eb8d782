"""Files on disk under <instance>/uploads/<2 chars>/<random name>, in step with transactions.

A file written during a transaction is removed again unless it commits; a file whose upload is
deleted is removed only once the deletion commits. So disk and database never disagree for long.
"""

import hashlib
import logging
import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import BinaryIO

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
FILE_MODE = 0o640
CHUNK = 64 * 1024
STORED_NAME = re.compile(r"^[A-Za-z0-9_-]{32}\.[a-z]{3,4}$")
_WRITTEN_KEY = "civicapp_upload_files_written"
_DOOMED_KEY = "civicapp_upload_files_doomed"


def new_stored_name(extension: str) -> str:
    """A random name with the extension of the detected type."""
    return f"{secrets.token_urlsafe(24)}.{extension}"


def uploads_root() -> Path:
    return Path(current_app.instance_path) / current_app.config["UPLOAD_FOLDER_NAME"]


def stored_path(stored_name: str) -> Path:
    """Where a stored name lives; names not made by new_stored_name are refused."""
    if not STORED_NAME.match(stored_name):
        raise ValueError(f"not a stored upload name: {stored_name!r}")
    return uploads_root() / stored_name[:2] / stored_name


def write_file(session: Session, stream: BinaryIO, stored_name: str) -> str:
    """Copy the stream to its place atomically (temp file + rename); return its SHA-256."""
    path = stored_path(stored_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        os.fchmod(handle, FILE_MODE)
        with os.fdopen(handle, "wb") as out:
            stream.seek(0)
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _pending(session, _WRITTEN_KEY).append(str(path))
    return digest.hexdigest()


def remove_after_commit(session: Session, stored_name: str) -> None:
    """Delete the stored file once the current transaction commits."""
    _pending(session, _DOOMED_KEY).append(str(stored_path(stored_name)))


def _pending(session: Session, key: str) -> list:
    if not session.in_transaction():
        session.begin()  # so that the commit or rollback is an event we see
    return session.info.setdefault(key, [])


def _unlink(paths) -> None:
    for path in paths or ():
        try:
            Path(path).unlink(missing_ok=True)
        except OSError:
            log.exception("could not remove upload file %s", path)


@event.listens_for(Session, "after_commit")
def _after_commit(session):
    session.info.pop(_WRITTEN_KEY, None)
    _unlink(session.info.pop(_DOOMED_KEY, None))


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session, transaction):
    # The outermost transaction ended without a commit (rolled back or closed).
    if transaction.parent is None:
        session.info.pop(_DOOMED_KEY, None)
        _unlink(session.info.pop(_WRITTEN_KEY, None))
