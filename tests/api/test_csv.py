"""A consultation's priorities as CSV: what the page lists, safe in spreadsheets, in UTF-8."""

import csv
import io

import pytest

from civicapp.api.spreadsheet import safe_cell
from civicapp.extensions import db

API = "/api/v1"


def download(client, consultation):
    response = client.get(f"{API}/consultations/{consultation.id}/priorities.csv")
    assert response.status_code == 200
    return response


def rows_of(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def test_headers_name_a_csv_attachment(client, dataset):
    plan = dataset.consultations["plan"]
    response = download(client, plan)
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="consultation-{plan.id}-priorities.csv"'
    )
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_starts_with_a_byte_order_mark_and_keeps_albanian_letters(client, dataset):
    raw = download(client, dataset.consultations["plan"]).get_data()
    assert raw.startswith(b"\xef\xbb\xbfreference,title,sector,place,status,")
    assert "Ndriçimi i rrugës për në shkollë".encode() in raw


def test_rows_are_the_public_priorities_with_counts_and_statuses(client, dataset):
    river = dataset.priorities["river"]
    (river_row,) = rows_of(
        download(client, dataset.consultations["adopted"])
    )  # hidden one left out
    assert river_row == {
        "reference": river.reference,
        "title": "Pastrimi i lumit Prishtevka",
        "sector": "environment",
        "place": "Ulpiana",
        "status": "implemented",
        "support_count": "2",
        "comment_count": "0",
        "adopted_in_plan": "true",
        "html_url": f"http://civicapp.test/priorities/{river.id}",
    }


def test_plan_first_then_by_support(client, dataset):
    lights, formula = dataset.priorities["lights"], dataset.priorities["formula"]
    formula.support_count, lights.adopted_in_plan = 5, True
    db.session.commit()
    rows = rows_of(download(client, dataset.consultations["plan"]))
    assert [row["reference"] for row in rows] == [lights.reference, formula.reference]


def test_formulas_are_defused(client, dataset):
    rows = rows_of(download(client, dataset.consultations["plan"]))
    formula = next(row for row in rows if "HYPERLINK" in row["title"])
    assert formula["title"] == '\'=HYPERLINK("http://evil.example")'
    assert formula["place"] == "'-Sunny Hill"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+381 17", "'+381 17"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Rruga e Dëshmorëve = 5", "Rruga e Dëshmorëve = 5"),
        (None, ""),
        (12, "12"),
    ],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_an_empty_consultation_gives_just_the_header(client, dataset):
    rows = rows_of(download(client, dataset.consultations["shkoder"]))
    assert rows == []


def test_the_consultation_page_links_to_the_file(client, dataset):
    plan = dataset.consultations["plan"]
    page = client.get(f"/consultations/{plan.id}").get_data(as_text=True)
    assert f'href="/api/v1/consultations/{plan.id}/priorities.csv"' in page


def test_the_footer_links_to_the_api(client, dataset):
    page = client.get("/priorities/").get_data(as_text=True)
    assert 'href="/api/v1/openapi.json">Open data (API)</a>' in page
