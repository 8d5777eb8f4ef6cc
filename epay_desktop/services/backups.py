"""Checked copies of the SQLite database (decision 0067): the day's copy, and one a manager makes now.

The front ends reach the database file through this service (``AppContext.backups``), never through
the store's modules (decision 0085). PostgreSQL keeps its own copies (``pg_dump``): every method
returns None there. The copying runs on a thread; the event loop goes on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from epay_desktop.settings import StoreSettings
from epay_desktop.store.backup import backup_to
from epay_desktop.store.backup import daily_backup
from epay_desktop.store.backup import has_daily_backup
from epay_desktop.store.backup import manual_backup_path
from epay_desktop.store.open import sqlite_file

__all__ = ["Backups"]


class Backups:
    """The database's copies in its ``backups/`` folder (or where a manager says)."""

    def __init__(self, settings: StoreSettings, clock: Callable[[], datetime]) -> None:
        self._settings = settings
        self._clock = clock

    @property
    def database_file(self) -> Path | None:
        """The SQLite database's file; None for PostgreSQL."""
        return sqlite_file(self._settings.database_url)

    async def of_the_day(self, *, only_if_missing: bool) -> Path | None:
        """The day's checked copy (``backups/daily-<local date>.db``), older copies pruned to
        ``backup_days``. ``only_if_missing`` (the first start of a day): made only when the day has
        none, checked with ``integrity_check``; otherwise (a clean exit) the day's copy is renewed
        and checked with ``quick_check``. Returns the file made, or None (PostgreSQL; or the day
        had one)."""
        db_file = self.database_file
        if db_file is None:
            return None
        day = self._clock().astimezone().date()
        if only_if_missing and await asyncio.to_thread(has_daily_backup, db_file, day):
            return None
        keep = self._settings.backup_days
        return await asyncio.to_thread(daily_backup, db_file, day, keep_days=keep, full_check=only_if_missing)

    async def now(self, target: Path | None = None) -> Path | None:
        """A checked copy made now: ``target`` (must not exist), else ``backups/manual-<date>T<time>.db``
        beside the database. None for PostgreSQL. Raises ``BackupRefused``."""
        db_file = self.database_file
        if db_file is None:
            return None
        return await asyncio.to_thread(
            backup_to, db_file, target or manual_backup_path(db_file, self._clock())
        )
