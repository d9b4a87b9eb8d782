"""Municipalities: names in every form, languages, deadlines and thresholds."""

from sqlalchemy import Select, select

from civicapp.api import spec
from civicapp.api.fields import COUNT, INTEGER, Shape, enum, field, link, text
from civicapp.extensions import db
from civicapp.i18n import ANSWER_LANGUAGES
from civicapp.municipalities.models import Country, Municipality

NAMES = Shape(
    "Names",
    {
        "sq": text(lambda m: m.name_sq),
        "sr_latn": text(lambda m: m.name_sr_latn),
        "sr_cyrl": text(lambda m: m.name_sr_cyrl),
        "en": text(lambda m: m.name_en),
    },
)
MUNICIPALITY = Shape(
    "Municipality",
    {
        "slug": text(),
        "names": NAMES.one(lambda m: m),
        "country": enum(Country),
        "region": text(),
        "population": field(COUNT, null=True),
        "population_year": field(INTEGER, null=True),
        "official_languages": field(
            {"type": "array", "items": enum(ANSWER_LANGUAGES).schema},
            lambda m: m.official_language_codes,
            list,
        ),
        "response_days": field({"type": "integer", "minimum": 1, "maximum": 365}),
        "support_threshold": field({"type": "integer", "minimum": 1}),
        "url": link("api.municipality", slug="slug"),
        "html_url": link("municipalities.show", slug="slug"),
        "accountability_url": link("api.accountability_municipality", slug="slug"),
    },
)
SHAPES = (NAMES, MUNICIPALITY)
TAG = "municipalities"


def municipalities(country: Country | None) -> Select:
    """Municipalities in slug order, optionally of one country."""
    stmt = select(Municipality).order_by(Municipality.slug)
    return stmt if country is None else stmt.where(Municipality.country == country)


def municipality_slugs() -> list[str]:
    return list(db.session.scalars(select(Municipality.slug).order_by(Municipality.slug)))


def paths(slugs: list[str]) -> dict:
    country = spec.query(
        "country", enum(Country).schema, "Country code: XK Kosovo, AL Albania, RS Serbia."
    )
    summaries = ("List municipalities", "Show a municipality")
    filters, slug = [country, *spec.PAGING], spec.municipality_path(slugs)
    return spec.collection("/municipalities", MUNICIPALITY, filters, slug, TAG, summaries)
