"""Pages stay light: HTML, CSS and JS together under 100 KB before compression."""

import re

from civicapp.municipalities.services import load_municipalities

LIMIT = 100 * 1024


def weight(client, path):
    response = client.get(path)
    html = response.get_data()
    assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html.decode())
    total = len(html)
    for asset in assets:
        with client.get(asset) as static:
            total += len(static.get_data())
    return total


def test_public_pages_are_light(client, app_ctx):
    load_municipalities()
    for path in (
        "/",
        "/municipalities/",
        "/municipalities/pristina",
        "/auth/login",
        "/auth/register",
    ):
        assert weight(client, path) < LIMIT, path
