"""Languages: transliteration, search folding, complete catalogs, every locale renders."""

import pytest
from babel.messages.pofile import read_po

from civicapp.i18n import (
    LOCALES,
    cyrillic_to_latin,
    in_reader_script,
    latin_to_cyrillic,
    normalize_search,
)
from civicapp.i18n_catalogs import po_path


@pytest.mark.parametrize(
    "latin, cyrillic",
    [
        ("Ljubljana", "Љубљана"),
        ("NJEGOŠ", "ЊЕГОШ"),
        ("Džamija i đak", "Џамија и ђак"),
        ("Gračanica", "Грачаница"),
        ("Glasajte za %(title)s", "Гласајте за %(title)s"),
        ("Pošalji PDF na info@example.org", "Пошаљи PDF на info@example.org"),
        ('<a href="/x">veza</a>', '<a href="/x">веза</a>'),
    ],
)
def test_latin_to_cyrillic_keeps_placeholders_markup_and_foreign_words(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


def test_cyrillic_round_trip():
    text = "Љубав, њива, џеп, Ђаковица, ЉУБАВ"
    assert cyrillic_to_latin(text) == "Ljubav, njiva, džep, Đakovica, LJUBAV"
    assert latin_to_cyrillic(cyrillic_to_latin(text)) == text


def test_reader_script_only_touches_serbian_content():
    assert in_reader_script("Gračanica", "sr", "sr") == "Грачаница"
    assert in_reader_script("Грачаница", "sr", "sr_Latn") == "Gračanica"
    assert in_reader_script("Graçanicë", "sq", "sr") == "Graçanicë"
    assert in_reader_script("Грачаница", "sr", "en") == "Грачаница"


def test_search_normaliser_folds_script_and_diacritics():
    assert (
        normalize_search("Gracanica")
        == normalize_search("Gračanica")
        == normalize_search("Грачаница")
        == "gracanica"
    )
    assert normalize_search("Fushë Kosovë, Çabrat!") == "fushe kosove cabrat"
    assert normalize_search("Medveđa") == normalize_search("Медвеђа") == "medvedja"


def _catalog(locale):
    with po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_catalog_is_complete(locale):
    catalog = _catalog(locale)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(message.id)
        if message.pluralizable and len(strings) != catalog.num_plurals:
            problems.append(message.id)
    assert not problems, f"{len(problems)} untranslated or fuzzy in {locale}: {problems[:10]}"
    assert len(catalog) > 100


def test_serbian_has_three_plural_forms_and_albanian_two():
    assert _catalog("sr_Latn").num_plurals == 3 and _catalog("sr").num_plurals == 3
    assert _catalog("sq").num_plurals == 2


def test_cyrillic_catalog_is_the_transliterated_latin_one():
    latin, cyrillic = _catalog("sr_Latn"), _catalog("sr")
    assert {m.id for m in latin if m.id} == {m.id for m in cyrillic if m.id}
    for message in latin:
        if not message.id:
            continue
        expected = message.string
        if isinstance(expected, tuple):
            expected = tuple(latin_to_cyrillic(s) for s in expected)
        else:
            expected = latin_to_cyrillic(expected)
        assert cyrillic.get(message.id).string == expected, message.id


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_renders_the_public_pages(client, locale):
    client.set_cookie("civicapp_locale", locale, domain="civicapp.test")
    for path in ("/", "/auth/login", "/auth/register", "/municipalities/", "/no-such-page"):
        response = client.get(path)
        assert response.status_code in (200, 404)
        assert (
            f'lang="{ {"sq": "sq", "sr_Latn": "sr-Latn", "sr": "sr-Cyrl", "en": "en"}[locale] }"'
            in (response.get_data(as_text=True))
        )


def test_albanian_is_the_default_and_pages_are_translated(client):
    client.delete_cookie("civicapp_locale", domain="civicapp.test")
    page = client.get("/auth/login").get_data(as_text=True)
    assert 'lang="sq"' in page and "Forgot your password?" not in page


def test_cyrillic_interface_is_in_cyrillic(client):
    client.set_cookie("civicapp_locale", "sr", domain="civicapp.test")
    page = client.get("/auth/login").get_data(as_text=True)
    heading = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert any("\u0400" <= ch <= "\u04ff" for ch in heading), heading
