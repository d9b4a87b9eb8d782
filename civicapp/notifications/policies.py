"""Who may read notifications, follow priorities and initiatives, and choose e-mail settings."""

from civicapp.authz import is_signed_in
from civicapp.subjects.registry import is_subject, type_of


def can_view_notifications(user, _obj=None) -> bool:
    """Every signed-in user has their own notifications."""
    return is_signed_in(user)


def can_open_notification(user, notification) -> bool:
    """A notification is only its recipient's."""
    return is_signed_in(user) and notification is not None and notification.user_id == user.id


def can_change_notification_settings(user, _obj=None) -> bool:
    """Signed-in users choose how they are e-mailed."""
    return is_signed_in(user)


def can_follow_target(user, target) -> bool:
    """Signed-in users follow (and unfollow) published subjects not hidden that can be followed."""
    return (
        is_signed_in(user)
        and target is not None
        and is_subject(target)
        and type_of(target).following is not None
        and getattr(target, "is_published", True)
        and not target.is_hidden
    )
