"""Is the SQLite file a sound database of ours? Checked at every open, refused with the way out.

At every open (:func:`epay_desktop.store.open.open_store`), before SQLite touches the file:

- :func:`check_file`: an *expected* database (the data folder's marker :data:`EXPECTED_MARKER` names
  it: written when a database is first made and at every open of one that has users) that is
  missing or empty (0 bytes) is refused, never rebuilt empty; a file without SQLite's header is
  refused whether expected or not;
- :class:`RunningMarker`: each process that opens the database holds a locked marker file beside it
  (``<db>.running/<pid>-<random>``) and removes it when it closes the store. A marker whose lock
  nobody holds was left by a process that ended without closing (killed, power cut): the next
  open runs the full ``PRAGMA integrity_check`` instead of ``quick_check``. A live process holds
  its lock, so a second counter on the same database never takes the first for crashed;
- :func:`check_pages`: ``PRAGMA quick_check`` (or ``integrity_check`` after an unclean end) on a
  connection of its own; the desktop console runs it behind its window and holds every write
  until it has passed (:class:`PageCheck`, decision 0066).

Every refusal is a :class:`DatabaseDamaged` / :class:`DatabaseMissing` (both :class:`StoreError`)
whose sentence names the file and the way out: ``epay-desktop restore`` with the newest backup.
PostgreSQL is not checked here: its integrity is the server's job.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import os
import secrets
import sqlite3
import threading
from pathlib import Path
from typing import IO

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.store.db import StoreError

__all__ = [
    "EXPECTED_MARKER",
    "SQLITE_HEADER",
    "DatabaseDamaged",
    "DatabaseInUse",
    "DatabaseMissing",
    "PageCheck",
    "RunningMarker",
    "check_file",
    "check_pages",
    "is_expected",
    "left_by_a_crash",
    "mark_expected",
    "newest_backup",
    "others_running",
    "running_folder",
    "unmark_expected",
]

log = logging.getLogger(__name__)

#: The first 16 bytes of every SQLite 3 database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: In the data folder: the absolute paths of the databases this folder expects, one a line.
EXPECTED_MARKER = "databases.expected"


class DatabaseDamaged(StoreError):
    """The file is not a sound database: empty though expected, not SQLite, or pages damaged."""


class DatabaseMissing(StoreError):
    """An expected database file is gone: it is not silently made again empty."""


class DatabaseInUse(StoreError):
    """Another process has the database open (restore refuses to replace it)."""


# -- which database the data folder expects -------------------------------------------------------


def _marker(home: Path) -> Path:
    return home / EXPECTED_MARKER


def _expected(home: Path) -> set[str]:
    try:
        text = _marker(home).read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    return {line.strip() for line in text.splitlines() if line.strip()}


def is_expected(home: Path, db_file: Path) -> bool:
    """True when the data folder ``home`` says the database ``db_file`` exists (it had been made)."""
    return str(db_file.absolute()) in _expected(home)


def mark_expected(home: Path, db_file: Path) -> None:
    """Write down (once, atomically, 0600) that ``db_file`` is this data folder's database."""
    known = _expected(home)
    name = str(db_file.absolute())
    if name not in known:
        _write_expected(home, known | {name})
        log.info("event=database_expected file=%s", name)


def unmark_expected(home: Path, db_file: Path) -> None:
    """Forget ``db_file`` (a restore's staging copy, opened for the manager's log-in)."""
    known = _expected(home)
    name = str(db_file.absolute())
    if name in known:
        _write_expected(home, known - {name})


def _write_expected(home: Path, names: set[str]) -> None:
    marker = _marker(home)
    temporary = marker.with_name(f".{marker.name}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("".join(f"{line}\n" for line in sorted(names)))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, marker)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


# -- the way out -----------------------------------------------------------------------------------


def newest_backup(db_file: Path) -> Path | None:
    """The newest backup of ``db_file``: in its ``backups`` folder, or made before a migration."""
    candidates = [
        *db_file.parent.joinpath("backups").glob("*.db"),
        *db_file.parent.glob(f"{db_file.name}.pre-*.bak"),
    ]
    found = []
    for path in candidates:
        with contextlib.suppress(OSError):
            found.append((path.stat().st_mtime, path))
    return max(found)[1] if found else None


def _refusal(cls: type[StoreError], templates: tuple[str, str], db_file: Path, **args: object) -> StoreError:
    """``cls`` with the sentence that names the way out: ``templates`` is (with the command that
    restores the newest backup in ``{command}``, without a backup: ``{folder}``, where backups would
    be); ``{database}`` is ``db_file``."""
    backup = newest_backup(db_file)
    if backup is not None:
        command = f"epay-desktop restore {backup}"
        return cls(msg("store", templates[0], database=db_file, command=command, **args))
    return cls(msg("store", templates[1], database=db_file, folder=db_file.parent / "backups", **args))


_MISSING = (
    QT_TRANSLATE_NOOP(
        "store",
        "The database {database} is missing, and this data folder had one: it is not made again empty. "
        "Restore the last backup: a manager runs {command}.",
    ),
    QT_TRANSLATE_NOOP(
        "store",
        "The database {database} is missing, and this data folder had one: it is not made again empty. "
        "No backup was found in {folder}: ask support.",
    ),
)
_EMPTY = (
    QT_TRANSLATE_NOOP(
        "store",
        "The database {database} is empty (0 bytes), and this data folder had one with data: it is not "
        "made again empty. Restore the last backup: a manager runs {command}.",
    ),
    QT_TRANSLATE_NOOP(
        "store",
        "The database {database} is empty (0 bytes), and this data folder had one with data: it is not "
        "made again empty. No backup was found in {folder}: ask support, and keep the file as it is.",
    ),
)
_NOT_SQLITE = (
    QT_TRANSLATE_NOOP(
        "store",
        "The file {database} is not a SQLite database (its first bytes are wrong): damaged or replaced. "
        "Restore the last backup: a manager runs {command}.",
    ),
    QT_TRANSLATE_NOOP(
        "store",
        "The file {database} is not a SQLite database (its first bytes are wrong): damaged or replaced. "
        "No backup was found in {folder}: ask support, and keep the file as it is.",
    ),
)
_DAMAGED = (
    QT_TRANSLATE_NOOP(
        "store",
        "The database {database} is damaged ({problem}); the console will not work on it. "
        "Restore the last backup: a manager runs {command}.",
    ),
    QT_TRANSLATE_NOOP(
        "store",
        "The database {database} is damaged ({problem}); the console will not work on it. "
        "No backup was found in {folder}: ask support, and keep the file as it is.",
    ),
)


# -- before SQLite opens the file ------------------------------------------------------------------


def check_file(home: Path, db_file: Path) -> bool:
    """Refuse a file that cannot be ours before SQLite opens (and would silently rebuild) it.

    Returns True when the database is new (no file, or an empty one nobody expects): the caller
    makes it. Raises :class:`DatabaseMissing` for an expected file that is gone and
    :class:`DatabaseDamaged` for an expected file that is empty or any file without SQLite's header.
    """
    try:
        size = db_file.stat().st_size
    except FileNotFoundError:
        if is_expected(home, db_file):
            raise _refusal(DatabaseMissing, _MISSING, db_file) from None
        return True
    if size == 0:
        if is_expected(home, db_file):
            raise _refusal(DatabaseDamaged, _EMPTY, db_file)
        return True
    with open(db_file, "rb") as raw:
        header = raw.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise _refusal(DatabaseDamaged, _NOT_SQLITE, db_file)
    return False


# -- the pages -------------------------------------------------------------------------------------


def check_pages(db_file: Path, *, full: bool, lock_wait_s: float = 10) -> None:
    """``PRAGMA quick_check`` (``full``: ``integrity_check``) on a read-only connection of its own.

    Raises :class:`DatabaseDamaged` with SQLite's first complaint when the answer is not ``ok``
    (or SQLite cannot even read the schema: "file is not a database", "malformed"); a database
    another program keeps locked past ``lock_wait_s``, or one that cannot be opened, is not damaged:
    that raises the fault's own sentence (``store.faults``: busy, unreachable...).
    """
    from epay_desktop.store.faults import DatabaseUnreadable
    from epay_desktop.store.faults import database_fault

    pragma = "integrity_check" if full else "quick_check"
    try:
        connection = sqlite3.connect(f"{db_file.absolute().as_uri()}?mode=ro", uri=True, timeout=lock_wait_s)
        try:
            rows = connection.execute(f"PRAGMA {pragma}(5)").fetchall()
        finally:
            connection.close()
        problem = "" if rows == [("ok",)] else "; ".join(str(row[0]) for row in rows)
    except sqlite3.DatabaseError as exc:
        fault = database_fault(exc, database=str(db_file), lock_wait_s=lock_wait_s)
        if fault is not None and not isinstance(fault, DatabaseUnreadable):
            raise fault from exc
        problem = str(exc)
    if problem:
        log.error("event=database_damaged file=%s check=%s problem=%s", db_file, pragma, problem)
        raise _refusal(DatabaseDamaged, _DAMAGED, db_file, problem=problem[:200])
    log.info("event=database_checked file=%s check=%s", db_file, pragma)


class PageCheck:
    """:func:`check_pages` on a thread of its own: ``integrity_check`` when ``crashed`` holds markers
    of processes that ended without closing the database (:func:`left_by_a_crash`; removed once the
    check passes), else ``quick_check``. :meth:`wait` returns when the check has passed.

    The store calls :meth:`wait` before every write transaction (``open.CheckedStore``), so nothing
    is written to a database whose check failed or has not ended: the write raises the refusal.
    """

    def __init__(
        self,
        db_file: Path,
        *,
        crashed: list[tuple[Path, IO[bytes]]],
        full: bool | None = None,
        lock_wait_s: float = 10,
    ) -> None:
        self.full = bool(crashed) if full is None else full
        self._crashed = crashed
        self._lock_wait_s = lock_wait_s
        self._future: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._thread = threading.Thread(target=self._run, args=(db_file,), name="epay-db-check", daemon=True)
        self._thread.start()

    def _run(self, db_file: Path) -> None:
        try:
            if self._crashed:
                log.warning("event=unclean_end_found file=%s markers=%d", db_file, len(self._crashed))
            check_pages(db_file, full=self.full, lock_wait_s=self._lock_wait_s)
        except BaseException as exc:
            self._future.set_exception(exc)
        else:
            for path, _handle in self._crashed:
                with contextlib.suppress(OSError):
                    path.unlink()
            self._future.set_result(None)
        finally:
            for _path, handle in self._crashed:
                handle.close()

    @property
    def future(self) -> concurrent.futures.Future[None]:
        return self._future

    def wait(self) -> None:
        """Block until the check ends; raises its :class:`DatabaseDamaged` if the pages are damaged."""
        self._future.result()


# -- who has the database open ---------------------------------------------------------------------


def _lock(handle: IO[bytes]) -> bool:
    """Take an exclusive lock on ``handle`` without waiting; False when another process holds it."""
    try:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            return False
    except OSError:
        return False
    return True


class RunningMarker:
    """This process's "the database is open" marker: a file in ``<db>.running/`` it holds locked.

    The operating system drops the lock when the process ends, however it ends; a marker file
    whose lock can be taken therefore belongs to a process that did not close the store.
    """

    def __init__(self, db_file: Path) -> None:
        self.folder = running_folder(db_file)
        self.folder.mkdir(mode=0o700, exist_ok=True)
        self.path = self.folder / f"{os.getpid()}-{secrets.token_hex(4)}"
        self._handle: IO[bytes] | None = open(self.path, "xb")  # noqa: SIM115 - held for the store's life
        os.chmod(self.path, 0o600)
        if not _lock(self._handle):  # a fresh name nobody else knows: cannot happen but on a broken FS
            self.release()
            raise OSError(f"cannot lock {self.path}")

    def release(self) -> None:
        """The clean end: the marker goes, then its lock."""
        if self._handle is None:
            return
        try:  # POSIX: gone before its lock is let go, so nobody ever sees it unlocked
            self.path.unlink()
        except OSError:  # Windows does not delete a file that is open: close it first
            self._handle.close()
            with contextlib.suppress(OSError):
                self.path.unlink()
        self._handle.close()
        self._handle = None


def running_folder(db_file: Path) -> Path:
    return db_file.with_name(f"{db_file.name}.running")


def left_by_a_crash(db_file: Path) -> list[tuple[Path, IO[bytes]]]:
    """The markers of processes that ended without closing the store, each returned with its lock
    held (a second process starting meanwhile sees them as live, and does not check twice). Give
    them to :class:`PageCheck`, which removes them once the full check has passed."""
    folder = running_folder(db_file)
    held: list[tuple[Path, IO[bytes]]] = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed by PageCheck
        except OSError:
            continue
        if _lock(handle):
            held.append((path, handle))
        else:
            handle.close()
    return held


def others_running(db_file: Path) -> list[Path]:
    """The markers of live processes that have ``db_file`` open (their locks are held)."""
    folder = running_folder(db_file)
    live = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError:
            continue
        try:
            if not _lock(handle):
                live.append(path)
        finally:
            handle.close()
    return live
