"""Authorization entries for serving files; `build` adds a public and a private upload."""

from tests.authz.matrix import ALLOW, DENY, LOGIN, Route


def build(world) -> None:
    """`w.public_upload` and `w.private_upload`, both PDFs the citizen uploaded."""
    from civicapp.extensions import db
    from civicapp.uploads import samples
    from civicapp.uploads.services import save_upload
    from tests.uploads.conftest import file_storage

    citizen = world.users["citizen"]
    for name, is_public in (("public_upload", True), ("private_upload", False)):
        pdf = file_storage(samples.pdf(), f"{name}.pdf")
        world.objects[name] = save_upload(citizen, pdf, is_public=is_public)
    db.session.commit()


def _file(upload) -> str:
    return f"/files/{upload.id}/{upload.original_name}"


ROUTES = [
    # Public files are open to all (tests/uploads/test_views.py); here the private one.
    Route(
        "uploads.download",
        "GET",
        lambda w: _file(w.private_upload),
        expect={"anonymous": LOGIN, "citizen": ALLOW, "admin": ALLOW},
        default=DENY,
    ),
]
