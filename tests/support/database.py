"""A test's database: a migrated ``Store`` with the tests' audit key.

``open_store`` is what the ``db_store`` fixture (tests/conftest.py) yields and what tests use when they
need a second store on the same database, a store in a child process (tests/support/ops_harness.py's
drivers) or a store on a URL of their own. It migrates the schema the way the console does
(``store.migrations.migrate``), so no test builds tables another way than the shipped one.
"""

from __future__ import annotations

from typing import Final

from epay_desktop.store.db import Store, make_engine
from epay_desktop.store.migrations import migrate

__all__ = ["AUDIT_KEY", "open_store"]

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
