"""A file field for any form, checked by content so the refusal shows on the field itself.

Use `logo = UploadField(_l("Logo"), kind="image")` in a FlaskForm, give the <form> the attribute
enctype="multipart/form-data", and pass `form.logo.data` to services.save_upload (None when no
file was chosen). A refused file leaves the other fields as typed; browsers never refill a file
input, so the field's error tells what to choose again.
"""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms.validators import StopValidation

from civicapp.exceptions import DomainError
from civicapp.uploads.detect import TYPES
from civicapp.uploads.models import UploadKind
from civicapp.uploads.services import check_upload, max_size_label

CHOOSE_FILE = _l("Choose a file to upload.")


class ValidUpload:
    """Refuse a file that save_upload would refuse, with the same message."""

    def __init__(self, kind: UploadKind | str = UploadKind.DOCUMENT):
        self.kind = UploadKind(kind)

    def __call__(self, form, field):
        if not field.data:
            return
        try:
            check_upload(field.data, self.kind)
        except DomainError as error:
            raise StopValidation(error.message) from None


class UploadHint:
    """The field's hint: what it accepts and the size limit read from the config when shown."""

    def __init__(self, kind: UploadKind):
        self.kind = kind

    def __str__(self) -> str:
        if self.kind == UploadKind.IMAGE:
            return _("PNG, JPEG, GIF or WebP, at most %(max)s MB.", max=max_size_label())
        return _(
            "PDF, images (PNG, JPEG, GIF, WebP) or office documents (DOCX, XLSX, PPTX, ODT, ODS,"
            " ODP), at most %(max)s MB.",
            max=max_size_label(),
        )


def accepted_extensions(kind: UploadKind | str = UploadKind.DOCUMENT) -> str:
    """The input's accept attribute, so that file pickers offer the right files first."""
    kinds = {UploadKind.IMAGE} if UploadKind(kind) == UploadKind.IMAGE else set(UploadKind)
    return ",".join(
        f".{ext}"
        for file_type in TYPES.values()
        if file_type.kind in kinds
        for ext in file_type.extensions
    )


class UploadField(FileField):
    """A file input that accepts what uploads accept (kind "image" for images only)."""

    def __init__(
        self, label=None, validators=None, kind=UploadKind.DOCUMENT, required=False, **kwargs
    ):
        rules = [FileRequired(CHOOSE_FILE)] if required else []
        kwargs.setdefault("description", UploadHint(UploadKind(kind)))
        kwargs.setdefault("render_kw", {"accept": accepted_extensions(kind)})
        super().__init__(label, [*rules, *(validators or ()), ValidUpload(kind)], **kwargs)
