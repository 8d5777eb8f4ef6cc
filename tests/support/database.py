"""A test's database: a migrated ``Store`` with the tests' audit key.

``open_store`` is what the ``db_store`` fixture (tests/conftest.py) yields and what tests use when they
need a second store on the same database, a store in a child process (tests/support/ops_harness.py's
drivers) or a store on a URL of their own. It migrates the schema the way the console does
(``store.migrations.migrate``), so no test builds tables another way than the shipped one.

``write_lock_held_by`` is another process holding a SQLite database's write lock (the store and CLI
tests of a busy database).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from epay_desktop.store.db import Store, make_engine
from epay_desktop.store.migrations import migrate

__all__ = ["AUDIT_KEY", "open_store", "write_lock_held_by"]

#: The audit chain's key in tests: parent and child processes of one test must share it.
AUDIT_KEY: Final = b"\x07" * 32


def open_store(url: str, *, create: bool = True, audit_key: bytes | None = AUDIT_KEY) -> Store:
    """A ``Store`` on ``url``; with ``create`` the schema is migrated to head first (a no-op on a
    database already there). ``audit_key=None`` opens it without the key (what a tool without the
    key file sees)."""
    engine = make_engine(url)
    if create:
        migrate(engine)
    return Store(engine, audit_key=audit_key)


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
