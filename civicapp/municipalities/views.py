"""Public municipality list and pages."""

from flask import abort, render_template, request
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from civicapp.accounts.models import User
from civicapp.extensions import db
from civicapp.municipalities import bp
from civicapp.municipalities.models import Country, Municipality, StaffAssignment
from civicapp.municipalities.services import get_municipality_by_slug, list_municipalities


@bp.get("/")
def index():
    """List the municipalities, filtered by country or name."""
    query = request.args.get("q", "", type=str)[:100]
    country_code = request.args.get("country", "", type=str)
    country = Country(country_code) if country_code in {c.value for c in Country} else None
    municipalities = list_municipalities(query, country)
    return render_template(
        "municipalities/index.html",
        municipalities=municipalities,
        query=query,
        country=country,
        Country=Country,
    )


@bp.get("/<slug>")
def show(slug):
    """Show one municipality with its staff."""
    municipality = get_municipality_by_slug(slug[:64]) or abort(404)
    staff = db.session.scalars(
        select(User)
        .join(StaffAssignment, StaffAssignment.user_id == User.id)
        .where(StaffAssignment.municipality_id == municipality.id, User.is_disabled.is_(False))
        .options(selectinload(User.staff_assignments))
        .order_by(User.display_name)
    ).all()
    return render_template("municipalities/show.html", municipality=municipality, staff=staff)


def get_municipality_or_404(municipality_id: int) -> Municipality:
    return db.get_or_404(Municipality, municipality_id)
