"""``store.faults``: SQLite's own failures become the StoreError that says what to do (issue 11, part 3).

Each fault is made by SQLite (``query_only``, ``max_page_count``, bytes over the header, a lock held by
another process) on a real file, and read the way the app does: through ``Store.run``.
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy import text

from epay_desktop.settings import LOCK_WAIT_DEFAULT_S
from epay_desktop.settings import SettingsError
from epay_desktop.settings import load_store_settings
from epay_desktop.store.db import Store
from epay_desktop.store.db import make_engine
from epay_desktop.store.faults import DatabaseBusy
from epay_desktop.store.faults import DatabaseFull
from epay_desktop.store.faults import DatabaseReadOnly
from epay_desktop.store.faults import DatabaseUnreadable
from epay_desktop.store.faults import holders_of
from tests.support.database import write_lock_held_by


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "faults.db"


def _store(db_file: Path, *, pragma: str | None = None, lock_wait_ms: int = 10_000) -> Store:
    engine = make_engine(f"sqlite:///{db_file}", lock_wait_ms=lock_wait_ms)
    if pragma is not None:

        @event.listens_for(engine, "connect")
        def _fault(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            dbapi_connection.execute(pragma)

    return Store(engine)


def _write(store: Store, sql: str) -> None:
    asyncio.run(store.run_write(lambda tx: tx.session.execute(text(sql))))


def test_read_only_is_said_with_what_to_do(db_file: Path) -> None:
    _write(_store(db_file), "CREATE TABLE t (x)")
    store = _store(db_file, pragma="PRAGMA query_only=ON")
    with pytest.raises(DatabaseReadOnly, match="is read-only: nothing was changed") as caught:
        _write(store, "INSERT INTO t VALUES (1)")
    assert str(db_file) in caught.value.user_message and caught.value.__cause__ is not None
    store.close()


def test_full_is_said_with_what_to_do(db_file: Path) -> None:
    _write(_store(db_file), "CREATE TABLE t (x)")
    store = _store(db_file, pragma="PRAGMA max_page_count=2")
    with pytest.raises(DatabaseFull, match=r"is full: nothing was changed\. Free some space"):
        _write(store, "INSERT INTO t VALUES (zeroblob(100000))")
    store.close()


def test_not_a_database_is_said_with_the_way_out(db_file: Path) -> None:
    db_file.write_bytes(b"this is not a database at all!!!" * 200)
    store = _store(db_file)
    with pytest.raises(DatabaseUnreadable, match="Restore the last backup"):
        asyncio.run(store.run_read(lambda tx: tx.session.execute(text("SELECT * FROM sqlite_master")).all()))
    store.close()


@pytest.fixture
def holder(db_file: Path, request: pytest.FixtureRequest) -> Iterator[subprocess.Popen[str]]:
    """Another process (argv[0] = the parameter) holding the database's write lock until its stdin
    closes (or it is killed): it waits on the pipe, not on a clock, and never outlives the test run."""
    _write(_store(db_file), "CREATE TABLE IF NOT EXISTS t (x)")
    with write_lock_held_by(db_file, request.param) as proc:
        yield proc


@pytest.mark.parametrize("holder", ["epay-desktop"], indirect=True)
def test_busy_names_the_epay_desktop_process_that_has_it_open(
    db_file: Path, holder: subprocess.Popen[str]
) -> None:
    store = _store(db_file, lock_wait_ms=300)
    assert store.lock_wait_s == 0.3
    with pytest.raises(DatabaseBusy) as caught:
        _write(store, "INSERT INTO t VALUES (1)")
    said = caught.value.user_message
    assert f"another epay-desktop process (pid {holder.pid}) has it open" in said
    assert "longer than 0.3 s (EPAYMENT_DB_LOCK_WAIT)" in said and "log" not in said
    store.close()


@pytest.mark.parametrize("holder", ["sqlite-browser"], indirect=True)
def test_busy_names_another_program_by_its_name(db_file: Path, holder: subprocess.Popen[str]) -> None:
    assert [pid for pid, _ours, _name in holders_of(str(db_file))] == [holder.pid]
    store = _store(db_file, lock_wait_ms=200)
    with pytest.raises(DatabaseBusy, match=rf"the program \S+ \(pid {holder.pid}\) has it open"):
        _write(store, "INSERT INTO t VALUES (1)")
    store.close()


def test_busy_without_a_known_holder_is_a_plain_sentence(db_file: Path, tmp_path: Path) -> None:
    assert holders_of(str(db_file), proc=tmp_path / "no-proc") == []
    assert holders_of(str(db_file)) == []  # nobody has it open


def test_the_lock_wait_is_a_setting_with_a_default(tmp_path: Path) -> None:
    home = {"EPAYMENT_HOME": str(tmp_path)}
    assert load_store_settings(home).lock_wait_seconds == LOCK_WAIT_DEFAULT_S == 10
    assert load_store_settings({**home, "EPAYMENT_DB_LOCK_WAIT": "30"}).lock_wait_seconds == 30
    for bad in ("4", "601", "ten", "1e3", "١٠"):
        with pytest.raises(SettingsError, match="EPAYMENT_DB_LOCK_WAIT"):
            load_store_settings({**home, "EPAYMENT_DB_LOCK_WAIT": bad})
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}", lock_wait_ms=30_000)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    engine.dispose()
