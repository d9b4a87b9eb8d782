"""The OpenAPI document is valid and the API does what it says, checked by schemathesis."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from civicapp.api.openapi import document

# schemathesis.pytest.from_fixture() reads a node attribute pytest 9 no longer has, so each
# operation is driven through its own Hypothesis strategy instead.
PATHS = list(document([])["paths"])
# The portfolio's period must not end before it starts nor last over 30 years, which OpenAPI
# cannot say of two parameters: a pair of valid years may be refused with a 400 there
# (tests/api/test_portfolio.py checks those refusals).
PAIRED_PARAMETERS = {"/portfolio"}
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def api_schema(app, civil_society):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("path", PATHS)
def test_api_conforms_to_its_document(api_schema, path, mode):
    operation = api_schema[path]["GET"]

    excluded = [positive_data_acceptance] if path in PAIRED_PARAMETERS else []

    @EXAMPLES
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        case.call_and_validate(excluded_checks=excluded)

    check()


def test_the_document_is_valid_openapi(client, api_schema):
    api_schema.validate()
    response = client.get("/api/v1/openapi.json")
    assert response.mimetype == "application/json"
    assert response.get_json()["openapi"] == "3.0.3"


def test_a_broken_document_would_be_caught(client, dataset):
    broken = client.get("/api/v1/openapi.json").get_json()
    broken["paths"]["/priorities"]["get"]["parameters"][0]["in"] = "body"
    with pytest.raises(ValueError, match="is not valid under any of the schemas"):
        schemathesis.openapi.from_dict(broken).validate()


def test_every_endpoint_is_described(app, client, dataset):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    routes = {
        rule.rule.removeprefix("/api/v1")
        .replace("<int(max=2147483647):", "{")
        .replace("<", "{")
        .replace(">", "}")
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.") and rule.endpoint != "api.openapi_document"
    }
    assert routes == set(paths)


def enum(doc: dict, path: str, name: str) -> list:
    parameters = doc["paths"][path]["get"]["parameters"]
    return next(p["schema"]["enum"] for p in parameters if p["name"] == name)


def test_enums_come_from_the_models(client, dataset):
    from civicapp.consultations.models import Phase
    from civicapp.municipalities.models import Country
    from civicapp.priorities.models import Sector, Status

    doc = client.get("/api/v1/openapi.json").get_json()

    assert enum(doc, "/priorities", "sector") == [s.value for s in Sector]
    assert enum(doc, "/priorities", "status") == [s.value for s in Status]
    assert enum(doc, "/consultations", "phase") == [p.value for p in Phase]
    assert (
        enum(doc, "/municipalities", "country") == ["XK", "AL", "RS"] == [c.value for c in Country]
    )
    assert enum(doc, "/priorities", "municipality") == ["presevo", "pristina", "shkoder"]
    priority = doc["components"]["schemas"]["Priority"]
    assert priority["additionalProperties"] is False
    assert priority["properties"]["status"]["enum"] == [s.value for s in Status]
    assert priority["properties"]["place"]["nullable"] is True


def test_csv_download_is_described_as_text_csv(client, dataset):
    doc = client.get("/api/v1/openapi.json").get_json()
    ok = doc["paths"]["/consultations/{consultation_id}/priorities.csv"]["get"]["responses"]["200"]
    assert list(ok["content"]) == ["text/csv"]
    assert ok["headers"]["Content-Disposition"]["required"] is True


def test_civil_society_enums_come_from_the_models(client, civil_society):
    from civicapp.initiatives.models import Party
    from civicapp.organisations.models import Kind

    doc = client.get("/api/v1/openapi.json").get_json()

    assert enum(doc, "/organisations", "kind") == [k.value for k in Kind]
    assert enum(doc, "/initiatives", "status") == ["published", "ongoing", "completed", "cancelled"]
    assert enum(doc, "/portfolio", "municipality") == ["presevo", "pristina", "shkoder"]
    schemas = doc["components"]["schemas"]
    assert schemas["FundingLine"]["properties"]["party"]["enum"] == [p.value for p in Party]
    assert schemas["Organisation"]["properties"]["status"]["enum"] == ["verified", "suspended"]
    assert schemas["Initiative"]["additionalProperties"] is False
