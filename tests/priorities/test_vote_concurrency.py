"""Every vote sent several times at once, from processes and from gunicorn workers over HTTP:
no double or lost vote, counter equal to rows, a calm answer to every duplicate, never a 500.
The same storm against a naive check-then-insert must come back dirty."""

import sys
from pathlib import Path

import pytest

from bench.servers import serve
from civicapp.extensions import db
from tests.priorities import concurrency

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
VOTERS, PRIORITIES, THRESHOLD = 30, 3, 20


@pytest.fixture
def storm(app, make_user, make_municipality, make_priority):
    """Voters and priorities committed for other processes to see, and the votes to send."""
    town = make_municipality(support_threshold=THRESHOLD, response_days=30)
    author = make_user()
    priorities = [make_priority(town, author, title=f"Storm {n}") for n in range(PRIORITIES)]
    voters = [make_user() for _ in range(VOTERS)]
    pairs = [(voter.id, priority.id) for priority in priorities for voter in voters]
    sessions = {voter.id: voter.get_id() for voter in voters}
    db.session.rollback()  # hold no transaction (on SQLite, a write lock) while the storm runs
    return {"sessions": sessions, "pairs": pairs, "priorities": priorities}


def check(report, storm) -> None:
    assert report.clean, report
    sends = len(storm["pairs"]) * concurrency.COPIES
    assert report.outcomes == {
        "ok": len(storm["pairs"]),
        "duplicate": sends - len(storm["pairs"]),
    }, report
    for priority in storm["priorities"]:
        db.session.refresh(priority)
        assert priority.support_count == VOTERS
        assert priority.threshold_reached_at is not None and priority.due_at is not None


def report_for(results, storm):
    db.session.rollback()
    return concurrency.build_report(db.session, storm["pairs"], results)


def _gunicorn(app, database_url, tmp_path, wsgi_app):
    env = {
        key: value for key, value in __import__("os").environ.items() if key != "DATABASE_URL"
    } | {
        "CIVICAPP_INSTANCE_PATH": str(tmp_path),
        "CIVICAPP_SQLALCHEMY_DATABASE_URI": database_url,
        "CIVICAPP_SECRET_KEY": app.secret_key,
        "CIVICAPP_WORKERS": "4",
        "CIVICAPP_RATELIMIT_ENABLED": "false",
    }
    return serve("votes", wsgi_app, env, ROOT, Path(sys.executable).parent, tmp_path)


def run_http_storm(app, database_url, tmp_path, storm, wsgi_app):
    credentials = {
        user_id: concurrency.signed_in_cookie(app, session_id)
        for user_id, session_id in storm["sessions"].items()
    }
    with _gunicorn(app, database_url, tmp_path, wsgi_app) as server:
        results = concurrency.run_http(server.port, credentials, storm["pairs"])
    return report_for(results, storm)


def test_processes_calling_the_service(app, database_url, tmp_path, storm):
    results = concurrency.run_processes(database_url, tmp_path, app.secret_key, storm["pairs"])
    check(report_for(results, storm), storm)


def test_gunicorn_workers_over_http(app, database_url, tmp_path, storm):
    check(run_http_storm(app, database_url, tmp_path, storm, "wsgi:app"), storm)


def test_the_storm_catches_a_naive_vote_in_processes(app, database_url, tmp_path, storm):
    results = concurrency.run_processes(
        database_url, tmp_path, app.secret_key, storm["pairs"], naive=True
    )
    report = report_for(results, storm)
    assert not report.clean, "the harness did not notice the naive implementation"
    print("naive, processes:", report)


def test_the_storm_catches_a_naive_vote_over_http(app, database_url, tmp_path, storm):
    report = run_http_storm(app, database_url, tmp_path, storm, "tests.priorities.naive_wsgi:app")
    assert not report.clean, "the harness did not notice the naive implementation"
    print("naive, HTTP:", report)
