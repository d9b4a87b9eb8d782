"""Authorization entries for site-wide routes."""

from tests.authz.matrix import public

ROUTES = [
    public("core.index", lambda w: "/"),
    public("core.healthz", lambda w: "/healthz"),
    public("core.set_language", lambda w: "/language", "POST", data=lambda w: {"locale": "en"}),
    public("core.switch_language", lambda w: "/language?locale=en&next=/"),
]
