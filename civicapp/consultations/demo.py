"""Demo consultations in Albanian, Serbian and English, in every phase, one adopted."""

from collections.abc import Iterator
from datetime import timedelta
from typing import NamedTuple

from sqlalchemy import select

from civicapp.accounts.models import User
from civicapp.consultations.models import Consultation, Phase
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.municipalities.models import Municipality
from civicapp.text import render_markdown

STAFF_EMAIL = "staff@demo.example.org"


class Showcase(NamedTuple):
    slug: str
    title: str
    language: str
    phase: Phase
    threshold: int
    age_days: int  # since it was opened
    text: str  # Markdown


CONSULTATIONS = (
    (
        "pristina",
        "Plani lokal i veprimit në mjedis 2027",
        "sq",
        Phase.PROPOSALS,
        50,
        12,
        "Komuna e Prishtinës po harton **Planin lokal të veprimit në mjedis 2027–2031**.\n\n"
        "Na thoni çfarë duhet të bëjë komuna së pari për:\n\n"
        "- ajrin e pastër dhe ngrohjen pa qymyr,\n- mbeturinat dhe riciklimin,\n"
        "- parqet, lumenjtë dhe hapësirat e gjelbra.",
    ),
    (
        "pristina",
        "Prioritetet e investimeve kapitale 2027",
        "sq",
        Phase.VOTING,
        100,
        45,
        "Buxheti kapital i vitit 2027 financon rrugë, shkolla, ujësjellës dhe kanalizim. "
        "Mbështetni prioritetet që dëshironi të hyjnë në **Kornizën afatmesme buxhetore**.",
    ),
    (
        "gracanica",
        "Lokalni plan zaštite životne sredine 2027",
        "sr",
        Phase.VOTING,
        30,
        30,
        "Opština Gračanica priprema **Lokalni ekološki akcioni plan**.\n\n"
        "Predložite i podržite prioritete: divlje deponije, kvalitet vode u Gračanici i "
        "Laplju Selu, zelene površine oko škola.",
    ),
    (
        "bujanovac",
        "Lokalni plan zaštite životne sredine 2027",
        "sr",
        Phase.ADOPTED,
        40,
        150,
        "Opština Bujanovac je od građana tražila prioritete za **zaštitu životne sredine** "
        "i ulaganja u komunalnu infrastrukturu.",
    ),
    (
        "presevo",
        "Youth and sports priorities 2027",
        "en",
        Phase.CLOSED,
        25,
        90,
        "Preševo asks young people which sports grounds, youth centres and programmes the "
        "municipality should fund first. *Proposals and votes are closed; the assembly decides.*",
    ),
)
ADOPTION = {"bujanovac": ("01 Br. 016-12345", 20)}  # reference, days ago
EXTRA_TITLES = (
    ("Buxheti me pjesëmarrje i fshatrave %(year)s", "sq"),
    ("Plan razvoja mesnih zajednica %(year)s", "sr"),
    ("Local road safety plan %(year)s", "en"),
)
EXTRA_PER_SCALE = 3


def seed(scale: int) -> Iterator[str]:
    """Add the showcase consultations, and EXTRA_PER_SCALE more for each step of scale above 1."""
    towns = {m.slug: m for m in db.session.scalars(select(Municipality))}
    staff = db.session.scalar(select(User).where(User.email == STAFF_EMAIL))
    made = [
        _consultation(towns[row.slug], staff, row) for row in map(Showcase._make, CONSULTATIONS)
    ]
    made += _extra(list(towns.values()), staff, scale)
    db.session.add_all(made)
    db.session.commit()
    yield f"demo consultations: {len(made)}"


def _consultation(town, staff, row: Showcase) -> Consultation:
    opened = utcnow() - timedelta(days=row.age_days)
    runs_it = staff is not None and town.id in staff.staff_municipality_ids
    consultation = Consultation(
        municipality_id=town.id,
        created_by_id=staff.id if runs_it else None,
        title=row.title,
        description=row.text,
        description_html=render_markdown(row.text),
        language=row.language,
        phase=row.phase,
        support_threshold=row.threshold,
        created_at=opened,
        updated_at=opened,
        phase_changed_at=opened
        if row.phase == Phase.PROPOSALS
        else opened + (utcnow() - opened) / 2,
    )
    if row.phase == Phase.ADOPTED and town.slug in ADOPTION:
        reference, days_ago = ADOPTION[town.slug]
        consultation.decision_reference = reference
        consultation.decision_date = (utcnow() - timedelta(days=days_ago)).date()
        consultation.phase_changed_at = utcnow() - timedelta(days=days_ago)
    return consultation


def _extra(towns: list, staff, scale: int) -> list[Consultation]:
    """A few more consultations per scale step, spread over municipalities and phases."""
    made = []
    phases = (Phase.PROPOSALS, Phase.VOTING, Phase.CLOSED)
    for n in range(EXTRA_PER_SCALE * (scale - 1)):
        town = towns[(n * 7) % len(towns)]
        title, language = EXTRA_TITLES[n % len(EXTRA_TITLES)]
        text = title % {"year": 2027 + n // 30}
        row = Showcase(town.slug, text, language, phases[n % 3], 50, 10 + n % 60, text)
        made.append(_consultation(town, staff, row))
    return made


def demo_consultations() -> list[Consultation]:
    """The demo's consultations, for other features' seeders to attach priorities to."""
    return list(db.session.scalars(select(Consultation).order_by(Consultation.id)))
