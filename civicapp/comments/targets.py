"""What comments can belong to: one entry per target type, in one place.

A comment has one nullable foreign key per target type (STYLE.md prefers explicit keys to
generic type/id pairs). To let a new feature's objects be discussed, add its column to
Comment (it joins the "exactly one target" CHECK by itself) and one Target entry below.
Target objects are duck-typed: `id`, `municipality_id` (or `municipality_ids` when they
concern several: staff of any of them comment officially), `author_id`, `comment_count`,
`is_hidden`, and optionally `is_withdrawn` and `is_published` (False: a draft, closed to
comments). The model class is found through the foreign key, so this shared machinery
never imports the features that use it.
"""

from dataclasses import dataclass

from flask import url_for

from civicapp.extensions import db


def exactly_one_of(*columns: str) -> str:
    """SQL for a CHECK that exactly one of the columns is set."""
    terms = " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in columns)
    return f"{terms} = 1"


def referenced_model(column):
    """The mapped class whose table a foreign-key column points to."""
    table = next(iter(column.foreign_keys)).column.table
    for mapper in db.Model.registry.mappers:
        if mapper.local_table is table:
            return mapper.class_
    raise LookupError(table.name)


@dataclass(frozen=True)
class Target:
    name: str  # in URLs and audit subjects: "priority"
    column: str  # Comment's foreign key: "priority_id"
    endpoint: str  # the page that shows the thread; takes `<column>` as its argument
    # The site search's document kind of such comments: one kind per target, so that a search
    # through one target type's comments never sees (nor is crowded out by) another's.
    search_kind: str  # at most 16 characters, as search_terms.kind

    @property
    def model(self):
        """The mapped class of such targets, found through Comment's foreign key."""
        from civicapp.comments.models import Comment

        return referenced_model(Comment.__table__.c[self.column])

    def post_url(self, target_id: int) -> str:
        """Where the thread's comment form posts (a `comments.post_on_<name>` route)."""
        return url_for(f"comments.post_on_{self.name}", **{self.column: target_id})

    def url(self, target_id: int, **kwargs) -> str:
        """The page of the target, e.g. with `_anchor="comment-12"`."""
        return url_for(self.endpoint, **{self.column: target_id}, **kwargs)


TARGETS = {
    target.name: target
    for target in (
        Target("priority", "priority_id", "priorities.show", "comment"),
        Target("initiative", "initiative_id", "initiatives.show", "init_comment"),
    )
}
TARGET_COLUMNS = tuple(target.column for target in TARGETS.values())


def target_of(obj) -> Target:
    """The target type of an object that comments can belong to."""
    for target in TARGETS.values():
        if isinstance(obj, target.model):
            return target
    raise LookupError(type(obj).__name__)


def municipality_ids_of(target) -> list:
    """The municipalities a target concerns (one for most, several for an initiative)."""
    ids = getattr(target, "municipality_ids", None)
    return list(ids) if ids is not None else [target.municipality_id]


def comment_target(comment) -> tuple[Target, int]:
    """The target type and id a comment belongs to."""
    for target in TARGETS.values():
        target_id = getattr(comment, target.column)
        if target_id is not None:
            return target, target_id
    raise LookupError(comment.id)
