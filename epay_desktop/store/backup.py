"""Backups of the SQLite database with SQLite's online backup API, each checked after it is written,
and the restore of one (decision 0067).

- :func:`backup_to`: a consistent copy while the console runs (``sqlite3.Connection.backup`` from a
  read-only connection), written to a temporary file in the target's folder (mode 0600), checked
  (:func:`verify_backup`: SQLite header, a schema revision this program ships, ``integrity_check``),
  fsynced, then renamed into place: a backup on disk has always passed its check.
- :func:`daily_backup`: the day's copy ``backups/daily-YYYY-MM-DD.db`` beside the database (one file
  a day, replaced by the next copy of that day), then :func:`prune` removes copies older than the
  kept days (the newest copy always stays).
- :func:`pre_migration_backup`: the copy made before a migration changes the schema,
  ``backups/pre-migration-<rev>-<local date>T<UTC time>.db``, checked and pruned like the others.
- :func:`stage_restore` / :func:`swap_in`: a backup is checked, copied next to the database, and only
  then put in its place; the current file (with its ``-wal``) is kept aside as
  ``<db>.replaced-<UTC time>``, never deleted. Refused while another process has the database open.

PostgreSQL is not copied here: ``pg_dump`` is its backup (the CLI says so).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import sqlite3
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from pathlib import Path

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Word
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.settings_catalog import BACKUP_DAYS
from epay_desktop.store.db import StoreError
from epay_desktop.store.faults import DatabaseUnreadable
from epay_desktop.store.faults import database_fault
from epay_desktop.store.integrity import SQLITE_HEADER
from epay_desktop.store.integrity import DatabaseInUse
from epay_desktop.store.integrity import others_running
from epay_desktop.store.integrity import running_folder
from epay_desktop.store.integrity import unmark_expected
from epay_desktop.store.migrate_check import VERSIONS_DIR
from epay_desktop.store.migrate_check import _constants

__all__ = [
    "BACKUPS_FOLDER",
    "DEFAULT_KEEP_DAYS",
    "BackupRefused",
    "backup_to",
    "backups_folder",
    "daily_backup",
    "has_daily_backup",
    "pre_migration_backup",
    "prune",
    "stage_restore",
    "swap_in",
    "verify_backup",
]

log = logging.getLogger(__name__)

BACKUPS_FOLDER = "backups"
#: How many days of daily copies are kept when EPAYMENT_BACKUP_DAYS is not set.
DEFAULT_KEEP_DAYS = BACKUP_DAYS.default
#: daily-<date>, manual-<date>T<time>, pre-migration-<rev>-<date>T<time>: (kind, date)
_DATED = re.compile(r"^(?:(daily|manual)|(pre-migration)-[0-9A-Za-z_]+)-(\d{4}-\d{2}-\d{2})")


class BackupRefused(StoreError):
    """A backup cannot be made, or a file given as a backup is not a sound one of ours."""


def backups_folder(db_file: Path) -> Path:
    return db_file.parent / BACKUPS_FOLDER


def _known_revisions() -> set[str]:
    found = set()
    for path in VERSIONS_DIR.glob("*.py"):
        with contextlib.suppress(OSError, SyntaxError, ValueError):
            revision = _constants(path).get("revision")
            if isinstance(revision, str):
                found.add(revision)
    return found


def verify_backup(path: Path, *, full: bool = True) -> str:
    """Check that ``path`` is a sound database of ours; returns its schema revision.

    Raises :class:`BackupRefused` naming what is wrong: not a file, not SQLite, no or an unknown
    schema revision, or ``integrity_check`` (``full=False``: ``quick_check``) not ``ok``.
    """

    def refuse(problem: Word, detail: object = None) -> BackupRefused:
        if detail is None:
            return BackupRefused(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store", "{path} is not a usable backup: {problem}. Nothing was changed."
                    ),
                    path=path,
                    problem=problem,
                )
            )
        return BackupRefused(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store", "{path} is not a usable backup: {problem} ({detail}). Nothing was changed."
                ),
                path=path,
                problem=problem,
                detail=detail,
            )
        )

    try:
        with open(path, "rb") as raw:
            header = raw.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise refuse(_UNREADABLE, exc.strerror or exc) from exc
    if header != SQLITE_HEADER:
        raise refuse(_NOT_SQLITE)
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            pragma = "integrity_check" if full else "quick_check"
            check = connection.execute(f"PRAGMA {pragma}(5)").fetchall()
            if check != [("ok",)]:
                raise refuse(_DAMAGED, "; ".join(str(row[0]) for row in check)[:200])
            revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise refuse(_NOT_OURS, exc) from exc
    if len(revisions) != 1 or revisions[0] not in _known_revisions():
        raise refuse(_UNKNOWN_REVISION, ", ".join(map(str, revisions)) or "-")
    return str(revisions[0])


_UNREADABLE = Word("store", QT_TRANSLATE_NOOP("store", "it cannot be read"))
_NOT_SQLITE = Word("store", QT_TRANSLATE_NOOP("store", "not a SQLite database"))
_DAMAGED = Word("store", QT_TRANSLATE_NOOP("store", "damaged"))
_NOT_OURS = Word("store", QT_TRANSLATE_NOOP("store", "not a database of epay-desktop"))
_UNKNOWN_REVISION = Word(
    "store", QT_TRANSLATE_NOOP("store", "its schema revision is not one this program knows")
)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not possible on Windows; the rename is still atomic there
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy(db_file: Path, temporary: Path) -> None:
    """SQLite's online backup of ``db_file`` into the new file ``temporary`` (created 0600)."""
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = sqlite3.connect(f"{db_file.absolute().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(temporary)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            copy.close()
    finally:
        source.close()
    with open(temporary, "rb+") as written:
        os.fsync(written.fileno())


def backup_to(db_file: Path, target: Path, *, replace: bool = False, full_check: bool = True) -> Path:
    """Copy the database ``db_file`` to ``target`` (checked, 0600); returns ``target``.

    ``replace``: an existing ``target`` is replaced (the day's copy); otherwise an existing file is
    refused. ``full_check``: the copy is checked with ``integrity_check`` (else ``quick_check``: the
    copy at a clean exit, decision 0067). Raises :class:`BackupRefused` when the copy cannot be made
    or fails its check.
    """
    target = target.absolute()
    if target.exists() and not replace:
        raise BackupRefused(
            msg(
                "store",
                QT_TRANSLATE_NOOP("store", "{target} already exists; choose a new file name for the backup."),
                target=target,
            )
        )
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _copy(db_file, temporary)
        verify_backup(temporary, full=full_check)
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise BackupRefused(
            msg(
                "store",
                QT_TRANSLATE_NOOP("store", "The backup to {target} failed: {problem}."),
                target=target,
                problem=getattr(exc, "strerror", None) or str(exc),
            )
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(target.parent)
    log.info("event=backup_written file=%s size=%d", target, target.stat().st_size)
    return target


def _dated(path: Path) -> tuple[str, date] | None:
    """(kind: daily, manual or pre-migration; the date in its name), None for another file."""
    match = _DATED.match(path.name)
    if match is None:
        return None
    try:
        return match.group(1) or match.group(2), date.fromisoformat(match.group(3))
    except ValueError:
        return None


def has_daily_backup(db_file: Path, day: date) -> bool:
    return (backups_folder(db_file) / f"daily-{day.isoformat()}.db").is_file()


def daily_backup(
    db_file: Path, day: date, *, keep_days: int = DEFAULT_KEEP_DAYS, full_check: bool = True
) -> Path:
    """The day's copy (``backups/daily-<day>.db``, replaced if made earlier that day), then :func:`prune`."""
    target = backups_folder(db_file) / f"daily-{day.isoformat()}.db"
    made = backup_to(db_file, target, replace=True, full_check=full_check)
    prune(db_file, keep_days=keep_days, today=day)
    return made


def prune(db_file: Path, *, keep_days: int, today: date) -> list[Path]:
    """Remove the daily, manual and pre-migration copies older than ``keep_days`` days (the newest
    of each kind always stays) and copies a process stopped writing more than a day ago; returns
    what was removed."""
    dated = sorted(
        (
            (found[1], path.name, found[0], path)
            for path in backups_folder(db_file).glob("*.db")
            if (found := _dated(path)) is not None
        ),
        reverse=True,
    )
    oldest_kept = today - timedelta(days=max(keep_days, 1) - 1)
    removed = []
    for partial in backups_folder(db_file).glob(".*.partial"):
        with contextlib.suppress(OSError):
            if datetime.now(UTC).timestamp() - partial.stat().st_mtime > 86_400:
                partial.unlink()
                removed.append(partial)
    newest_of: set[str] = set()
    for day, _name, kind, path in dated:
        if kind not in newest_of:
            newest_of.add(kind)
            continue
        if day < oldest_kept:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    if removed:
        log.info("event=backups_pruned count=%d keep_days=%d", len(removed), keep_days)
    return removed


def manual_backup_path(db_file: Path, now: datetime) -> Path:
    """``backups/manual-<local date>T<UTC time>.db`` for ``epay-desktop backup`` without ``--out``."""
    stamp = now.astimezone(UTC).strftime("%H%M%SZ")
    return backups_folder(db_file) / f"manual-{now.astimezone().date().isoformat()}T{stamp}.db"


def pre_migration_backup(db_file: Path, revision: str, now: datetime) -> Path:
    """The checked copy made before a migration changes the schema of ``db_file`` (at ``revision``):
    ``backups/pre-migration-<revision>-<local date>T<UTC time>.db``. Raises :class:`BackupRefused`
    when it cannot be made or does not pass its check (``integrity_check``, the revision)."""
    stamp = f"{now.astimezone().date().isoformat()}T{now.astimezone(UTC).strftime('%H%M%SZ')}"
    base = f"pre-migration-{revision}-{stamp}"
    target, n = backups_folder(db_file) / f"{base}.db", 1
    while target.exists():
        target, n = backups_folder(db_file) / f"{base}-{n}.db", n + 1
    made = backup_to(db_file, target)
    stored = verify_backup(made, full=False)
    if stored != revision:
        made.unlink()
        raise BackupRefused(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store", "The copy {target} holds schema {stored}, not {revision}; it was not kept."
                ),
                target=target,
                stored=stored,
                revision=revision,
            )
        )
    return made


def refuse_if_open(db_file: Path) -> None:
    """Raise :class:`DatabaseInUse` while another process (a console, a command) has ``db_file`` open."""
    live = others_running(db_file)
    if live:
        raise DatabaseInUse(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The database {database} is open in {count} other console(s) or command(s) (process "
                    "{pids}); close them first. Nothing was changed.",
                ),
                database=db_file,
                count=len(live),
                pids=", ".join(path.name.split("-")[0] for path in live),
            )
        )


def stage_restore(db_file: Path, backup: Path) -> Path:
    """Check ``backup`` and copy it beside ``db_file`` (a file that is not yet the database).

    Raises :class:`BackupRefused` (not a sound backup) or :class:`DatabaseInUse`.
    """
    verify_backup(backup)
    refuse_if_open(db_file)
    staged = db_file.with_name(f".{db_file.name}.restoring-{secrets.token_hex(4)}")
    backup_to(backup, staged)
    try:  # an older schema is brought to this program's before the log-in; the backup is its copy
        _to_head(staged)
    except BaseException:
        for leftover in (staged, *(staged.with_name(staged.name + s) for s in ("-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return staged


def _to_head(staged: Path) -> None:
    from epay_desktop.store.db import make_engine
    from epay_desktop.store.migrate_check import schema_at_head

    engine = make_engine(f"sqlite:///{staged}")
    try:
        if schema_at_head(engine) is None:
            from epay_desktop.store.migrations import (
                migrate,  # Alembic loads only when the schema must change
            )

            migrate(engine, copy_first=False)
    finally:
        engine.dispose()  # the last connection: SQLite folds its -wal back into the file


def _nobody_writes(db_file: Path, lock_wait_s: float) -> None:
    """Take and let go the database's write lock, so a program outside the console (which holds no
    running marker) that keeps it locked is found: raises :class:`~.faults.DatabaseBusy` (or
    read-only, full) after ``lock_wait_s``. A damaged file (what a restore replaces) is no refusal."""
    try:
        if db_file.stat().st_size == 0:
            return
    except FileNotFoundError:
        return
    try:
        connection = sqlite3.connect(f"{db_file.absolute().as_uri()}?mode=rw", uri=True, timeout=lock_wait_s)
        try:
            connection.execute("BEGIN EXCLUSIVE")
            connection.rollback()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        fault = database_fault(exc, database=str(db_file), lock_wait_s=lock_wait_s)
        if fault is not None and not isinstance(fault, DatabaseUnreadable):
            raise fault from exc
        log.warning("event=restore_over_unreadable file=%s problem=%s", db_file, exc)


def swap_in(
    home: Path, db_file: Path, staged: Path, now: datetime, *, lock_wait_s: float = 10
) -> Path | None:
    """Put the staged copy in the database's place; returns where the replaced file was kept (None
    when there was none). The replaced file's ``-wal`` goes with it, so it can still be opened."""
    refuse_if_open(db_file)
    try:
        connection = sqlite3.connect(staged, timeout=lock_wait_s)
        try:  # the staged copy was opened for the log-in: everything back into the one file
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise database_fault(exc, database=str(staged), lock_wait_s=lock_wait_s) or exc from exc
    verify_backup(staged)
    _nobody_writes(db_file, lock_wait_s)
    aside = None
    if db_file.exists():
        stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = db_file.with_name(f"{db_file.name}.replaced-{stamp}")
        os.replace(db_file, aside)
        for suffix in ("-wal", "-shm"):
            part = db_file.with_name(db_file.name + suffix)
            if part.exists():
                os.replace(part, aside.with_name(aside.name + suffix))
    os.replace(staged, db_file)
    _fsync_folder(db_file.parent)
    unmark_expected(home, staged)
    with contextlib.suppress(OSError):
        running_folder(staged).rmdir()
    log.info("event=database_restored file=%s kept_aside=%s", db_file, aside)
    return aside
