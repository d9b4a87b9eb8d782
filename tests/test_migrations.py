"""Alembic: the schema the migrations build is the models' schema, constraint for constraint."""

import re

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from civicapp.extensions import db
from tests.conftest import make_test_app


def _empty_database_url(database_url, tmp_path, suffix):
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / f'{suffix}.db'}"
    url = make_url(database_url)
    name = f"{url.database}_{suffix}"
    _admin_sql(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)


def _drop(database_url, url):
    if not url.startswith("sqlite"):
        _admin_sql(database_url, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def _normal_sql(sql) -> str:
    """SQL text without the spacing, quoting and parentheses that backends add on reflection."""
    sql = re.sub(r"::[a-z ]+(\[\])?", "", str(sql or "").lower())  # PostgreSQL's casts
    return re.sub(r"[\s()\"'`]", "", sql).replace("anyarray", "").replace("array", "")


def _schema(engine) -> dict:
    """Every table's columns, defaults, keys, indexes and CHECK constraints, as comparable data."""
    inspector = inspect(engine)
    schema = {}
    for table in sorted(set(inspector.get_table_names()) - {"alembic_version"}):
        schema[table] = {
            "columns": {
                c["name"]: (str(c["type"]).lower(), c["nullable"], _normal_sql(c.get("default")))
                for c in inspector.get_columns(table)
            },
            "primary_key": tuple(inspector.get_pk_constraint(table)["constrained_columns"]),
            "foreign_keys": sorted(
                (
                    fk["name"],
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    tuple(fk["referred_columns"]),
                    (fk.get("options") or {}).get("ondelete"),
                )
                for fk in inspector.get_foreign_keys(table)
            ),
            "unique": sorted(
                (u["name"], tuple(u["column_names"]))
                for u in inspector.get_unique_constraints(table)
            ),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
            ),
            "checks": sorted(
                (c["name"], _normal_sql(c["sqltext"]))
                for c in inspector.get_check_constraints(table)
            ),
        }
    return schema


def _differences(migrated: dict, modelled: dict) -> list[str]:
    found = []
    for table in sorted(set(migrated) | set(modelled)):
        if table not in migrated or table not in modelled:
            found.append(f"{table}: only in {'models' if table in modelled else 'migrations'}")
            continue
        for part, value in modelled[table].items():
            if migrated[table][part] != value:
                found.append(
                    f"{table}.{part}: migrations {migrated[table][part]!r} != models {value!r}"
                )
    return found


def test_migrated_schema_equals_the_models_schema(database_url, tmp_path):
    """CHECK constraints (enum values among them), indexes, keys and server defaults included."""
    migrated_url = _empty_database_url(database_url, tmp_path, "migrated")
    modelled_url = _empty_database_url(database_url, tmp_path, "modelled")
    migrated_app = make_test_app(migrated_url, tmp_path / "instance")
    with migrated_app.app_context():
        upgrade()
        migrated = _schema(db.engine)
        db.engine.dispose()
    modelled_app = make_test_app(modelled_url, tmp_path / "instance")
    with modelled_app.app_context():
        db.create_all()
        modelled = _schema(db.engine)
        db.engine.dispose()
    _drop(database_url, migrated_url)
    _drop(database_url, modelled_url)
    assert "notifications" in migrated and migrated["priorities"]["checks"]
    assert _differences(migrated, modelled) == []


def test_upgrade_to_head_matches_models_and_downgrades(database_url, tmp_path):
    url = _empty_database_url(database_url, tmp_path, "mig")
    app = make_test_app(url, tmp_path / "instance")
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        downgrade(revision="base")
        leftover = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert leftover == set()
        db.engine.dispose()
    _drop(database_url, url)


def _admin_sql(url, *statements):
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


BEFORE_SUBJECTS = "1b2f0c9d4e7a"
T = "'2026-01-01 10:00:00+00'"
OLD_ROWS = [
    "INSERT INTO users (id, email, display_name, password_hash, role, locale, is_disabled,"
    f" session_version, created_at, updated_at) VALUES (1, 'a@example.org', 'A', 'x', 'citizen',"
    f" 'en', false, 1, {T}, {T}),"
    f" (2, 'b@example.org', 'B', 'x', 'citizen', 'en', false, 1, {T}, {T})",
    "INSERT INTO municipalities (id, slug, country, region, name_sq, name_sr_latn, name_sr_cyrl,"
    " name_en, search_text, official_languages, response_days, support_threshold, created_at,"
    " updated_at) VALUES"
    f" (1, 'pristina', 'XK', 'R', 'P', 'P', 'П', 'P', 'p', 'sq,sr', 30, 50, {T}, {T})",
    "INSERT INTO organisations (id, slug, name_en, search_text, kind, description,"
    " description_html, status, created_at, updated_at) VALUES"
    f" (1, 'org', 'Org', 'org', 'informal_group', '', '', 'verified', {T}, {T})",
    *(
        "INSERT INTO priorities (id, municipality_id, title, body, body_html, sector, language,"
        " status, support_count, comment_count, adopted_in_plan, is_hidden, search_text,"
        f" created_at, updated_at) VALUES ({n}, 1, 'P{n}', 'b', 'b', 'environment', 'en', 'open',"
        f" 0, 1, false, false, '', {T}, {T})"
        for n in (1, 2)
    ),
    "INSERT INTO initiatives (id, organisation_id, title, summary, description, language,"
    " total_budget, start_date, end_date, objectives, activities, expected_results,"
    " achieved_results, status, last_updated_at, search_text, created_at, updated_at,"
    " comment_count, is_hidden) VALUES (1, 1, 'I1', 's', '', 'en', 0, '2026-01-01', '2026-12-31',"
    f" '', '', '', '', 'published', {T}, '', {T}, {T}, 1, false)",
    "INSERT INTO comments (id, priority_id, initiative_id, body, body_html, language,"
    f" is_official, is_hidden, created_at, updated_at) VALUES (1, 2, NULL, 'c1', 'c1', 'en',"
    f" false, false, {T}, {T}), (2, NULL, 1, 'c2', 'c2', 'en', false, false, {T}, {T})",
    "INSERT INTO reports (id, reporter_id, comment_id, priority_id, initiative_id, reason,"
    f" created_at) VALUES (1, 1, 2, NULL, NULL, 'spam', {T}), (2, 1, NULL, 1, NULL, 'spam', {T}),"
    f" (3, 1, NULL, NULL, 1, 'abuse', {T})",
    "INSERT INTO follows (id, user_id, priority_id, initiative_id, created_at) VALUES"
    f" (1, 2, 2, NULL, {T}), (2, 2, NULL, 1, {T})",
    "INSERT INTO notifications (id, user_id, kind, priority_id, initiative_id, data, created_at)"
    f" VALUES (1, 2, 'priority_answered', 2, NULL, '{{}}', {T}),"
    f" (2, 2, 'initiative_update', NULL, 1, '{{}}', {T})",
]


def _rows(conn, sql):
    return [tuple(row) for row in conn.execute(text(sql))]


def _subject(kind, table, object_id):
    return f"(SELECT subject_id FROM {table} WHERE id = {object_id})"


def test_the_subjects_migration_keeps_every_comment_report_follow_and_notification(
    database_url, tmp_path
):
    url = _empty_database_url(database_url, tmp_path, "data")
    app = make_test_app(url, tmp_path / "instance")
    with app.app_context():
        upgrade(revision=BEFORE_SUBJECTS)
        with db.engine.begin() as conn:
            for statement in OLD_ROWS:
                conn.execute(text(statement))
        upgrade()
        with db.engine.connect() as conn:
            kinds = _rows(
                conn, "SELECT s.kind, count(*) FROM subjects s GROUP BY s.kind ORDER BY 1"
            )
            on = _rows(
                conn,
                "SELECT c.id, s.kind, coalesce(p.title, i.title) FROM comments c"
                " JOIN subjects s ON s.id = c.target_subject_id"
                " LEFT JOIN priorities p ON p.subject_id = s.id"
                " LEFT JOIN initiatives i ON i.subject_id = s.id ORDER BY c.id",
            )
            reported = _rows(
                conn,
                "SELECT r.id, s.kind FROM reports r"
                " JOIN subjects s ON s.id = r.subject_id ORDER BY r.id",
            )
            followed = _rows(
                conn,
                "SELECT f.id, coalesce(p.title, i.title) FROM follows f"
                " LEFT JOIN priorities p ON p.subject_id = f.subject_id"
                " LEFT JOIN initiatives i ON i.subject_id = f.subject_id ORDER BY f.id",
            )
            told = _rows(
                conn,
                "SELECT n.id, coalesce(p.title, i.title) FROM notifications n"
                " LEFT JOIN priorities p ON p.subject_id = n.subject_id"
                " LEFT JOIN initiatives i ON i.subject_id = n.subject_id ORDER BY n.id",
            )
            spam = _rows(
                conn,
                "SELECT c.body FROM reports r JOIN comments c"
                " ON c.subject_id = r.subject_id WHERE r.id = 1",
            )
        assert kinds == [("comment", 2), ("initiative", 1), ("priority", 2)]
        assert on == [(1, "priority", "P2"), (2, "initiative", "I1")]
        assert reported == [(1, "comment"), (2, "priority"), (3, "initiative")]
        assert spam == [("c2",)]
        assert followed == [(1, "P2"), (2, "I1")] and told == [(1, "P2"), (2, "I1")]
        downgrade(revision=BEFORE_SUBJECTS)
        with db.engine.connect() as conn:
            assert _rows(
                conn, "SELECT id, priority_id, initiative_id FROM comments ORDER BY id"
            ) == [(1, 2, None), (2, None, 1)]
            assert _rows(
                conn, "SELECT comment_id, priority_id, initiative_id FROM reports ORDER BY id"
            ) == [(2, None, None), (None, 1, None), (None, None, 1)]
            assert _rows(
                conn, "SELECT priority_id, initiative_id FROM notifications ORDER BY id"
            ) == [(2, None), (None, 1)]
        db.engine.dispose()
    _drop(database_url, url)
