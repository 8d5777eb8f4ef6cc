"""A test's database: a migrated ``Store`` with the tests' audit key.

``open_store`` is what the ``db_store`` fixture (tests/conftest.py) yields and what tests use when they
need a second store on the same database, a store in a child process (tests/support/ops_harness.py's
drivers) or a store on a URL of their own. It migrates the schema the way the console does
(``store.migrations.migrate``), so no test builds tables another way than the shipped one. A new SQLite
file starts as a copy of one file this process migrated to head once (``migrate`` then finds it
current): the same schema, without running every migration again for each of several hundred tests;
a fresh PostgreSQL schema of ``pg_url`` likewise (``tests.support.postgres.start_at_head``).

``write_lock_held_by`` is another process holding a SQLite database's write lock (the store and CLI
tests of a busy database).
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from epay_desktop.store.db import Store
from epay_desktop.store.db import make_engine
from epay_desktop.store.migrations import migrate
from tests.support.postgres import start_at_head

__all__ = ["AUDIT_KEY", "open_store", "write_lock_held_by"]

#: The audit chain's key in tests: parent and child processes of one test must share it.
AUDIT_KEY: Final = b"\x07" * 32


def open_store(url: str, *, create: bool = True, audit_key: bytes | None = AUDIT_KEY) -> Store:
    """A ``Store`` on ``url``; with ``create`` the schema is migrated to head first (a no-op on a
    database already there). ``audit_key=None`` opens it without the key (what a tool without the
    key file sees)."""
    # in the test process only: a child driver (at times killed on purpose) migrates a new file itself
    in_tests = create and "pytest" in sys.modules
    new_file = _new_sqlite_file(url) if in_tests else None
    if new_file is not None:
        shutil.copyfile(_migrated_file(), new_file)  # the schema at head, migrated once per process
    elif in_tests:
        start_at_head(url)  # a fresh PostgreSQL schema of pg_url: the migration recorded once, replayed
    engine = make_engine(url)
    if create:
        migrate(engine)
    return Store(engine, audit_key=audit_key)


_HEAD: list[Path] = []  # the file :func:`_migrated_file` made (once per process: one per xdist worker)


def _new_sqlite_file(url: str) -> Path | None:
    """The file a plain ``sqlite:///<path>`` URL names when it does not exist yet (in a folder that does)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url or url.endswith(":memory:"):
        return None
    path = Path(url.removeprefix(prefix))
    return path if path.name and not path.exists() and path.parent.is_dir() else None


def _migrated_file() -> Path:
    """A SQLite file migrated to head by ``migrate`` (the shipped migrations), checkpointed into its one
    file; removed when the process ends."""
    if not _HEAD:
        folder = Path(tempfile.mkdtemp(prefix="epay-tests-head-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        path = folder / "head.db"
        engine = make_engine(f"sqlite:///{path}")
        try:
            migrate(engine)
        finally:
            engine.dispose()
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _HEAD.append(path)
    return _HEAD[0]


@contextmanager
def write_lock_held_by(db: Path, argv0: str) -> Iterator[subprocess.Popen[str]]:
    """Another process (named ``argv0``, as ``ps`` shows it) holding the write lock of the SQLite file
    ``db`` for the block; killed at its end. It waits on its stdin, not on a clock, so it never
    outlives the test run."""
    code = (
        "import sqlite3, sys\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('held', flush=True)\n"
        "sys.stdin.read()\n"
    )
    holder = subprocess.Popen(
        ["bash", "-c", f'exec -a {argv0} "$0" -c "$1"', sys.executable, code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
        holder.stdin.close()
