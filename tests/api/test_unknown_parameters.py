"""A parameter the API does not know is a 400 that names it, as the OpenAPI document says."""

import pytest

from tests.api.test_errors import error_of

API = "/api/v1"
LISTS = [
    "/municipalities",
    "/consultations",
    "/priorities",
    "/priorities/{priority}/answers",
    "/accountability",
    "/organisations",
    "/initiatives",
    "/donors",
]
OBJECTS = [
    "/municipalities/pristina",
    "/consultations/{consultation}",
    "/consultations/{consultation}/priorities.csv",
    "/priorities/{priority}",
    "/accountability/pristina",
    "/portfolio",
]


def _address(path: str, dataset) -> str:
    return API + path.format(
        priority=dataset.priorities["river"].id, consultation=dataset.consultations["plan"].id
    )


@pytest.mark.parametrize("path", LISTS + OBJECTS)
def test_a_misspelt_parameter_is_refused_and_named(client, dataset, path):
    error = error_of(client.get(_address(path, dataset) + "?municipalty=pristina"), 400)
    assert error["title"] == "Bad request"
    assert "The parameter municipalty is not known here" in error["detail"]


def test_the_documented_example_no_longer_answers_everything(client, dataset):
    error = error_of(client.get(f"{API}/priorities?municipalty=pristina&sort=newest"), 400)
    assert "municipalty" in error["detail"] and "municipality" in error["detail"]
    assert client.get(f"{API}/priorities?municipality=pristina&sort=newest").status_code == 200


def test_every_unknown_parameter_is_named_at_once(client, dataset):
    error = error_of(client.get(f"{API}/donors?colour=red&page=1&size=3&colour=blue"), 400)
    assert "The parameters colour, size are not known here" in error["detail"]


@pytest.mark.parametrize("path", LISTS)
def test_the_paging_parameters_stay_accepted(client, dataset, path):
    response = client.get(_address(path, dataset) + "?page=1&per_page=5")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["meta"]["per_page"] == 5


def test_the_refusal_is_in_the_readers_language(app, dataset):
    response = app.test_client().get(
        f"{API}/priorities?municipalty=x", headers={"Accept-Language": "sq"}
    )
    detail = error_of(response, 400)["detail"]
    assert detail.startswith("Parametri municipalty nuk njihet këtu")


def test_the_sites_own_links_to_the_api_are_accepted(client, dataset):
    plan = dataset.consultations["plan"]
    page = client.get(f"/consultations/{plan.id}").get_data(as_text=True)
    csv_link = f"/api/v1/consultations/{plan.id}/priorities.csv"
    assert f'href="{csv_link}"' in page and client.get(csv_link).status_code == 200
    body = client.get(f"{API}/consultations/{plan.id}").get_json()["data"]
    for key in ("url", "priorities_url", "priorities_csv_url"):
        assert client.get(body[key].removeprefix("http://civicapp.test")).status_code == 200
