"""A vote storm: every vote sent several times at once, from processes or over HTTP, and a
report of what the database and the voters saw. Used on the real service and a naive one."""

import http.client
import multiprocessing
import os
import random
import re
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import create_engine, func, insert, select, update

OK = "Thank you for your support."
DUPLICATE = "You already support this priority."
COPIES = 4


@dataclass
class Report:
    """What went wrong, if anything; `clean` when nothing did."""

    outcomes: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)  # 500s, exceptions, unexpected answers
    double_votes: int = 0
    lost_votes: int = 0
    wrong_answers: int = 0  # a vote with no "ok", or more than one
    counter_mismatches: dict = field(default_factory=dict)  # priority id -> (counter, rows)

    @property
    def clean(self) -> bool:
        return not (
            self.errors
            or self.double_votes
            or self.lost_votes
            or self.wrong_answers
            or self.counter_mismatches
        )


def build_report(session, pairs, results) -> Report:
    """Compare the answers each send got and the rows in the database with the votes sent."""
    from civicapp.priorities.models import Priority, Vote

    report = Report()
    answers = defaultdict(list)
    for pair, outcome in results:
        answers[pair].append(outcome)
        report.outcomes[outcome.split(":")[0]] += 1
        if outcome.startswith("error"):
            report.errors.append(outcome)
    report.wrong_answers = sum(1 for pair in pairs if answers[pair].count("ok") != 1)
    rows = Counter(tuple(row) for row in session.execute(select(Vote.priority_id, Vote.user_id)))
    report.double_votes = sum(n - 1 for n in rows.values() if n > 1)
    report.lost_votes = sum(
        1 for (user_id, priority_id) in pairs if (priority_id, user_id) not in rows
    )
    by_priority = select(Vote.priority_id, func.count()).group_by(Vote.priority_id)
    counted = {priority_id: n for priority_id, n in session.execute(by_priority)}
    for priority_id, counter in session.execute(select(Priority.id, Priority.support_count)):
        if counter != counted.get(priority_id, 0):
            report.counter_mismatches[priority_id] = (counter, counted.get(priority_id, 0))
    return report


def send_plan(pairs, copies=COPIES, seed=7) -> list[list]:
    """One job list per sender: all votes, in nearly the same order, so copies collide."""
    plans = []
    for sender in range(copies):
        rng, order = random.Random(seed + sender), list(pairs)
        for start in range(0, len(order), 6):  # shuffle within small windows only
            window = order[start : start + 6]
            rng.shuffle(window)
            order[start : start + 6] = window
        plans.append(order)
    return plans


# Processes -------------------------------------------------------------------------------


def run_processes(database_url, instance_path, secret, pairs, naive=False) -> list:
    """Each of COPIES spawned processes sends every vote once, all starting together."""
    context = multiprocessing.get_context("spawn")
    barrier, queue = context.Barrier(COPIES), context.Queue()
    workers = [
        context.Process(
            target=_process_worker,
            args=(database_url, str(instance_path), secret, plan, barrier, queue, naive),
        )
        for plan in send_plan(pairs)
    ]
    for worker in workers:
        worker.start()
    results = []
    for _ in workers:
        results.extend(queue.get(timeout=90))
    for worker in workers:
        worker.join(30)
    return results


def _process_worker(database_url, instance_path, secret, plan, barrier, queue, naive):
    os.environ["CIVICAPP_INSTANCE_PATH"] = instance_path
    from civicapp import create_app
    from civicapp.extensions import db

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SECRET_KEY": secret,
            "RATELIMIT_ENABLED": False,
            "REDIS_URL": None,
        }
    )
    results = []
    with app.app_context():
        barrier.wait(60)
        for user_id, priority_id in plan:
            try:
                outcome = (naive_vote if naive else real_vote)(user_id, priority_id)
            except Exception as exc:  # the report counts it; the storm goes on
                db.session.rollback()
                outcome = f"error: {type(exc).__name__}"
            results.append(((user_id, priority_id), outcome))
            db.session.remove()
    queue.put(results)


def real_vote(user_id, priority_id) -> str:
    from civicapp.accounts.models import User
    from civicapp.exceptions import Conflict
    from civicapp.extensions import db
    from civicapp.priorities.models import Priority
    from civicapp.priorities.services import cast_vote

    try:
        cast_vote(db.session.get(User, user_id), db.session.get(Priority, priority_id))
    except Conflict:
        return "duplicate"
    return "ok"


# The naive implementation -----------------------------------------------------------------

_naive_engines = {}


def naive_vote(user_id, priority_id) -> str:
    """Check, then insert; read the counter, add one in Python, write it back. Its connection
    has the driver's default transactions (no BEGIN IMMEDIATE, READ COMMITTED), like most apps."""
    from civicapp.db import utcnow
    from civicapp.extensions import db
    from civicapp.priorities.models import Priority, Vote

    url = db.engine.url
    engine = _naive_engines.get(url) or _naive_engines.setdefault(url, create_engine(url))
    with engine.connect() as conn:
        mine = (Vote.priority_id == priority_id, Vote.user_id == user_id)
        if conn.execute(select(Vote.id).where(*mine)).first():
            return "duplicate"
        count = conn.execute(
            select(Priority.support_count).where(Priority.id == priority_id)
        ).scalar_one()
        conn.execute(
            insert(Vote).values(priority_id=priority_id, user_id=user_id, created_at=utcnow())
        )
        conn.execute(
            update(Priority).where(Priority.id == priority_id).values(support_count=count + 1)
        )
        conn.commit()
    return "ok"


def naive_cast_vote(actor, priority) -> None:
    """`cast_vote` for the naive HTTP app: a duplicate it notices is calm, a race is a 500."""
    from civicapp.exceptions import Conflict
    from civicapp.extensions import db

    user_id, priority_id = actor.id, priority.id
    db.session.rollback()  # the request's own transaction would hold SQLite's write lock
    if naive_vote(user_id, priority_id) == "duplicate":
        raise Conflict(DUPLICATE)


# HTTP --------------------------------------------------------------------------------------


def signed_in_cookie(app, session_id: str) -> tuple[str, str]:
    """A session cookie for a signed-in user (`User.get_id()`), and its CSRF token."""
    from itsdangerous import URLSafeTimedSerializer

    raw = os.urandom(16).hex()
    session = {"_user_id": session_id, "_fresh": True, "csrf_token": raw}
    cookie = app.session_interface.get_signing_serializer(app).dumps(session)
    token = URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token").dumps(raw)
    return f"session={cookie}", token


def run_http(port, credentials, pairs, threads=16) -> list:
    """Every vote COPIES times over HTTP from a thread pool; copies of a vote are adjacent."""
    jobs = [pair for pair in send_plan(pairs, copies=1)[0] for _ in range(COPIES)]
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(lambda pair: (pair, _post_vote(port, credentials, pair)), jobs))


def _post_vote(port, credentials, pair) -> str:
    user_id, priority_id = pair
    cookie, token = credentials[user_id]
    status, headers, body = _request(
        port, "POST", f"/priorities/{priority_id}/support", cookie, f"csrf_token={token}"
    )
    if status == 302:  # read the flashed message where the voter lands, as a browser would
        fresh = re.search(r"\bsession=[^;]*", headers.get("set-cookie", ""))
        target = urlsplit(headers["location"]).path
        status, headers, body = _request(port, "GET", target, fresh.group(0) if fresh else cookie)
    if status in (200, 409) and OK in body:
        return "ok"
    if status in (200, 409) and DUPLICATE in body:
        return "duplicate"
    return f"error: HTTP {status}"


def _request(port, method, path, cookie, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"Cookie": cookie}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        headers = {}
        for name, value in response.getheaders():  # several Set-Cookie headers stay together
            headers[name.lower()] = (
                f"{headers[name.lower()]}, {value}" if name.lower() in headers else value
            )
        return response.status, headers, text
    finally:
        connection.close()
