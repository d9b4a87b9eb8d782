"""Background jobs: RQ on Redis when CIVICAPP_REDIS_URL is set, inline after commit otherwise.

Jobs are queued during a transaction and dispatched only once it commits, so a worker never
sees a job for data that was rolled back. Job functions take plain values (no ORM objects).
"""

import importlib
import logging

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
_PENDING_KEY = "civicapp_pending_jobs"
QUEUE_NAME = "civicapp"


def enqueue(func, *args, **kwargs) -> None:
    """Queue `func(*args, **kwargs)` to run after the current transaction commits."""
    from civicapp.extensions import db

    path = f"{func.__module__}.{func.__qualname__}"
    session = db.session()
    if not session.in_transaction():
        session.begin()  # so that a rollback, too, is an event that drops the job
    session.info.setdefault(_PENDING_KEY, []).append((path, args, kwargs))


def resolve(path: str):
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def redis_connection():
    """A Redis connection for the configured URL, shared per app."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    conn = current_app.extensions.get("civicapp_redis")
    if conn is None:
        from redis import Redis

        conn = Redis.from_url(url)
        current_app.extensions["civicapp_redis"] = conn
    return conn


def _dispatch(jobs) -> None:
    conn = redis_connection()
    if conn is not None:
        from rq import Queue

        queue = Queue(QUEUE_NAME, connection=conn)
        for path, args, kwargs in jobs:
            queue.enqueue(path, *args, **kwargs)
        return
    for path, args, kwargs in jobs:
        try:
            resolve(path)(*args, **kwargs)
        except Exception:  # an inline job must not undo the committed request
            log.exception("inline job %s failed", path)


@event.listens_for(Session, "after_commit")
def _after_commit(session):
    jobs = session.info.pop(_PENDING_KEY, None)
    if jobs:
        _dispatch(jobs)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session, _previous_transaction):
    session.info.pop(_PENDING_KEY, None)


def run_worker(app, burst: bool = False) -> None:
    """Run an RQ worker inside the app context."""
    from rq import SimpleWorker

    conn = redis_connection()
    if conn is None:
        raise RuntimeError("CIVICAPP_REDIS_URL is not set: jobs run inline, no worker needed")
    SimpleWorker([QUEUE_NAME], connection=conn).work(burst=burst)
