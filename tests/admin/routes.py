"""Authorization entries for administration routes: platform admins only."""

from tests.authz.matrix import admin_only


def _user(w):
    return w.users["citizen"].id


ROUTES = [
    admin_only("admin.users", lambda w: "/admin/users"),
    admin_only("admin.user", lambda w: f"/admin/users/{_user(w)}"),
    admin_only(
        "admin.set_role",
        lambda w: f"/admin/users/{_user(w)}/role",
        "POST",
        data=lambda w: {"role": "moderator"},
    ),
    admin_only(
        "admin.assign_staff",
        lambda w: f"/admin/users/{_user(w)}/staff",
        "POST",
        data=lambda w: {"municipality_id": w.municipality.id},
    ),
    admin_only(
        "admin.remove_staff",
        lambda w: f"/admin/users/{w.users['staff'].id}/staff/{w.municipality.id}/remove",
        "POST",
    ),
    admin_only("admin.toggle_disabled", lambda w: f"/admin/users/{_user(w)}/disable", "POST"),
    admin_only(
        "admin.reset_two_factor", lambda w: f"/admin/users/{_user(w)}/two-factor/reset", "POST"
    ),
    admin_only("admin.audit", lambda w: "/admin/audit"),
]
