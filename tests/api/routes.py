"""Authorization entries for the open data API: every endpoint is public and read-only.

The organisations, initiatives and donors are those of tests/organisations/routes.py and
tests/initiatives/routes.py (built before this package's entries run).
"""

from tests.authz.matrix import public


def _api(path: str) -> str:
    return f"/api/v1{path}"


ROUTES = [
    public("api.openapi_document", lambda w: _api("/openapi.json")),
    public("api.municipalities", lambda w: _api("/municipalities")),
    public("api.municipality", lambda w: _api(f"/municipalities/{w.municipality.slug}")),
    public("api.consultations", lambda w: _api("/consultations")),
    public("api.consultation", lambda w: _api(f"/consultations/{w.consultation.id}")),
    public(
        "api.consultation_csv",
        lambda w: _api(f"/consultations/{w.consultation.id}/priorities.csv"),
    ),
    public("api.priorities", lambda w: _api("/priorities")),
    public("api.priority", lambda w: _api(f"/priorities/{w.priority.id}")),
    public("api.answers", lambda w: _api(f"/priorities/{w.priority.id}/answers")),
    public("api.accountability_league", lambda w: _api("/accountability")),
    public(
        "api.accountability_municipality",
        lambda w: _api(f"/accountability/{w.municipality.slug}"),
    ),
    public("api.organisations", lambda w: _api("/organisations")),
    public("api.organisation", lambda w: _api(f"/organisations/{w.organisation.slug}")),
    public("api.initiatives", lambda w: _api("/initiatives")),
    public("api.initiative", lambda w: _api(f"/initiatives/{w.initiative.id}")),
    public("api.donors", lambda w: _api("/donors")),
    public("api.donor", lambda w: _api(f"/donors/{w.donor.id}")),
    public("api.portfolio", lambda w: _api("/portfolio")),
]
