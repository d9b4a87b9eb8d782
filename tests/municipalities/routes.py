"""Authorization entries for municipality routes."""

from tests.authz.matrix import public

ROUTES = [
    public("municipalities.index", lambda w: "/municipalities/"),
    public("municipalities.show", lambda w: f"/municipalities/{w.municipality.slug}"),
]
