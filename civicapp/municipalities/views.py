"""Public municipality list and pages."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from civicapp.authz import require
from civicapp.core.home import home_section
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.municipalities import bp
from civicapp.municipalities.forms import SettingsForm
from civicapp.municipalities.models import Country, Municipality
from civicapp.municipalities.policies import (
    can_change_municipality_settings,
    can_view_municipality_settings,
)
from civicapp.municipalities.services import (
    MunicipalitySettings,
    change_municipality_settings,
    count_by_country,
    get_municipality_by_slug,
    list_municipalities,
    staff_of,
)


@home_section("municipalities/_home.html")
def _home_counts() -> dict:
    return {"counts": count_by_country(), "Country": Country}


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
    staff = staff_of(municipality)
    return render_template("municipalities/show.html", municipality=municipality, staff=staff)


@bp.route("/<slug>/settings", methods=["GET", "POST"])
def settings(slug):
    """Show a municipality's deadline, threshold and languages; platform admins change them."""
    municipality = get_municipality_by_slug(slug[:64]) or abort(404)
    require(can_view_municipality_settings(current_user, municipality))
    if request.method == "POST":
        require(can_change_municipality_settings(current_user, municipality))
    form = SettingsForm(data=_settings_of(municipality))
    if form.validate_on_submit():
        from civicapp.core.forms import form_error

        try:
            change_municipality_settings(current_user, municipality, _settings_from(form))
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The settings are saved."), "success")
            return redirect(url_for(".settings", slug=municipality.slug))
    page = render_template("municipalities/settings.html", municipality=municipality, form=form)
    return page, 400 if form.errors else 200


def _settings_of(municipality: Municipality) -> dict:
    return {
        "response_days": municipality.response_days,
        "support_threshold": municipality.support_threshold,
        "official_languages": list(municipality.official_language_codes),
    }


def _settings_from(form: SettingsForm) -> MunicipalitySettings:
    return MunicipalitySettings(
        response_days=form.response_days.data,
        support_threshold=form.support_threshold.data,
        official_languages=list(form.official_languages.data),
    )


def get_municipality_or_404(municipality_id: int) -> Municipality:
    return db.get_or_404(Municipality, municipality_id)
