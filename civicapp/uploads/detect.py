"""What a file really is, from its bytes: the allowlisted types, image sizes, office archives.

Nothing here trusts a name or a browser's content type. Legacy OLE2 office files (.doc, .xls,
.ppt) are recognised only to be refused: they are the usual carrier of macro malware, their
macros cannot be told apart cheaply, and every office suite saves OOXML or OpenDocument.
"""

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

HEAD_BYTES, TAIL_BYTES = 4096, 1024
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_TOTAL = 512 * 1024 * 1024  # declared uncompressed size of all entries
MAX_PART_BYTES = 256 * 1024  # the most we decompress of any one entry we inspect
MAX_JPEG_SEGMENTS = 500
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# Markup in the first kilobyte makes a file a candidate for HTML sniffing somewhere: refuse it.
MARKUP = re.compile(rb"<\s*(script|html|!doctype|svg|iframe|body|head|object|embed)\b", re.I)


class UploadKind(StrEnum):
    """The family of a file's detected type: images are shown inline, documents downloaded."""

    DOCUMENT = "document"
    IMAGE = "image"


@dataclass(frozen=True)
class FileType:
    key: str
    label: str  # a format name, the same in every language
    content_type: str
    extensions: tuple[str, ...]  # the first is the one files are stored with
    kind: UploadKind = UploadKind.DOCUMENT


_OOXML = "application/vnd.openxmlformats-officedocument."
_ODF = "application/vnd.oasis.opendocument."
IMAGE_TYPES = (
    FileType("png", "PNG", "image/png", ("png",), UploadKind.IMAGE),
    FileType("jpeg", "JPEG", "image/jpeg", ("jpg", "jpeg"), UploadKind.IMAGE),
    FileType("gif", "GIF", "image/gif", ("gif",), UploadKind.IMAGE),
    FileType("webp", "WebP", "image/webp", ("webp",), UploadKind.IMAGE),
)
DOCUMENT_TYPES = (
    FileType("pdf", "PDF", "application/pdf", ("pdf",)),
    FileType("docx", "DOCX", _OOXML + "wordprocessingml.document", ("docx",)),
    FileType("xlsx", "XLSX", _OOXML + "spreadsheetml.sheet", ("xlsx",)),
    FileType("pptx", "PPTX", _OOXML + "presentationml.presentation", ("pptx",)),
    FileType("odt", "ODT", _ODF + "text", ("odt",)),
    FileType("ods", "ODS", _ODF + "spreadsheet", ("ods",)),
    FileType("odp", "ODP", _ODF + "presentation", ("odp",)),
)
TYPES = {t.key: t for t in (*DOCUMENT_TYPES, *IMAGE_TYPES)}
TYPES_BY_EXTENSION = {ext: t for t in TYPES.values() for ext in t.extensions}
TYPES_BY_CONTENT_TYPE = {t.content_type: t for t in TYPES.values()}
LEGACY_OFFICE_EXTENSIONS = frozenset({"doc", "dot", "xls", "xlt", "ppt", "pot", "pps"})
OOXML_MAIN_PARTS = {  # the content type of the main part, in [Content_Types].xml
    "docx": _OOXML + "wordprocessingml.document.main+xml",
    "xlsx": _OOXML + "spreadsheetml.sheet.main+xml",
    "pptx": _OOXML + "presentationml.presentation.main+xml",
}
_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b([^>]*)>")
_ATTRIBUTE = re.compile(rb"""(PartName|ContentType)\s*=\s*["']([^"']*)["']""")
_JPEG_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# What a damaged, encrypted or odd archive may raise while we look into it.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    KeyError,
    struct.error,
)


@dataclass(frozen=True)
class Detected:
    """The outcome: a type of TYPES (or None), an image's size, and why a file is refused."""

    file_type: FileType | None = None
    width: int | None = None
    height: int | None = None
    legacy_office: bool = False
    macros: bool = False


def detect(stream: BinaryIO) -> Detected:
    """Tell what the stream's bytes are; the stream is left at its start."""
    try:
        head = _read_at(stream, 0, HEAD_BYTES)
        if MARKUP.search(head[:1024]):
            return Detected()
        return _by_magic(stream, head)
    finally:
        stream.seek(0)


def _by_magic(stream, head: bytes) -> Detected:
    if head.startswith(b"%PDF-"):
        size = stream.seek(0, 2)
        tail = _read_at(stream, max(0, size - TAIL_BYTES), TAIL_BYTES)
        return Detected(TYPES["pdf"]) if b"%%EOF" in tail else Detected()
    if head.startswith(OLE2_MAGIC):
        return Detected(legacy_office=True)
    if head.startswith(b"PK\x03\x04"):
        return _office(stream)
    for key, measure in IMAGE_SIZES.items():
        size = measure(stream, head)
        if size is not None:
            width, height = size
            ok = width > 0 and height > 0
            return Detected(TYPES[key], width, height) if ok else Detected()
    return Detected()


def _read_at(stream, offset: int, count: int) -> bytes:
    stream.seek(offset)
    return stream.read(count)


def _png(stream, head: bytes):
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        return struct.unpack(">II", head[16:24])
    return None


def _gif(stream, head: bytes):
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        return struct.unpack("<HH", head[6:10])
    return None


def _webp(stream, head: bytes):
    if not (head.startswith(b"RIFF") and head[8:12] == b"WEBP") or len(head) < 30:
        return None
    chunk = head[12:16]
    if chunk == b"VP8X":
        return (
            int.from_bytes(head[24:27], "little") + 1,
            int.from_bytes(head[27:30], "little") + 1,
        )
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None


def _jpeg(stream, head: bytes):
    """Walk the segments up to the frame header (EXIF data may come first and be long)."""
    if not head.startswith(b"\xff\xd8\xff"):
        return None
    stream.seek(2)
    for _ in range(MAX_JPEG_SEGMENTS):
        marker = stream.read(2)
        if len(marker) < 2 or marker[0] != 0xFF or marker[1] in (0xD9, 0xDA):
            return (0, 0)  # no frame header before the image data: not an image we accept
        length = struct.unpack(">H", stream.read(2) or b"\0\0")[0]
        if marker[1] in _JPEG_SOF:
            frame = stream.read(5)
            if len(frame) < 5:
                return (0, 0)
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        if length < 2:
            return (0, 0)
        stream.seek(length - 2, 1)
    return (0, 0)


IMAGE_SIZES = {"png": _png, "jpeg": _jpeg, "gif": _gif, "webp": _webp}


def _office(stream) -> Detected:
    """OOXML or OpenDocument, from a bounded look at the archive; anything else is not."""
    try:
        with zipfile.ZipFile(stream) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_ZIP_TOTAL:
                return Detected()
            names = {entry.filename for entry in entries}
            if _has_macros(names):
                return Detected(macros=True)
            key = _odf_type(archive, entries) or _ooxml_type(archive, names)
    except ZIP_ERRORS:
        return Detected()
    return Detected(TYPES[key]) if key else Detected()


def _has_macros(names: set[str]) -> bool:
    return any(
        name.lower().endswith("vbaproject.bin") or name.startswith(("Basic/", "Scripts/"))
        for name in names
    )


def _read_part(archive, name: str) -> bytes:
    with archive.open(name) as part:
        return part.read(MAX_PART_BYTES)


def _odf_type(archive, entries) -> str | None:
    """An OpenDocument file starts with an entry `mimetype` naming its type."""
    if entries[0].filename != "mimetype" or "content.xml" not in archive.namelist():
        return None
    mimetype = _read_part(archive, "mimetype").strip().decode("ascii", "replace")
    file_type = TYPES_BY_CONTENT_TYPE.get(mimetype)
    return file_type.key if file_type and file_type.key in ("odt", "ods", "odp") else None


def _ooxml_type(archive, names: set[str]) -> str | None:
    """An OOXML file's [Content_Types].xml gives its main part the content type of its kind."""
    if "[Content_Types].xml" not in names:
        return None
    # A regex over a bounded read: no XML parser, so no entity expansion tricks.
    for override in _OVERRIDE.finditer(_read_part(archive, "[Content_Types].xml")):
        attributes = {
            k.decode(): v.decode("utf-8", "replace")
            for k, v in _ATTRIBUTE.findall(override.group(1))
        }
        part = attributes.get("PartName", "").lstrip("/")
        for key, main_type in OOXML_MAIN_PARTS.items():
            if attributes.get("ContentType") == main_type and part in names:
                return key
    return None
