"""Serving stored files with headers that keep them inert.

Only raster images are shown inline; everything else, PDFs included, is downloaded: a PDF can
carry JavaScript and forms that the browser's viewer runs on our origin, and Chrome's viewer
does not render in a sandboxed document anyway. Every file also gets nosniff and a CSP sandbox.
"""

import re
import unicodedata
from urllib.parse import quote

from flask import abort, send_file
from flask_login import current_user

from civicapp.authz import require
from civicapp.extensions import db
from civicapp.uploads import bp, services
from civicapp.uploads.models import Upload
from civicapp.uploads.policies import can_view_upload

FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
PUBLIC_MAX_AGE = 3600
# RFC 5987 attr-char, besides letters and digits.
_ATTR_CHARS = "!#$&+-.^_`|~"

bp.add_app_template_global(services.upload_url)


@bp.get("/<int(max=2147483647):upload_id>/<path:filename>")
def download(upload_id: int, filename: str):
    """Send a stored file to those who may see it; the name in the address is cosmetic."""
    upload = db.get_or_404(Upload, upload_id)
    require(can_view_upload(current_user, upload))
    path = services.stored_file(upload)
    if not path.is_file():
        abort(404)
    response = send_file(
        path,
        mimetype=upload.content_type,
        etag=upload.sha256,
        last_modified=upload.created_at,
        max_age=PUBLIC_MAX_AGE if upload.is_public else None,
    )
    return _harden(response, upload)


def _harden(response, upload: Upload):
    headers = response.headers
    headers["Content-Disposition"] = content_disposition(upload)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Content-Security-Policy"] = FILE_CSP
    if not upload.is_public:
        headers["Cache-Control"] = "private, no-cache"
        headers["Cross-Origin-Resource-Policy"] = "same-origin"
        headers.pop("Expires", None)
    return response


def content_disposition(upload: Upload) -> str:
    """inline for images, attachment otherwise; an ASCII name plus the UTF-8 one (RFC 6266)."""
    disposition = "inline" if upload.is_image else "attachment"
    name = upload.original_name
    return (
        f'{disposition}; filename="{ascii_name(name)}"; '
        f"filename*=UTF-8''{quote(name, safe=_ATTR_CHARS)}"
    )


def ascii_name(name: str) -> str:
    """A plain ASCII stand-in for old clients: letters kept without accents, others as _."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem, dot, extension = plain.rpartition(".")
    stem = re.sub(r"[^A-Za-z0-9 .()_-]+", "_", stem if dot else plain).strip(" ._")
    extension = re.sub(r"[^A-Za-z0-9]+", "", extension) if dot else ""
    return (stem or "file") + ("." + extension if extension else "")
