"""The portfolio page and its CSV file: locales, bad input, content, constant queries."""

import csv
import io

import pytest

from civicapp.donors.models import Donor
from civicapp.extensions import db
from civicapp.initiatives.models import Status
from tests.helpers import count_statements
from tests.portfolio.conftest import IN_2024, fund

YEAR_2024 = "start_year=2024&end_year=2024"


def page(client, query=YEAR_2024, locale="en"):
    client.set_cookie("civicapp_locale", locale, domain="civicapp.test")
    return client.get(f"/portfolio/?{query}")


@pytest.mark.parametrize(
    "locale, lang, town, money",
    [
        ("en", 'lang="en"', "pristina en", "€43,334"),
        ("sq", 'lang="sq"', "pristina sq", "43\xa0334\xa0€"),
        ("sr_Latn", 'lang="sr-Latn"', "pristina sr", "43.334\xa0€"),
        ("sr", 'lang="sr-Cyrl"', "pristina ср", "43.334\xa0€"),
    ],
)
def test_the_page_in_every_locale(client, world, locale, lang, town, money):
    response = page(client, locale=locale)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert lang in text and town in text and money in text
    assert 'role="img"' in text and "<table" in text


def test_the_page_shows_totals_tables_charts_and_the_method(client, world):
    text = page(client).get_data(as_text=True)
    assert "2 initiatives with a total budget of €110,001 in 2024." in text
    assert "1 cancelled initiative is not counted." in text
    assert "No sector given" in text
    assert "Sida" in text and "€42,500" in text
    assert "How these figures are computed" in text
    assert text.count("<svg") == 3
    assert 'href="/portfolio/portfolio.csv?start_year=2024&amp;end_year=2024"' in text


def test_defaults_to_the_last_five_years(client, world):
    from civicapp.portfolio.services import default_period

    start, end = default_period()
    text = page(client, query="").get_data(as_text=True)
    assert f'name="start_year" type="number" value="{start}"' in text
    assert f'name="end_year" type="number" value="{end}"' in text


def test_charts_draw_the_first_fifteen_and_the_table_lists_all(
    client, world, make_municipality, make_initiative
):
    towns = [make_municipality(f"town-{n:02d}") for n in range(20)]
    make_initiative(
        world["river"].organisation, world["member"], towns, status=Status.PUBLISHED, **IN_2024
    )
    text = page(client).get_data(as_text=True)
    chart = text.split('id="chart-municipality-title"')[1].split("</svg>")[0]
    assert chart.count("<rect") == 15
    assert "Only the first 15 of 23 are drawn; the table lists them all." in chart
    table = text.split('id="municipality-table"')[1].split("</table>")[0]
    assert table.count('<th scope="row">') == 24  # 23 towns and the total


def test_an_empty_selection_says_so(client, world):
    text = page(client, "start_year=2030&end_year=2031").get_data(as_text=True)
    assert "No initiatives in this period match these filters." in text
    assert "<svg" not in text


@pytest.mark.parametrize(
    "query, message, kept",
    [
        (
            "start_year=2026&end_year=2020",
            "The first year must not be after the last year.",
            "2026",
        ),
        ("start_year=1991&end_year=2030", "Choose a period of at most 30 years.", "1991"),
        ("start_year=abc&end_year=2024", "Enter a year from 1990 to 2100.", "abc"),
        ("start_year=99999999999999999999", "Enter a year from 1990 to 2100.", "99999999999"),
        ("start_year=2020&sector=nope", "Choose from the options shown.", "2020"),
        ("start_year=2020&donor=999", "Choose from the options shown.", "2020"),
    ],
)
def test_bad_filters_get_400_with_a_message_and_keep_the_values(
    client, world, query, message, kept
):
    response = page(client, query)
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert message in text and f'value="{kept}' in text
    assert "<svg" not in text


def test_a_blank_year_keeps_its_default(client, world):
    assert page(client, "start_year=&end_year=2024").status_code == 200


def test_the_csv_file(client, world):
    response = client.get(f"/portfolio/portfolio.csv?{YEAR_2024}")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert (
        response.headers["Content-Disposition"] == 'attachment; filename="portfolio-2024-2024.csv"'
    )
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeffdimension,key,label,initiatives,amount_eur\r\n")
    found = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1:]
    assert ["total", "", "All initiatives", "2", "110000.50"] in found
    assert ["municipality", "pristina", "pristina en", "2", "43333.83"] in found
    assert ["sector", "", "No sector given", "1", "10000.50"] in found
    assert ["donor", str(world["sida"].id), "Sida", "1", "42500.25"] in found


def test_the_csv_file_guards_against_formulas(client, world):
    sneaky = Donor(name="=HYPERLINK(1)")
    db.session.add(sneaky)
    db.session.commit()
    fund(world["school"], sneaky, "10")
    text = client.get(f"/portfolio/portfolio.csv?{YEAR_2024}").get_data(as_text=True)
    assert f"donor,{sneaky.id},'=HYPERLINK(1),1,10.00" in text


def test_the_csv_file_refuses_bad_years(client, world):
    response = client.get("/portfolio/portfolio.csv?start_year=2024&end_year=2000")
    assert response.status_code == 400
    assert "The first year must not be after the last year." in response.get_data(as_text=True)


def test_queries_do_not_grow_with_the_initiatives(
    client, world, make_municipality, make_initiative
):
    extra_town = make_municipality("peja")
    made = []

    def queries_with(total):
        while len(made) < total:
            initiative = make_initiative(
                world["river"].organisation,
                world["member"],
                [extra_town],
                status=Status.PUBLISHED,
                donor_ids=[world["sida"].id],
                **IN_2024,
            )
            fund(initiative, world["usaid"], "100")
            made.append(initiative)
        with count_statements() as statements:
            assert page(client).status_code == 200
        return len(statements)

    assert queries_with(1) == queries_with(12)


def test_the_landing_page_is_kept_until_the_content_changes_and_filtered_pages_are_not(
    app, client, monkeypatch, login, make_user, world
):
    monkeypatch.setitem(app.config, "CACHE_SECONDS", 60)
    login(make_user())  # signed in: no whole-page copy, only what the view itself keeps

    def initiative_queries(query: str) -> int:
        with count_statements() as statements:
            assert page(client, query=query).status_code == 200
        return sum("initiatives" in statement for statement in statements)

    assert "2 initiatives with" in page(client, query="").get_data(as_text=True)
    assert initiative_queries("") == 0
    assert initiative_queries(YEAR_2024) > 0
    assert initiative_queries(YEAR_2024) > 0  # a filtered page is computed every time
    world["school"].is_hidden = True
    db.session.commit()
    assert "1 initiative with" in page(client, query="").get_data(as_text=True)
