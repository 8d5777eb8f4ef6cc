"""Integrity at open (issue 11, deliverable 1; decisions 0066-0067): the data folder's "a database is
expected" marker, the running markers that tell an unclean end from a second live process, the page
check behind the window holding every write, and the backups (checked, private, kept N days)."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from epay_desktop.settings import StoreSettings
from epay_desktop.store.backup import BackupRefused
from epay_desktop.store.backup import backup_to
from epay_desktop.store.backup import daily_backup
from epay_desktop.store.backup import prune
from epay_desktop.store.backup import stage_restore
from epay_desktop.store.backup import verify_backup
from epay_desktop.store.integrity import DatabaseDamaged
from epay_desktop.store.integrity import DatabaseInUse
from epay_desktop.store.integrity import DatabaseMissing
from epay_desktop.store.integrity import is_expected
from epay_desktop.store.integrity import newest_backup
from epay_desktop.store.integrity import running_folder
from epay_desktop.store.open import CheckedStore
from epay_desktop.store.open import open_store

REPO = Path(__file__).resolve().parents[2]

#: A child process that opens the store, says so, and then either closes it cleanly (a line on stdin)
#: or ends without closing it (os._exit: what a kill or a power cut leaves).
CHILD = """
import os, sys
from pathlib import Path
from typing import Any
from epay_desktop.settings import StoreSettings
from epay_desktop.store.open import open_store
home = Path(sys.argv[1])
url = f"sqlite:///{home / 'epay-desktop.db'}"
store = open_store(StoreSettings(home=home, database_url=url, register_id="r2"))
print("open", flush=True)
if sys.stdin.readline().strip() == "close":
    store.close()
    print("closed", flush=True)
else:
    os._exit(0)
"""


def _settings(home: Path) -> StoreSettings:
    return StoreSettings(home=home, database_url=f"sqlite:///{home / 'epay-desktop.db'}", register_id="r1")


def _open(home: Path, **kwargs: object) -> CheckedStore:
    store = open_store(_settings(home), **kwargs)  # type: ignore[arg-type]
    assert isinstance(store, CheckedStore)
    return store


def _child(home: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    return proc


def _damage(db: Path, table: str = "discrepancies") -> None:
    connection = sqlite3.connect(db)
    try:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    with open(db, "r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\xa5" * page_size)


def test_a_new_database_is_expected_from_its_first_open_and_never_made_again(tmp_path: Path) -> None:
    db = tmp_path / "epay-desktop.db"
    _open(tmp_path).close()
    assert is_expected(tmp_path, db)
    assert stat.S_IMODE((tmp_path / "databases.expected").stat().st_mode) == 0o600
    db.unlink()
    with pytest.raises(DatabaseMissing, match="is missing"):
        open_store(_settings(tmp_path))
    assert not db.exists()


def test_a_database_made_before_the_marker_existed_is_marked_when_it_has_users(tmp_path: Path) -> None:
    store = _open(tmp_path)
    with store.write() as tx:
        tx.session.execute(
            text(
                "INSERT INTO users (name, name_key, role, password_hash, active, failed_attempts, "
                "created_at, updated_at) "
                "VALUES ('boss', 'boss', 'manager', 'x', 1, 0, '2026-01-01', '2026-01-01')"
            )
        )
    store.close()
    (tmp_path / "databases.expected").unlink()  # as an older console left the folder
    _open(tmp_path).close()
    assert is_expected(tmp_path, tmp_path / "epay-desktop.db")


def test_an_empty_file_nobody_expects_is_a_new_database(tmp_path: Path) -> None:
    (tmp_path / "epay-desktop.db").write_bytes(b"")
    store = _open(tmp_path)
    store.close()


def test_an_unclean_end_makes_the_next_open_run_the_full_check(tmp_path: Path) -> None:
    _open(tmp_path).close()
    crashed = _child(tmp_path)
    assert crashed.stdin is not None
    crashed.stdin.write("die\n")
    crashed.stdin.close()
    crashed.wait(timeout=30)
    assert crashed.stdout is not None
    crashed.stdout.close()
    assert len(list(running_folder(tmp_path / "epay-desktop.db").iterdir())) == 1  # left behind
    store = _open(tmp_path)
    try:
        assert store.page_check.full  # integrity_check, not quick_check
        store.page_check.wait()
    finally:
        store.close()
    assert not list(running_folder(tmp_path / "epay-desktop.db").iterdir())  # checked: cleared
    again = _open(tmp_path)
    try:
        assert not again.page_check.full
    finally:
        again.close()


def test_a_second_live_process_is_not_taken_for_a_crash(tmp_path: Path) -> None:
    _open(tmp_path).close()
    other = _child(tmp_path)
    try:
        store = _open(tmp_path)
        try:
            assert not store.page_check.full
            with pytest.raises(DatabaseInUse, match="is open in 2 other"):
                stage_restore(
                    tmp_path / "epay-desktop.db", backup_to(tmp_path / "epay-desktop.db", tmp_path / "b.db")
                )
        finally:
            store.close()
    finally:
        assert other.stdin is not None and other.stdout is not None
        other.stdin.write("close\n")
        other.stdin.close()
        assert other.stdout.readline().strip() == "closed"
        other.stdout.close()
        other.wait(timeout=30)
    assert not list(running_folder(tmp_path / "epay-desktop.db").iterdir())


def test_behind_the_window_a_damaged_page_stops_every_write(tmp_path: Path) -> None:
    _open(tmp_path).close()
    _damage(tmp_path / "epay-desktop.db")
    store = _open(tmp_path, check_in_background=True)  # opens: the check runs on its thread
    try:
        with store.read() as tx:  # reading what is sound still works (the list can show)
            assert tx.counters.current("x") is None
        with pytest.raises(DatabaseDamaged, match="is damaged"), store.write():
            pass
    finally:
        store.close()
    with pytest.raises(DatabaseDamaged, match="is damaged"):  # the next open refuses it at once
        open_store(_settings(tmp_path))


def test_a_file_that_is_not_sqlite_is_refused_even_when_nobody_expects_it(tmp_path: Path) -> None:
    (tmp_path / "epay-desktop.db").write_bytes(b"PK\x03\x04 not a database at all" * 10)
    with pytest.raises(DatabaseDamaged, match=r"not a SQLite database.*No backup was found"):
        open_store(_settings(tmp_path))


def test_backups_are_checked_private_and_kept_for_the_days_set(tmp_path: Path) -> None:
    db = tmp_path / "epay-desktop.db"
    _open(tmp_path).close()
    days = [date(2026, 3, d) for d in (1, 2, 3, 10, 11)]
    for day in days:
        made = daily_backup(db, day, keep_days=3)
        assert stat.S_IMODE(made.stat().st_mode) == 0o600
        assert verify_backup(made)
    left = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert left == ["daily-2026-03-10.db", "daily-2026-03-11.db"]  # 3 days back from the 11th
    assert newest_backup(db) == tmp_path / "backups" / "daily-2026-03-11.db"
    # the newest copy stays, however old
    assert prune(db, keep_days=1, today=date(2030, 1, 1)) == [tmp_path / "backups" / "daily-2026-03-10.db"]
    assert [p.name for p in (tmp_path / "backups").iterdir()] == ["daily-2026-03-11.db"]
    # the same day's copy is replaced, not doubled
    daily_backup(db, date(2026, 3, 11), keep_days=3)
    assert len(list((tmp_path / "backups").iterdir())) == 1
    assert not list(tmp_path.rglob("*.partial"))


def test_a_backup_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
    connection.execute("INSERT INTO alembic_version VALUES ('ffff')")
    connection.commit()
    connection.close()
    with pytest.raises(BackupRefused, match="schema revision"):
        verify_backup(foreign)
    notes = tmp_path / "notes.db"
    notes.write_text("hello", encoding="utf-8")
    with pytest.raises(BackupRefused, match="not a SQLite database"):
        verify_backup(notes)
    _open(tmp_path).close()
    db = tmp_path / "epay-desktop.db"
    copy = backup_to(db, tmp_path / "copy.db")
    _damage(copy)
    with pytest.raises(BackupRefused, match=r"damaged|not a database"):
        verify_backup(copy)
    with pytest.raises(BackupRefused, match="already exists"):
        backup_to(db, copy)
    assert os.stat(copy).st_size > 0


def test_pre_migration_copies_are_checked_backups_kept_and_named_in_a_refusal(
    tmp_path: Path, newer_migrations: Any
) -> None:
    from datetime import UTC
    from datetime import datetime

    from epay_desktop.store.backup import pre_migration_backup
    from epay_desktop.store.db import make_engine
    from epay_desktop.store.integrity import check_file
    from epay_desktop.store.migrations import head_revision
    from epay_desktop.store.migrations import migrate

    _open(tmp_path).close()
    db = tmp_path / "epay-desktop.db"
    daily_backup(db, date(2026, 3, 1), keep_days=3)
    first = pre_migration_backup(db, head_revision(), datetime(2026, 3, 1, 9, tzinfo=UTC))
    assert stat.S_IMODE(first.stat().st_mode) == 0o600 and verify_backup(first) == head_revision()
    for day in (10, 11):
        daily_backup(db, date(2026, 3, day), keep_days=3)
    assert first.exists()  # the newest of its kind stays, however old
    engine = make_engine(f"sqlite:///{db}")
    try:
        result = migrate(
            engine, script_location=newer_migrations(), clock=lambda: datetime(2026, 3, 12, 9, tzinfo=UTC)
        )
    finally:
        engine.dispose()
    assert result.backup is not None and result.backup.parent == tmp_path / "backups"
    prune(db, keep_days=3, today=date(2026, 3, 12))
    left = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert left == ["daily-2026-03-10.db", "daily-2026-03-11.db", result.backup.name]
    assert newest_backup(db) == result.backup
    with open(db, "r+b") as raw:
        raw.write(b"garbled header!!")
    with pytest.raises(DatabaseDamaged, match=f"epay-desktop restore {result.backup}"):
        check_file(tmp_path, db)
