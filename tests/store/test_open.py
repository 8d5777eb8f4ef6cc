"""open_store: home folder, audit key file, pragma check, network paths, migrations, fail closed."""

from __future__ import annotations

import asyncio
import stat
import threading
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy import text

from epay_desktop.settings import StoreSettings
from epay_desktop.store import open as store_open
from epay_desktop.store.db import StoreError
from epay_desktop.store.db import make_engine
from epay_desktop.store.migrations import head_revision
from epay_desktop.store.open import is_network_path
from epay_desktop.store.open import load_or_create_audit_key
from epay_desktop.store.open import open_store


def _settings(home: Path, url: str | None = None) -> StoreSettings:
    return StoreSettings(
        home=home, database_url=url or f"sqlite:///{home / 'epay-desktop.db'}", register_id="r1"
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_first_start_creates_a_private_home_key_and_database(tmp_path):
    home = tmp_path / "profile" / "epay"
    store = open_store(_settings(home))
    try:
        assert _mode(home) == 0o700
        key_file = home / "audit.key"
        assert _mode(key_file) == 0o600
        assert len(key_file.read_bytes()) == 32
        assert store.audit_key == key_file.read_bytes()
        assert _mode(home / "epay-desktop.db") == 0o600
        assert asyncio.run(store.run_write(lambda tx: tx.counters.next("smoke"))) == 1
        with store.read() as tx:
            version = tx.session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert version == head_revision()
    finally:
        store.close()
    assert store.audit_key not in (home / "epay-desktop.db").read_bytes()


def test_second_start_reuses_the_key_and_the_data(tmp_path):
    first = open_store(_settings(tmp_path))
    asyncio.run(first.run_write(lambda tx: tx.counters.next("kept")))
    first.close()
    second = open_store(_settings(tmp_path))
    try:
        assert second.audit_key == first.audit_key
        with second.read() as tx:
            assert tx.counters.current("kept") == 1
    finally:
        second.close()


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_key_readable_by_others_is_refused(tmp_path, mode):
    key = tmp_path / "audit.key"
    load_or_create_audit_key(key)
    key.chmod(mode)
    with pytest.raises(StoreError, match=r"can be read by other users.*chmod 600"):
        open_store(_settings(tmp_path))


@pytest.mark.parametrize("size", [0, 31, 33, 64])
def test_key_of_the_wrong_length_is_refused(tmp_path, size):
    key = tmp_path / "audit.key"
    key.write_bytes(b"k" * size)
    key.chmod(0o600)
    with pytest.raises(StoreError, match=rf"damaged \({size} bytes, expected 32\)"):
        load_or_create_audit_key(key)


def test_key_that_is_not_a_file_is_refused(tmp_path):
    (tmp_path / "audit.key").mkdir()
    with pytest.raises(StoreError, match="not a regular file"):
        load_or_create_audit_key(tmp_path / "audit.key")


def test_two_starts_at_once_agree_on_one_key(tmp_path):
    key = tmp_path / "audit.key"
    barrier = threading.Barrier(8)
    keys: list[bytes] = []

    def start() -> None:
        barrier.wait()
        keys.append(load_or_create_audit_key(key))

    threads = [threading.Thread(target=start) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(keys) == 8 and len(set(keys)) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["audit.key"]  # no temporary files left behind


def test_unsafe_sqlite_settings_stop_the_start(tmp_path, monkeypatch):
    def weak_engine(url, **kwargs):
        engine = make_engine(url, **kwargs)
        event.listen(engine, "connect", lambda conn, _rec: conn.execute("PRAGMA synchronous=NORMAL"))
        return engine

    monkeypatch.setattr(store_open, "make_engine", weak_engine)
    with pytest.raises(StoreError, match=r"unsafe settings \(synchronous=1\)"):
        open_store(_settings(tmp_path))


def test_database_of_a_newer_program_stops_the_start(tmp_path):
    open_store(_settings(tmp_path)).close()
    engine = make_engine(f"sqlite:///{tmp_path / 'epay-desktop.db'}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'abc123newer'"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"revision abc123newer.*newer epay-desktop"):
        open_store(_settings(tmp_path))


def test_network_paths_are_recognised(tmp_path, monkeypatch):
    assert is_network_path(r"\\server\share\epay\epay-desktop.db")
    assert is_network_path("//server/share/epay-desktop.db")
    assert not is_network_path(str(tmp_path / "epay-desktop.db"))
    monkeypatch.setattr(store_open, "_mount_fs_type", lambda path: "nfs4")
    assert is_network_path(str(tmp_path / "epay-desktop.db"))


def test_sqlite_on_a_network_drive_stops_the_start(tmp_path, monkeypatch):
    monkeypatch.setattr(store_open, "_mount_fs_type", lambda path: "cifs")
    with pytest.raises(StoreError, match="is on a network drive"):
        open_store(_settings(tmp_path))
    assert not (tmp_path / "epay-desktop.db").exists()


def test_postgresql_opens_through_the_same_path(tmp_path, pg_url):
    store = open_store(_settings(tmp_path, pg_url))
    try:
        assert store.engine.dialect.name == "postgresql"
        assert len(store.audit_key) == 32
        assert asyncio.run(store.run_write(lambda tx: tx.counters.next("pg"))) == 1
    finally:
        store.close()
    assert [p.name for p in tmp_path.iterdir()] == ["audit.key"]  # no database file, no backup
