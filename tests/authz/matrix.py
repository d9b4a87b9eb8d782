"""Route entries of the authorization matrix, gathered from every feature's tests.

An entry says, for one endpoint and method, how to build its URL (and form data) from the
world, and what each role gets:
- ALLOW: the request is served (not 401/403/404/405, not sent to sign in, not 5xx);
- LOGIN: redirected to the sign-in page;
- DENY: 403;
- an int: exactly that status.
Roles left out of `expect` default to the entry's `default`.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

import tests

ALLOW, LOGIN, DENY = "allow", "login", "deny"


@dataclass(frozen=True)
class Route:
    endpoint: str
    method: str
    url: Callable  # world -> str
    expect: dict = field(default_factory=dict)
    default: object = ALLOW
    data: Callable | None = None  # world -> dict, for POST

    def outcome(self, role: str):
        return self.expect.get(role, self.default)


def public(endpoint, url, method="GET", **kw) -> Route:
    """Anyone may use it."""
    return Route(endpoint, method, url, default=ALLOW, **kw)


def signed_in(endpoint, url, method="GET", **kw) -> Route:
    """Any signed-in user; visitors are sent to sign in."""
    return Route(
        endpoint,
        method,
        url,
        expect={"anonymous": LOGIN} | kw.pop("expect", {}),
        default=ALLOW,
        **kw,
    )


def admin_only(endpoint, url, method="GET", **kw) -> Route:
    """Only platform admins."""
    return Route(
        endpoint, method, url, expect={"anonymous": LOGIN, "admin": ALLOW}, default=DENY, **kw
    )


def feature_modules():
    """Every `tests/<feature>/routes.py` module, in FEATURES order (builds depend on it)."""
    from civicapp import FEATURES

    packages = [info.name for info in pkgutil.iter_modules(tests.__path__) if info.ispkg]
    order = {name: index for index, name in enumerate(FEATURES)}
    for name in sorted(packages, key=lambda n: (order.get(n, len(order)), n)):
        try:
            yield importlib.import_module(f"tests.{name}.routes")
        except ModuleNotFoundError as exc:
            if exc.name != f"tests.{name}.routes":
                raise


def all_routes() -> list[Route]:
    return [route for module in feature_modules() for route in module.ROUTES]


def build_features(world) -> None:
    for module in feature_modules():
        builder = getattr(module, "build", None)
        if builder:
            builder(world)
