"""``backup``, ``restore`` and ``check-db``: the SQLite database's copies and its health (decision 0067).

``backup`` opens the app like every command (the database is checked at open) and needs a manager;
``restore`` and ``check-db`` do not open the database the usual way, because they are what a person
runs when it is refused: ``check-db`` reads it with ``PRAGMA integrity_check`` only; ``restore``
checks the backup, copies it beside the database and asks for a manager's log-in on that copy (the
users of the backup are the ones who will be there), then puts it in place, keeping the replaced
file aside, and records the restore in the restored database's audit chain. A database fault on
the way (locked, read-only, full, unreadable) is said as every command says it (``store.faults``:
exit 2, one line). PostgreSQL: both refuse and name ``pg_dump``/``pg_restore``, the server's own tools.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
from collections.abc import Iterator
from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from epay_desktop.cli.commands import Arg
from epay_desktop.cli.commands import CommandTable
from epay_desktop.cli.common import EXIT_USAGE
from epay_desktop.cli.common import CliError
from epay_desktop.cli.common import login_manager
from epay_desktop.cli.output import print_result
from epay_desktop.domain.settings_catalog import DATABASE_URL
from epay_desktop.domain.settings_catalog import HOME

if TYPE_CHECKING:  # the app's stacks load when a command runs, not for --help (decision 0055)
    from epay_desktop.app import AppContext
    from epay_desktop.settings import StoreSettings

__all__ = ["DATABASE"]

DATABASE = CommandTable()

PG_BACKUP = (
    "the database is PostgreSQL: back it up and restore it with the server's own tools (pg_dump and "
    "pg_restore); epay-desktop {what} works on a SQLite database only"
)


def _sqlite_settings(what: str) -> tuple[StoreSettings, Path]:
    from epay_desktop.services.shop_settings import effective_environ
    from epay_desktop.settings import load_store_settings
    from epay_desktop.store.open import sqlite_file

    settings = load_store_settings(effective_environ())
    db_file = sqlite_file(settings.database_url)
    if db_file is None:
        raise CliError(PG_BACKUP.format(what=what), EXIT_USAGE)
    return settings, db_file


@DATABASE.command(
    "backup", Arg("--out", type=Path, metavar="FILE", help="the new backup file (must not exist)")
)
async def cmd_backup(app: AppContext, args: argparse.Namespace) -> int:
    """copy the database to a checked backup file (managers, SQLite)

    Copy the SQLite database with SQLite's online backup API while it may be in use, check the copy
    (integrity_check, schema) and keep it readable by this user only. Without --out the copy goes to
    the backups folder beside the database. PostgreSQL: use pg_dump.
    """
    refused = CliError(PG_BACKUP.format(what="backup"), EXIT_USAGE)
    if app.backups.database_file is None:
        raise refused
    await login_manager(app, args, "back up the database")
    made = await app.backups.now(args.out)
    if made is None:
        raise refused
    size = made.stat().st_size
    return print_result(
        args.json,
        {"file": str(made), "bytes": size, "checked": True},
        f"Backed up the database to {made} ({size} bytes; checked: integrity_check ok).",
    )


@contextlib.contextmanager
def _faults_said(db_file: Path, lock_wait_s: float) -> Iterator[None]:
    """A raw database error (locked, read-only, full, unreadable) becomes the store's sentence."""
    from epay_desktop.store.faults import database_fault

    try:
        yield
    except Exception as exc:
        fault = database_fault(exc, database=str(db_file), lock_wait_s=lock_wait_s)
        if fault is not None:
            raise fault from exc
        raise


@DATABASE.standalone("restore", Arg("backup", type=Path, metavar="BACKUP", help="the backup file to restore"))
async def cmd_restore(args: argparse.Namespace) -> int:
    """replace the database with a backup (managers, SQLite)

    Check the backup (SQLite header, schema, integrity_check), ask for a manager's log-in (a manager of
    the backup), then put it in the database's place. The replaced file is kept beside it as
    <database>.replaced-<time>, never deleted. Refused while a console or a command has the database
    open. PostgreSQL: use pg_restore.
    """
    from epay_desktop.app import open_app
    from epay_desktop.services.shop_settings import effective_environ
    from epay_desktop.store.backup import stage_restore
    from epay_desktop.store.backup import swap_in
    from epay_desktop.store.integrity import running_folder
    from epay_desktop.store.integrity import unmark_expected

    settings, db_file = await asyncio.to_thread(_sqlite_settings, "restore")
    backup = args.backup.absolute()
    if backup == db_file:
        raise CliError("that is the database itself; give a backup file", EXIT_USAGE)
    lock_wait = settings.lock_wait_seconds
    environ = dict(await asyncio.to_thread(effective_environ))
    environ[HOME.name] = str(settings.home)
    with _faults_said(backup, lock_wait):
        staged = await asyncio.to_thread(stage_restore, db_file, backup)
    try:
        on_copy = {**environ, DATABASE_URL.name: f"sqlite:///{staged}"}
        app = await open_app(on_copy, verbose=getattr(args, "verbose", False))
        try:  # the log-in (audited) is in the copy: it becomes the database's own record
            user = await login_manager(app, args, "restore the database")
        finally:
            await app.aclose()
        with _faults_said(db_file, lock_wait):
            swap = functools.partial(swap_in, lock_wait_s=lock_wait)
            aside = await asyncio.to_thread(swap, settings.home, db_file, staged, datetime.now(UTC))
    except BaseException:
        for leftover in (staged, *(staged.with_name(staged.name + s) for s in ("-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
        with contextlib.suppress(OSError):
            unmark_expected(settings.home, staged)
            running_folder(staged).rmdir()
        raise
    restored = await open_app(
        {**environ, DATABASE_URL.name: f"sqlite:///{db_file}"}, verbose=getattr(args, "verbose", False)
    )
    try:  # the restored database says who restored it, from what, and where the replaced file is
        await restored.audit.record_restore(user, backup=backup, replaced=aside, at=restored.clock())
    finally:
        await restored.aclose()
    return print_result(
        args.json,
        {"database": str(db_file), "restored_from": str(backup), "kept_aside": str(aside or "")},
        f"Restored the database {db_file} from {backup}.",
        None if aside is None else f"The replaced file is kept as {aside}.",
    )


@DATABASE.standalone("check-db")
async def cmd_check_db(args: argparse.Namespace) -> int:
    """check the whole database file for damage (SQLite)

    Run SQLite's full integrity check on the database. Exit 0 when it is intact, 2 when it is damaged
    (the line names the backup to restore). Needs no log-in; changes nothing.
    """
    from epay_desktop.store.integrity import PageCheck
    from epay_desktop.store.integrity import check_file
    from epay_desktop.store.integrity import left_by_a_crash

    settings, db_file = await asyncio.to_thread(_sqlite_settings, "check-db")
    with _faults_said(db_file, settings.lock_wait_seconds):
        if await asyncio.to_thread(check_file, settings.home, db_file):
            raise CliError(f"there is no database at {db_file} yet", EXIT_USAGE)
        crashed = await asyncio.to_thread(left_by_a_crash, db_file)  # a clean check clears them too
        check = PageCheck(db_file, crashed=crashed, full=True, lock_wait_s=settings.lock_wait_seconds)
        await asyncio.wrap_future(check.future)
    return print_result(
        args.json,
        {"database": str(db_file), "ok": True, "check": "integrity_check"},
        f"The database {db_file} is intact (integrity_check: ok).",
    )
