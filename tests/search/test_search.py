"""The shared word index: indexing, prefix search, ranking, and index use on both databases."""

import pytest
from sqlalchemy import func, select, text

from civicapp.extensions import db
from civicapp.search.models import SearchTerm
from civicapp.search.services import (
    add_documents,
    index_document,
    matches,
    matching_ids,
    prefix_end,
    query_words,
    remove_document,
    search,
    terms_of,
)


def test_terms_are_folded_distinct_and_bounded():
    assert terms_of("Graçanicë, GRAČANICA и Грачаница! a x 42") == {"gracanice", "gracanica", "42"}
    assert terms_of("Đurđevdan ß") == {"djurdjevdan", "ss"}
    assert terms_of("w" * 80) == {"w" * 64}
    assert query_words("a b Park park PARK " + " ".join(f"w{n}" for n in range(20))) == [
        "park",
        *[f"w{n}" for n in range(7)],
    ]
    assert prefix_end("ab") == "ac"


def test_index_replace_and_remove(app_ctx):
    index_document("priority", 1, "Rruga në Graçanicë")
    index_document("priority", 2, "Ulice u Gračanici")
    index_document("comment", 3, "Gračanica")
    db.session.commit()
    assert sorted(search("priority", "Грачани")) == [1, 2]
    assert search("comment", "gracanica") == [3]
    index_document("priority", 1, "Something else entirely")
    db.session.commit()
    assert search("priority", "gracani") == [2]
    remove_document("priority", 2)
    db.session.commit()
    assert search("priority", "gracani") == []
    assert db.session.scalar(select(func.count()).select_from(SearchTerm)) == 4


def test_ranked_by_words_matched_then_newest(app_ctx):
    add_documents(
        "priority",
        [(1, "water supply"), (2, "water supply for the school"), (3, "school water park")],
    )
    db.session.commit()
    assert search("priority", "water school park") == [3, 2, 1]
    assert search("priority", "water school park", limit=1, offset=1) == [2]
    assert search("priority", "wa") == [3, 2, 1]
    assert search("priority", "w") == [] and search("priority", "   ") == []
    assert search("priority", "%_%") == []  # no LIKE patterns: the words are only ranges


def _plan(stmt) -> str:
    sql = str(stmt.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}))
    prefix = "EXPLAIN QUERY PLAN " if db.engine.dialect.name == "sqlite" else "EXPLAIN "
    rows = db.session.connection().exec_driver_sql(prefix + sql).all()
    return "\n".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize("query", ["gra", "gracanica park school"])
def test_search_uses_the_index_not_a_scan(app_ctx, query):
    words = ["gracanica", "park", "school", "water", "road", "light", "river", "bus"]
    add_documents(
        "priority",
        ((n, f"{words[n % 8]} {words[(n * 3) % 8]} w{n} x{n % 997}") for n in range(1, 6001)),
    )
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("ANALYZE search_terms"))
    plan = _plan(matches("priority", query))
    if db.engine.dialect.name == "sqlite":
        assert "SEARCH search_terms USING" in plan and "term>? AND term<?" in plan, plan
        assert "SCAN search_terms" not in plan, plan
    else:
        assert "Index" in plan and "pk_search_terms" in plan, plan
        assert "Seq Scan on search_terms" not in plan, plan
    assert len(search("priority", query, limit=10_000)) > 700


def test_matching_ids_is_a_subquery_on_the_index(app_ctx):
    add_documents("comment", [(1, "Ndriçimi i rrugës"), (2, "Parku"), (3, "rruga e re")])
    add_documents("init_comment", [(4, "rruga")])
    db.session.commit()
    assert sorted(db.session.scalars(matching_ids("comment", "rrug park"))) == [1, 2, 3]
    assert matching_ids("comment", "a") is None  # no word long enough to look for
    if db.engine.dialect.name == "sqlite":
        plan = _plan(matching_ids("comment", "rrug park"))
        assert "SEARCH search_terms USING" in plan and "SCAN search_terms" not in plan, plan
