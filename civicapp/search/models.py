"""The inverted index: one row per distinct normalised word of a document."""

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from civicapp.extensions import db

TERM_MAX = 64
# Byte order on PostgreSQL as on SQLite, so that a prefix is one contiguous range of the index.
TermType = String(TERM_MAX).with_variant(String(TERM_MAX, collation="C"), "postgresql")


class SearchTerm(db.Model):
    """A word of one document of a kind ("priority", "comment", ...)."""

    __tablename__ = "search_terms"
    # (kind, term) first: a query is `kind = ? AND term` in a prefix range, one index seek.
    __table_args__ = (Index("ix_search_terms_kind_object_id", "kind", "object_id"),)

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    term: Mapped[str] = mapped_column(TermType, primary_key=True)
    object_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
