"""The audit entry a restore leaves in the database it put in place (decision 0067).

``epay-desktop restore`` checks a backup and puts it in the database's place; the restored database
then records, in its own audit chain, who restored it, from which backup file and under which name
the replaced file was kept, like every other manager's action.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from epay_desktop.domain import User
from epay_desktop.store.db import Store
from epay_desktop.store.tx import Tx

__all__ = ["RESTORED", "record_restore"]

#: The audit action of a restore; its subject is the database, its details the file names.
RESTORED = "database.restored"


async def record_restore(
    store: Store, manager: User, *, backup: Path, replaced: Path | None, at: datetime
) -> int:
    """Append ``database.restored`` (the manager, the backup's and the replaced copy's file names,
    never their folders' contents) to the restored database's audit chain; returns its ``seq``."""

    def work(tx: Tx) -> int:
        details = {"backup": backup.name, "replaced": replaced.name if replaced is not None else ""}
        return tx.audit.append(manager.id, RESTORED, "database", details, at=at)

    return await store.run_write(work)
