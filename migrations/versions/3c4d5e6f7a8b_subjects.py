"""subjects: one table of what people discuss; comments, reports, follows and notifications
point to it with one foreign key each

Revision ID: 3c4d5e6f7a8b
Revises: 1b2f0c9d4e7a
Create Date: 2026-12-03 18:05:00

Every priority, initiative and comment gets a subject. Subject ids are the old ids shifted
into one range per kind (priorities first, then initiatives, then comments), so every
comment, report, follow and notification keeps pointing at what it pointed at.
"""
from alembic import op
import sqlalchemy as sa

import civicapp.db

revision = '3c4d5e6f7a8b'
down_revision = '1b2f0c9d4e7a'
branch_labels = None
depends_on = None

OLD_KINDS = (
    'priority_answered', 'priority_due', 'priority_overdue', 'content_hidden',
    'content_restored', 'initiative_update', 'initiative_event',
)


def exactly_one_of(*columns):
    terms = " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in columns)
    return f"{terms} = 1"


def _max_id(table):
    return op.get_bind().execute(sa.text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar()


def _offsets():
    """Where each kind's subject ids start: priorities at 0, then initiatives, then comments."""
    priorities = _max_id('priorities')
    initiatives = priorities + _max_id('initiatives')
    return {'priority': 0, 'initiative': priorities, 'comment': initiatives}


def _subject_of(offsets, **columns):
    """SQL for the subject id of a row that names its target by one of several columns."""
    cases = " ".join(
        f"WHEN {column} IS NOT NULL THEN {column} + {offsets[kind]}"
        for kind, column in columns.items()
    )
    return f"CASE {cases} END"


def _create_subjects(offsets):
    op.create_table('subjects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('created_at', civicapp.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(kind) BETWEEN 1 AND 32', name=op.f('ck_subjects_kind_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subjects'))
    )
    for kind, table in (('priority', 'priorities'), ('initiative', 'initiatives'), ('comment', 'comments')):
        op.execute(
            f"INSERT INTO subjects (id, kind, created_at) "
            f"SELECT id + {offsets[kind]}, '{kind}', created_at FROM {table}"
        )
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("SELECT setval('subjects_id_seq', (SELECT coalesce(max(id), 0) + 1 FROM subjects), false)")


def _own_subject(table, offset):
    """A subject model's own unique, non-null foreign key to its subject."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_id', sa.Integer(), nullable=True))
    op.execute(f"UPDATE {table} SET subject_id = id + {offset}")
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.alter_column('subject_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f(f'uq_{table}_subject_id'), ['subject_id'])
        batch_op.create_foreign_key(batch_op.f(f'fk_{table}_subject_id_subjects'), 'subjects', ['subject_id'], ['id'], ondelete='CASCADE')


def _comments(offsets):
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('target_subject_id', sa.Integer(), nullable=True))
    op.execute("UPDATE comments SET target_subject_id = " + _subject_of(offsets, priority='priority_id', initiative='initiative_id'))
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_priority_thread')
        batch_op.drop_index('ix_comments_initiative_thread')
        batch_op.drop_constraint(batch_op.f('ck_comments_one_target'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_comments_priority_id_priorities'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_comments_initiative_id_initiatives'), type_='foreignkey')
        batch_op.drop_column('priority_id')
        batch_op.drop_column('initiative_id')
        batch_op.alter_column('target_subject_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index('ix_comments_thread', ['target_subject_id', 'parent_id', 'created_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_comments_target_subject_id_subjects'), 'subjects', ['target_subject_id'], ['id'], ondelete='CASCADE')


def _reports(offsets):
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_id', sa.Integer(), nullable=True))
    op.execute("UPDATE reports SET subject_id = " + _subject_of(
        offsets, comment='comment_id', priority='priority_id', initiative='initiative_id'))
    with op.batch_alter_table('reports', schema=None) as batch_op:
        for column in ('comment_id', 'priority_id', 'initiative_id'):
            batch_op.drop_index(batch_op.f(f'ix_reports_{column}'))
            batch_op.drop_constraint(batch_op.f(f'uq_reports_reporter_id_{column}'), type_='unique')
        batch_op.drop_constraint(batch_op.f('ck_reports_one_target'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_reports_comment_id_comments'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_reports_priority_id_priorities'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_reports_initiative_id_initiatives'), type_='foreignkey')
        for column in ('comment_id', 'priority_id', 'initiative_id'):
            batch_op.drop_column(column)
        batch_op.alter_column('subject_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f('ix_reports_subject_id'), ['subject_id'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_reports_reporter_id_subject_id'), ['reporter_id', 'subject_id'])
        batch_op.create_foreign_key(batch_op.f('fk_reports_subject_id_subjects'), 'subjects', ['subject_id'], ['id'], ondelete='CASCADE')


def _follows(offsets):
    with op.batch_alter_table('follows', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_id', sa.Integer(), nullable=True))
    op.execute("UPDATE follows SET subject_id = " + _subject_of(offsets, priority='priority_id', initiative='initiative_id'))
    with op.batch_alter_table('follows', schema=None) as batch_op:
        for column in ('priority_id', 'initiative_id'):
            batch_op.drop_index(batch_op.f(f'ix_follows_{column}'))
            batch_op.drop_constraint(batch_op.f(f'uq_follows_user_id_{column}'), type_='unique')
        batch_op.drop_constraint(batch_op.f('ck_follows_one_target'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_follows_priority_id_priorities'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_follows_initiative_id_initiatives'), type_='foreignkey')
        batch_op.drop_column('priority_id')
        batch_op.drop_column('initiative_id')
        batch_op.alter_column('subject_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f('ix_follows_subject_id'), ['subject_id'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_follows_user_id_subject_id'), ['user_id', 'subject_id'])
        batch_op.create_foreign_key(batch_op.f('fk_follows_subject_id_subjects'), 'subjects', ['subject_id'], ['id'], ondelete='CASCADE')


def _notifications(offsets):
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_id', sa.Integer(), nullable=True))
    op.execute("UPDATE notifications SET subject_id = " + _subject_of(offsets, priority='priority_id', initiative='initiative_id'))
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        for column in ('priority_id', 'initiative_id'):
            batch_op.drop_index(batch_op.f(f'ix_notifications_{column}'))
        batch_op.drop_constraint(batch_op.f('fk_notifications_priority_id_priorities'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_notifications_initiative_id_initiatives'), type_='foreignkey')
        batch_op.drop_column('priority_id')
        batch_op.drop_column('initiative_id')
        # Kinds are declared by the features (civicapp.notifications.kinds), not listed here.
        batch_op.drop_constraint(batch_op.f('ck_notifications_kind'), type_='check')
        batch_op.alter_column('kind', existing_type=sa.String(length=32), type_=sa.String(length=40), existing_nullable=False)
        batch_op.create_check_constraint('kind_length', 'length(kind) BETWEEN 1 AND 40')
        batch_op.create_index(batch_op.f('ix_notifications_subject_id'), ['subject_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_notifications_subject_id_subjects'), 'subjects', ['subject_id'], ['id'], ondelete='CASCADE')


def upgrade():
    offsets = _offsets()
    _create_subjects(offsets)
    _own_subject('priorities', offsets['priority'])
    _own_subject('initiatives', offsets['initiative'])
    _own_subject('comments', offsets['comment'])
    _comments(offsets)
    _reports(offsets)
    _follows(offsets)
    _notifications(offsets)


# --- downgrade: back to one nullable foreign key per target -------------------------------


def _owner(table, subject):
    """SQL for the id of the row of `table` whose subject is the (qualified) `subject`."""
    return f"(SELECT t.id FROM {table} t WHERE t.subject_id = {subject})"


def _old_columns(table, columns):
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.add_column(sa.Column(column, sa.Integer(), nullable=True))
    for column, owner in columns.items():
        op.execute(f"UPDATE {table} SET {column} = {owner}")


def _drop_new(table, index=None, fks=(), uniques=(), columns=('subject_id',)):
    with op.batch_alter_table(table, schema=None) as batch_op:
        if index:
            batch_op.drop_index(index)
        for name in uniques:
            batch_op.drop_constraint(batch_op.f(name), type_='unique')
        for name in fks:
            batch_op.drop_constraint(batch_op.f(name), type_='foreignkey')
        for column in columns:
            batch_op.drop_column(column)


def _downgrade_comments():
    target = 'target_subject_id'
    _old_columns('comments', {
        'priority_id': _owner('priorities', 'comments.target_subject_id'),
        'initiative_id': _owner('initiatives', 'comments.target_subject_id'),
    })
    op.execute("DELETE FROM comments WHERE priority_id IS NULL AND initiative_id IS NULL")
    _drop_new('comments', 'ix_comments_thread', ['fk_comments_target_subject_id_subjects'], columns=[target])
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index('ix_comments_priority_thread', ['priority_id', 'parent_id', 'created_at'], unique=False)
        batch_op.create_index('ix_comments_initiative_thread', ['initiative_id', 'parent_id', 'created_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_comments_priority_id_priorities'), 'priorities', ['priority_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_comments_initiative_id_initiatives'), 'initiatives', ['initiative_id'], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint('one_target', exactly_one_of('priority_id', 'initiative_id'))


def _downgrade_reports():
    _old_columns('reports', {
        'comment_id': _owner('comments', 'reports.subject_id'),
        'priority_id': _owner('priorities', 'reports.subject_id'),
        'initiative_id': _owner('initiatives', 'reports.subject_id'),
    })
    op.execute("DELETE FROM reports WHERE comment_id IS NULL AND priority_id IS NULL AND initiative_id IS NULL")
    _drop_new('reports', 'ix_reports_subject_id', ['fk_reports_subject_id_subjects'], ['uq_reports_reporter_id_subject_id'])
    with op.batch_alter_table('reports', schema=None) as batch_op:
        for column, table in (('comment_id', 'comments'), ('priority_id', 'priorities'), ('initiative_id', 'initiatives')):
            batch_op.create_index(batch_op.f(f'ix_reports_{column}'), [column], unique=False)
            batch_op.create_unique_constraint(batch_op.f(f'uq_reports_reporter_id_{column}'), ['reporter_id', column])
            batch_op.create_foreign_key(batch_op.f(f'fk_reports_{column}_{table}'), table, [column], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint('one_target', exactly_one_of('comment_id', 'priority_id', 'initiative_id'))


def _downgrade_follows():
    _old_columns('follows', {
        'priority_id': _owner('priorities', 'follows.subject_id'),
        'initiative_id': _owner('initiatives', 'follows.subject_id'),
    })
    op.execute("DELETE FROM follows WHERE priority_id IS NULL AND initiative_id IS NULL")
    _drop_new('follows', 'ix_follows_subject_id', ['fk_follows_subject_id_subjects'], ['uq_follows_user_id_subject_id'])
    with op.batch_alter_table('follows', schema=None) as batch_op:
        for column, table in (('priority_id', 'priorities'), ('initiative_id', 'initiatives')):
            batch_op.create_index(batch_op.f(f'ix_follows_{column}'), [column], unique=False)
            batch_op.create_unique_constraint(batch_op.f(f'uq_follows_user_id_{column}'), ['user_id', column])
            batch_op.create_foreign_key(batch_op.f(f'fk_follows_{column}_{table}'), table, [column], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint('one_target', exactly_one_of('priority_id', 'initiative_id'))


def _downgrade_notifications():
    # A notification about a comment was about the comment's priority or initiative.
    target = (
        "coalesce((SELECT c.target_subject_id FROM comments c "
        "WHERE c.subject_id = notifications.subject_id), notifications.subject_id)"
    )
    _old_columns('notifications', {
        'priority_id': _owner('priorities', target), 'initiative_id': _owner('initiatives', target),
    })
    kinds = ", ".join(f"'{kind}'" for kind in OLD_KINDS)
    op.execute(f"DELETE FROM notifications WHERE kind NOT IN ({kinds})")
    _drop_new('notifications', 'ix_notifications_subject_id', ['fk_notifications_subject_id_subjects'])
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_notifications_kind_length'), type_='check')
        batch_op.alter_column('kind', existing_type=sa.String(length=40), type_=sa.String(length=32), existing_nullable=False)
        batch_op.create_check_constraint('kind', f"kind IN ({kinds})")
        for column, table in (('priority_id', 'priorities'), ('initiative_id', 'initiatives')):
            batch_op.create_index(batch_op.f(f'ix_notifications_{column}'), [column], unique=False)
            batch_op.create_foreign_key(batch_op.f(f'fk_notifications_{column}_{table}'), table, [column], ['id'], ondelete='CASCADE')


def downgrade():
    _downgrade_notifications()
    _downgrade_follows()
    _downgrade_reports()
    _downgrade_comments()
    for table in ('comments', 'initiatives', 'priorities'):
        _drop_new(table, fks=[f'fk_{table}_subject_id_subjects'], uniques=[f'uq_{table}_subject_id'])
    op.drop_table('subjects')
