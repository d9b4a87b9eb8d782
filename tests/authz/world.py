"""The authorization matrix's world: two municipalities, one user per role, features' objects.

Roles: anonymous; citizen (verified); unverified (e-mail not confirmed); staff (of the home
municipality A, where the world's objects live); other_staff (staff of municipality B only);
moderator; admin. Feature test packages add their objects in a `build(world)` function of
their `tests/<feature>/routes.py` module.
"""

from dataclasses import dataclass, field

ROLES = ("anonymous", "citizen", "unverified", "staff", "other_staff", "moderator", "admin")
# Organisation roles; their users are made by tests/organisations/routes.py's build().
ROLES += ("org_admin", "org_member", "other_org_member")


@dataclass
class World:
    municipality: object = None  # "A": the world's objects belong here
    other_municipality: object = None  # "B"
    users: dict = field(default_factory=dict)  # role -> User (no entry for anonymous)
    objects: dict = field(default_factory=dict)  # names that features' routes refer to

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_world(make_user, make_municipality) -> World:
    from civicapp.accounts.models import Role

    world = World()
    world.municipality = make_municipality("pristina")
    world.other_municipality = make_municipality("prizren")
    world.users = {
        "citizen": make_user(),
        "unverified": make_user(verified=False),
        "staff": make_user(staff_of=[world.municipality]),
        "other_staff": make_user(staff_of=[world.other_municipality]),
        "moderator": make_user(role=Role.MODERATOR),
        "admin": make_user(role=Role.ADMIN),
    }
    return world
