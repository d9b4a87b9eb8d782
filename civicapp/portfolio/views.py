"""The portfolio page and its CSV download, both public."""

from flask import Response, render_template, request
from markupsafe import Markup

from civicapp.cache import cached_fragment
from civicapp.core.errors import render_error
from civicapp.core.forms import form_error
from civicapp.municipalities.models import Country
from civicapp.municipalities.services import list_municipalities
from civicapp.portfolio import bp, charts, export, services
from civicapp.portfolio.forms import PortfolioForm
from civicapp.portfolio.services import PeriodError, PortfolioFilters
from civicapp.sectors import Sector

bp.add_app_template_filter(charts.whole_euros, "whole_euros")


@bp.get("/")
def index():
    """Show money and initiatives per municipality, sector and donor over a period."""
    if not request.args:
        # The landing page is the same for every reader in a language: computed once a content
        # generation. Filtered pages are not kept, so nobody can fill memory.
        key = ("portfolio", services.default_period())
        content = cached_fragment(key, lambda: _content()[0])
        return render_template("portfolio/index.html", content=content)
    content, figures = _content()
    page = render_template("portfolio/index.html", content=Markup(content))
    return page, 200 if figures else 400


def _content() -> tuple[str, services.Portfolio | None]:
    """The page below the header for the query string, and its figures (None: refused)."""
    form, filters = _read_filters()
    figures = None
    if filters is not None:
        try:
            figures = services.portfolio(filters)
        except PeriodError as error:
            form_error(form, error)
    content = render_template(
        "portfolio/_content.html",
        form=form,
        figures=figures,
        charts=charts.portfolio_charts(figures) if figures else None,
        query=_query(form),
    )
    return content, figures


@bp.get("/portfolio.csv")
def download():
    """Download the portfolio with the same filters as a CSV file."""
    form, filters = _read_filters()
    if filters is None:
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        return render_error(400, " ".join(map(str, errors)))
    try:
        figures = services.portfolio(filters)
    except PeriodError as error:
        return render_error(400, error.message)
    disposition = f'attachment; filename="{export.filename(filters)}"'
    return Response(
        export.portfolio_csv(figures),
        mimetype="text/csv",
        headers={"Content-Disposition": disposition},
    )


def _read_filters() -> tuple[PortfolioForm, PortfolioFilters | None]:
    """The filter form read from the query string, and its filters when it is valid."""
    municipalities = list_municipalities()
    form = PortfolioForm(municipalities, services.list_donor_names(), formdata=request.args)
    if not form.validate():
        return form, None
    by_slug = {m.slug: m.id for m in municipalities}
    return form, PortfolioFilters(
        start_year=form.start_year.data,
        end_year=form.end_year.data,
        municipality_id=by_slug.get(form.municipality.data),
        sector=Sector(form.sector.data) if form.sector.data else None,
        donor_id=int(form.donor.data) if form.donor.data else None,
        country=Country(form.country.data) if form.country.data else None,
    )


def _query(form: PortfolioForm) -> dict:
    """The filters as query arguments, for links to the same selection."""
    return {field.name: field.data for field in form if field.data not in (None, "")}
