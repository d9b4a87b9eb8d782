"""Serving files with inert headers, and upload fields in a form as a visitor uses them."""

import re

import pytest
from flask import render_template_string
from sqlalchemy import func, select
from werkzeug.test import encode_multipart

from civicapp.accounts.models import Role
from civicapp.extensions import db
from civicapp.uploads import samples
from civicapp.uploads.models import Upload
from civicapp.uploads.services import stored_file
from tests.uploads.conftest import file_storage, stored_files

SAFE_DISPOSITION = re.compile(
    r"^(inline|attachment); "
    r'filename="[A-Za-z0-9 .()_-]+"; '
    r"filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+$"
)


def fetch(client, upload, name=None, **kwargs):
    """Get a file; the response is read and closed (a streamed file stays open until then)."""
    with client.get(f"/files/{upload.id}/{name or upload.original_name}", **kwargs) as response:
        response.get_data()
    return response


def test_a_public_image_is_shown_inline_with_inert_headers(client, save, make_user):
    data = samples.png(3, 2)
    upload = save(make_user(), data, "Logo.png", is_public=True)
    response = fetch(client, upload)
    assert response.status_code == 200 and response.get_data() == data
    assert response.mimetype == "image/png"
    assert response.headers["Content-Disposition"] == (
        "inline; filename=\"Logo.png\"; filename*=UTF-8''Logo.png"
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert "public" in response.headers["Cache-Control"]


@pytest.mark.parametrize("extension", ["pdf", "docx", "odt"])
def test_documents_and_pdfs_are_downloaded_never_shown(client, save, make_user, extension):
    upload = save(make_user(), samples.SAMPLES[extension](), f"plan.{extension}", is_public=True)
    response = fetch(client, upload)
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.mimetype == upload.content_type
    assert "sandbox" in response.headers["Content-Security-Policy"]


def test_private_files_are_not_cached_by_shared_caches(client, login, save, make_user):
    owner = make_user()
    upload = save(owner, samples.pdf(), "draft.pdf")
    login(owner)
    response = fetch(client, upload)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "name, ascii_name, utf8_name",
    [
        (
            "Raporti për buxhetin 2024.pdf",
            "Raporti per buxhetin 2024.pdf",
            "Raporti%20p%C3%ABr%20buxhetin%202024.pdf",
        ),
        ("Извештај.pdf", "file.pdf", "%D0%98%D0%B7%D0%B2%D0%B5%D1%88%D1%82%D0%B0%D1%98.pdf"),
        ('../../etc/a"b;c\r\nX-Evil: 1.pdf', "a_b_cX-Evil_ 1.pdf", "a_b%3BcX-Evil_%201.pdf"),
        ("report\u202efdp.pdf", "reportfdp.pdf", "reportfdp.pdf"),
    ],
)
def test_download_names_are_safe_in_both_forms(
    client, save, make_user, name, ascii_name, utf8_name
):
    upload = save(make_user(), samples.pdf(), name, is_public=True)
    header = fetch(client, upload).headers["Content-Disposition"]
    assert SAFE_DISPOSITION.match(header), header
    assert f'filename="{ascii_name}"' in header and f"filename*=UTF-8''{utf8_name}" in header


def test_the_name_in_the_address_does_not_matter(client, save, make_user):
    upload = save(make_user(), samples.pdf(), "a.pdf", is_public=True)
    assert fetch(client, upload, "../../etc/passwd").status_code == 200
    for missing in (upload.id + 1000, 2**31, 10**30, -1):
        assert client.get(f"/files/{missing}/a.pdf").status_code == 404


def test_access_follows_the_policy(client, login, save, make_user):
    owner, other, admin = make_user(), make_user(), make_user(role=Role.ADMIN)
    upload = save(owner, samples.pdf(), "draft.pdf")
    anonymous = fetch(client, upload)
    assert anonymous.status_code == 302 and "/auth/login" in anonymous.headers["Location"]
    login(other)
    assert fetch(client, upload).status_code == 403
    login(admin)
    assert fetch(client, upload).status_code == 200


def test_an_unchanged_file_is_not_sent_again(client, save, make_user):
    upload = save(make_user(), samples.pdf(), "a.pdf", is_public=True)
    etag = fetch(client, upload).headers["ETag"]
    again = fetch(client, upload, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""


def test_a_file_missing_on_disk_is_not_found(client, save, make_user):
    upload = save(make_user(), samples.pdf(), "a.pdf", is_public=True)
    stored_file(upload).unlink()
    assert fetch(client, upload).status_code == 404


def test_links_show_the_original_name_escaped(app, save, make_user):
    upload = save(make_user(), samples.pdf(), "Tom & Jerry's <b>plan.pdf", is_public=True)
    image = save(make_user(), samples.png(30, 20), "logo.png", is_public=True)
    template = (
        '{% from "uploads/_macros.html" import upload_link, upload_image %}'
        "{{ upload_link(upload) }}|{{ upload_image(image, 'Logo of <x>') }}"
    )
    with app.test_request_context():
        html = render_template_string(template, upload=upload, image=image)
    assert "Tom &amp; Jerry&#39;s _b_plan.pdf</a>" in html and "<b>" not in html
    assert f'href="/files/{upload.id}/Tom%20&amp;%20Jerry' in html and " download>" in html
    assert "(PDF, 1 kB)" in html
    assert 'alt="Logo of &lt;x&gt;" width="30" height="20"' in html


def test_the_form_shows_what_it_accepts(probe):
    page = probe.get("/probe").get_data(as_text=True)
    assert 'type="file"' in page and 'accept=".pdf,.docx,' in page
    assert 'accept=".png,.jpg,.jpeg,.gif,.webp"' in page
    assert "at most 0.004 MB." in page


def test_a_refused_file_keeps_the_form_and_says_why_on_its_field(app, probe):
    before = stored_files(app)
    response = probe.post(
        "/probe",
        data={
            "title": "Memorandum with Ohrid",
            "attachment": (_stream(b"<script>alert(1)</script>"), "memorandum.pdf"),
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="Memorandum with Ohrid"' in page
    assert re.search(r'id="attachment-error">This file is not a real PDF\.<', page)
    assert 'aria-describedby="attachment-hint attachment-error"' in page
    assert stored_files(app) == before
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Upload)) == 0


@pytest.mark.parametrize(
    "files, field, message",
    [
        (
            {"attachment": (samples.pdf() + b" " * 5000, "big.pdf")},
            "attachment",
            "The file is larger than 0.004 MB.",
        ),
        ({}, "attachment", "Choose a file to upload."),
        (
            {"attachment": (samples.pdf(), "a.pdf"), "picture": (samples.pdf(), "p.pdf")},
            "picture",
            "Only images are accepted here: PNG, JPEG, GIF or WebP.",
        ),
    ],
)
def test_each_field_says_what_is_wrong(probe, files, field, message):
    data = {"title": "Kept"} | {key: (_stream(raw), name) for key, (raw, name) in files.items()}
    page = probe.post("/probe", data=data).get_data(as_text=True)
    assert f'id="{field}-error">{message}<' in page and 'value="Kept"' in page


def test_a_good_file_is_saved(app, probe):
    response = probe.post(
        "/probe",
        data={
            "title": "Plan",
            "attachment": (_stream(samples.docx()), "plan.docx"),
            "picture": (_stream(samples.png()), ""),
        },
    )
    assert response.status_code == 200 and response.get_data(as_text=True).startswith("saved ")
    with probe.application.app_context():
        upload = db.session.get(Upload, int(response.get_data(as_text=True).split()[1]))
        assert upload.original_name == "plan.docx" and stored_file(upload).is_file()


@pytest.mark.parametrize("locale, title", [("en", "Too large"), ("sq", "Madhësi e tepërt")])
def test_a_request_over_16_mb_gets_the_translated_413_page(probe, locale, title):
    probe.set_cookie("civicapp_locale", locale, domain="civicapp.test")
    # Encoded here in memory: the test client would spool a body this large to an unclosed file.
    boundary, body = encode_multipart(
        {"title": "Huge", "attachment": file_storage(b"%PDF-" + bytes(16 * 1024 * 1024), "h.pdf")}
    )
    response = probe.post(
        "/probe", data=body, content_type=f"multipart/form-data; boundary={boundary}", csrf=False
    )
    assert response.status_code == 413
    assert f"<h1>{title}</h1>" in response.get_data(as_text=True)


def _stream(data: bytes):
    import io

    return io.BytesIO(data)
