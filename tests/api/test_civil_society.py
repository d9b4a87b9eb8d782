"""Organisations, initiatives and donors in the API: what the public sees, filters, links."""

import io
import re

import pytest

from civicapp.extensions import db
from tests.api.test_endpoints import API, get_json, resolves


def slugs(body) -> list[str]:
    return [row["slug"] for row in body["data"]]


def titles(body) -> list[str]:
    return [row["title"] for row in body["data"]]


def test_organisations_are_the_public_directory(client, civil_society):
    body = get_json(client, f"{API}/organisations")
    # By name; the one awaiting verification is left out, the suspended one is marked.
    assert slugs(body) == ["paused", "lumi-ngo", "shkoder-youth"]
    assert body["meta"] == {"page": 1, "per_page": 20, "total": 3, "pages": 1}
    paused, ngo, youth = body["data"]
    assert (paused["status"], ngo["status"]) == ("suspended", "verified")
    assert ngo["names"] == {"sq": "Shoqata Lumi", "sr": "Udruženje Reka", "en": "River Association"}
    assert ngo["kind"] == "registered_cso"
    assert ngo["registration"] == {"registry": "xk_ngo", "number": "5112345-1"}
    assert (ngo["municipalities"], ngo["sectors"]) == (["pristina"], ["education", "environment"])
    assert ngo["website"] == "https://lumi.example.org" and ngo["logo_url"] is None
    assert ngo["verified_at"].endswith("Z")
    # The draft is not counted; the suspended organisation's published initiative is.
    counts = [row["public_initiative_count"] for row in body["data"]]
    assert counts == [1, 2, 0]
    assert ngo["html_url"] == "http://civicapp.test/organisations/lumi-ngo"
    for key in ("html_url", "url", "initiatives_url"):
        assert resolves(client, ngo[key])


def test_one_organisation(client, civil_society):
    data = get_json(client, f"{API}/organisations/paused")["data"]
    assert data["status"] == "suspended" and data["names"]["en"] == "Paused Group"
    assert resolves(client, data["html_url"])


@pytest.mark.parametrize(
    ("slug", "status"), [("newcomers", 404), ("nobody", 404), ("Lumi-NGO", 404)]
)
def test_organisations_the_directory_does_not_show_are_404(client, civil_society, slug, status):
    body = get_json(client, f"{API}/organisations/{slug}", status=status)
    assert body["error"]["status"] == status


def test_pending_organisation_stays_hidden_from_its_own_member(client, login, civil_society):
    login(civil_society.member)
    assert "newcomers" not in slugs(get_json(client, f"{API}/organisations"))
    get_json(client, f"{API}/organisations/newcomers", status=404)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("municipality=pristina", ["lumi-ngo"]),
        ("municipality=presevo", []),
        ("sector=education", ["lumi-ngo"]),
        ("kind=registered_cso", ["lumi-ngo"]),
        ("kind=informal_group", ["paused", "shkoder-youth"]),
        ("verified=true", ["lumi-ngo", "shkoder-youth"]),
        ("verified=false", ["paused"]),
        ("q=udruzenje", ["lumi-ngo"]),  # diacritics ignored
        ("q=shkodres+rinjte", ["shkoder-youth"]),  # every word
        ("q=newcomers", []),
        ("q=a", []),  # no word long enough to search for
    ],
)
def test_organisations_filtered(client, civil_society, query, expected):
    assert slugs(get_json(client, f"{API}/organisations?{query}")) == expected


def test_a_public_logo_has_its_address(client, civil_society):
    from werkzeug.datastructures import FileStorage

    from civicapp.uploads import samples
    from civicapp.uploads.models import UploadKind
    from civicapp.uploads.services import save_upload

    ngo = civil_society.organisations["ngo"]
    image = FileStorage(io.BytesIO(samples.png()), filename="lumi.png")
    ngo.logo = save_upload(civil_society.member, image, UploadKind.IMAGE, is_public=True)
    db.session.commit()
    logo_url = get_json(client, f"{API}/organisations/lumi-ngo")["data"]["logo_url"]
    assert logo_url.startswith("http://civicapp.test/files/")
    response = client.get(logo_url.removeprefix("http://civicapp.test"))
    response.close()  # a streamed file stays open until closed
    assert (response.status_code, response.mimetype) == (200, "image/png")


def test_initiatives_are_the_public_ones_newest_start_first(client, civil_society):
    body = get_json(client, f"{API}/initiatives")
    # Not the draft, nor the initiative of the organisation awaiting verification.
    assert titles(body) == ["Paused plan", "Lumi i pastër", "School gardens"]
    assert body["meta"]["total"] == 3


def test_initiative_fields(client, civil_society, dataset):
    river = civil_society.initiatives["river"]
    data = get_json(client, f"{API}/initiatives/{river.id}")["data"]
    assert (data["id"], data["language"], data["status"]) == (river.id, "sq", "ongoing")
    assert data["summary"] == "Pastrojmë brigjet e lumit me shkollat."
    assert data["description"] == "Me **shkollat** e lagjes." and data["objectives"] == ""
    assert data["organisation"]["slug"] == "lumi-ngo"
    assert data["organisation"]["name"] == "River Association"  # the client reads English
    assert data["municipalities"] == ["pristina"] and data["sectors"] == ["environment"]
    sida = civil_society.donors["sida"]
    assert [donor["name"] for donor in data["donors"]] == ["Sida"]
    assert data["programme"] == {
        "id": sida.programmes[0].id,
        "name": "Local democracy",
        "donor_id": sida.id,
    }
    assert (data["total_budget"], data["currency"]) == ("50000.50", "EUR")
    assert (data["start_date"], data["end_date"]) == ("2026-03-01", "2027-02-28")
    assert data["last_updated_at"].endswith("Z")
    assert (data["update_count"], data["event_count"]) == (2, 1)
    assert data["html_url"] == f"http://civicapp.test/initiatives/{river.id}"
    for key in ("html_url", "url"):
        assert resolves(client, data[key])
    assert resolves(client, data["organisation"]["html_url"])


def test_initiative_partners_and_funding_lines(client, civil_society):
    river = civil_society.initiatives["river"]
    data = get_json(client, f"{API}/initiatives/{river.id}")["data"]
    on_platform, named = data["partners"]
    assert on_platform["organisation"]["slug"] == "shkoder-youth"
    assert on_platform["name"] == "Organisation 2" and on_platform["country"] is None
    assert named == {
        "name": "Ludwigsburg",
        "country": "DE",
        "city": "Ludwigsburg",
        "organisation": None,
    }
    lines = [(line["party"], line["name"], line["amount"]) for line in data["funding_lines"]]
    assert lines == [
        ("donor", "Sida", "30000.00"),
        ("lead", "River Association", "5000.50"),
        ("partner", "Organisation 2", "4999.99"),
        ("municipality", "Pristina", "10000.00"),
        ("other", "Local businesses", "0.01"),
    ]
    donor_line, municipal_line = data["funding_lines"][0], data["funding_lines"][3]
    assert donor_line["programme"]["name"] == "Local democracy"
    assert municipal_line["municipality"] == "pristina"


def test_initiative_priorities_and_endorsements(client, civil_society, dataset):
    river = civil_society.initiatives["river"]
    data = get_json(client, f"{API}/initiatives/{river.id}")["data"]
    priority = dataset.priorities["river"]
    # The hidden priority it is linked to as well stays hidden.
    assert [p["id"] for p in data["priorities"]] == [priority.id]
    assert data["priorities"][0]["reference"] == priority.reference
    assert resolves(client, data["priorities"][0]["html_url"])
    (endorsement,) = data["endorsements"]
    assert (endorsement["municipality"], endorsement["statement"]) == (
        "pristina",
        "Komuna e mbështet.",
    )


def test_names_for_the_reader_follow_accept_language(app, civil_society):
    river = civil_society.initiatives["river"]
    client = app.test_client()
    data = client.get(f"{API}/initiatives/{river.id}", headers={"Accept-Language": "sq"}).json
    assert data["data"]["organisation"]["name"] == "Shoqata Lumi"
    assert data["data"]["funding_lines"][3]["name"] == "Prishtinë"


@pytest.mark.parametrize("key", ["draft", "unseen"])
def test_drafts_and_initiatives_of_pending_organisations_are_404(client, login, civil_society, key):
    login(civil_society.member)  # even its own organisation's member: the API is public
    initiative = civil_society.initiatives[key]
    assert initiative.title not in titles(get_json(client, f"{API}/initiatives?per_page=100"))
    get_json(client, f"{API}/initiatives/{initiative.id}", status=404)
    assert client.get(f"/initiatives/{initiative.id}").status_code == 200  # her page shows it


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("municipality=presevo", ["School gardens"]),
        ("sector=environment", ["Lumi i pastër"]),
        ("donor={sida}", ["Lumi i pastër"]),
        ("donor={unused}", []),
        ("donor=999999", []),
        ("organisation=lumi-ngo", ["Lumi i pastër", "School gardens"]),
        ("organisation=paused", ["Paused plan"]),
        ("organisation=newcomers", []),  # awaiting verification: not in the directory
        ("organisation=nobody", []),
        ("status=completed", ["School gardens"]),
        ("year=2024", ["School gardens"]),
        ("year=2027", ["Paused plan", "Lumi i pastër"]),
        ("q=paster", ["Lumi i pastër"]),  # diacritics ignored
        ("q=gardens", ["School gardens"]),
        ("q=x", []),  # no word long enough to search for
        ("municipality=pristina&year=2024", []),
    ],
)
def test_initiatives_filtered(client, civil_society, query, expected):
    ids = {key: donor.id for key, donor in civil_society.donors.items()}
    assert titles(get_json(client, f"{API}/initiatives?{query.format(**ids)}")) == expected


@pytest.mark.parametrize(
    "query",
    ["", "municipality=shkoder", "sector=education", "year=2026", "q=lumi", "donor={sida}"],
)
def test_initiatives_are_those_of_the_html_list(client, civil_society, query):
    query = query.format(sida=civil_society.donors["sida"].id)
    page = client.get(f"/initiatives/?{query}")
    assert page.status_code == 200
    shown = [int(n) for n in re.findall(r'<h2><a href="/initiatives/(\d+)"', page.text)]
    assert shown  # the page did list some
    assert [row["id"] for row in get_json(client, f"{API}/initiatives?{query}")["data"]] == shown


def test_initiatives_pagination_walks_the_list(client, civil_society):
    first = get_json(client, f"{API}/initiatives?per_page=2&organisation=lumi-ngo")
    assert first["meta"] == {"page": 1, "per_page": 2, "total": 2, "pages": 1}
    first = get_json(client, f"{API}/initiatives?per_page=1&organisation=lumi-ngo")
    assert first["meta"]["pages"] == 2 and "organisation=lumi-ngo" in first["links"]["next"]
    second = get_json(client, first["links"]["next"].removeprefix("http://civicapp.test"))
    assert titles(first) + titles(second) == ["Lumi i pastër", "School gardens"]
    assert second["links"]["next"] is None and "page=1" in second["links"]["prev"]


def test_donors_with_programmes_and_public_initiatives(client, civil_society):
    body = get_json(client, f"{API}/donors")
    assert [donor["name"] for donor in body["data"]] == ["Quiet Fund", "Sida", "USAID"]
    quiet, sida, usaid = body["data"]
    assert [p["name"] for p in sida["programmes"]] == ["Local democracy"]
    assert (sida["country"], quiet["country"]) == ("SE", None)
    assert quiet["website"] == "https://quiet.example.org"
    # Sida is named by the river initiative and by the draft, which does not count.
    counts = [donor["public_initiative_count"] for donor in body["data"]]
    assert counts == [0, 1, 1]
    for key in ("html_url", "url", "initiatives_url"):
        assert resolves(client, sida[key])
    linked = get_json(client, sida["initiatives_url"].removeprefix("http://civicapp.test"))
    assert titles(linked) == ["Lumi i pastër"]
    assert usaid["html_url"] == f"http://civicapp.test/initiatives/?donor={usaid['id']}"


def test_one_donor(client, civil_society):
    sida = civil_society.donors["sida"]
    data = get_json(client, f"{API}/donors/{sida.id}")["data"]
    assert (data["id"], data["name"], data["public_initiative_count"]) == (sida.id, "Sida", 1)
    get_json(client, f"{API}/donors/999999", status=404)


def test_an_initiative_hidden_by_moderation_is_gone(client, civil_society):
    river = civil_society.initiatives["river"]
    river.is_hidden = True
    db.session.commit()
    assert "Lumi i pastër" not in titles(get_json(client, f"{API}/initiatives"))
    get_json(client, f"{API}/initiatives/{river.id}", status=404)
    ngo = get_json(client, f"{API}/organisations/lumi-ngo")["data"]
    assert ngo["public_initiative_count"] == 1
    sida = get_json(client, f"{API}/donors/{civil_society.donors['sida'].id}")["data"]
    assert sida["public_initiative_count"] == 0
