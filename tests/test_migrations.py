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
