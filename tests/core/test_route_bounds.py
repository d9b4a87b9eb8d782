"""Every route, given integers beyond what the database holds, answers without a 5xx."""

import re

import pytest
from werkzeug.routing import IntegerConverter

from civicapp.accounts.models import Role

# The largest id a column holds (the view answers), then beyond PostgreSQL's INTEGER and
# beyond SQLite's (and PostgreSQL's BIGINT) 64 bits (no route matches).
LARGE = (2**31 - 1, 2**31, 2**63)
PLACEHOLDER = re.compile(r"<(?:(?P<converter>[^:(>]+)(?:\([^)]*\))?:)?(?P<name>[^>]+)>")
OTHER_VALUES = {"kind": "priority", "decision": "hide"}


def int_routes(app):
    """(rule, method) for every rule taking an integer, with every method it answers."""
    for rule in app.url_map.iter_rules():
        if any(isinstance(c, IntegerConverter) for c in rule._converters.values()):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield rule, method


def path_with(rule, number: int) -> str:
    def value(match):
        converter, name = match.group("converter"), match.group("name")
        return str(number) if converter == "int" else OTHER_VALUES.get(name, "x")

    return PLACEHOLDER.sub(value, rule.rule)


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "admin"])
def test_ids_beyond_the_database_range_never_give_a_server_error(
    app, client, login, make_user, signed_in
):
    if signed_in:
        login(make_user(role=Role.ADMIN))
    routes = list(int_routes(app))
    assert len(routes) > 50  # every feature's routes are there
    failures = []
    for rule, method in routes:
        for number in LARGE:
            path = path_with(rule, number)
            if method == "POST":  # with a CSRF token, so that the view itself answers
                status = client.post(path, data={}).status_code
            else:
                status = client.open(path, method=method).status_code
            if status >= 500:
                failures.append(f"{method} {path}: {status}")
    assert not failures
