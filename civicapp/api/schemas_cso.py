"""JSON Schemas of organisations, initiatives, donors and the portfolio (see serializers_cso.py)."""

from civicapp.api.schemas import (
    COUNT,
    INTEGER,
    STRING,
    TIME,
    URL,
    described,
    enum_of,
    nullable,
    obj,
    priority_ref,
    ref,
)
from civicapp.api.serializers_cso import TEXTS
from civicapp.i18n import CONTENT_LANGUAGES
from civicapp.initiatives.models import PUBLIC_STATUSES, Party
from civicapp.municipalities.models import Country
from civicapp.organisations.models import Kind, Registry
from civicapp.organisations.models import Status as OrganisationStatus
from civicapp.sectors import Sector

MONEY = described({"type": "string", "pattern": "^[0-9]+\\.[0-9]{2}$"}, "EUR, as a decimal string.")
DATE = {"type": "string", "format": "date"}
LANGUAGE = {"type": "string", "enum": list(CONTENT_LANGUAGES)}
SLUGS = {"type": "array", "items": STRING}
SECTORS = {"type": "array", "items": enum_of(Sector)}
EUR = {"type": "string", "enum": ["EUR"]}
PUBLIC = [OrganisationStatus.VERIFIED.value, OrganisationStatus.SUSPENDED.value]


def _organisation() -> dict:
    names = obj({code: nullable(STRING) for code in CONTENT_LANGUAGES})
    registration = obj({"registry": nullable(enum_of(Registry)), "number": nullable(STRING)})
    return obj(
        {
            "slug": STRING,
            "names": described(names, "The names as written; Serbian in either script."),
            "kind": enum_of(Kind),
            "registration": registration,
            "municipalities": described(SLUGS, "Slugs of the municipalities it works in."),
            "sectors": SECTORS,
            "website": nullable(STRING),
            "description": described(STRING, "Markdown, as written."),
            "description_html": described(STRING, "The description as sanitised HTML."),
            "status": described(
                {"type": "string", "enum": PUBLIC},
                "suspended: verified once, then suspended by the platform's administrators; "
                "what it published stays public.",
            ),
            "verified_at": described(nullable(TIME), "Its last verification."),
            "public_initiative_count": COUNT,
            "logo_url": nullable(URL),
            "url": URL,
            "html_url": URL,
            "initiatives_url": URL,
        }
    )


def _organisation_ref() -> dict:
    return obj(
        {
            "slug": STRING,
            "name": described(STRING, "In the reader's language when it has one."),
            "url": URL,
            "html_url": URL,
        }
    )


def _programme() -> dict:
    return obj({"id": INTEGER, "name": STRING, "donor_id": INTEGER})


def _initiative() -> dict:
    texts = {name: described(STRING, "Markdown, as written.") for name in TEXTS}
    return obj(
        {
            "id": INTEGER,
            "title": STRING,
            "summary": STRING,
            "language": LANGUAGE,
            **texts,
            "organisation": ref("OrganisationRef"),
            "partners": {"type": "array", "items": ref("Partner")},
            "municipalities": SLUGS,
            "sectors": SECTORS,
            "donors": {"type": "array", "items": ref("DonorRef")},
            "programme": described(nullable(_programme()), "The funding programme."),
            "total_budget": MONEY,
            "currency": EUR,
            "funding_lines": {"type": "array", "items": ref("FundingLine")},
            "start_date": DATE,
            "end_date": DATE,
            "status": {"type": "string", "enum": [s.value for s in PUBLIC_STATUSES]},
            "published_at": nullable(TIME),
            "last_updated_at": TIME,
            "priorities": described(
                {"type": "array", "items": ref("PriorityRef")},
                "The citizens' priorities it says it addresses.",
            ),
            "endorsements": {"type": "array", "items": ref("Endorsement")},
            "update_count": COUNT,
            "event_count": COUNT,
            "url": URL,
            "html_url": URL,
        }
    )


def _partner() -> dict:
    return obj(
        {
            "name": STRING,
            "country": described(nullable(STRING), "ISO code, for partners off the platform."),
            "city": nullable(STRING),
            "organisation": described(
                nullable(_organisation_ref()), "The partner, when it is on the platform."
            ),
        }
    )


def _funding_line() -> dict:
    return obj(
        {
            "party": enum_of(Party),
            "name": described(STRING, "Who pays, as the initiative page names them."),
            "amount": MONEY,
            "donor_id": nullable(INTEGER),
            "programme": nullable(_programme()),
            "municipality": described(nullable(STRING), "The paying municipality's slug."),
        }
    )


def _endorsement() -> dict:
    return obj(
        {
            "municipality": described(STRING, "The endorsing municipality's slug."),
            "statement": STRING,
            "created_at": TIME,
        }
    )


def _donor() -> dict:
    return obj(
        {
            "id": INTEGER,
            "name": STRING,
            "country": described(nullable(STRING), "ISO code; EU for the European Union."),
            "website": nullable(STRING),
            "programmes": {"type": "array", "items": obj({"id": INTEGER, "name": STRING})},
            "public_initiative_count": COUNT,
            "url": URL,
            "html_url": described(URL, "The initiatives list of the site, for this donor."),
            "initiatives_url": URL,
        }
    )


def _portfolio() -> dict:
    filters = obj(
        {
            "start_year": INTEGER,
            "end_year": INTEGER,
            "municipality": nullable(STRING),
            "sector": nullable(enum_of(Sector)),
            "donor": nullable(INTEGER),
            "country": nullable(enum_of(Country)),
        }
    )
    return obj(
        {
            "filters": described(filters, "The selection, with the default years filled in."),
            "initiatives": described(COUNT, "Initiatives in the selection, cancelled ones apart."),
            "amount": described(MONEY, "Their total budget."),
            "currency": EUR,
            "cancelled": described(COUNT, "Cancelled initiatives, left out of every figure."),
            "by_municipality": _rows("municipality", _none_given(STRING)),
            "by_sector": _rows("sector", _none_given(enum_of(Sector))),
            "by_donor": _rows("donor_id", INTEGER),
            "html_url": URL,
            "csv_url": URL,
        }
    )


def _none_given(schema: dict) -> dict:
    return described(nullable(schema), "null for the initiatives that give none.")


def _rows(key: str, key_schema: dict) -> dict:
    row = obj(
        {
            key: key_schema,
            "label": described(STRING, "In the reader's language."),
            "initiatives": COUNT,
            "amount": MONEY,
        }
    )
    return {"type": "array", "items": row}


def components() -> dict:
    return {
        "Organisation": _organisation(),
        "OrganisationRef": _organisation_ref(),
        "Initiative": _initiative(),
        "Partner": _partner(),
        "FundingLine": _funding_line(),
        "PriorityRef": priority_ref(),
        "Endorsement": _endorsement(),
        "DonorRef": obj({"id": INTEGER, "name": STRING, "url": URL}),
        "Donor": _donor(),
        "Portfolio": _portfolio(),
    }
