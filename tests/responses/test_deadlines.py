"""`flask responses check-deadlines`: the overdue signal goes out once per late priority."""

from civicapp import signals
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Priority
from tests.responses.conftest import make_due


def test_overdue_signal_is_sent_once(runner, make_priority, town, staff, answer):
    late = make_due(make_priority(town, title="late"), days_ago=45)
    late_too = make_due(make_priority(town, title="late too"), days_ago=31)
    make_due(make_priority(town, title="not yet"), days_ago=29)
    make_priority(town, title="threshold not reached")
    answered = make_due(make_priority(town, title="answered late"), days_ago=60)
    answer(staff, answered)
    make_due(make_priority(town, title="withdrawn"), days_ago=60, withdrawn_at=utcnow())
    make_due(make_priority(town, title="hidden"), days_ago=60, is_hidden=True)
    signalled = []

    def receiver(priority, **_kwargs):
        signalled.append(priority.id)

    with signals.priority_overdue.connected_to(receiver):
        first = runner.invoke(args=["responses", "check-deadlines"])
        second = runner.invoke(args=["responses", "check-deadlines"])
    assert first.exit_code == 0, first.output
    assert "overdue priorities signalled: 2" in first.output
    assert "overdue priorities signalled: 0" in second.output
    assert sorted(signalled) == sorted([late.id, late_too.id])
    db.session.expire_all()
    assert db.session.get(Priority, late.id).overdue_notified_at is not None


def test_large_backlogs_are_handled_in_batches(app_ctx, make_priority, town):
    from civicapp.responses.services import check_deadlines

    for n in range(7):
        make_due(make_priority(town, title=f"late {n}"), days_ago=40 + n)
    signalled = []
    with signals.priority_overdue.connected_to(lambda p, **kw: signalled.append(p.id)):
        assert check_deadlines(batch=3) == 7
        assert check_deadlines(batch=3) == 0
    assert len(set(signalled)) == 7
