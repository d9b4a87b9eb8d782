"""Citizens' priorities, as the public sees them, and the official answers they received."""

from flask_login import AnonymousUserMixin
from sqlalchemy import Select, false

from civicapp.api import params, spec
from civicapp.api.fields import (
    BOOLEAN,
    COUNT,
    INTEGER,
    SHARE,
    STRING,
    Shape,
    enum,
    field,
    link,
    optional_text,
    slug_of,
    text,
    time,
)
from civicapp.extensions import db
from civicapp.i18n import ANSWER_LANGUAGES, CONTENT_LANGUAGES
from civicapp.priorities import queries as priority_queries
from civicapp.priorities.models import Priority, Sector, Status
from civicapp.priorities.policies import can_view_priority
from civicapp.responses.queries import Rating
from civicapp.search.services import query_words

# The API is public: it shows what a visitor who is not signed in sees.
VISITOR = AnonymousUserMixin()
SORTS = [*priority_queries.SORTS, priority_queries.RELEVANCE]
MARKDOWN = "Markdown, as written."
TAG = "priorities"

PRIORITY_REF = Shape(
    "PriorityRef",
    {
        "id": field(INTEGER),
        "reference": field(STRING, null=True),
        "title": text(),
        "language": enum(CONTENT_LANGUAGES),
        "url": link("api.priority", priority_id="id"),
        "html_url": link("priorities.show", priority_id="id"),
    },
)
OVERDUE_PRIORITY = PRIORITY_REF.extended("OverduePriority", {"due_at": time()})
PRIORITY = Shape(
    "Priority",
    {
        "id": field(INTEGER),
        "reference": field(STRING, null=True, doc="Public reference, e.g. PRI-2027-00042."),
        "title": text(),
        "body": text(doc=MARKDOWN),
        "body_html": text(doc="The body as sanitised HTML."),
        "language": enum(CONTENT_LANGUAGES),
        "municipality": slug_of("municipality", "The municipality's slug."),
        "consultation_id": field(INTEGER, null=True),
        "sector": enum(Sector),
        "place": optional_text(doc="Village or neighbourhood."),
        "status": enum(Status),
        "support_count": field(COUNT),
        "support_threshold": field({"type": "integer", "minimum": 1}),
        "comment_count": field(COUNT),
        "threshold_reached_at": time(null=True),
        "due_at": time(null=True, doc="When the first official answer is owed."),
        "is_overdue": field(BOOLEAN),
        "first_answered_at": time(null=True),
        "last_answered_at": time(null=True),
        "withdrawn": field(BOOLEAN, lambda p: p.is_withdrawn),
        "adopted_in_plan": field(BOOLEAN),
        "created_at": time(),
        "url": link("api.priority", priority_id="id"),
        "html_url": link("priorities.show", priority_id="id"),
        "answers_url": link("api.answers", priority_id="id"),
    },
)
SATISFACTION = Shape(
    "Satisfaction",
    {
        "ratings": field(COUNT, lambda r: r.total),
        "satisfied": field(COUNT),
        "share": field(SHARE, lambda r: r.share if r.total else None, null=True),
    },
)
ANSWER = Shape(
    "Answer",
    {
        "id": field(INTEGER),
        "status": enum(Status),
        "created_at": time(),
        "author": field(
            STRING,
            lambda r: r.author.display_name if r.author else None,
            null=True,
            doc="The staff member who answered.",
        ),
        "budget_amount": field(
            {"type": "number", "minimum": 0},
            lambda r: None if r.budget_amount is None else float(r.budget_amount),
            null=True,
        ),
        "budget_currency": field(
            {"type": "string", "enum": ["EUR"]},
            lambda r: None if r.budget_amount is None else "EUR",
            null=True,
        ),
        "budget_year": field(INTEGER, null=True),
        "reason": optional_text(doc="Why the priority is rejected."),
        "competent_body": optional_text(doc="Whose competence it is."),
        "texts": field(
            {
                "type": "object",
                "additionalProperties": False,
                "properties": {code: STRING for code in ANSWER_LANGUAGES},
                "description": "The answer's text in each language it was given in.",
            },
            lambda r: {t.language: t.text for t in r.texts},
        ),
        "satisfaction": SATISFACTION.one(inline=True),
    },
)
SHAPES = (PRIORITY, ANSWER, PRIORITY_REF, OVERDUE_PRIORITY)


def priorities(filters: priority_queries.Filters) -> Select:
    """Public priorities matching the filters, in the HTML list's order; a query with no word
    long enough to search for matches nothing."""
    stmt = priority_queries.priority_list_query(filters)
    if filters.q and not query_words(filters.q):
        stmt = stmt.where(false())
    return stmt


def get_public_priority(priority_id: int) -> Priority | None:
    """The priority, unless it is hidden from the public."""
    priority = db.session.get(Priority, priority_id)
    return priority if priority and can_view_priority(VISITOR, priority) else None


def answer_json(response, rating: Rating | None) -> dict:
    """One entry of a priority's official timeline, with what its supporters thought of it."""
    return ANSWER.dump(response, satisfaction=rating or Rating(0, 0))


def paths(slugs: list[str]) -> dict:
    priority = spec.id_path("priority_id", "The priority's id.")
    summaries = ("List priorities", "Show a priority")
    return spec.collection("/priorities", PRIORITY, _filters(slugs), priority, TAG, summaries) | {
        "/priorities/{priority_id}/answers": spec.list_operation(
            "List a priority's official answers", ANSWER, [priority, *spec.PAGING], TAG, True
        ),
    }


def _filters(slugs: list[str]) -> list[dict]:
    one = {"type": "string", "enum": ["1"]}
    return [
        spec.query("municipality", spec.slug(slugs), "Only this municipality's priorities."),
        spec.query(
            "consultation", spec.whole(params.MAX_ID), "Only this consultation's priorities."
        ),
        spec.query("sector", enum(Sector).schema, "Only this sector."),
        spec.query("status", enum(Status).schema, "Only priorities with this official status."),
        spec.query("overdue", one, "1: only priorities whose first official answer is overdue."),
        spec.query(
            "withdrawn",
            one,
            "1: only the priorities their authors withdrew, which the list leaves out otherwise.",
        ),
        spec.query(
            "q",
            STRING,
            "Search titles, texts and comments (diacritics and Serbian script ignored). "
            "Words shorter than two letters are not searched; a query without a longer word "
            "matches nothing.",
        ),
        spec.query(
            "sort",
            enum(SORTS).schema,
            "Order: supported (default), newest, discussed, answered (recently answered "
            "first), relevance (the default when q is given).",
        ),
        *spec.PAGING,
    ]
