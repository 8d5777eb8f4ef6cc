"""What an applied migration runs from a live module must not change under it.

Migration 0006 creates the status-count triggers from ``store.status_counts`` (the same statements
``store.models`` gives a ``create_all`` schema and ``recount`` puts back after a bulk load). Editing them
there would give new databases the new triggers through 0006 while every shop database made before keeps
the old ones: the change needs a new migration that drops and creates them again. This test says so the
moment the statements change.
"""

from __future__ import annotations

import hashlib

import pytest

from epay_desktop.store.status_counts import create_statements
from epay_desktop.store.status_counts import drop_statements

#: sha256 of the trigger statements migration 0006 ran on each dialect (create, then drop).
APPLIED_BY_0006 = {
    "sqlite": "08f6fe80e22282277175312c323d6ad2cde3a54c7c159f51029a7c697491b4ab",
    "postgresql": "bf5073f9404e5aa7fff6dd05fb7f9ac023065b5206cb30665f2c3c1e6e9ac2f4",
}


@pytest.mark.parametrize("dialect", sorted(APPLIED_BY_0006))
def test_the_status_count_triggers_are_what_0006_applied(dialect):
    statements = create_statements(dialect) + drop_statements(dialect)
    digest = hashlib.sha256("\n--\n".join(statements).encode()).hexdigest()
    assert digest == APPLIED_BY_0006[dialect], (
        f"store/status_counts.py's {dialect} triggers changed: databases migrated by 0006 keep the old "
        "ones. Add a migration that drops and creates them again, then update APPLIED_BY_0006 here."
    )
