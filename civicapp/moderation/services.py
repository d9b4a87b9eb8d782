"""Report content, hide it after three reports (unless official), and let moderators decide."""

import logging
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import func, inspect, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from civicapp.accounts.models import User
from civicapp.audit.models import AuditEvent
from civicapp.audit.services import record_event
from civicapp.db import utcnow
from civicapp.exceptions import Conflict, DomainError, NotAllowed
from civicapp.extensions import db
from civicapp.moderation.models import NOTE_MAX, Reason, Report, audit_subject
from civicapp.moderation.policies import can_moderate, can_report_content
from civicapp.signals import content_hidden, content_restored
from civicapp.subjects.registry import SubjectType, objects_of, type_of
from civicapp.text import excerpt

log = logging.getLogger(__name__)
REPORTS_TO_HIDE = 3  # from distinct users: a user reports a piece of content once
QUEUE_PAGE_SIZE = 25
DECISION_MAX = 500


class AlreadyReported(Conflict):
    """The user reported this content before."""

    def __init__(self):
        super().__init__(
            _("You have already reported this. Thank you, the moderators will look at it.")
        )


@dataclass
class QueueItem:
    """Reported content with its open reports, for the moderation queue."""

    kind: SubjectType
    content: object
    reports: list[Report] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return content_summary(self.content)

    @property
    def reason_counts(self) -> dict[Reason, int]:
        counts: dict[Reason, int] = {}
        for report in self.reports:
            counts[report.reason] = counts.get(report.reason, 0) + 1
        return counts


def report_content(actor: User, obj, reason: Reason, note: str | None = None) -> Report:
    """Record the actor's report; the third from distinct users hides unofficial content."""
    if not can_report_content(actor, obj):
        raise NotAllowed(_("You cannot report this."))
    db.session.refresh(obj, with_for_update=True)  # one report at a time per piece of content
    if has_reported(actor, obj):
        raise AlreadyReported()
    report = Report(
        reporter_id=actor.id,
        reason=Reason(reason),
        note=(note or "").strip()[:NOTE_MAX] or None,
        subject_id=obj.subject_id,
    )
    db.session.add(report)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise AlreadyReported() from None
    if _can_auto_hide(obj) and _open_reports(obj) >= REPORTS_TO_HIDE:
        _auto_hide(obj)
    log.info("%s reported by user %s", audit_subject(obj), actor.id)
    db.session.commit()
    return report


def has_reported(user: User, obj) -> bool:
    """Whether the user has reported this content before."""
    stmt = select(Report.id).where(
        Report.reporter_id == user.id, Report.subject_id == obj.subject_id
    )
    return db.session.scalar(stmt) is not None


def hide_content(actor: User, obj, reason: str) -> None:
    """Hide content (or keep auto-hidden content hidden) and close its reports."""
    if obj.is_hidden and not _open_reports(obj):
        raise DomainError(_("This is already hidden."))
    _decide(actor, obj, reason, hidden=True, action="moderation.hidden")


def restore_content(actor: User, obj, reason: str) -> None:
    """Show hidden content again and close its reports."""
    if not obj.is_hidden:
        raise DomainError(_("This is not hidden."))
    _decide(actor, obj, reason, hidden=False, action="moderation.restored")


def dismiss_reports(actor: User, obj, reason: str) -> None:
    """Close the open reports of visible content, leaving it as it is."""
    if obj.is_hidden:
        raise DomainError(_("Hidden content is restored or kept hidden."))
    if not _open_reports(obj):
        raise DomainError(_("There are no open reports to dismiss."))
    _decide(actor, obj, reason, hidden=False, action="moderation.dismissed")


def _decide(actor: User, obj, reason: str, hidden: bool, action: str) -> None:
    if not can_moderate(actor):
        raise NotAllowed(_("Only moderators can do this."))
    reason = (reason or "").strip()
    if not reason or len(reason) > DECISION_MAX:
        raise DomainError(_("Give a reason of at most 500 characters."), field="reason")
    changed = _set_hidden(obj, hidden)
    closed = _resolve_reports(actor, obj)
    record_event(
        action,
        actor=actor,
        target_user=obj.author,
        subject=audit_subject(obj),
        reason=reason,
        reports=closed,
    )
    if changed:
        signal = content_hidden if hidden else content_restored
        signal.send(obj, actor=actor, reason=reason)
    log.info("%s: %s by user %s", action, audit_subject(obj), actor.id)
    db.session.commit()


def _can_auto_hide(obj) -> bool:
    # Reports on official content only reach the moderators' queue: a municipality's answer
    # stays up until a moderator decides.
    return not obj.is_hidden and not type_of(obj).is_official(obj)


def _auto_hide(obj) -> None:
    _set_hidden(obj, True)
    record_event(
        "moderation.auto_hidden",
        target_user=obj.author,
        subject=audit_subject(obj),
        reports=_open_reports(obj),
    )
    # No actor and no reason: hidden automatically, pending a moderator's review.
    content_hidden.send(obj, actor=None, reason=None)


def _set_hidden(obj, hidden: bool) -> bool:
    set_hidden = type_of(obj).set_hidden
    if set_hidden is not None:
        return set_hidden(obj, hidden)  # e.g. a comment keeps its target's comment_count exact
    changed = obj.is_hidden != hidden
    obj.is_hidden = hidden
    return changed


def _open_reports(obj) -> int:
    stmt = select(func.count()).where(
        Report.subject_id == obj.subject_id, Report.resolved_at.is_(None)
    )
    return db.session.scalar(stmt)


def _resolve_reports(actor: User, obj) -> int:
    result = db.session.execute(
        update(Report)
        .where(Report.subject_id == obj.subject_id, Report.resolved_at.is_(None))
        .values(resolved_at=utcnow(), resolved_by_id=actor.id)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def reported_queue(page: int):
    """Content with open reports, oldest report first, one entry per piece of content."""
    firsts = (
        select(func.min(Report.id)).where(Report.resolved_at.is_(None)).group_by(Report.subject_id)
    )
    stmt = select(Report).where(Report.id.in_(firsts)).order_by(Report.id)
    pagination = db.paginate(stmt, page=page, per_page=QUEUE_PAGE_SIZE, error_out=False)
    contents = objects_of(r.subject_id for r in pagination.items)
    _load_authors(contents.values())
    items = [
        QueueItem(type_of(contents[r.subject_id]), contents[r.subject_id])
        for r in pagination.items
        if r.subject_id in contents
    ]
    _attach_open_reports(items)
    return pagination, items


def _load_authors(contents) -> None:
    """Give each object its author from one query (the queue names them)."""
    with_author = [c for c in contents if "author" in inspect(type(c)).relationships]
    ids = {c.author_id for c in with_author if c.author_id is not None}
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}
    for content in with_author:
        set_committed_value(content, "author", users.get(content.author_id))


def _attach_open_reports(items: list[QueueItem]) -> None:
    if not items:
        return
    by_subject = {item.content.subject_id: item for item in items}
    stmt = (
        select(Report)
        .where(Report.resolved_at.is_(None), Report.subject_id.in_(by_subject))
        .order_by(Report.id)
        .options(joinedload(Report.reporter))
    )
    for report in db.session.scalars(stmt):
        by_subject[report.subject_id].reports.append(report)


def hidden_content(kind: SubjectType, page: int):
    """Content of one kind that is hidden now, oldest first."""
    model = kind.model
    stmt = select(model).where(model.is_hidden.is_(True)).order_by(model.id)
    if "author" in inspect(model).relationships:  # the list names each one's author
        stmt = stmt.options(joinedload(model.author))
    return db.paginate(stmt, page=page, per_page=QUEUE_PAGE_SIZE, error_out=False)


def content_history(obj) -> tuple[list[Report], list[AuditEvent]]:
    """Every report of the content and every moderation event about it."""
    reports = db.session.scalars(
        select(Report)
        .where(Report.subject_id == obj.subject_id)
        .order_by(Report.id)
        .options(joinedload(Report.reporter), joinedload(Report.resolved_by))
    )
    events = db.session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.subject == audit_subject(obj), AuditEvent.action.startswith("moderation.")
        )
        .order_by(AuditEvent.id)
        .options(joinedload(AuditEvent.actor))
    )
    return list(reports), list(events)


def content_summary(obj, length: int = 160) -> str:
    """A short plain text of the content: its title, or the start of its text."""
    title = getattr(obj, "title", None)
    return title if title else excerpt(obj.body, length)


def content_url(obj) -> str:
    """The page where the content is shown."""
    return type_of(obj).url(obj)
