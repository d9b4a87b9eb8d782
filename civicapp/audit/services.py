"""Record audit events; callers commit them with their own use case."""

from flask import has_request_context, request

from civicapp.audit.models import AuditEvent
from civicapp.extensions import db

FORBIDDEN_KEYS = {"password", "token", "secret", "code", "totp_secret", "password_hash"}


def record_event(action: str, actor=None, target_user=None, subject: str | None = None, **details):
    """Add an audit event for `action` (flushed, committed by the caller's use case)."""
    leaked = FORBIDDEN_KEYS & details.keys()
    if leaked:
        raise ValueError(f"audit details must not hold secrets: {sorted(leaked)}")
    event = AuditEvent(
        action=action,
        actor_id=getattr(actor, "id", None),
        target_user_id=getattr(target_user, "id", None),
        subject=subject,
        ip=request.remote_addr if has_request_context() else None,
        details=details,
    )
    db.session.add(event)
    return event
