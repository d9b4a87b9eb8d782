"""Authorization entries for municipality routes."""

from tests.authz.matrix import ALLOW, DENY, LOGIN, Route, public

# The municipality's staff see its settings read-only; only platform admins change them.
SETTINGS_VIEW = {"anonymous": LOGIN, "staff": ALLOW, "admin": ALLOW}
SETTINGS_CHANGE = {"anonymous": LOGIN, "admin": 302}

ROUTES = [
    public("municipalities.index", lambda w: "/municipalities/"),
    public("municipalities.show", lambda w: f"/municipalities/{w.municipality.slug}"),
    Route(
        "municipalities.settings",
        "GET",
        lambda w: f"/municipalities/{w.municipality.slug}/settings",
        expect=SETTINGS_VIEW,
        default=DENY,
    ),
    Route(
        "municipalities.settings",
        "POST",
        lambda w: f"/municipalities/{w.municipality.slug}/settings",
        expect=SETTINGS_CHANGE,
        default=DENY,
        data=lambda w: {
            "response_days": "21",
            "support_threshold": "40",
            "official_languages": "sq",
        },
    ),
]
