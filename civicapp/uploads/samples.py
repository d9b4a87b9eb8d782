"""Tiny files of each accepted type, made from scratch: for demo data and tests.

PDF, PNG, JPEG (grey), GIF, WebP, DOCX and ODT are complete files that viewers open; the
XLSX, PPTX, ODS and ODP samples have only the parts that identify their type.
"""

import base64
import io
import struct
import zipfile
import zlib

from civicapp.uploads.detect import OOXML_MAIN_PARTS, TYPES


def pdf(text: str = "civicapp") -> bytes:
    """A one-page PDF showing a line of text (Latin-1; other characters become ?)."""
    line = text.encode("latin-1", "replace")
    line = line.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    content = b"BT /F1 18 Tf 72 760 Td (" + line + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int = 4, height: int = 3, rgb: tuple = (0, 94, 184)) -> bytes:
    """A PNG of one colour."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = (b"\x00" + bytes(rgb) * width) * height
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(rows)),
            _png_chunk(b"IEND", b""),
        ]
    )


def _jpeg_segment(marker: int, data: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(data) + 2) + data


def _jpeg_scan(blocks: int, level: int) -> tuple[bytes, bytes]:
    """The DC Huffman table and the scan of a grey image: one DC value, then no change."""
    dc = 8 * (level - 128)  # the DC coefficient of a flat block, with a quantiser of 1
    category = abs(dc).bit_length()
    extra = format(dc if dc >= 0 else dc + (1 << category) - 1, f"0{category}b") if category else ""
    if category:
        table, first, rest = bytes([0, 2] + [0] * 14 + [0, category]), "01" + extra, "00"
    else:
        table, first, rest = bytes([1] + [0] * 15 + [0]), "0", "0"
    bits = first + "0" + (rest + "0") * (blocks - 1)  # each block: DC, then end-of-block
    bits += "1" * (-len(bits) % 8)
    data = int(bits, 2).to_bytes(len(bits) // 8, "big")
    return table, data.replace(b"\xff", b"\xff\x00")


def jpeg(width: int = 8, height: int = 8, level: int = 160) -> bytes:
    """A baseline greyscale JPEG of one grey level."""
    blocks = -(-width // 8) * -(-height // 8)
    dc_table, scan = _jpeg_scan(blocks, level)
    return b"".join(
        [
            b"\xff\xd8",
            _jpeg_segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
            _jpeg_segment(0xDB, b"\x00" + b"\x01" * 64),
            _jpeg_segment(0xC0, struct.pack(">BHHBBBB", 8, height, width, 1, 1, 0x11, 0)),
            _jpeg_segment(0xC4, b"\x00" + dc_table),
            _jpeg_segment(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00"),
            _jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00"),
            scan,
            b"\xff\xd9",
        ]
    )


def gif(width: int = 3, height: int = 2) -> bytes:
    """A GIF of one colour, its pixels written as plain 3-bit codes (a clear code every two)."""
    codes = []
    for index in range(width * height):
        if index % 2 == 0:
            codes.append(4)  # clear: the code size stays at 3 bits
        codes.append(0)
    codes.append(5)  # end of information
    value = sum(code << (3 * position) for position, code in enumerate(codes))
    data = value.to_bytes(-(-3 * len(codes) // 8), "little")
    blocks = b"".join(
        bytes([len(data[i : i + 255])]) + data[i : i + 255] for i in range(0, len(data), 255)
    )
    return b"".join(
        [
            b"GIF89a" + struct.pack("<HHBBB", width, height, 0x81, 0, 0),
            bytes([0, 94, 184, 255, 255, 255, 0, 0, 0, 255, 255, 255]),
            b"," + struct.pack("<HHHHB", 0, 0, width, height, 0),
            b"\x02" + blocks + b"\x00;",
        ]
    )


def webp() -> bytes:
    """A lossless 1×1 WebP."""
    return base64.b64decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            stored = name == "mimetype"  # OpenDocument wants it first and uncompressed
            archive.writestr(name, data, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


_MAIN_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
_DOCX_BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
)


def ooxml(key: str = "docx", text: str = "civicapp") -> bytes:
    """An OOXML file (docx, xlsx or pptx); the DOCX opens in word processors."""
    from xml.sax.saxutils import escape

    part = _MAIN_PARTS[key]
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{OOXML_MAIN_PARTS[key]}"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/officeDocument" Target="{part}"/></Relationships>'
    )
    body = _DOCX_BODY.format(text=escape(text)) if key == "docx" else "<root/>"
    return _zip(
        [
            ("[Content_Types].xml", types.encode()),
            ("_rels/.rels", rels.encode()),
            (part, body.encode()),
        ]
    )


def docx(text: str = "civicapp") -> bytes:
    return ooxml("docx", text)


def opendocument(key: str = "odt", text: str = "civicapp") -> bytes:
    """An OpenDocument file (odt, ods or odp); the ODT opens in word processors."""
    from xml.sax.saxutils import escape

    mimetype = TYPES[key].content_type
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    content = (
        f'<office:document-content xmlns:office="{office}" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text><text:p>{escape(text)}</text:p></office:text>"
        "</office:body></office:document-content>"
    )
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return _zip(
        [
            ("mimetype", mimetype.encode()),
            ("META-INF/manifest.xml", manifest.encode()),
            ("content.xml", content.encode()),
        ]
    )


def odt(text: str = "civicapp") -> bytes:
    return opendocument("odt", text)


SAMPLES = {  # a sample of every accepted type, by the extension files of that type carry
    "pdf": pdf,
    "png": png,
    "jpg": jpeg,
    "gif": gif,
    "webp": webp,
    "docx": docx,
    "xlsx": lambda: ooxml("xlsx"),
    "pptx": lambda: ooxml("pptx"),
    "odt": odt,
    "ods": lambda: opendocument("ods"),
    "odp": lambda: opendocument("odp"),
}
