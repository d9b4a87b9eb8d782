"""Who may see an uploaded file."""

from collections.abc import Callable

from civicapp.authz import is_admin, is_signed_in

# Rules features add for files they own (e.g. the members of an organisation reading the files
# of its draft initiative): rule(user, upload) -> bool. Uploads import no feature.
VIEW_RULES: list[Callable] = []


def add_view_rule(rule: Callable) -> Callable:
    """Let a feature grant more readers of non-public uploads; usable as a decorator."""
    if rule not in VIEW_RULES:
        VIEW_RULES.append(rule)
    return rule


def _is_uploader(user, upload) -> bool:
    return (
        is_signed_in(user)
        and upload.uploaded_by_id is not None
        and (upload.uploaded_by_id == user.id)
    )


def can_view_upload(user, upload) -> bool:
    """Public files for everyone; others for their uploader, admins and features' rules."""
    if upload.is_public or _is_uploader(user, upload) or is_admin(user):
        return True
    return any(rule(user, upload) for rule in VIEW_RULES)
