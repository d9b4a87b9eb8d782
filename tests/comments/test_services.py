"""Posting, replying, editing, deleting, counting and loading comment threads."""

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from civicapp.comments import services
from civicapp.comments.models import Comment
from civicapp.db import utcnow
from civicapp.exceptions import DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.priorities.models import Priority
from civicapp.search.models import SearchTerm
from civicapp.search.services import search
from tests.comments.conftest import age
from tests.helpers import count_statements


def count_of(priority) -> int:
    return db.session.scalar(select(Priority.comment_count).where(Priority.id == priority.id))


def test_post_stores_sanitised_html_and_counts(place, post):
    comment = post(
        place.other, place.priority, "Look [here](javascript:alert(1)) <script>x</script>"
    )
    assert "<script>" not in comment.body_html and "<a" not in comment.body_html
    assert "&lt;script&gt;" in comment.body_html
    assert services.target_of(comment) == place.priority and comment.language == "en"
    assert not comment.is_official
    assert count_of(place.priority) == 1


def test_staff_of_the_municipality_post_official_comments_only_there(place, post):
    assert post(place.staff, place.priority).is_official
    assert not post(place.foreign_staff, place.priority).is_official


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_post_refuses_empty_or_too_long_bodies(place, post, body):
    with pytest.raises(DomainError) as refused:
        post(place.other, place.priority, body)
    assert refused.value.field == "body"
    assert count_of(place.priority) == 0


def test_post_refuses_unknown_language(place, post):
    with pytest.raises(DomainError) as refused:
        post(place.other, place.priority, language="xx")
    assert refused.value.field == "language"


def test_post_accepts_5000_characters(place, post):
    assert len(post(place.other, place.priority, "x" * 5000).body) == 5000


def test_unverified_users_cannot_post(place, post, make_user):
    with pytest.raises(NotAllowed):
        post(make_user(verified=False), place.priority)


@pytest.mark.parametrize("state", ["withdrawn", "hidden"])
def test_no_new_comments_on_withdrawn_or_hidden_priorities(place, post, state):
    if state == "withdrawn":
        place.priority.withdrawn_at = utcnow()
    else:
        place.priority.is_hidden = True
    db.session.commit()
    with pytest.raises(NotAllowed):
        post(place.other, place.priority)
    with pytest.raises(NotAllowed):
        post(place.author, place.priority)


def test_reply_to_a_reply_attaches_to_the_top_level_comment(place, post):
    top = post(place.author, place.priority, "Top")
    reply = post(place.other, place.priority, "Reply", parent=top)
    answer = post(place.staff, place.priority, "Answer to the reply", parent=reply)
    assert reply.parent_id == top.id and answer.parent_id == top.id
    assert count_of(place.priority) == 3


def test_reply_must_be_in_the_same_thread(place, post, make_priority):
    elsewhere = post(place.other, make_priority(place.municipality, place.other))
    with pytest.raises(DomainError, match="not in this discussion"):
        post(place.author, place.priority, parent=elsewhere)
    with pytest.raises(DomainError, match="not in this discussion"):
        post(place.author, place.priority, parent=999_999)


def test_no_reply_to_deleted_or_hidden_comments(place, post):
    deleted = post(place.other, place.priority)
    services.delete_comment(place.other, deleted)
    hidden = post(place.other, place.priority)
    services.set_comment_hidden(hidden, True)
    db.session.commit()
    for parent in (deleted, hidden):
        with pytest.raises(DomainError, match="can no longer be answered"):
            post(place.author, place.priority, parent=parent)


def test_edit_within_15_minutes_marks_edited_and_reindexes(place, post):
    comment = post(place.other, place.priority, "Bridge over the river")
    services.edit_comment(place.other, comment, "Ура за мост", "sr")
    assert comment.edited_at is not None and comment.language == "sr"
    assert search("comment", "most") == [comment.id]
    assert search("comment", "bridge") == []


def test_edit_refused_after_15_minutes_and_for_others(place, post):
    comment = post(place.other, place.priority, "First text")
    with pytest.raises(NotAllowed):
        services.edit_comment(place.author, comment, "Changed", "en")
    age(comment, 16)
    with pytest.raises(NotAllowed, match="15 minutes"):
        services.edit_comment(place.other, comment, "Changed", "en")
    db.session.refresh(comment)
    assert comment.body == "First text" and comment.edited_at is None


def test_delete_keeps_the_row_and_replies_and_decrements_once(place, post):
    top = post(place.author, place.priority)
    reply = post(place.other, place.priority, parent=top)
    services.delete_comment(place.author, top)
    assert top.is_deleted and count_of(place.priority) == 1
    assert db.session.get(Comment, reply.id).parent_id == top.id
    with pytest.raises(NotAllowed):
        services.delete_comment(place.author, top)
    assert count_of(place.priority) == 1


def test_delete_only_own(place, post):
    comment = post(place.other, place.priority)
    with pytest.raises(NotAllowed):
        services.delete_comment(place.author, comment)
    assert count_of(place.priority) == 1


def test_hide_and_restore_keep_the_count_exact(place, post):
    comment = post(place.other, place.priority)
    assert services.set_comment_hidden(comment, True)
    assert not services.set_comment_hidden(comment, True)
    db.session.commit()
    assert count_of(place.priority) == 0
    services.set_comment_hidden(comment, False)
    db.session.commit()
    assert count_of(place.priority) == 1
    services.set_comment_hidden(comment, True)
    services.delete_comment(place.other, comment)  # hidden, then deleted: no second decrement
    services.set_comment_hidden(comment, False)  # restored but deleted: still not counted
    db.session.commit()
    assert count_of(place.priority) == 0 == services.recount_comments()


def test_recount_fixes_wrong_counts_and_is_a_no_op_on_consistent_data(place, post):
    for _ in range(3):
        post(place.other, place.priority)
    assert services.recount_comments() == 0
    db.session.execute(update(Priority).values(comment_count=7))
    db.session.commit()
    assert services.recount_comments() == 1
    assert count_of(place.priority) == 3
    assert services.recount_comments() == 0


def test_a_comment_is_on_exactly_one_subject(place):
    for targets in ({}, {"target_subject_id": None}):
        db.session.add(
            Comment(author_id=place.other.id, body="x", body_html="x", language="en", **targets)
        )
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_search_index_keeps_visible_comments_only(place, post):
    kept = post(place.other, place.priority, "Ndriçimi i rrugës")
    gone = post(place.other, place.priority, "Ndriçimi i shkollës")
    services.delete_comment(place.other, gone)
    assert search("comment", "ndricimi") == [kept.id]
    hidden = post(place.other, place.priority, "Hidden words")
    services.set_comment_hidden(hidden, True)
    db.session.commit()
    # What the priority search reads: visible comments only, by the subject they are on.
    assert db.session.scalars(services.subjects_discussed("comment", "hidden")).all() == []
    discussed = services.subjects_discussed("comment", "ndricimi")
    assert db.session.scalars(discussed).all() == [place.priority.subject_id]
    terms = select(func.count()).select_from(SearchTerm).where(SearchTerm.object_id == gone.id)
    assert db.session.scalar(terms) == 0


def count_queries(action) -> int:
    """How many SELECTs the action sends."""
    with count_statements() as statements:
        action()
    return len([s for s in statements if s.lstrip().upper().startswith("SELECT")])


@pytest.mark.parametrize("replies", [False, True])
def test_load_thread_uses_a_constant_number_of_queries(place, post, make_user, replies):
    def build_and_count(n):
        users = [make_user() for _ in range(5)]
        for i in range(n):
            top = post(users[i % 5], place.priority, f"Comment {i}")
            if replies:
                post(users[(i + 1) % 5], place.priority, f"Reply {i}", parent=top)
        db.session.expire_all()
        priority = db.session.get(Priority, place.priority.id)
        viewer = db.session.get(type(place.other), place.other.id)
        thread = None

        def load():
            nonlocal thread
            thread = services.load_thread(priority, viewer)
            for c in thread.comments:
                [r.author.display_name for r in c.replies]
                getattr(c.author, "display_name", None)

        queries = count_queries(load)
        db.session.execute(Comment.__table__.delete())
        db.session.commit()
        return queries, thread

    five, small = build_and_count(5)
    fifty, large = build_and_count(50)
    assert 2 <= five == fifty <= 4
    assert len(large.comments) == 50 and large.pages == 1


def test_thread_paginates_beyond_50_top_level_comments(place, post):
    comments = [post(place.other, place.priority, f"Comment {i}") for i in range(53)]
    first = services.load_thread(place.priority, None)
    second = services.load_thread(place.priority, None, page=2)
    assert (first.pages, len(first.comments), len(second.comments)) == (2, 50, 3)
    assert second.comments[0].id == comments[50].id
    assert services.load_thread(place.priority, None, page=99).page == 2
    assert "comments_page=2" in services.comment_url(comments[51])
    assert "comments_page" not in services.comment_url(comments[0])
