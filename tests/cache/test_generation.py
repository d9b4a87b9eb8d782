"""The content generation moves with every committed write a page can show, and only then."""

from sqlalchemy import delete, select, update

from civicapp.audit.services import record_event
from civicapp.cache.models import CacheGeneration
from civicapp.db import utcnow
from civicapp.extensions import db
from civicapp.municipalities.models import Municipality


def generation() -> int | None:
    return db.session.scalar(select(CacheGeneration.value).where(CacheGeneration.id == 1))


def test_a_committed_write_moves_the_generation_once(app_ctx, make_municipality):
    town = make_municipality()
    before = generation()
    town.name_en = "Pristina"
    db.session.commit()
    assert generation() == before + 1
    db.session.commit()  # nothing written
    assert generation() == before + 1


def test_a_rolled_back_write_leaves_it(app_ctx, make_municipality):
    town = make_municipality()
    before = generation()
    town.name_en = "Pristina"
    db.session.flush()
    db.session.rollback()
    assert generation() == before


def test_bulk_statements_move_it(app_ctx, make_municipality):
    make_municipality()
    before = generation()
    db.session.execute(update(Municipality).values(support_threshold=70))
    db.session.commit()
    assert generation() == before + 1


def test_private_rows_and_columns_leave_it(app_ctx, make_user):
    user = make_user()
    before = generation()
    user.last_login_at = utcnow()
    record_event("login", actor=user, target_user=user)
    db.session.commit()
    assert generation() == before
    user.display_name = "Arta K."  # shown beside every comment
    db.session.commit()
    assert generation() == before + 1


def test_an_invalidated_transaction_moves_it_with_no_write(app_ctx, make_municipality):
    from civicapp.cache import invalidate

    make_municipality()
    before = generation()
    invalidate()  # what a job does when a deadline has passed
    db.session.commit()
    assert generation() == before + 1
    db.session.commit()
    assert generation() == before + 1


def test_a_savepoint_moves_it_at_the_outer_commit_only(app_ctx, make_municipality):
    town = make_municipality()
    before = generation()
    with db.session.begin_nested():
        town.name_en = "Pristina"
    assert generation() == before  # the counter is locked only by the last statement
    db.session.commit()
    assert generation() == before + 1


def test_an_emptied_table_starts_far_from_its_old_value(app_ctx, make_municipality):
    make_municipality()
    old = generation()
    db.session.rollback()  # on SQLite the session holds the write lock
    with db.engine.begin() as conn:
        conn.execute(delete(CacheGeneration))
    make_municipality("prizren")
    assert abs(generation() - old) > 1000  # old copies never match the new counter


def test_reading_the_generation_from_many_threads_holds_no_connection(app, make_municipality):
    """A threaded server runs each request in a new thread: none may keep a connection."""
    import threading

    from civicapp.cache.generation import latest_generation

    with app.app_context():
        make_municipality()
        pool = db.engine.pool

    def read():
        with app.test_request_context("/"):
            latest_generation()

    threads = [threading.Thread(target=read) for _ in range(40)]
    for thread in threads:
        thread.start()
        thread.join()
    assert pool.checkedout() == 0
