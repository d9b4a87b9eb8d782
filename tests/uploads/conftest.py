"""Files as a browser sends them, a probe form to upload them, and stored uploads."""

import io
from pathlib import Path

import pytest
from flask import Blueprint, render_template_string
from flask_wtf import FlaskForm
from werkzeug.datastructures import FileStorage
from wtforms import StringField
from wtforms.validators import DataRequired

from civicapp.extensions import db
from civicapp.uploads.forms import UploadField
from tests.conftest import make_test_app


def file_storage(data: bytes, name: str, content_type: str = "application/octet-stream"):
    """A file as the form parser hands it over (the browser's content type is not trusted)."""
    return FileStorage(io.BytesIO(data), filename=name, content_type=content_type)


def stored_files(app) -> set[Path]:
    """Every file under the app's uploads folder."""
    root = Path(app.instance_path) / app.config["UPLOAD_FOLDER_NAME"]
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


@pytest.fixture
def save(english):
    """Store a file through the service and commit: save(user, data, name, **options)."""
    from civicapp.uploads.services import save_upload

    def _save(user, data: bytes, name: str, **options):
        upload = save_upload(user, file_storage(data, name), **options)
        db.session.commit()
        return upload

    return _save


class ProbeForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Give a title.")])
    attachment = UploadField("Attachment", required=True)
    picture = UploadField("Picture", kind="image")


PROBE_PAGE = """{% from "_macros/forms.html" import field %}
<form method="post" enctype="multipart/form-data">{{ form.csrf_token }}
{{ field(form.title) }}{{ field(form.attachment) }}{{ field(form.picture) }}</form>"""


def _probe_blueprint() -> Blueprint:
    """A page whose form has a text field and two upload fields, saved by the service."""
    from civicapp.uploads.services import save_upload

    probe = Blueprint("probe", __name__)

    @probe.route("/probe", methods=["GET", "POST"])
    def page():
        form = ProbeForm()
        if form.validate_on_submit():
            upload = save_upload(None, form.attachment.data)
            db.session.commit()
            return f"saved {upload.id}"
        return render_template_string(PROBE_PAGE, form=form), 400 if form.errors else 200

    return probe


@pytest.fixture
def probe(app, database_url, tmp_path):
    """A client of an app with the probe form and an upload limit of 4 kB."""
    probe_app = make_test_app(database_url, tmp_path, UPLOAD_MAX_BYTES=4096)
    probe_app.register_blueprint(_probe_blueprint())
    client = probe_app.test_client()
    client.set_cookie("civicapp_locale", "en", domain="civicapp.test")
    return client
