"""The open data endpoints: public, read-only, JSON (and one CSV file)."""

import re

from flask import Response, abort, request

from civicapp.api import (
    bp,
    openapi,
    params,
    queries,
    queries_cso,
    serializers,
    serializers_cso,
    spreadsheet,
)
from civicapp.consultations.models import Phase
from civicapp.consultations.services import list_consultations, priority_counts
from civicapp.core.errors import render_error
from civicapp.db import utcnow
from civicapp.municipalities.models import Country
from civicapp.municipalities.services import get_municipality_by_slug
from civicapp.responses import accountability
from civicapp.responses.queries import ratings, timeline

SLUG = re.compile(r"[a-z0-9-]{1,64}")
# Ids beyond a 32-bit integer match no row; refusing them early keeps every database calm.
CONSULTATION = "<int(max=2147483647):consultation_id>"
PRIORITY = "<int(max=2147483647):priority_id>"
INITIATIVE = "<int(max=2147483647):initiative_id>"
DONOR = "<int(max=2147483647):donor_id>"
ORDERS = ("asc", "desc")


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


@bp.get("/openapi.json")
def openapi_document():
    """Describe the API in OpenAPI 3."""
    return openapi.document(queries.municipality_slugs())


@bp.get("/municipalities")
def municipalities():
    """List municipalities, optionally of one country."""
    country = params.enum_arg("country", Country)
    page = params.paginate(queries.municipalities(country))
    return params.envelope(page, [serializers.municipality_json(m) for m in page.items])


@bp.get("/municipalities/<slug>")
def municipality(slug):
    """Show one municipality."""
    return {"data": serializers.municipality_json(_municipality_or_404(slug))}


@bp.get("/consultations")
def consultations():
    """List consultations, newest first, optionally of one municipality or in one phase."""
    municipality = params.municipality_arg()
    phase = params.enum_arg("phase", Phase)
    page = params.paginate(list_consultations(municipality, phase))
    return params.envelope(page, _consultations_json(page.items))


def _consultations_json(items) -> list[dict]:
    ids = [consultation.id for consultation in items]
    adopted, counts = queries.adopted_priority_ids(ids), priority_counts(ids)
    return [serializers.consultation_json(c, adopted[c.id], counts.get(c.id, 0)) for c in items]


@bp.get(f"/consultations/{CONSULTATION}")
def consultation(consultation_id):
    """Show one consultation with the priorities its plan adopted."""
    found = queries.get_consultation(consultation_id) or abort(404)
    return {"data": _consultations_json([found])[0]}


@bp.get(f"/consultations/{CONSULTATION}/priorities.csv")
def consultation_csv(consultation_id):
    """Download a consultation's priorities with their supports and statuses as CSV."""
    found = queries.get_consultation(consultation_id) or abort(404)
    disposition = f'attachment; filename="{spreadsheet.filename(found)}"'
    return Response(
        spreadsheet.priorities_csv(found),
        mimetype="text/csv",
        headers={"Content-Disposition": disposition},
    )


@bp.get("/priorities")
def priorities():
    """List public priorities with the filters and sorts of the HTML list."""
    filters = queries.priority_filters(request.args)
    page = params.paginate(queries.priorities(filters))
    return params.envelope(page, [serializers.priority_json(p) for p in page.items])


@bp.get(f"/priorities/{PRIORITY}")
def priority(priority_id):
    """Show one public priority."""
    found = queries.get_public_priority(priority_id) or abort(404)
    return {"data": serializers.priority_json(found)}


@bp.get(f"/priorities/{PRIORITY}/answers")
def answers(priority_id):
    """List a priority's official answers, oldest first: its public timeline."""
    found = queries.get_public_priority(priority_id) or abort(404)
    page = params.paginate_list(timeline(found))
    rated = ratings(found) if page.items else {}
    return params.envelope(page, [serializers.answer_json(r, rated.get(r.id)) for r in page.items])


@bp.get("/accountability")
def accountability_league():
    """Compare every municipality's record of answering its citizens."""
    key = params.choice_arg("sort", list(accountability.SORTS))
    order = params.choice_arg("order", ORDERS)
    figures = accountability.league_figures()
    if key is None:
        figures.sort(key=lambda f: f.municipality.slug, reverse=order == "desc")
    else:
        descending = order == "desc" if order else accountability.default_descending(key)
        figures = accountability.sort_figures(figures, key, descending)
    page = params.paginate_list(figures)
    return params.envelope(page, [serializers.figures_json(f) for f in page.items])


@bp.get("/accountability/<slug>")
def accountability_municipality(slug):
    """Show one municipality's accountability figures and its overdue priorities."""
    place = _municipality_or_404(slug)
    now = utcnow()
    data = serializers.figures_json(accountability.municipality_figures(place, now))
    overdue = accountability.overdue_priorities(place, now)
    data["overdue_priorities"] = [serializers.overdue_json(p) for p in overdue]
    return {"data": data}


@bp.get("/organisations")
def organisations():
    """List the organisations of the public directory, by name."""
    page = params.paginate(queries_cso.organisations())
    return params.envelope(page, _organisations_json(page.items))


def _organisations_json(items) -> list[dict]:
    counts = queries_cso.organisation_initiative_counts([o.id for o in items])
    return [serializers_cso.organisation_json(o, counts[o.id]) for o in items]


@bp.get("/organisations/<slug>")
def organisation(slug):
    """Show one organisation of the public directory."""
    found = params.ORGANISATION_SLUG.fullmatch(slug) and queries_cso.get_public_organisation(slug)
    return {"data": _organisations_json([found or abort(404)])[0]}


@bp.get("/initiatives")
def initiatives():
    """List public initiatives with the filters of the HTML list, newest start first."""
    page = params.paginate(queries_cso.initiatives())
    return params.envelope(page, _initiatives_json(page.items))


def _initiatives_json(items) -> list[dict]:
    around = queries_cso.gathered([i.id for i in items])
    return [serializers_cso.initiative_json(i, around[i.id]) for i in items]


@bp.get(f"/initiatives/{INITIATIVE}")
def initiative(initiative_id):
    """Show one public initiative."""
    found = queries_cso.get_public_initiative(initiative_id) or abort(404)
    return {"data": _initiatives_json([found])[0]}


@bp.get("/donors")
def donors():
    """List the donors of the registry with their programmes, by name."""
    page = params.paginate(queries_cso.donors())
    return params.envelope(page, _donors_json(page.items))


def _donors_json(items) -> list[dict]:
    counts = queries_cso.donor_initiative_counts([d.id for d in items])
    return [serializers_cso.donor_json(d, counts[d.id]) for d in items]


@bp.get(f"/donors/{DONOR}")
def donor(donor_id):
    """Show one donor with its programmes."""
    found = queries_cso.get_donor(donor_id) or abort(404)
    return {"data": _donors_json([found])[0]}


@bp.get("/portfolio")
def portfolio():
    """Show money and initiatives per municipality, sector and donor over a period."""
    figures, selection = queries_cso.portfolio_figures()
    return {"data": serializers_cso.portfolio_json(figures, selection)}
