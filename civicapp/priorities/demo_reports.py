"""Demo reports: a comment hidden after three reports, one reported comment and priority."""

from collections.abc import Iterator

from sqlalchemy import select

from civicapp.accounts.models import Role, User
from civicapp.comments.models import Comment
from civicapp.extensions import db
from civicapp.moderation.models import Reason
from civicapp.moderation.services import report_content
from civicapp.priorities.models import Priority

NOTES = (
    "Reklamë për një dyqan, nuk ka lidhje me prioritetin.",
    "Uvredljiv komentar prema komšijama.",
    None,
)


def seed(scale: int) -> Iterator[str]:
    """Report a few comments and a priority so that the moderators' queue has work."""
    comments = db.session.scalars(
        select(Comment).where(Comment.parent_id.is_(None)).order_by(Comment.id.desc()).limit(2)
    ).all()
    priority = db.session.scalar(select(Priority).order_by(Priority.id.desc()).limit(1))
    reporters = db.session.scalars(
        select(User)
        .where(User.role == Role.CITIZEN, User.email_verified_at.is_not(None))
        .order_by(User.id.desc())
        .limit(6)
    ).all()
    if len(comments) < 2 or priority is None or len(reporters) < 6:
        yield "demo reports: nothing to report"
        return
    plan = [
        (comments[0], Reason.SPAM, 3),
        (comments[1], Reason.ABUSE, 1),
        (priority, Reason.OFF_TOPIC, 2),
    ]
    made = 0
    for content, reason, count in plan:
        for reporter in [r for r in reporters if r.id != content.author_id][:count]:
            report_content(reporter, content, reason, NOTES[made % len(NOTES)])
            made += 1
    yield f"demo reports: {made} (one comment hidden pending review)"
