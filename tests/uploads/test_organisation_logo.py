"""An organisation's logo: uploaded with the profile, checked, shown, public once verified."""

import io

import pytest
from sqlalchemy import func, select

from civicapp.accounts.models import Role
from civicapp.extensions import db
from civicapp.organisations.models import Organisation
from civicapp.uploads import samples
from civicapp.uploads.models import Upload
from civicapp.uploads.services import stored_file


@pytest.fixture
def founder(client, login, make_user):
    user = make_user()
    login(user)
    return user


def profile(town, **fields) -> dict:
    values = {
        "name_en": "Green Gjilan",
        "kind": "informal_group",
        "registry": "",
        "municipality_ids": [town.id],
        "description": "We plant trees.",
    }
    return values | fields


def _file(data: bytes, name: str):
    return (io.BytesIO(data), name)


def _organisation() -> Organisation:
    db.session.expire_all()
    return db.session.scalars(select(Organisation)).one()


def _register(client, town, logo):
    return client.post("/organisations/new", data=profile(town, logo=_file(*logo)))


def test_a_logo_registered_with_the_profile_is_stored_as_an_image(
    client, founder, make_municipality
):
    town = make_municipality()
    response = _register(client, town, (samples.png(120, 60), "logo.png"))
    assert response.status_code == 302, response.get_data(as_text=True)
    logo = _organisation().logo
    assert (logo.width, logo.height, logo.uploaded_by_id) == (120, 60, founder.id)
    assert not logo.is_public  # a pending organisation is not public yet
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f'src="/files/{logo.id}/logo.png"' in page and 'width="120" height="60"' in page


@pytest.mark.parametrize(
    "logo, message",
    [
        ((b"<html><script>alert(1)</script></html>", "logo.png"), "This file is not a real PNG."),
        ((samples.pdf(), "logo.pdf"), "Only images are accepted here: PNG, JPEG, GIF or WebP."),
        ((b"<svg onload='alert(1)'/>", "logo.svg"), "Only images are accepted here"),
    ],
)
def test_a_refused_logo_keeps_the_profile_and_says_why(
    client, founder, make_municipality, logo, message
):
    response = _register(client, make_municipality(), logo)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="Green Gjilan"' in page and "We plant trees.</textarea>" in page
    assert 'id="logo-error">' + message in page
    assert db.session.scalar(select(func.count()).select_from(Organisation)) == 0
    assert db.session.scalar(select(func.count()).select_from(Upload)) == 0


def test_the_logo_becomes_public_when_the_organisation_is_verified(
    app, client, founder, make_user, make_municipality
):
    from civicapp.organisations.services import verify_organisation

    _register(client, make_municipality(), (samples.gif(40, 40), "logo.gif"))
    organisation = _organisation()
    with app.test_request_context():
        verify_organisation(make_user(role=Role.ADMIN), organisation, "Checked the register.")
    client.get("/auth/logout")
    with client.session_transaction() as session:
        session.clear()
    logo = _organisation().logo
    assert logo.is_public
    with client.get(f"/files/{logo.id}/logo.gif") as response:
        assert response.status_code == 200 and response.mimetype == "image/gif"


def test_editing_replaces_or_removes_the_logo_and_its_file(client, founder, make_municipality):
    town = make_municipality()
    _register(client, town, (samples.png(), "first.png"))
    organisation = _organisation()
    first = stored_file(organisation.logo)
    url = f"/organisations/{organisation.slug}/edit"
    edit_page = client.get(url).get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in edit_page and "Remove the current logo" in edit_page
    response = client.post(url, data=profile(town, logo=_file(samples.jpeg(), "second.jpg")))
    assert response.status_code == 302
    second = _organisation().logo
    assert second.original_name == "second.jpg" and not first.exists()
    second_path = stored_file(second)
    assert second_path.exists()
    client.post(url, data=profile(town, remove_logo="y"))
    assert _organisation().logo is None and not second_path.exists()
    assert db.session.scalar(select(func.count()).select_from(Upload)) == 0
