"""Demo initiatives in three languages: the showcase, then generated ones in bulk."""

import io
import random
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal

from sqlalchemy import insert, select
from werkzeug.datastructures import FileStorage

from civicapp.accounts.models import User
from civicapp.db import utcnow
from civicapp.donors.models import Donor
from civicapp.donors.services import seed_common_donors
from civicapp.extensions import db
from civicapp.i18n import normalize_search
from civicapp.initiatives.demo_data import (
    DOCUMENTS,
    EVENTS,
    GENERATED_EVENT,
    GENERATED_UPDATE,
    SHOWCASE,
    SUMMARIES,
    TOPICS,
    UPDATES,
)
from civicapp.initiatives.documents import DocumentKind, InitiativeDocument
from civicapp.initiatives.models import (
    Endorsement,
    Event,
    EventKind,
    FundingLine,
    Initiative,
    InitiativeSector,
    Partner,
    Party,
    PriorityLink,
    Status,
    Update,
    initiative_donors,
    initiative_municipalities,
)
from civicapp.initiatives.services import SEARCH_KIND
from civicapp.municipalities.models import Municipality
from civicapp.organisations.models import Membership, Organisation, organisation_municipalities
from civicapp.organisations.models import Status as OrgStatus
from civicapp.priorities.models import Priority
from civicapp.search.services import add_documents
from civicapp.sectors import Sector
from civicapp.subjects.models import with_subjects
from civicapp.uploads import samples
from civicapp.uploads.models import UploadKind
from civicapp.uploads.services import save_upload

INITIATIVES_PER_SCALE = 200
CHUNK = 5000


def seed(scale: int) -> Iterator[str]:
    """Add the showcase initiatives and INITIATIVES_PER_SCALE × scale generated ones."""
    started = time.perf_counter()
    seed_common_donors()
    db.session.flush()
    organisations = list(
        db.session.scalars(select(Organisation).where(Organisation.status == OrgStatus.VERIFIED))
    )
    if not organisations:
        yield "demo initiatives: skipped (no verified organisations)"
        return
    donors = {d.name: d for d in db.session.scalars(select(Donor))}
    towns = {m.slug: m for m in db.session.scalars(select(Municipality))}
    rng = random.Random(44)
    shown = [_showcase(item, organisations, donors, towns, rng) for item in SHOWCASE]
    count = _generate(rng, organisations, list(donors.values()), INITIATIVES_PER_SCALE * scale)
    db.session.commit()
    took = time.perf_counter() - started
    yield f"demo initiatives: {len(shown) + count} in {took:.1f} s"


def _lead_for(towns: list, organisations: list) -> Organisation:
    """A verified organisation working in the first town, else any verified one."""
    ids = set(
        db.session.scalars(
            select(organisation_municipalities.c.organisation_id).where(
                organisation_municipalities.c.municipality_id.in_([t.id for t in towns])
            )
        )
    )
    return next((o for o in organisations if o.id in ids), organisations[0])


def _showcase(item, organisations, donors, towns, rng) -> Initiative:
    places = [towns[slug] for slug in item.towns if slug in towns]
    lead = _lead_for(places, organisations)
    donor = donors[item.donor]
    initiative = Initiative(
        organisation=lead,
        title=item.title,
        summary=item.summary,
        description=item.description,
        language=item.language,
        total_budget=Decimal(item.budget),
        start_date=date(item.years[0], 1, 15),
        end_date=date(item.years[1], 12, 15),
        status=Status.ONGOING if item.years[0] <= utcnow().year else Status.PUBLISHED,
        published_at=utcnow(),
        search_text=normalize_search(f"{item.title} {item.summary} {lead.display_name}"),
    )
    initiative.municipalities = places
    initiative.donors = [donor]
    initiative.sector_rows = [InitiativeSector(sector=s) for s in item.sectors]
    if item.partner_abroad:
        name, country, city = item.partner_abroad
        initiative.partners.append(Partner(name=name, country=country, city=city))
    for party, amount in item.funding:
        initiative.funding_lines.append(_line(party, amount, donor, places))
    db.session.add(initiative)
    db.session.flush()
    _around(initiative, places, rng)
    add_documents(SEARCH_KIND, [(initiative.id, initiative.search_text)])
    return initiative


def _line(party: str, amount: int, donor: Donor, places: list) -> FundingLine:
    values = {"party": Party(party), "amount": Decimal(amount)}
    if party == "donor":
        values["donor_id"] = donor.id
    elif party == "municipality":
        values["municipality_id"] = places[0].id
    return FundingLine(**values)


def _around(initiative: Initiative, places: list, rng) -> None:
    """An update, an upcoming and a past event, documents, priority links and an endorsement."""
    author = db.session.scalar(
        select(Membership.user_id).where(Membership.organisation_id == initiative.organisation_id)
    )
    records = _timeline(initiative, places, author)
    _documents(initiative, records, author)
    for priority_id in db.session.scalars(
        select(Priority.id).where(Priority.municipality_id.in_([p.id for p in places])).limit(2)
    ):
        db.session.add(PriorityLink(initiative_id=initiative.id, priority_id=priority_id))
    _endorse(initiative, places)


def _timeline(initiative: Initiative, places: list, author: int | None) -> dict:
    """An update and two events; returns the update and the upcoming workshop by name."""
    title, body = UPDATES[initiative.language]
    update = Update(
        initiative_id=initiative.id,
        title=title,
        body=body,
        author_id=author,
        language=initiative.language,
        posted_on=initiative.start_date,
    )
    events = []
    titles = EVENTS[initiative.language]
    for (days, kind), title in zip(
        ((14, EventKind.WORKSHOP), (-30, EventKind.STUDY_VISIT)), titles, strict=True
    ):
        starts = utcnow().replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days)
        events.append(
            Event(
                initiative_id=initiative.id,
                kind=kind,
                title=title,
                starts_at=starts,
                ends_at=starts + timedelta(hours=3),
                place=places[0].name if places else "Online",
                agenda="",
                language=initiative.language,
                author_id=author,
            )
        )
    db.session.add_all([update, *events])
    db.session.flush()
    return {"update": update, "event": events[0]}


def _documents(initiative: Initiative, records: dict, author: int | None) -> None:
    """A memorandum (PDF) of the initiative, a photo of its update, the workshop's agenda."""
    actor = db.session.get(User, author) if author else None
    for title, kind, sample, name, owner in DOCUMENTS[initiative.language]:
        image = sample == "png"
        data = samples.png(640, 400, (0, 94, 184)) if image else samples.pdf(title)
        upload = save_upload(
            actor,
            FileStorage(io.BytesIO(data), filename=name),
            kind=UploadKind.IMAGE if image else UploadKind.DOCUMENT,
        )
        record = records.get(owner)
        db.session.add(
            InitiativeDocument(
                upload_id=upload.id,
                initiative_id=initiative.id,
                update_id=record.id if owner == "update" else None,
                event_id=record.id if owner == "event" else None,
                title=title,
                kind=DocumentKind(kind),
                language=initiative.language,
                added_by_id=author,
            )
        )


def _endorse(initiative: Initiative, places: list) -> None:
    pristina = next((p for p in places if p.slug == "pristina"), None)
    staff = db.session.scalar(select(User).where(User.email.like("staff@demo.%")))
    if pristina is not None and staff is not None:
        db.session.add(
            Endorsement(
                initiative_id=initiative.id,
                municipality_id=pristina.id,
                author_id=staff.id,
                statement="Komuna e Prishtinës e mbështet këtë plan dhe e bashkëfinancon.",
            )
        )


def _generate(rng, organisations, donors, count) -> int:
    """Insert `count` initiatives in bulk with their municipalities, sectors and donors."""
    homes = dict(db.session.execute(select(organisation_municipalities)).all())
    made = 0
    while made < count:
        size = min(CHUNK, count - made)
        plans = [_plan(rng, organisations, homes) for _n in range(size)]
        rows = with_subjects(Initiative, [plan[0] for plan in plans])
        ids = list(
            db.session.scalars(
                insert(Initiative).returning(Initiative.id, sort_by_parameter_order=True), rows
            )
        )
        _links(rng, ids, plans, donors)
        _generated_timeline(ids, rows)
        add_documents(SEARCH_KIND, zip(ids, (r["search_text"] for r in rows), strict=True))
        made += size
    return made


def _generated_timeline(ids: list[int], rows: list[dict]) -> None:
    """One update on each generated initiative, and a workshop on every third, in bulk."""
    updates, events = [], []
    for n, (initiative_id, row) in enumerate(zip(ids, rows, strict=True)):
        language, start = row["language"], row["start_date"]
        title, body = GENERATED_UPDATE[language]
        updates.append(
            {
                "initiative_id": initiative_id,
                "title": title,
                "body": body,
                "language": language,
                "posted_on": start + timedelta(days=30),
            }
        )
        if n % 3 == 0:
            name, place = GENERATED_EVENT[language]
            starts = datetime.combine(start + timedelta(days=60), clock(10), tzinfo=UTC)
            events.append(
                {
                    "initiative_id": initiative_id,
                    "kind": EventKind.WORKSHOP,
                    "title": name,
                    "starts_at": starts,
                    "ends_at": starts + timedelta(hours=3),
                    "place": place,
                    "agenda": "",
                    "language": language,
                }
            )
    db.session.execute(insert(Update), updates)
    db.session.execute(insert(Event), events)


def _plan(rng, organisations, homes) -> tuple[dict, int | None]:
    lead = rng.choice(organisations)
    language = rng.choice(("sq", "sr", "en"))
    title = f"{rng.choice(TOPICS[language])} {rng.randint(2, 99)}"
    start = date(rng.randint(2019, 2027), rng.randint(1, 12), 1)
    now = utcnow()
    row = {
        "organisation_id": lead.id,
        "title": title,
        "summary": SUMMARIES[language],
        "description": "",
        "language": language,
        "objectives": "",
        "activities": "",
        "expected_results": "",
        "achieved_results": "",
        "total_budget": Decimal(rng.randrange(5, 500) * 1000),
        "start_date": start,
        "end_date": start + timedelta(days=rng.randint(180, 1100)),
        "status": rng.choice([Status.PUBLISHED, Status.ONGOING, Status.COMPLETED, Status.DRAFT]),
        "published_at": now,
        "last_updated_at": now,
        "created_at": now,
        "updated_at": now,
        "search_text": normalize_search(f"{title} {SUMMARIES[language]}"),
    }
    return row, homes.get(lead.id)


def _links(rng, ids, plans, donors) -> None:
    towns = [
        {"initiative_id": i, "municipality_id": p[1]}
        for i, p in zip(ids, plans, strict=True)
        if p[1]
    ]
    sectors = [{"initiative_id": i, "sector": rng.choice(list(Sector))} for i in ids]
    funded = [{"initiative_id": i, "donor_id": rng.choice(donors).id} for i in ids]
    for table, rows in (
        (initiative_municipalities, towns),
        (InitiativeSector.__table__, sectors),
        (initiative_donors, funded),
    ):
        if rows:
            db.session.execute(insert(table), rows)
