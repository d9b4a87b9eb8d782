"""Index the words of documents and find documents by word prefixes, ranked by words matched."""

from collections.abc import Iterable

from sqlalchemy import (
    Select,
    and_,
    delete,
    distinct,
    func,
    insert,
    literal_column,
    or_,
    select,
    union_all,
)

from civicapp.extensions import db
from civicapp.i18n import normalize_search
from civicapp.search.models import TERM_MAX, SearchTerm

MIN_WORD = 2
MAX_QUERY_WORDS = 8
CHUNK = 5000


def terms_of(text: str | None) -> set[str]:
    """The distinct normalised words of a text worth indexing."""
    return {word[:TERM_MAX] for word in normalize_search(text).split() if len(word) >= MIN_WORD}


def index_document(kind: str, object_id: int, text: str | None) -> None:
    """Replace the indexed words of one document (flushed; the caller commits)."""
    remove_document(kind, object_id)
    add_documents(kind, [(object_id, text)])


def add_documents(kind: str, documents: Iterable[tuple[int, str | None]]) -> int:
    """Index documents that have no terms yet, in bulk; return the number of terms added."""
    rows, added, table = [], 0, SearchTerm.__table__
    for object_id, text in documents:
        rows.extend({"kind": kind, "term": t, "object_id": object_id} for t in terms_of(text))
        if len(rows) >= CHUNK:
            db.session.execute(insert(table), rows)
            added, rows = added + len(rows), []
    if rows:
        db.session.execute(insert(table), rows)
    return added + len(rows)


def remove_document(kind: str, object_id: int) -> None:
    """Forget every word of one document."""
    db.session.execute(
        delete(SearchTerm).where(SearchTerm.kind == kind, SearchTerm.object_id == object_id)
    )


def query_words(query: str | None) -> list[str]:
    """The words of a search query, normalised like the index, at most MAX_QUERY_WORDS."""
    words = []
    for word in normalize_search((query or "")[:500]).split():
        word = word[:TERM_MAX]
        if len(word) >= MIN_WORD and word not in words:
            words.append(word)
    return words[:MAX_QUERY_WORDS]


def prefix_end(word: str) -> str:
    """The smallest string after every string that starts with `word` (code point order)."""
    return word[:-1] + chr(min(ord(word[-1]) + 1, 0x10FFFF))


def matches(kind: str, query: str | None) -> Select | None:
    """Rows (object_id, score): documents with a word starting with a query word; score counts
    the query words matched. None when the query has no searchable word."""
    words = query_words(query)
    if not words:
        return None
    branches = [
        select(SearchTerm.object_id, literal_column(str(number)).label("word")).where(
            SearchTerm.kind == kind, SearchTerm.term >= word, SearchTerm.term < prefix_end(word)
        )
        for number, word in enumerate(words)
    ]
    hits = (branches[0] if len(branches) == 1 else union_all(*branches)).subquery("hits")
    return select(hits.c.object_id, func.count(distinct(hits.c.word)).label("score")).group_by(
        hits.c.object_id
    )


def matching_ids(kind: str, query: str | None) -> Select | None:
    """Ids of the documents with a word starting with a query word, to use as a subquery
    (`IN`, a join) in the caller's own query; None when the query has no searchable word."""
    words = query_words(query)
    if not words:
        return None
    ranges = (and_(SearchTerm.term >= w, SearchTerm.term < prefix_end(w)) for w in words)
    return select(SearchTerm.object_id).where(SearchTerm.kind == kind, or_(*ranges))


def search(kind: str, query: str | None, limit: int = 20, offset: int = 0) -> list[int]:
    """Ids of the documents of a kind matching the query, best first."""
    found = matches(kind, query)
    if found is None:
        return []
    ranked = found.subquery("found")
    stmt = (
        select(ranked.c.object_id)
        .order_by(ranked.c.score.desc(), ranked.c.object_id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(db.session.scalars(stmt))
