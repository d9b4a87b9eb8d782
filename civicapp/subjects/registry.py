"""The registry of subject types: what the shared machinery knows of each feature's objects.

A feature declares its types once, in its `subjects.py` (loaded by the app factory like its
models): the page of an object, its title, the municipalities it concerns, whether it takes
comments and how its comments are searched, what moderation tells its author, and what its
follow button says. Comments, moderation, notifications and search read this registry and
never import a feature.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import url_for
from sqlalchemy import select

from civicapp.extensions import db
from civicapp.i18n import in_reader_script
from civicapp.subjects.models import Subject


def page_url(endpoint: str, argument: str) -> Callable[..., str]:
    """A `url` for types whose page takes the object's id as one argument."""

    def url(obj, **kwargs) -> str:
        return url_for(endpoint, **{argument: obj.id}, **kwargs)

    return url


def reader_title(obj) -> str:
    """The object's title in the reader's script (its `title` in its `language`)."""
    return in_reader_script(obj.title, getattr(obj, "language", "") or "")


def own_municipality(obj) -> list[int]:
    """The one municipality an object belongs to (several with `municipality_ids`)."""
    ids = getattr(obj, "municipality_ids", None)
    return list(ids) if ids is not None else [obj.municipality_id]


def never_official(obj) -> bool:
    """An `is_official` for types that hold no official content."""
    return False


@dataclass(frozen=True)
class Wording:
    """What moderation tells an author about their object: callables of title (and reason)."""

    hidden: Callable[[str], str]
    hidden_for: Callable[[str, str], str]
    restored: Callable[[str], str]


@dataclass(frozen=True)
class Following:
    """The follow button's hint and the messages after following and unfollowing (lazy)."""

    hint: Any
    followed: Any
    unfollowed: Any


@dataclass(frozen=True)
class SubjectType:
    kind: str  # subjects.kind, in URLs and audit subjects: "priority"
    model: type  # the mapped class: `id`, `subject_id`, `is_hidden`, `author_id`
    url: Callable[..., str]  # (obj, **url_for arguments) -> the object's page
    label: Any  # lazy: "Priority"
    hidden_label: Any  # lazy: the moderators' list of such objects hidden now
    wording: Wording
    title: Callable[[Any], str] = reader_title
    municipality_ids: Callable[[Any], list[int]] = own_municipality
    # Comments: the search kind of comments on such objects (None: no comments on them).
    comment_search_kind: str | None = None
    following: Following | None = None  # None: not followed
    # Hide or show for moderation; returns whether it changed (default: set is_hidden).
    set_hidden: Callable[[Any, bool], bool] | None = None
    # Official content (staff speaking for a municipality) is never hidden by reports alone.
    is_official: Callable[[Any], bool] = never_official


_TYPES: dict[str, SubjectType] = {}


def register(subject_type: SubjectType) -> SubjectType:
    """Declare a subject type (once per kind; declaring the same again replaces it)."""
    _TYPES[subject_type.kind] = subject_type
    return subject_type


def unregister(kind: str) -> None:
    """Forget a subject type (tests that declare their own)."""
    _TYPES.pop(kind, None)


def subject_types() -> dict[str, SubjectType]:
    """Every declared type by kind, in declaration order."""
    return dict(_TYPES)


def type_named(kind: str) -> SubjectType | None:
    return _TYPES.get(kind)


def type_of(obj) -> SubjectType:
    """The declared type of an object (LookupError for anything else)."""
    for subject_type in _TYPES.values():
        if isinstance(obj, subject_type.model):
            return subject_type
    raise LookupError(type(obj).__name__)


def is_subject(obj) -> bool:
    return any(isinstance(obj, t.model) for t in _TYPES.values())


def get_object(kind: str, object_id: int):
    """The object of a declared kind with that id, or None."""
    subject_type = _TYPES.get(kind)
    return db.session.get(subject_type.model, object_id) if subject_type else None


def objects_of(subject_ids, session=None) -> dict[int, Any]:
    """The objects behind subject ids: one query for the kinds, then one per kind present."""
    session = session or db.session
    ids = {i for i in subject_ids if i is not None}
    if not ids:
        return {}
    kinds: dict[str, list[int]] = {}
    for subject_id, kind in session.execute(
        select(Subject.id, Subject.kind).where(Subject.id.in_(ids))
    ):
        kinds.setdefault(kind, []).append(subject_id)
    found = {}
    for kind, kind_ids in kinds.items():
        subject_type = _TYPES.get(kind)
        if subject_type is None:
            continue
        model = subject_type.model
        for obj in session.scalars(select(model).where(model.subject_id.in_(kind_ids))):
            found[obj.subject_id] = obj
    return found


def object_of(subject_id: int | None):
    """The object behind one subject id, or None."""
    return objects_of([subject_id]).get(subject_id)
