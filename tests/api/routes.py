"""Authorization entries for the open data API: every endpoint is public and read-only."""

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
]
