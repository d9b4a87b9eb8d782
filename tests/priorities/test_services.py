"""Priority use cases: propose, edit, withdraw, support, deadlines, recount."""

import re
from datetime import timedelta

import pytest
from flask_babel import gettext
from sqlalchemy import func, select, text, update

from civicapp import signals
from civicapp.consultations.models import Phase
from civicapp.db import utcnow
from civicapp.exceptions import Conflict, DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.priorities import services
from civicapp.priorities.models import Priority, Status, Vote
from civicapp.search.services import search


def votes_of(priority):
    return db.session.scalar(select(func.count()).where(Vote.priority_id == priority.id))


def fresh(priority):
    db.session.expire_all()
    return db.session.get(Priority, priority.id)


def test_propose_publishes_with_reference_html_and_index(make_user, make_municipality, propose):
    town = make_municipality("gracanica")
    author = make_user()
    priority = propose(
        author, town, title="Ujësjellës për Graçanicën", body="Ujë **i pastër**. <script>x</script>"
    )
    assert priority.reference == f"PRI-{utcnow().year}-{priority.id:05d}"
    assert (
        priority.body_html
        == "<p>Ujë <strong>i pastër</strong>. &lt;script&gt;x&lt;/script&gt;</p>\n"
    )
    assert priority.search_text.startswith("ujesjelles per gracanicen uje i paster")
    assert priority.status == Status.OPEN and priority.support_count == 0
    assert search("priority", "GRAČANICEN") == [priority.id]
    assert search("priority", "laplje") == [priority.id]  # the place is indexed too


def test_propose_refuses_unverified_users(make_user, make_municipality, propose):
    town = make_municipality()
    with pytest.raises(NotAllowed):
        propose(make_user(verified=False), town)
    assert db.session.scalar(select(func.count()).select_from(Priority)) == 0


@pytest.mark.parametrize(
    ("where", "phase", "message"),
    [
        ("other", Phase.PROPOSALS, "This consultation is not one of the chosen municipality."),
        ("same", Phase.VOTING, "This consultation does not take proposals at the moment."),
        ("same", Phase.CLOSED, "This consultation does not take proposals at the moment."),
    ],
)
def test_propose_refuses_a_wrong_consultation(
    make_user, make_municipality, make_consultation, propose, where, phase, message
):
    town, other = make_municipality("pristina"), make_municipality("prizren")
    consultation = make_consultation(other if where == "other" else town, phase=phase)
    with pytest.raises(DomainError) as caught:
        propose(make_user(), town, consultation_id=consultation.id)
    assert caught.value.field == "consultation_id" and caught.value.message == gettext(message)


def test_propose_into_an_open_consultation(
    make_user, make_municipality, make_consultation, propose
):
    town = make_municipality()
    consultation = make_consultation(town, phase=Phase.PROPOSALS)
    priority = propose(make_user(), town, consultation_id=consultation.id)
    assert priority.consultation_id == consultation.id
    assert not priority.voting_open  # supports come in the voting phase


def test_propose_refuses_an_unknown_language(make_user, make_municipality, propose):
    with pytest.raises(DomainError) as caught:
        propose(make_user(), make_municipality(), language="xx")
    assert caught.value.field == "language"


def test_edit_changes_text_and_index_until_the_first_support(
    make_user, make_municipality, propose, draft
):
    town, author = make_municipality(), make_user()
    priority = propose(author, town)
    services.edit_priority(author, priority, draft(title="Lights in Dardania", place="Dardania"))
    priority = fresh(priority)
    assert priority.title == "Lights in Dardania" and priority.place == "Dardania"
    assert search("priority", "dardania") == [priority.id]
    assert search("priority", "laplje") == []
    services.cast_vote(make_user(), priority)
    with pytest.raises(NotAllowed):
        services.edit_priority(author, fresh(priority), draft(title="Something else"))
    assert fresh(priority).title == "Lights in Dardania"


def test_edit_loses_against_a_support_given_meanwhile(make_user, make_municipality, propose, draft):
    town, author = make_municipality(), make_user()
    priority = propose(author, town)
    stale = db.session.get(Priority, priority.id)
    db.session.execute(
        text("UPDATE priorities SET support_count = 1 WHERE id = :id"), {"id": priority.id}
    )
    with pytest.raises(Conflict):
        services.edit_priority(author, stale, draft(title="Changed after a support"))
    assert fresh(priority).title == "Repair the road to Laplje Selo"


def test_edit_loses_against_a_moderator_hiding_meanwhile(
    make_user, make_municipality, propose, draft
):
    author = make_user()
    priority = propose(author, make_municipality())
    stale = db.session.get(Priority, priority.id)
    db.session.refresh(stale)
    db.session.expunge(stale)
    db.session.rollback()  # let go of SQLite's write lock: the moderator writes next
    with db.engine.begin() as moderators_connection:
        moderators_connection.execute(
            text("UPDATE priorities SET is_hidden = :hidden WHERE id = :id"),
            {"hidden": True, "id": priority.id},
        )
    db.session.add(stale)
    assert not stale.is_hidden
    with pytest.raises(NotAllowed):
        services.edit_priority(author, stale, draft(title="Rewritten while hidden"))
    assert fresh(priority).title == "Repair the road to Laplje Selo"


def test_edit_is_closed_after_an_official_answer(make_user, make_municipality, propose, draft):
    author = make_user()
    priority = propose(author, make_municipality())
    priority.first_answered_at = utcnow()
    db.session.commit()
    with pytest.raises(NotAllowed):
        services.edit_priority(author, priority, draft())


def test_only_the_author_edits_or_withdraws(make_user, make_municipality, propose, draft):
    priority = propose(make_user(), make_municipality())
    someone = make_user()
    with pytest.raises(NotAllowed):
        services.edit_priority(someone, priority, draft(title="Hijacked title"))
    with pytest.raises(NotAllowed):
        services.withdraw_priority(someone, priority)


def test_withdrawn_priority_stays_and_voting_closes(make_user, make_municipality, propose):
    author = make_user()
    priority = propose(author, make_municipality())
    services.withdraw_priority(author, priority)
    priority = fresh(priority)
    assert priority.is_withdrawn and not priority.voting_open
    with pytest.raises(DomainError, match=re.escape(gettext("Voting on this priority is closed."))):
        services.cast_vote(make_user(), priority)
    with pytest.raises(NotAllowed):
        services.withdraw_priority(author, priority)


def test_vote_counts_once_and_a_duplicate_is_a_calm_conflict(make_user, make_municipality, propose):
    priority = propose(make_user(), make_municipality())
    voter = make_user()
    services.cast_vote(voter, priority)
    with pytest.raises(Conflict, match=re.escape(gettext("You already support this priority."))):
        services.cast_vote(voter, fresh(priority))
    assert fresh(priority).support_count == 1 == votes_of(priority)
    assert services.has_supported(voter, priority)


def test_authors_may_support_their_own_priority(make_user, make_municipality, propose):
    author = make_user()
    priority = propose(author, make_municipality())
    services.cast_vote(author, priority)
    assert fresh(priority).support_count == 1


def test_unverified_users_cannot_vote(make_user, make_municipality, propose):
    priority = propose(make_user(), make_municipality())
    with pytest.raises(NotAllowed):
        services.cast_vote(make_user(verified=False), priority)
    assert votes_of(priority) == 0


def test_withdraw_vote_while_voting_is_open(
    make_user, make_municipality, make_consultation, make_priority
):
    town = make_municipality()
    consultation = make_consultation(town, phase=Phase.VOTING)
    priority = make_priority(town, make_user(), consultation=consultation)
    voter = make_user()
    services.cast_vote(voter, priority)
    services.withdraw_vote(voter, fresh(priority))
    assert fresh(priority).support_count == 0 == votes_of(priority)
    with pytest.raises(Conflict, match=re.escape(gettext("You do not support this priority."))):
        services.withdraw_vote(voter, fresh(priority))
    services.cast_vote(voter, fresh(priority))
    consultation.phase = Phase.CLOSED
    db.session.commit()
    with pytest.raises(DomainError, match=re.escape(gettext("Voting on this priority is closed."))):
        services.withdraw_vote(voter, fresh(priority))
    assert fresh(priority).support_count == 1 == votes_of(priority)


def test_threshold_starts_the_deadline_once_and_signals_it(make_user, make_municipality, propose):
    town = make_municipality(support_threshold=2, response_days=10)
    priority = propose(make_user(), town)
    due = []
    with signals.priority_due.connected_to(lambda sender: due.append(sender.id)):
        services.cast_vote(make_user(), priority)
        assert fresh(priority).threshold_reached_at is None and due == []
        before = utcnow()
        services.cast_vote(make_user(), fresh(priority))
        reached = fresh(priority)
        assert reached.threshold_reached_at >= before
        assert reached.due_at == reached.threshold_reached_at + timedelta(days=10)
        services.cast_vote(make_user(), reached)
    assert due == [priority.id]
    assert fresh(priority).due_at == reached.due_at


def test_consultation_threshold_wins_over_the_municipality(
    make_user, make_municipality, make_consultation, make_priority
):
    town = make_municipality(support_threshold=1)
    consultation = make_consultation(town, phase=Phase.VOTING, support_threshold=3)
    priority = make_priority(town, make_user(), consultation=consultation)
    for _ in range(2):
        services.cast_vote(make_user(), fresh(priority))
    assert fresh(priority).threshold_reached_at is None
    services.cast_vote(make_user(), fresh(priority))
    assert fresh(priority).threshold_reached_at is not None


def test_recount_is_a_no_op_on_consistent_data_and_fixes_drift(
    make_user, make_municipality, propose, runner
):
    town = make_municipality()
    first, second = propose(make_user(), town), propose(make_user(), town)
    for voter in (make_user(), make_user()):
        services.cast_vote(voter, fresh(first))
    assert services.recount_supports() == 0
    result = runner.invoke(args=["priorities", "recount"])
    assert result.exit_code == 0 and "supports: 0 priorities changed" in result.output
    db.session.execute(update(Priority).values(support_count=7))
    db.session.commit()
    assert "supports: 2 priorities changed" in runner.invoke(args=["priorities", "recount"]).output
    assert (fresh(first).support_count, fresh(second).support_count) == (2, 0)
    assert services.recount_supports() == 0
