"""Comments on initiatives: the same machinery as on priorities, with the initiative's rules."""

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from civicapp.comments import services
from civicapp.comments.models import Comment
from civicapp.exceptions import DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.initiatives.models import Initiative
from civicapp.search.models import SearchTerm
from civicapp.search.services import search
from civicapp.subjects.registry import subject_types


def count_of(initiative) -> int:
    return db.session.scalar(select(Initiative.comment_count).where(Initiative.id == initiative.id))


def test_comments_and_replies_on_an_initiative_keep_its_count(place, venture, post):
    top = post(place.other, venture.initiative, "Which schools take part?")
    reply = post(venture.member, venture.initiative, "Three so far.", parent=top)
    assert top.target_subject_id == venture.initiative.subject_id
    assert services.target_of(top) == venture.initiative
    assert reply.parent_id == top.id
    assert count_of(venture.initiative) == 2
    services.delete_comment(place.other, top)
    assert count_of(venture.initiative) == 1
    services.set_comment_hidden(reply, True)
    db.session.commit()
    assert count_of(venture.initiative) == 0
    assert services.recount_comments() == 0


def test_staff_of_any_of_its_municipalities_comment_officially(place, venture, post):
    assert post(place.staff, venture.initiative).is_official  # Prishtina, its first
    assert post(venture.peja_staff, venture.initiative).is_official  # Peja, its second
    assert not post(place.foreign_staff, venture.initiative).is_official  # Prizren: not its own
    assert not post(venture.member, venture.initiative).is_official


def test_drafts_and_hidden_initiatives_take_no_comments(place, venture, post):
    with pytest.raises(NotAllowed):
        post(venture.member, venture.draft)
    venture.initiative.is_hidden = True
    db.session.commit()
    with pytest.raises(NotAllowed):
        post(place.other, venture.initiative)
    assert db.session.scalar(select(Comment)) is None


def test_a_reply_cannot_cross_from_a_priority_to_an_initiative(place, venture, post):
    on_priority = post(place.other, place.priority)
    with pytest.raises(DomainError):
        post(place.author, venture.initiative, "Crossing", parent=on_priority)


def test_a_comment_must_be_on_an_existing_subject(place):
    db.session.add(
        Comment(
            author_id=place.other.id,
            body="x",
            body_html="x",
            language="en",
            target_subject_id=place.priority.subject_id + 10_000,
        )
    )
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_recount_fixes_initiative_counts(place, venture, post):
    post(place.other, venture.initiative)
    db.session.execute(
        update(Initiative).where(Initiative.id == venture.initiative.id).values(comment_count=5)
    )
    db.session.commit()
    assert services.recount_comments() == 1
    assert count_of(venture.initiative) == 1


def test_initiative_comments_are_indexed_apart_from_priority_comments(place, venture, post):
    on_priority = post(place.other, place.priority, "Ndriçimi i rrugës")
    on_initiative = [post(place.other, venture.initiative, "Ndriçimi i parkut") for _ in range(3)]
    # The priority search reads the "comment" kind only: initiative comments neither leak into
    # it nor crowd out the priorities' own.
    assert search("comment", "ndricimi") == [on_priority.id]
    assert search("init_comment", "ndricimi") == [c.id for c in reversed(on_initiative)]
    services.delete_comment(place.other, on_initiative[0])
    assert on_initiative[0].id not in search("init_comment", "ndricimi")


def test_the_priority_list_search_ignores_initiative_comments(client, place, venture, post):
    post(place.other, venture.initiative, "Zebra crossing near the park")
    page = client.get("/priorities/", query_string={"q": "zebra"}).get_data(as_text=True)
    assert place.priority.title not in page
    post(place.other, place.priority, "A pelican crossing here")
    page = client.get("/priorities/", query_string={"q": "pelican"}).get_data(as_text=True)
    assert place.priority.title in page  # a priority's own comments still find it


def test_each_target_has_its_own_search_kind_that_fits_the_index():
    width = SearchTerm.__table__.c.kind.type.length  # SQLite would not complain; PostgreSQL does
    kinds = [t.comment_search_kind for t in subject_types().values() if t.comment_search_kind]
    assert len(kinds) >= 2
    assert len(set(kinds)) == len(kinds)
    assert all(len(kind) <= width for kind in kinds)
