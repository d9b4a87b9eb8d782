"""Every route of the app against every role, from one table; a route with no entry fails."""

import pytest

from tests.authz.matrix import ALLOW, DENY, LOGIN, all_routes, build_features
from tests.authz.world import ROLES, build_world

ROUTES = all_routes()
IGNORED_METHODS = {"HEAD", "OPTIONS"}


def test_every_route_has_an_entry(app):
    listed = {(r.endpoint, r.method) for r in ROUTES}
    missing = sorted(
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - IGNORED_METHODS
        if (rule.endpoint, method) not in listed
    )
    assert not missing, f"routes with no authorization entry: {missing}"
    assert len(listed) == len(ROUTES), "a route is listed twice"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.endpoint}")
def test_route_for_role(app, client, login, make_user, make_municipality, route, role):
    world = build_world(make_user, make_municipality)
    build_features(world)
    if role != "anonymous":
        login(world.users[role])
    url = route.url(world)
    if route.method == "GET":
        response = client.get(url)
    else:
        response = client.open(
            url,
            method=route.method,
            data={"csrf_token": client.csrf_token(), **(route.data(world) if route.data else {})},
        )
    try:
        check(route.outcome(role), response)
    finally:
        response.close()  # a streamed file (uploads.download) stays open until closed


def check(expected, response):
    status, location = response.status_code, response.headers.get("Location", "")
    if expected == LOGIN:
        assert status == 302 and location.startswith("/auth/login"), (status, location)
    elif expected == DENY:
        assert status == 403, (status, location)
    elif expected == ALLOW:
        assert status < 500, status
        assert status not in (401, 403, 404, 405), status
        assert not (status == 302 and location.startswith("/auth/login")), location
    else:
        assert status == expected, (status, location)
