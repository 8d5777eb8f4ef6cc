"""Migrations: empty -> head, models == migrations, backup before upgrade, fail closed."""

from __future__ import annotations

import logging
import sqlite3
import stat
import threading
from datetime import UTC
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint
from sqlalchemy import inspect
from sqlalchemy import text

from epay_desktop.store.db import StoreError
from epay_desktop.store.migrations import head_revision
from epay_desktop.store.migrations import migrate
from epay_desktop.store.models import Base

T0 = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def _revision(engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _tables(engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def test_empty_database_migrates_to_head_once(engine_for, db_url):
    engine = engine_for(db_url)
    first = migrate(engine)
    assert (first.before, first.after, first.backup) == (None, head_revision(), None)
    assert set(Base.metadata.tables) <= _tables(engine)
    again = migrate(engine)
    assert (again.before, again.after, again.backup) == (head_revision(), head_revision(), None)


def test_models_and_migrations_describe_the_same_schema(engine_for, db_url):
    """Someone changed models.py without a migration (or the reverse): regenerate, see regenerate.py."""
    engine = engine_for(db_url)
    migrate(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        # autogenerate does not compare CHECK constraints or partial-index conditions: do it here
        inspector = inspect(conn)
        for table in Base.metadata.sorted_tables:
            declared = {c.name for c in table.constraints if isinstance(c, CheckConstraint)}
            found = {c["name"] for c in inspector.get_check_constraints(table.name)}
            assert found == declared, table.name
        unresolved = {i["name"]: i for i in inspector.get_indexes("money_ops")}["uq_money_ops_one_unresolved"]
        assert unresolved["unique"]
        where = unresolved.get("dialect_options", {}).get(f"{engine.dialect.name}_where")
        assert where is not None and "SENDING" in str(where) and "NEEDS_REVIEW" in str(where)


def test_older_sqlite_file_is_backed_up_before_upgrading(engine_for, sqlite_url, newer_migrations):
    engine = engine_for(sqlite_url)
    migrate(engine)  # the file is at our head, which the "newer program" below sees as old
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO counters (name, value) VALUES ('kept', 41)"))

    result = migrate(engine, script_location=newer_migrations(), clock=lambda: T0)

    assert (result.before, result.after) == (head_revision(), "f00d0002")
    assert result.backup is not None
    day = T0.astimezone().date().isoformat()  # the local date, like the day's and manual copies
    assert result.backup.name == f"pre-migration-{head_revision()}-{day}T030405Z.db"
    assert result.backup.parent == Path(engine.url.database).parent / "backups"  # pruned with them
    assert stat.S_IMODE(result.backup.stat().st_mode) == 0o600
    assert not list(Path(engine.url.database).parent.glob("*.bak"))  # nothing beside the database
    copy = sqlite3.connect(result.backup)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
        assert copy.execute("SELECT value FROM counters WHERE name = 'kept'").fetchone() == (41,)
        assert copy.execute("SELECT name FROM sqlite_master WHERE name = 'extra_test'").fetchall() == []
    finally:
        copy.close()
    assert "extra_test" in _tables(engine)


def test_a_migration_never_runs_when_its_copy_cannot_be_made(engine_for, sqlite_url, newer_migrations):
    engine = engine_for(sqlite_url)
    migrate(engine)
    (Path(engine.url.database).parent / "backups").write_text("not a folder", encoding="utf-8")
    with pytest.raises(
        StoreError, match=r"^Backup before migration failed \(.*\); the database was not changed\.$"
    ):
        migrate(engine, script_location=newer_migrations(), clock=lambda: T0)
    assert _revision(engine) == head_revision()
    assert "extra_test" not in _tables(engine)


def test_postgresql_upgrade_makes_no_file_and_says_so(engine_for, pg_url, newer_migrations, caplog):
    engine = engine_for(pg_url)
    migrate(engine)
    with caplog.at_level(logging.INFO, logger="epay_desktop.store.migrations.runner"):
        result = migrate(engine, script_location=newer_migrations())
    assert result.backup is None and result.after == "f00d0002"
    assert "event=migrate_without_backup dialect=postgresql" in caplog.text


def test_failed_upgrade_changes_nothing(engine_for, db_url, newer_migrations):
    engine = engine_for(db_url)
    migrate(engine)
    with pytest.raises(StoreError, match=r"failed \(disk full \(simulated\)\)\. Nothing was changed"):
        migrate(engine, script_location=newer_migrations(fail=True))
    assert _revision(engine) == head_revision()
    assert "extra_test" not in _tables(engine)  # the half-done revision was rolled back


def test_unknown_revision_is_refused(engine_for, db_url):
    engine = engine_for(db_url)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff9999'"))
    with pytest.raises(StoreError, match=r"revision ffff9999.*does not know.*newer epay-desktop"):
        migrate(engine)
    assert _revision(engine) == "ffff9999"


def test_tables_without_a_revision_are_refused(engine_for, db_url):
    engine = engine_for(db_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE someone_elses (id INTEGER PRIMARY KEY)"))
    with pytest.raises(StoreError, match=r"no schema revision.*someone_elses"):
        migrate(engine)


def test_two_counters_starting_together_migrate_once(engine_for, db_url):
    engines = [engine_for(db_url), engine_for(db_url)]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def start(engine) -> None:
        barrier.wait()
        try:
            results.append(migrate(engine))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert sorted(r.before or "" for r in results) == ["", head_revision()]


def test_a_database_at_0001_gets_the_approval_throttle_and_keeps_its_data(engine_for, db_url):
    """Revision 0002 (decision 0020) on a database a console made before it: data kept, table added."""
    from alembic import command

    from epay_desktop.store.migrations.runner import alembic_config

    engine = engine_for(db_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(connection=conn), "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO counters (name, value) VALUES ('kept', 41)"))
    assert "approval_throttle" not in _tables(engine)
    result = migrate(engine, clock=lambda: T0)
    assert (result.before, result.after) == ("0001", head_revision())
    assert "approval_throttle" in _tables(engine)
    with engine.begin() as conn:
        assert conn.execute(text("SELECT value FROM counters WHERE name = 'kept'")).scalar() == 41
        columns = {c["name"] for c in inspect(conn).get_columns("approval_throttle")}
    assert columns == {"scope", "failures", "window_started_at", "paused_until", "pauses", "updated_at"}


def test_the_start_up_head_constant_is_alembics_head():
    """``migrate_check.SHIPPED_HEAD``/``SHIPPED_FILES`` are written by hand beside the migrations so a
    start reads no migration file (decision 0062); a new migration fails here until both are updated."""
    from epay_desktop.store.migrate_check import SHIPPED_FILES
    from epay_desktop.store.migrate_check import SHIPPED_HEAD
    from epay_desktop.store.migrate_check import VERSIONS_DIR
    from epay_desktop.store.migrate_check import current_head
    from epay_desktop.store.migrate_check import shipped_head

    assert SHIPPED_HEAD == head_revision() == shipped_head()
    assert len(list(VERSIONS_DIR.glob("*.py"))) == SHIPPED_FILES
    assert current_head() == SHIPPED_HEAD


def test_a_migration_added_without_the_constant_is_still_seen(newer_migrations):
    """A folder with one migration more than ``SHIPPED_FILES``: the files are read, the new head found,
    so a start migrates instead of trusting a stale constant."""
    from epay_desktop.store.migrate_check import SHIPPED_HEAD
    from epay_desktop.store.migrate_check import current_head

    versions = newer_migrations() / "versions"
    assert current_head(versions) == "f00d0002" != SHIPPED_HEAD
