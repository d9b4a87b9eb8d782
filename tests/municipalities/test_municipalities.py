"""Loading municipalities and showing them in the reader's language and script."""

import re

from flask_babel import gettext
from sqlalchemy import func, select

from civicapp.extensions import db
from civicapp.municipalities.models import Country, Municipality
from civicapp.municipalities.services import load_municipalities


def count(stmt):
    return db.session.scalar(select(func.count()).select_from(stmt))


def test_load_all_102_and_again_changes_nothing(runner, app_ctx):
    first = runner.invoke(args=["municipalities", "load"])
    assert "102 created" in first.output
    second = runner.invoke(args=["municipalities", "load"])
    assert "0 created, 0 updated, 102 unchanged" in second.output
    by_country = dict(
        db.session.execute(
            select(Municipality.country, func.count()).group_by(Municipality.country)
        ).all()
    )
    assert by_country == {Country.KOSOVO: 38, Country.ALBANIA: 61, Country.SERBIA: 3}


def test_load_refuses_a_broken_file_whole(runner, app_ctx, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("slug,country\nx,XK\n", encoding="utf-8")
    result = runner.invoke(args=["municipalities", "load", "--file", str(bad)])
    assert result.exit_code == 2
    assert gettext("The file does not have the expected columns.") in result.output
    assert count(Municipality) == 0


def test_name_follows_reader_language_and_script(client, app_ctx):
    load_municipalities()
    expected = {"sq": "Graçanicë", "sr_Latn": "Gračanica", "sr": "Грачаница", "en": "Gračanica"}
    for locale, name in expected.items():
        client.set_cookie("civicapp_locale", locale, domain="civicapp.test")
        page = client.get("/municipalities/gracanica").get_data(as_text=True)
        assert f"<h1>{name}</h1>" in page, locale


def test_search_matches_across_scripts_and_diacritics(client, app_ctx):
    load_municipalities()
    for query in ("Gracanica", "Gračanica", "Грачаница", "gracanice"):
        page = client.get("/municipalities/", query_string={"q": query}).get_data(as_text=True)
        assert "/municipalities/gracanica" in page, query
    page = client.get("/municipalities/", query_string={"q": "fushe kosove"}).get_data(as_text=True)
    assert "/municipalities/fushe-kosove" in page
    assert client.get("/municipalities/", query_string={"q": "%_%"}).status_code == 200


def test_country_filter_and_unknown_values(client, app_ctx):
    load_municipalities()
    page = client.get("/municipalities/?country=RS").get_data(as_text=True)
    assert len(re.findall(r'href="/municipalities/[a-z]', page)) == 3
    assert client.get("/municipalities/?country=<script>").status_code == 200
    assert client.get("/municipalities/no-such-place").status_code == 404


def test_staff_are_listed_on_their_municipality(client, make_user, make_municipality):
    town = make_municipality("presevo", country=Country.SERBIA)
    other = make_municipality("bujanovac", country=Country.SERBIA)
    make_user(display_name="Staff of Presevo", staff_of=[town])
    make_user(display_name="Staff of Bujanovac", staff_of=[other])
    page = client.get("/municipalities/presevo").get_data(as_text=True)
    assert "Staff of Presevo" in page and "Staff of Bujanovac" not in page
