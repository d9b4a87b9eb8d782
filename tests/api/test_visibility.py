"""Hidden and withdrawn priorities: the list page, the API list and the CSV agree on them."""

import pytest

from civicapp.db import utcnow

API = "/api/v1"
STATES = {"hidden": dict(is_hidden=True), "withdrawn": dict(withdrawn_at=utcnow)}


@pytest.fixture
def place(make_municipality, make_consultation, make_priority):
    town = make_municipality("sofalia")
    consultation = make_consultation(town)
    shown = make_priority(town, consultation=consultation, title="Shown priority")
    return town, consultation, shown, make_priority


def _state(name):
    return {key: value() if callable(value) else value for key, value in STATES[name].items()}


def _everywhere(client, consultation, query=""):
    """The titles the list page, the API list and the CSV show, in that order."""
    page = client.get(f"/priorities/?{query}").get_data(as_text=True)
    api = client.get(f"{API}/priorities?{query}").get_json()["data"]
    csv = client.get(f"{API}/consultations/{consultation.id}/priorities.csv")
    return page, [row["title"] for row in api], csv.get_data(as_text=True)


@pytest.mark.parametrize("state", list(STATES))
def test_hidden_and_withdrawn_priorities_are_left_out_of_every_list(client, place, state):
    town, consultation, shown, make_priority = place
    left_out = make_priority(town, consultation=consultation, title="Left out", **_state(state))
    page, api, csv = _everywhere(client, consultation)
    assert "Shown priority" in page and "Shown priority" in api and "Shown priority" in csv
    assert "Left out" not in page and "Left out" not in api and "Left out" not in csv
    readable = client.get(f"/priorities/{left_out.id}").status_code
    assert readable == (200 if state == "withdrawn" else 404)


def test_withdrawn_priorities_are_listed_when_asked_for(client, place):
    town, consultation, shown, make_priority = place
    make_priority(town, consultation=consultation, title="Gone one", **_state("withdrawn"))
    make_priority(town, consultation=consultation, title="Kept out", **_state("hidden"))
    page, api, _csv = _everywhere(client, consultation, "withdrawn=1")
    assert "Gone one" in page and api == ["Gone one"]
    assert "Shown priority" not in page and "Kept out" not in page
    body = client.get(f"{API}/priorities?withdrawn=1").get_json()
    assert body["data"][0]["withdrawn"] is True and "withdrawn=1" in body["links"]["self"]
