"""What the API reads, each list in a constant number of queries whatever the data size."""

from collections import defaultdict

from flask_login import AnonymousUserMixin
from sqlalchemy import false, select
from werkzeug.datastructures import MultiDict

from civicapp.api.params import (
    BadParameter,
    one_of_error,
    unknown_municipality_error,
    whole_number_error,
)
from civicapp.consultations.models import Consultation
from civicapp.extensions import db
from civicapp.municipalities.models import Country, Municipality
from civicapp.priorities import queries as priority_queries
from civicapp.priorities.models import Priority, Sector, Status
from civicapp.priorities.policies import can_view_priority, listed_priorities
from civicapp.search.services import query_words

# The API is public: it shows what a visitor who is not signed in sees.
VISITOR = AnonymousUserMixin()
SORTS = [*priority_queries.SORTS, priority_queries.RELEVANCE]
FILTERS = ("municipality", "consultation", "sector", "status", "overdue", "withdrawn", "sort")


def municipalities(country: Country | None):
    stmt = select(Municipality).order_by(Municipality.slug)
    return stmt if country is None else stmt.where(Municipality.country == country)


def municipality_slugs() -> list[str]:
    return list(db.session.scalars(select(Municipality.slug).order_by(Municipality.slug)))


def adopted_priority_ids(consultation_ids: list[int]) -> dict[int, list[int]]:
    """Ids of the public priorities each consultation adopted into its plan, in one query."""
    found = defaultdict(list)
    if consultation_ids:
        stmt = (
            select(Priority.consultation_id, Priority.id)
            .where(
                Priority.consultation_id.in_(consultation_ids),
                Priority.adopted_in_plan.is_(True),
                listed_priorities(),
            )
            .order_by(Priority.id)
        )
        for consultation_id, priority_id in db.session.execute(stmt):
            found[consultation_id].append(priority_id)
    return found


def get_consultation(consultation_id: int) -> Consultation | None:
    return db.session.get(Consultation, consultation_id)


def get_public_priority(priority_id: int) -> Priority | None:
    """The priority, unless it is hidden from the public."""
    priority = db.session.get(Priority, priority_id)
    return priority if priority and can_view_priority(VISITOR, priority) else None


def priority_filters(args) -> priority_queries.Filters:
    """The list's filters read by the HTML list's own parser; one it does not understand is a
    400 here, where a page would leave it out and say so."""
    args = MultiDict(args)
    if args.get("sort") == priority_queries.RELEVANCE and not args.get("q", "").strip():
        args.pop("sort")  # no query, nothing to rank: the default order
    filters = priority_queries.parse_filters(args)
    # A page takes an empty filter for no filter; an API call with one is a mistake.
    blank = [name for name in FILTERS if name in args and not args[name].strip()]
    errors = [_filter_error(name) for name in blank + filters.ignored]
    if errors:
        raise BadParameter(" ".join(error.message for error in errors), errors[0].field)
    return filters


def _filter_error(name: str) -> BadParameter:
    enums = {"sector": Sector, "status": Status}
    if name in enums:
        return one_of_error(name, [member.value for member in enums[name]])
    if name == "municipality":
        return unknown_municipality_error(name)
    if name == "consultation":
        return whole_number_error(name, priority_queries.MAX_ID)
    return one_of_error(name, {"overdue": ["1"], "withdrawn": ["1"], "sort": SORTS}.get(name, []))


def priorities(filters: priority_queries.Filters):
    """Public priorities matching the filters, in the HTML list's order; a query with no word
    long enough to search for matches nothing."""
    stmt = priority_queries.priority_list_query(filters)
    if filters.q and not query_words(filters.q):
        stmt = stmt.where(false())
    return stmt
