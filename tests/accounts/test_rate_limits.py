"""Sign-in, registration and reset are rate-limited, in memory or shared through Redis."""

import pytest
import redis

from tests.conftest import make_test_app

REDIS_URL = "redis://127.0.0.1:6379/14"


def limited_app(database_url, tmp_path, **extra):
    return make_test_app(
        database_url,
        tmp_path,
        RATELIMIT_ENABLED=True,
        RATELIMIT_LOGIN="3 per minute",
        RATELIMIT_RESET="2 per minute",
        **extra,
    )


def attempts(client, path, data, n):
    return [client.post(path, data=data).status_code for _ in range(n)]


def test_login_is_limited_in_memory(app, database_url, tmp_path):
    client = limited_app(database_url, tmp_path).test_client()
    codes = attempts(client, "/auth/login", {"email": "a@example.org", "password": "x" * 12}, 5)
    assert codes == [400, 400, 400, 429, 429]
    page = client.post("/auth/login", data={"email": "a@example.org"}).get_data(as_text=True)
    assert "lang=" in page  # a rendered, translated page, not a bare error


def test_reset_is_limited(app, database_url, tmp_path):
    client = limited_app(database_url, tmp_path).test_client()
    assert attempts(client, "/auth/forgot", {"email": "a@example.org"}, 3)[-1] == 429


def test_workers_share_one_count_through_redis(app, database_url, tmp_path):
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.ConnectionError:
        pytest.fail("Redis must run on 127.0.0.1:6379 for this test")
    connection.flushdb()
    try:
        workers = [
            limited_app(database_url, tmp_path / str(n), RATELIMIT_STORAGE_URI=REDIS_URL)
            for n in range(2)
        ]
        clients = [w.test_client() for w in workers]
        data = {"email": "a@example.org", "password": "x" * 12}
        codes = [clients[n % 2].post("/auth/login", data=data).status_code for n in range(5)]
        assert codes == [400, 400, 400, 429, 429]
    finally:
        connection.flushdb()
        connection.close()


def test_with_redis_unreachable_sign_in_still_works_and_is_still_limited(
    app, database_url, tmp_path, caplog
):
    """Issue 14, finding 4: the limiter's store down once made every limited POST a 500."""
    down = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there
    client = limited_app(database_url, tmp_path, RATELIMIT_STORAGE_URI=down).test_client()
    codes = attempts(client, "/auth/login", {"email": "a@example.org", "password": "x" * 12}, 5)
    assert codes == [400, 400, 400, 429, 429]  # counted in memory meanwhile
    assert "fall" in caplog.text.lower()  # and said loudly in the log
