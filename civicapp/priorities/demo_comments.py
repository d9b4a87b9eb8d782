"""Demo comments on priorities in Albanian, Serbian (Latin and Cyrillic) and English, with
replies and official staff comments; one priority gets a long thread (the benchmark's)."""

import random
import time
from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import insert, select, update

from civicapp.accounts.models import Role, User
from civicapp.comments.models import Comment
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.municipalities.models import StaffAssignment
from civicapp.priorities.models import Priority
from civicapp.priorities.subjects import COMMENT_SEARCH_KIND
from civicapp.search.services import add_documents
from civicapp.subjects.models import with_subjects
from civicapp.text import render_markdown

SMALL = 150  # scale 1: the set `make run` loads
PER_SCALE = 2_000  # from scale 2 on: 200,000 comments at scale 100
BUSY_THREAD = 60  # comments on the first priority: 40 top-level and 20 replies, one page
REPLY_SHARE = 0.3
OFFICIAL_SHARE = 0.25
CHUNK = 5_000

TEXTS = {
    "sq": (
        "Jam plotësisht dakord. Rruga është e rrezikshme sidomos në dimër.",
        "Kjo duhet të jetë prioritet i komunës këtë vit, jo vitin tjetër.",
        "Fëmijët tanë ecin çdo ditë këtu. **Ju lutem** veproni shpejt.",
        "A ka ndonjë plan për mirëmbajtjen pas përfundimit të punimeve?",
        "Në lagjen tonë problemi është i njëjtë. Duhet një zgjidhje për të gjithë.",
        "Mbështes idenë, por buxheti duhet të jetë transparent.",
        "Kemi dërguar kërkesë edhe në vitin 2024, por askush nuk u përgjigj.",
        "Propozoj që të përfshihen edhe shkollat në këtë projekt.",
    ),
    "sr_latn": (
        "Potpuno se slažem. Put je opasan, posebno zimi.",
        "Ovo treba da bude prioritet opštine još ove godine.",
        "Naša deca svakog dana idu ovuda. **Molimo** da se reaguje brzo.",
        "Da li postoji plan za održavanje kada se radovi završe?",
        "U našem naselju je isti problem. Potrebno je rešenje za sve.",
        "Podržavam predlog, ali budžet mora biti transparentan.",
    ),
    "sr_cyrl": (
        "Слажем се. Вода у селу није исправна већ годинама.",
        "Ово је најважније питање за наше село.",
        "Треба укључити и месну заједницу у припрему пројекта.",
        "Хвала на предлогу, подржавам га у потпуности.",
    ),
    "en": (
        "Fully agree. The road is dangerous, especially in winter.",
        "This should be the municipality's priority this year.",
        "Is there a maintenance plan once the works are finished?",
        "Same problem in our neighbourhood; we need one solution for everyone.",
    ),
}
OFFICIAL = {
    "sq": "Faleminderit. Drejtoria përkatëse e ka marrë në shqyrtim këtë çështje.",
    "sr": "Hvala. Nadležna direkcija razmatra ovo pitanje.",
    "en": "Thank you. The responsible directorate is reviewing this issue.",
}
LANGUAGE_OF = {"sq": "sq", "sr_latn": "sr", "sr_cyrl": "sr", "en": "en"}
HTML = {text: render_markdown(text) for texts in TEXTS.values() for text in texts} | {
    text: render_markdown(text) for text in OFFICIAL.values()
}


def comment_total(scale: int) -> int:
    """How many comments a scale gets."""
    return SMALL if scale <= 1 else PER_SCALE * scale


def seed(scale: int) -> Iterator[str]:
    """Add comment_total(scale) comments to the demo priorities, in chunks."""
    started = time.monotonic()
    rng = random.Random(2027)
    priorities = db.session.execute(
        select(
            Priority.id,
            Priority.subject_id,
            Priority.municipality_id,
            Priority.language,
            Priority.created_at,
        )
        .where(Priority.is_hidden.is_(False))
        .order_by(Priority.id)
    ).all()
    citizens = list(
        db.session.scalars(select(User.id).where(User.role == Role.CITIZEN).limit(5000))
    )
    if not priorities or not citizens:
        yield "demo comments: no priorities or citizens to discuss them"
        return
    staff = _staff_by_municipality()
    plan = _plan(rng, len(priorities), comment_total(scale))
    made = 0
    for start in range(0, len(priorities), 200):
        batch = [(p, plan[i]) for i, p in enumerate(priorities[start : start + 200], start)]
        made += _seed_batch(rng, batch, citizens, staff)
    _set_counts(priorities, plan)
    took = time.monotonic() - started
    yield f"demo comments: {made} on {len(priorities)} priorities in {took:.1f} s"


def _set_counts(priorities, plan: list[int]) -> None:
    """Every demo comment is visible, so each priority's count is its planned number."""
    rows = [{"id": p.id, "comment_count": n} for p, n in zip(priorities, plan, strict=True) if n]
    for start in range(0, len(rows), CHUNK):
        db.session.execute(update(Priority), rows[start : start + CHUNK])
    db.session.commit()


def _plan(rng: random.Random, priorities: int, total: int) -> list[int]:
    """How many comments each priority gets: the busy thread, the rest spread at random."""
    counts = [0] * priorities
    counts[0] = min(BUSY_THREAD, total)
    others = range(1, priorities) if priorities > 1 else range(1)
    for _ in range(total - counts[0]):
        counts[rng.choice(others)] += 1
    return counts


def _staff_by_municipality() -> dict[int, list[int]]:
    staff: dict[int, list[int]] = {}
    for municipality_id, user_id in db.session.execute(
        select(StaffAssignment.municipality_id, StaffAssignment.user_id)
    ):
        staff.setdefault(municipality_id, []).append(user_id)
    return staff


def _seed_batch(rng, batch, citizens, staff) -> int:
    """Insert the top-level comments of some priorities, then replies to them."""
    tops, replies_wanted = [], {}
    for priority, count in batch:
        n_replies = round(count * REPLY_SHARE) if count > 1 else 0
        replies_wanted[priority.subject_id] = n_replies
        tops += [_row(rng, priority, citizens, staff) for _ in range(count - n_replies)]
    tops.sort(key=lambda row: row["created_at"])
    top_ids = _insert(tops)
    parents: dict[int, list[tuple[int, object]]] = {}
    for row, comment_id in zip(tops, top_ids, strict=True):
        parents.setdefault(row["target_subject_id"], []).append((comment_id, row["created_at"]))
    replies = []
    by_id = {priority.subject_id: priority for priority, _count in batch}
    for subject_id, n in replies_wanted.items():
        for _ in range(n if subject_id in parents else 0):
            parent_id, after = rng.choice(parents[subject_id])
            row = _row(rng, by_id[subject_id], citizens, staff, after=after)
            replies.append(row | {"parent_id": parent_id})
    replies.sort(key=lambda row: row["created_at"])
    _insert(replies)
    return len(tops) + len(replies)


def _row(rng, priority, citizens, staff, after=None) -> dict:
    """One comment row: by a citizen in some language, or now and then an official one."""
    start = after or priority.created_at
    span = max((utcnow() - start).total_seconds(), 60)
    created = start + timedelta(seconds=rng.uniform(30, span))
    official = priority.municipality_id in staff and rng.random() < OFFICIAL_SHARE
    if official:
        language = priority.language if priority.language in OFFICIAL else "sq"
        body, author = OFFICIAL[language], rng.choice(staff[priority.municipality_id])
    else:
        script = _script(rng, priority.language)
        body, author = rng.choice(TEXTS[script]), rng.choice(citizens)
        language = LANGUAGE_OF[script]
    edited = created + timedelta(minutes=5) if rng.random() < 0.05 else None
    return {
        "target_subject_id": priority.subject_id,
        "parent_id": None,
        "author_id": author,
        "body": body,
        "body_html": HTML[body],
        "language": language,
        "is_official": official,
        "is_hidden": False,
        "created_at": created,
        "updated_at": edited or created,
        "edited_at": edited,
        "deleted_at": None,
    }


def _script(rng, priority_language: str) -> str:
    """Mostly the priority's language; Serbian in Latin or Cyrillic."""
    if rng.random() < 0.3:
        return rng.choice(tuple(TEXTS))
    if priority_language == "sr":
        return rng.choice(("sr_latn", "sr_cyrl"))
    return priority_language if priority_language in TEXTS else "sq"


def _insert(rows: list[dict]) -> list[int]:
    """Insert rows in chunks, index them for search, and return their ids in order."""
    ids: list[int] = []
    for start in range(0, len(rows), CHUNK):
        chunk = with_subjects(Comment, rows[start : start + CHUNK])
        table = Comment.__table__  # Core: several times faster than the ORM's bulk insert
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        chunk_ids = list(db.session.execute(stmt, chunk).scalars())
        texts = (row["body"] for row in chunk)
        add_documents(COMMENT_SEARCH_KIND, zip(chunk_ids, texts, strict=True))
        ids += chunk_ids
    db.session.commit()
    return ids
