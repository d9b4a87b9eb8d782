"""repair notification kinds: the CHECK lacked the initiative kinds the models allow

Revision ID: 1b2f0c9d4e7a
Revises: d5d34fdd9947
Create Date: 2026-12-03 17:50:00

Databases built by the migrations refused a notification of a followed initiative's update or
event (CHECK constraint failed: ck_notifications_kind), so the organisation's post answered 500.
"""
from alembic import op

revision = '1b2f0c9d4e7a'
down_revision = 'd5d34fdd9947'
branch_labels = None
depends_on = None

OLD = ('priority_answered', 'priority_due', 'priority_overdue', 'content_hidden', 'content_restored')
NEW = OLD + ('initiative_update', 'initiative_event')


def _kinds(values):
    return "kind IN (%s)" % ", ".join(f"'{value}'" for value in values)


def _replace_check(values):
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_notifications_kind'), type_='check')
        batch_op.create_check_constraint('kind', _kinds(values))


def upgrade():
    _replace_check(NEW)


def downgrade():
    op.execute("DELETE FROM notifications WHERE kind IN ('initiative_update', 'initiative_event')")
    _replace_check(OLD)
