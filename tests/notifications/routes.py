"""Authorization entries for notification routes; `build` adds the citizen's notification."""

from tests.authz.matrix import DENY, LOGIN, Route, public, signed_in

BOGUS = "not-a-token"


def build(world) -> None:
    """A notification for the citizen about the world's priority: `w.notification`."""
    from civicapp.extensions import db
    from civicapp.notifications.models import Notification

    notification = Notification(
        user_id=world.users["citizen"].id,
        kind="priority_answered",
        subject_id=world.priority.subject_id,
        data={"status": "accepted"},
    )
    db.session.add(notification)
    db.session.commit()
    world.objects["notification"] = notification


ROUTES = [
    signed_in("notifications.index", lambda w: "/notifications/"),
    Route(
        "notifications.open_notification",
        "POST",
        lambda w: f"/notifications/{w.notification.id}/open",
        expect={"anonymous": LOGIN, "citizen": "allow"},
        default=DENY,
    ),
    signed_in("notifications.mark_all_read", lambda w: "/notifications/read-all", "POST"),
    signed_in("notifications.settings", lambda w: "/notifications/settings"),
    signed_in(
        "notifications.settings",
        lambda w: "/notifications/settings",
        "POST",
        data=lambda w: {"email_mode": "daily"},
    ),
    signed_in(
        "notifications.follow",
        lambda w: f"/notifications/follow/priority/{w.priority.id}",
        "POST",
        data=lambda w: {"follow": "on"},
    ),
    # Unsubscribe links need no sign-in: the signed token is the proof, so a bad one is 400.
    Route(
        "notifications.unsubscribe",
        "GET",
        lambda w: f"/notifications/unsubscribe/{BOGUS}",
        default=400,
    ),
    Route(
        "notifications.unsubscribe",
        "POST",
        lambda w: f"/notifications/unsubscribe/{BOGUS}",
        default=400,
    ),
    Route(
        "notifications.unsubscribe_one_click",
        "POST",
        lambda w: f"/notifications/unsubscribe/{BOGUS}/one-click",
        default=400,
    ),
    public(
        "notifications.unsubscribe_one_click_page",
        lambda w: f"/notifications/unsubscribe/{BOGUS}/one-click",
    ),
]
