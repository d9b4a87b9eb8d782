"""Loading municipalities and finding them."""

import csv
from dataclasses import dataclass
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from civicapp.audit.services import record_event
from civicapp.db import utcnow
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.i18n import ANSWER_LANGUAGES, localized, normalize_search
from civicapp.municipalities.models import Country, Municipality, StaffAssignment

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "municipalities.csv"
COLUMNS = (
    "slug",
    "country",
    "region",
    "name_sq",
    "name_sr_latn",
    "name_sr_cyrl",
    "name_en",
    "population",
    "population_year",
)


# Official languages by country, with the municipalities where Kosovo's Law on the Use of
# Languages gives Turkish (and in Prizren also Bosnian) official status. Serbia's three
# municipalities use Serbian and Albanian officially; Albania uses Albanian.
OFFICIAL_LANGUAGES = {Country.KOSOVO: "sq,sr", Country.ALBANIA: "sq", Country.SERBIA: "sr,sq"}
OFFICIAL_LANGUAGE_OVERRIDES = {"prizren": "sq,sr,tr,bs", "mamusha": "sq,sr,tr"}


@dataclass
class LoadResult:
    created: int
    updated: int
    unchanged: int


def load_municipalities(path: Path = DATA_FILE) -> LoadResult:
    """Insert or update the municipalities of the CSV file; running it again changes nothing."""
    rows = read_rows(path)
    existing = {m.slug: m for m in db.session.scalars(select(Municipality))}
    result = LoadResult(0, 0, 0)
    for row in rows:
        municipality = existing.get(row["slug"])
        if municipality is None:
            db.session.add(Municipality(**row))
            result.created += 1
        elif _apply(municipality, row):
            result.updated += 1
        else:
            result.unchanged += 1
    db.session.commit()
    return result


def _apply(municipality: Municipality, row: dict) -> bool:
    changed = False
    for key, value in row.items():
        if getattr(municipality, key) != value:
            setattr(municipality, key, value)
            changed = True
    if changed:
        municipality.updated_at = utcnow()
    return changed


def read_rows(path: Path) -> list[dict]:
    """Parse and check the CSV file; refuse it whole when a row is wrong."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise DomainError(_("The file does not have the expected columns."))
        rows = [_parse(row, number) for number, row in enumerate(reader, start=2)]
    slugs = [row["slug"] for row in rows]
    if len(set(slugs)) != len(slugs):
        raise DomainError(_("The file lists a municipality twice."))
    return rows


def _parse(row: dict, number: int) -> dict:
    try:
        country = Country(row["country"])
        population = int(row["population"]) if row["population"] else None
        year = int(row["population_year"]) if row["population_year"] else None
    except ValueError as exc:
        raise DomainError(_("Line %(line)s of the file is not valid.", line=number)) from exc
    names = [row[key].strip() for key in COLUMNS[3:7]]
    if not row["slug"] or not all(names):
        raise DomainError(_("Line %(line)s of the file is not valid.", line=number))
    parsed = {key: row[key].strip() for key in ("slug", "region", *COLUMNS[3:7])}
    parsed.update(country=country, population=population, population_year=year)
    parsed["search_text"] = normalize_search(" ".join([parsed["slug"], *names, parsed["region"]]))
    parsed["official_languages"] = OFFICIAL_LANGUAGE_OVERRIDES.get(
        parsed["slug"], OFFICIAL_LANGUAGES[country]
    )
    return parsed


def get_municipality_by_slug(slug: str) -> Municipality | None:
    return db.session.scalar(select(Municipality).where(Municipality.slug == slug))


def list_municipalities(query: str = "", country: Country | None = None) -> list[Municipality]:
    """Municipalities matching a name in any language or script, in the reader's order."""
    stmt = select(Municipality)
    if country is not None:
        stmt = stmt.where(Municipality.country == country)
    needle = normalize_search(query)
    if needle:
        stmt = stmt.where(Municipality.search_text.contains(needle, autoescape=True))
    municipalities = list(db.session.scalars(stmt))
    return sorted(municipalities, key=lambda m: normalize_search(localized(m, "name")))


def count_by_country() -> dict[Country, int]:
    """How many municipalities civicapp knows in each country."""
    stmt = select(Municipality.country, func.count()).group_by(Municipality.country)
    return dict(db.session.execute(stmt).all())


def municipality_choices() -> list:
    """Options for a municipality select: a blank first, then every municipality by name."""
    from civicapp.core.forms import choices

    return choices([("", _("Not chosen"))] + [(m.id, m.name) for m in list_municipalities()])


@dataclass
class MunicipalitySettings:
    response_days: int
    support_threshold: int
    official_languages: list[str]


SETTING_RANGES = {"response_days": (1, 365), "support_threshold": (1, 100_000)}


def change_municipality_settings(actor, municipality: Municipality, settings: MunicipalitySettings):
    """Set the response time, standing threshold and official languages; log old and new."""
    new = {
        "response_days": settings.response_days,
        "support_threshold": settings.support_threshold,
        "official_languages": _official_languages(municipality, settings.official_languages),
    }
    for key, (low, high) in SETTING_RANGES.items():
        if not low <= new[key] <= high:
            message = _("Enter a whole number from %(low)s to %(high)s.", low=low, high=high)
            raise DomainError(message, field=key)
    changes = {
        k: [getattr(municipality, k), v] for k, v in new.items() if getattr(municipality, k) != v
    }
    if changes:
        for key, (_old, value) in changes.items():
            setattr(municipality, key, value)
        subject = f"municipality:{municipality.slug}"
        record_event("municipality.settings_changed", actor=actor, subject=subject, **changes)
        db.session.commit()
    return changes


def _official_languages(municipality: Municipality, codes: list[str]) -> str:
    """Known codes, those already official kept in their order, new ones after them."""
    chosen = set(codes)
    if not chosen:
        raise DomainError(_("Choose at least one official language."), field="official_languages")
    if not chosen <= set(ANSWER_LANGUAGES):
        raise DomainError(_("Choose from the options shown."), field="official_languages")
    kept = [code for code in municipality.official_language_codes if code in chosen]
    added = [code for code in ANSWER_LANGUAGES if code in chosen and code not in kept]
    return ",".join(kept + added)


def staff_of(municipality: Municipality) -> list:
    """The municipality's active staff members, by name (its page lists them)."""
    assignments = db.session.scalars(
        select(StaffAssignment)
        .where(StaffAssignment.municipality_id == municipality.id)
        .options(joinedload(StaffAssignment.user))
    )
    people = [a.user for a in assignments if not a.user.is_disabled]
    return sorted(people, key=lambda person: person.display_name)
