"""The open data endpoints: public, read-only, JSON (and one CSV file).

Each view reads its query string into plain values, asks its resource, and answers.
"""

import re

from flask import Response, abort, request

from civicapp.api import bp, filters, openapi, paging, params, spreadsheet
from civicapp.api.resources import (
    accountability,
    consultations,
    donors,
    initiatives,
    municipalities,
    organisations,
    portfolio,
    priorities,
)
from civicapp.consultations.models import Phase
from civicapp.core.errors import render_error
from civicapp.db import utcnow
from civicapp.municipalities.models import Country
from civicapp.municipalities.services import get_municipality_by_slug
from civicapp.responses.accountability import SORTS as LEAGUE_SORTS
from civicapp.responses.queries import ratings, timeline

SLUG = re.compile(r"[a-z0-9-]{1,64}")
# Ids beyond a 32-bit integer match no row; refusing them early keeps every database calm.
CONSULTATION = "<int(max=2147483647):consultation_id>"
PRIORITY = "<int(max=2147483647):priority_id>"
INITIATIVE = "<int(max=2147483647):initiative_id>"
DONOR = "<int(max=2147483647):donor_id>"
ORDERS = ("asc", "desc")
# A rule's <converter(options):name> as OpenAPI writes it: {name}.
RULE_PART = re.compile(r"<(?:[^<>]*:)?(\w+)>")


@bp.before_request
def refuse_unknown_parameters():
    """Answer 400 to a parameter the OpenAPI document does not give for this address."""
    rule = request.url_rule.rule.removeprefix(bp.url_prefix) if request.url_rule else ""
    known = openapi.query_names().get(RULE_PART.sub(r"{\1}", rule))
    if known is not None:
        params.refuse_unknown(request.args, known)


@bp.after_app_request
def allow_any_origin(response):
    """Open data: any site may read it from a browser (no credentials are involved)."""
    if request.path.startswith(bp.url_prefix + "/"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.vary.add("Accept-Language")  # error messages are in the reader's language
    return response


@bp.errorhandler(params.BadParameter)
def bad_parameter(error: params.BadParameter):
    return render_error(400, error.message)


def _municipality_or_404(slug: str):
    if not SLUG.fullmatch(slug):
        abort(404)
    return get_municipality_by_slug(slug) or abort(404)


def _page(stmt) -> paging.Page:
    return paging.paginate(stmt, *params.page_args(request.args))


def _envelope(page: paging.Page, data: list) -> dict:
    return paging.envelope(page, data, request.args)


@bp.get("/openapi.json")
def openapi_document():
    """Describe the API in OpenAPI 3."""
    return openapi.document(municipalities.municipality_slugs())


@bp.get("/municipalities", endpoint="municipalities")
def municipalities_list():
    """List municipalities, optionally of one country."""
    country = params.enum_arg(request.args, "country", Country)
    page = _page(municipalities.municipalities(country))
    return _envelope(page, [municipalities.MUNICIPALITY.dump(m) for m in page.items])


@bp.get("/municipalities/<slug>")
def municipality(slug):
    """Show one municipality."""
    return {"data": municipalities.MUNICIPALITY.dump(_municipality_or_404(slug))}


@bp.get("/consultations", endpoint="consultations")
def consultations_list():
    """List consultations, newest first, optionally of one municipality or in one phase."""
    municipality = params.municipality_arg(request.args)
    phase = params.enum_arg(request.args, "phase", Phase)
    page = _page(consultations.consultations(municipality, phase))
    return _envelope(page, consultations.consultations_json(page.items))


@bp.get(f"/consultations/{CONSULTATION}")
def consultation(consultation_id):
    """Show one consultation with the priorities its plan adopted."""
    found = consultations.get_consultation(consultation_id) or abort(404)
    return {"data": consultations.consultations_json([found])[0]}


@bp.get(f"/consultations/{CONSULTATION}/priorities.csv")
def consultation_csv(consultation_id):
    """Download a consultation's priorities with their supports and statuses as CSV."""
    found = consultations.get_consultation(consultation_id) or abort(404)
    disposition = f'attachment; filename="{spreadsheet.filename(found)}"'
    return Response(
        spreadsheet.priorities_csv(found),
        mimetype="text/csv",
        headers={"Content-Disposition": disposition},
    )


@bp.get("/priorities", endpoint="priorities")
def priorities_list():
    """List public priorities with the filters and sorts of the HTML list."""
    page = _page(priorities.priorities(filters.priority_filters(request.args)))
    return _envelope(page, [priorities.PRIORITY.dump(p) for p in page.items])


@bp.get(f"/priorities/{PRIORITY}")
def priority(priority_id):
    """Show one public priority."""
    found = priorities.get_public_priority(priority_id) or abort(404)
    return {"data": priorities.PRIORITY.dump(found)}


@bp.get(f"/priorities/{PRIORITY}/answers")
def answers(priority_id):
    """List a priority's official answers, oldest first: its public timeline."""
    found = priorities.get_public_priority(priority_id) or abort(404)
    page = paging.paginate_list(timeline(found), *params.page_args(request.args))
    rated = ratings(found) if page.items else {}
    return _envelope(page, [priorities.answer_json(r, rated.get(r.id)) for r in page.items])


@bp.get("/accountability")
def accountability_league():
    """Compare every municipality's record of answering its citizens."""
    key = params.choice_arg(request.args, "sort", list(LEAGUE_SORTS))
    order = params.choice_arg(request.args, "order", ORDERS)
    rows = accountability.league(key, order)
    page = paging.paginate_list(rows, *params.page_args(request.args))
    return _envelope(page, [accountability.FIGURES.dump(f) for f in page.items])


@bp.get("/accountability/<slug>")
def accountability_municipality(slug):
    """Show one municipality's accountability figures and its overdue priorities."""
    place = _municipality_or_404(slug)
    return {"data": accountability.municipality_json(place, utcnow())}


@bp.get("/organisations", endpoint="organisations")
def organisations_list():
    """List the organisations of the public directory, by name."""
    page = _page(organisations.organisations(filters.organisation_filters(request.args)))
    return _envelope(page, organisations.organisations_json(page.items))


@bp.get("/organisations/<slug>")
def organisation(slug):
    """Show one organisation of the public directory."""
    found = organisations.get_public_organisation(slug) or abort(404)
    return {"data": organisations.organisations_json([found])[0]}


@bp.get("/initiatives", endpoint="initiatives")
def initiatives_list():
    """List public initiatives with the filters of the HTML list, newest start first."""
    slug = params.organisation_arg(request.args)
    lead = organisations.get_public_organisation(slug) if slug else None
    chosen = filters.initiative_filters(request.args, lead.id if lead else None)
    page = _page(initiatives.initiatives(chosen, organisation_unknown=bool(slug) and not lead))
    return _envelope(page, initiatives.initiatives_json(page.items))


@bp.get(f"/initiatives/{INITIATIVE}")
def initiative(initiative_id):
    """Show one public initiative."""
    found = initiatives.get_public_initiative(initiative_id) or abort(404)
    return {"data": initiatives.initiatives_json([found])[0]}


@bp.get("/donors", endpoint="donors")
def donors_list():
    """List the donors of the registry with their programmes, by name."""
    page = _page(donors.donors())
    return _envelope(page, donors.donors_json(page.items))


@bp.get(f"/donors/{DONOR}")
def donor(donor_id):
    """Show one donor with its programmes."""
    found = donors.get_donor(donor_id) or abort(404)
    return {"data": donors.donors_json([found])[0]}


@bp.get("/portfolio", endpoint="portfolio")
def portfolio_figures():
    """Show money and initiatives per municipality, sector and donor over a period."""
    chosen, selection = filters.portfolio_selection(request.args)
    return {"data": portfolio.portfolio_json(portfolio.figures(chosen), selection)}
