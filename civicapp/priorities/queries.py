"""Priority lists: filters and sorts read from the query string, and the query they build."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload

from civicapp.comments.services import subjects_discussed
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.i18n import current_locale, normalize_search
from civicapp.municipalities.models import Municipality
from civicapp.municipalities.services import get_municipality_by_slug
from civicapp.priorities.models import Priority, Sector, Status
from civicapp.priorities.policies import listed_priorities
from civicapp.priorities.subjects import COMMENT_SEARCH_KIND
from civicapp.search.services import matches

PER_PAGE = 20
MAX_PAGE = 10_000
MAX_ID = 2**31 - 1
P = Priority
SORTS = {
    "supported": (_l("Most supported"), (P.support_count.desc(), P.id.desc())),
    "newest": (_l("Newest"), (P.created_at.desc(), P.id.desc())),
    "discussed": (_l("Most discussed"), (P.comment_count.desc(), P.id.desc())),
    "answered": (_l("Recently answered"), (P.last_answered_at.desc().nulls_last(), P.id.desc())),
}
RELEVANCE = "relevance"
DIGITS = re.compile(r"[0-9]{1,12}")
SLUG = re.compile(r"[a-z0-9-]{1,64}")


@dataclass
class Filters:
    """A list's filters as understood; `ignored` names the parameters that were not."""

    municipality: Municipality | None = None
    consultation_id: int | None = None
    sector: Sector | None = None
    status: Status | None = None
    overdue: bool = False
    withdrawn: bool = False
    q: str = ""
    sort: str = "supported"
    ignored: list[str] = field(default_factory=list)


def positive_int(raw: str | None, upper: int) -> int | None:
    """The number in `raw` when it is a plain decimal between 1 and upper, else None."""
    if raw is None or not DIGITS.fullmatch(raw.strip()):
        return None
    value = int(raw)
    return value if 1 <= value <= upper else None


def _enum(enum_cls, raw: str):
    return enum_cls(raw) if raw in {member.value for member in enum_cls} else None


def parse_filters(args) -> Filters:
    """Read the filters; a value that is not understood is left out and named in `ignored`."""
    filters = Filters(q=args.get("q", "", type=str).strip()[:200])
    readers = {
        "municipality": lambda raw: get_municipality_by_slug(raw) if SLUG.fullmatch(raw) else None,
        "consultation": lambda raw: positive_int(raw, MAX_ID),
        "sector": lambda raw: _enum(Sector, raw),
        "status": lambda raw: _enum(Status, raw),
        "overdue": lambda raw: True if raw == "1" else None,
        "withdrawn": lambda raw: True if raw == "1" else None,
    }
    targets = {"municipality": "municipality", "consultation": "consultation_id"}
    for name, read in readers.items():
        raw = args.get(name, "", type=str).strip()
        if not raw:
            continue
        value = read(raw)
        if value is None:
            filters.ignored.append(name)
        else:
            setattr(filters, targets.get(name, name), value)
    filters.sort = _sort(args.get("sort", "", type=str), filters)
    return filters


def _sort(raw: str, filters: Filters) -> str:
    if raw in SORTS or (raw == RELEVANCE and filters.q):
        return raw
    if raw:
        filters.ignored.append("sort")
    return RELEVANCE if filters.q else "supported"


NAME_COLUMNS = {"sq": "name_sq", "sr_Latn": "name_sr_latn", "sr": "name_sr_cyrl", "en": "name_en"}


def municipality_options() -> list:
    """(id, slug, name in the reader's language) of every municipality, in name order."""
    name = getattr(Municipality, NAME_COLUMNS.get(current_locale(), "name_sq"))
    rows = db.session.execute(select(Municipality.id, Municipality.slug, name)).all()
    return sorted(rows, key=lambda row: _name_key(row[2]))


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    return normalize_search(name)


def priority_list_query(filters: Filters, reader=None) -> Select:
    """Priorities the reader's lists show (no reader: the public's) matching the filters, in
    the asked order, with what a list row shows."""
    return _filtered(_with_row_data(select(P)), filters, reader)


def priority_page(filters: Filters, page: int, reader=None):
    """One page of the list: the ids ranked by a query that reads only indexes, then the rows.

    Ranking whole rows made the database sort every match with its texts (thousands for a
    common word at scale); ids sort in a fraction of the time, and the page needs 20 rows.
    """
    found = db.paginate(
        _filtered(select(P.id), filters, reader),
        page=page,
        per_page=PER_PAGE,
        error_out=False,
    )
    if found.items:
        rows = db.session.scalars(_with_row_data(select(P).where(P.id.in_(found.items))))
        by_id = {priority.id: priority for priority in rows}
        found.items = [by_id[priority_id] for priority_id in found.items]
    return found


def _with_row_data(stmt: Select) -> Select:
    """What a list row shows besides the priority: its municipality and consultation."""
    return stmt.options(joinedload(P.municipality), joinedload(P.consultation))


def _filtered(stmt: Select, filters: Filters, reader) -> Select:
    stmt = stmt.where(listed_priorities(reader, filters.withdrawn), *_conditions(filters))
    score = None
    if filters.q:
        stmt, score = _search(stmt, filters)
    if filters.sort == RELEVANCE and score is not None:
        return stmt.order_by(score.desc(), P.support_count.desc(), P.id.desc())
    return stmt.order_by(*SORTS.get(filters.sort, SORTS["supported"])[1])


def _conditions(filters: Filters) -> list:
    conditions = []
    if filters.municipality is not None:
        conditions.append(P.municipality_id == filters.municipality.id)
    if filters.consultation_id is not None:
        conditions.append(P.consultation_id == filters.consultation_id)
    if filters.sector is not None:
        conditions.append(P.sector == filters.sector)
    if filters.status is not None:
        conditions.append(P.status == filters.status)
    if filters.overdue:
        conditions += [P.first_answered_at.is_(None), P.due_at < utcnow()]
    return conditions


def _search(stmt: Select, filters: Filters):
    found = matches("priority", filters.q)
    if found is None:
        filters.ignored.append("q")
        return stmt, None
    hits = found.subquery("hits_by_priority")
    stmt = stmt.outerjoin(hits, hits.c.object_id == P.id).where(
        or_(hits.c.object_id.is_not(None), P.subject_id.in_(commented_on(filters.q)))
    )
    return stmt, func.coalesce(hits.c.score, 0)


def commented_on(query: str) -> Select:
    """Subjects of the priorities with a visible comment matching the query, as a subquery.

    Joined in the database with the word index, so every such priority is found (not only
    those of the best so-many comments) and no list of ids travels to Python and back.
    """
    return subjects_discussed(COMMENT_SEARCH_KIND, query)
