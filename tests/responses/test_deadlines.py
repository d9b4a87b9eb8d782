"""`flask responses check-deadlines`: the overdue signal goes out once per late priority, and
cached pages show the priority overdue as soon as the check has run."""

import html
from datetime import timedelta

from civicapp import signals
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.priorities.models import Priority
from tests.cache.conftest import change_behind_the_cache
from tests.conftest import make_test_app
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


def test_cached_pages_show_the_priority_overdue_right_after_the_check(
    runner, database_url, tmp_path, login, make_user, make_priority, town
):
    priority = make_due(make_priority(town, title="Light the school road"), days_ago=29)
    worker = make_test_app(database_url, tmp_path / "cached", CACHE_SECONDS=3600)
    visitor = worker.test_client()
    visitor.set_cookie("civicapp_locale", "en", domain="civicapp.test")
    citizen = login(make_user(), on=worker.test_client())  # signed in: fragments, no page copy

    def pages() -> tuple[str, str]:
        shown = [visitor.get(f"/priorities/{priority.id}"), citizen.get("/accountability/pristina")]
        assert [response.status_code for response in shown] == [200, 200]
        return tuple(html.unescape(response.get_data(as_text=True)) for response in shown)

    late = "Overdue: the municipality owed a first answer by"
    pages()
    # The deadline passes with no write: the copies, made before it, are still served.
    change_behind_the_cache(priority, due_at=utcnow() - timedelta(hours=1))
    shown, figures = pages()
    assert late not in shown and "No priority is overdue." in figures
    result = runner.invoke(args=["responses", "check-deadlines"])  # cron: another process
    assert "overdue priorities signalled: 1" in result.output
    shown, figures = pages()
    assert late in shown and "No priority is overdue." not in figures
    assert "Light the school road" in figures
