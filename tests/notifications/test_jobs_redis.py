"""Notification e-mails through a real Redis queue and an RQ worker (the foundation's jobs)."""

import pytest

from civicapp.extensions import db
from civicapp.jobs import run_worker
from civicapp.mail import outbox_messages
from civicapp.priorities.models import Status
from tests.conftest import make_test_app
from tests.notifications.conftest import answer, support

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_app(app, database_url, tmp_path):
    """A second app on the same database whose jobs go to Redis DB 15."""
    import redis as redis_client

    redis = redis_client.Redis.from_url(REDIS_URL)
    try:
        redis.ping()
    except redis_client.ConnectionError as exc:  # the job queue must be tested for real
        pytest.fail(f"Redis must run at {REDIS_URL}: {exc}")
    redis.flushdb()
    queued_app = make_test_app(database_url, tmp_path / "instance", REDIS_URL=REDIS_URL)
    yield queued_app
    redis.flushdb()
    with queued_app.app_context():
        db.engine.dispose()


def test_mail_jobs_wait_in_redis_until_a_worker_runs_them(
    redis_app, make_user, make_municipality, make_priority
):
    with redis_app.app_context():
        town = make_municipality("gjilan")
        staff = make_user(staff_of=[town])
        author = make_user()
        priority = make_priority(town, author)
        support(priority, make_user(), make_user())

        answer(priority, staff, Status.IMPLEMENTED)
        assert outbox_messages(redis_app.instance_path) == []  # queued, not sent inline

        run_worker(redis_app, burst=True)

        assert len(outbox_messages(redis_app.instance_path)) == 3
        from rq import Queue

        from civicapp.jobs import QUEUE_NAME, redis_connection

        queue = Queue(QUEUE_NAME, connection=redis_connection())
        assert queue.count == 0 and queue.failed_job_registry.count == 0
        db.session.remove()


def test_rq_cron_schedules_the_daily_digest(app):
    import importlib

    from rq import cron

    from civicapp.notifications.emails import send_daily_digests

    schedule = importlib.import_module("civicapp.notifications.cron")
    cron._job_data_registry.clear()
    importlib.reload(schedule)
    (entry,) = cron._job_data_registry
    job = cron.CronJob(**entry)  # parses the cron expression
    assert job.func is send_daily_digests and job.next_enqueue_time.hour == 7
    cron._job_data_registry.clear()
