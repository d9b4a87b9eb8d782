"""Authorization entries for the donor registry; `build` adds `w.donor`: Sida, with a programme."""

from tests.authz.matrix import admin_only


def build(world) -> None:
    from civicapp.donors.models import Donor, Programme
    from civicapp.extensions import db

    donor = Donor(name="Sida", country="SE")
    db.session.add_all([donor, Programme(donor=donor, name="Local democracy")])
    db.session.commit()
    world.objects["donor"] = donor


ROUTES = [
    admin_only("donors.index", lambda w: "/initiatives/admin/donors"),
    admin_only(
        "donors.index",
        lambda w: "/initiatives/admin/donors",
        "POST",
        data=lambda w: {"name": "GIZ", "country": "DE"},
    ),
    admin_only("donors.edit", lambda w: f"/initiatives/admin/donors/{w.donor.id}"),
    admin_only(
        "donors.edit",
        lambda w: f"/initiatives/admin/donors/{w.donor.id}",
        "POST",
        data=lambda w: {"name": "Sida", "country": "SE"},
    ),
    admin_only(
        "donors.add_programme",
        lambda w: f"/initiatives/admin/donors/{w.donor.id}/programmes",
        "POST",
        data=lambda w: {"programme": "Gender equality"},
    ),
]
