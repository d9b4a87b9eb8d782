"""Storing and deleting uploads: random names inside the uploads folder, in step with commits."""

import hashlib
import os
import stat

import pytest
from sqlalchemy import func, select

from civicapp.extensions import db
from civicapp.uploads import samples
from civicapp.uploads.models import Upload, UploadKind
from civicapp.uploads.services import clean_name, delete_upload, save_upload, upload_url
from civicapp.uploads.storage import stored_path, uploads_root
from tests.uploads.conftest import file_storage, stored_files


def test_saved_file_gets_a_random_name_in_a_shard_with_its_real_type(app, save, make_user):
    user = make_user()
    data = samples.pdf("Annual report")
    upload = save(user, data, "Annual report 2024.pdf")
    path = stored_path(upload.stored_name)
    assert path.read_bytes() == data
    assert path.parent == uploads_root() / upload.stored_name[:2]
    assert upload.stored_name.endswith(".pdf") and "Annual" not in upload.stored_name
    assert len(upload.stored_name) == len("x" * 32 + ".pdf")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert not [p for p in stored_files(app) if p.name.startswith(".part-")]
    assert (upload.original_name, upload.content_type, upload.size) == (
        "Annual report 2024.pdf",
        "application/pdf",
        len(data),
    )
    assert upload.sha256 == hashlib.sha256(data).hexdigest()
    assert (upload.kind, upload.uploaded_by_id, upload.is_public) == (
        UploadKind.DOCUMENT,
        user.id,
        False,
    )


def test_the_stored_extension_comes_from_the_content(save, make_user):
    upload = save(make_user(), samples.jpeg(12, 10), "Photo.JPEG", is_public=True)
    assert upload.stored_name.endswith(".jpg")
    assert (upload.kind, upload.width, upload.height, upload.is_public) == (
        UploadKind.IMAGE,
        12,
        10,
        True,
    )


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("../../etc/evil.pdf", "evil.pdf"),
        ("C:\\x\\evil.pdf", "evil.pdf"),
        ("/var/www/../../evil.pdf", "evil.pdf"),
        ("evil\x00\x07.pdf", "evil.pdf"),
        ("photo\u202egpj.pdf", "photogpj.pdf"),
        ("zero\u200bwidth\u2066.pdf", "zerowidth.pdf"),
        ('<script>"x"|y?.pdf', "_script__x__y_.pdf"),
        ("  ..hidden .pdf  ", "hidden .pdf"),
        ("..", "file"),
    ],
)
def test_names_lose_paths_and_tricky_characters(raw, shown):
    assert clean_name(raw) == shown


def test_a_very_long_name_is_cut_but_keeps_its_extension():
    name = clean_name("ä" * 1000 + ".pdf")
    assert len(name) == 255 and name.endswith("ääää.pdf")


@pytest.mark.parametrize(
    "name", ["../../etc/passwd.pdf", "..\\..\\windows\\evil.pdf", "a/" * 300 + "x.pdf"]
)
def test_path_tricks_never_reach_the_stored_path(app, save, make_user, name):
    upload = save(make_user(), samples.pdf(), name)
    path = stored_path(upload.stored_name).resolve()
    assert path.is_relative_to(uploads_root().resolve()) and path.is_file()
    assert "/" not in upload.original_name and "\\" not in upload.original_name


def test_a_rolled_back_upload_leaves_no_file(app, english, make_user):
    before = stored_files(app)
    save_upload(make_user(), file_storage(samples.png(), "x.png"))
    assert len(stored_files(app) - before) == 1
    db.session.rollback()
    assert stored_files(app) == before
    assert db.session.scalar(select(func.count()).select_from(Upload)) == 0


def test_a_deleted_upload_loses_its_file_only_when_the_deletion_commits(save, make_user):
    upload = save(make_user(), samples.docx(), "plan.docx")
    path = stored_path(upload.stored_name)
    delete_upload(upload)
    db.session.rollback()
    assert path.exists() and db.session.get(Upload, upload.id) is not None
    delete_upload(db.session.get(Upload, upload.id))
    assert path.exists()
    db.session.commit()
    assert not path.exists() and db.session.get(Upload, upload.id) is None


def test_refused_files_store_nothing(app, english, make_user):
    before = stored_files(app)
    with pytest.raises(Exception, match="not a real PDF"):
        save_upload(make_user(), file_storage(b"<script>alert(1)</script>", "x.pdf"))
    assert stored_files(app) == before


def test_stored_names_must_be_ours(app_ctx):
    for name in ("../secret_key", "ab/../../x.pdf", "x.pdf"):
        with pytest.raises(ValueError):
            stored_path(name)


def test_the_url_names_the_file_but_the_id_decides(app, save, make_user):
    upload = save(make_user(), samples.pdf(), "Raporti për buxhetin.pdf")
    with app.test_request_context():
        assert upload_url(upload) == f"/files/{upload.id}/Raporti%20p%C3%ABr%20buxhetin.pdf"
