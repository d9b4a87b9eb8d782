"""The job queue runs after commit only; SQLite is tuned for several workers."""

import pytest
from sqlalchemy import text

from civicapp import jobs
from civicapp.extensions import db

RAN = []


def remember(value):
    RAN.append(value)


def test_inline_job_runs_after_commit_and_not_after_rollback(app_ctx):
    RAN.clear()
    jobs.enqueue(remember, "rolled back")
    db.session.rollback()
    assert RAN == []
    jobs.enqueue(remember, "committed")
    assert RAN == []
    db.session.commit()
    assert RAN == ["committed"]


def test_failing_inline_job_does_not_undo_the_request(app_ctx, caplog):
    jobs.enqueue(remember_boom)
    db.session.commit()
    assert "inline job" in caplog.text


def remember_boom():
    raise RuntimeError("boom")


def test_sqlite_runs_in_wal_with_timeout_and_foreign_keys(app_ctx):
    if db.engine.dialect.name != "sqlite":
        return  # PostgreSQL needs none of this
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_write_requests_take_the_write_lock_at_begin(app, client, app_ctx, monkeypatch):
    if db.engine.dialect.name != "sqlite":
        return
    import civicapp.db

    seen = []

    def record(conn, cursor, statement, *args):
        if statement.startswith("BEGIN"):
            seen.append(statement)

    def immediate(dbapi_connection, timeout_ms):
        seen.append("BEGIN IMMEDIATE")
        take_write_lock(dbapi_connection, timeout_ms)

    take_write_lock = civicapp.db.begin_immediate
    monkeypatch.setattr(civicapp.db, "begin_immediate", immediate)
    from sqlalchemy import event

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        client.get("/municipalities/")
        reads = list(seen)
        seen.clear()
        client.post("/language", data={"locale": "en"})
        client.post("/auth/forgot", data={"email": "someone@example.org"})
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert reads and all(s == "BEGIN" for s in reads)
    assert seen and all(s == "BEGIN IMMEDIATE" for s in seen)


def test_a_writer_waits_for_the_lock_until_its_timeout(tmp_path):
    import sqlite3
    import threading
    import time

    from civicapp.db import begin_immediate

    path = tmp_path / "lock.db"
    holder, waiter = (
        sqlite3.connect(path, isolation_level=None, check_same_thread=False) for _ in range(2)
    )
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, holder.rollback).start()
    started = time.monotonic()
    begin_immediate(waiter, 5_000)
    assert time.monotonic() - started > 0.25  # it waited for the holder, then got the lock
    assert waiter.execute("PRAGMA busy_timeout").fetchone()[0] == 5_000
    waiter.rollback()
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        begin_immediate(waiter, 100)
    holder.close()
    waiter.close()
