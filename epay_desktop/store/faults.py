"""What a database failure means for a person: read-only, full, damaged, busy, or out of reach.

The driver's exceptions (``sqlite3.OperationalError``, psycopg's, wrapped by SQLAlchemy) are bugs to a
cashier; :func:`database_fault` turns the ones that are the database's state, not the program's, into
a :class:`StoreError` subclass whose sentence says what happened and what to do (issue 11, part 3;
decision 0070). :meth:`epay_desktop.store.db.Store.run` applies it to everything run on the database
thread, and the app applies it to the failures of opening the store. A failure it does not know stays
what it was (a bug, logged with its stack trace).

For a busy SQLite database the sentence says who has the file open where the operating system tells
(Linux: ``/proc/<pid>/fd``), e.g. "another epay-desktop process (pid 4242)"; elsewhere a plain sentence.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import IntegrityError

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Word
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.settings_catalog import DATABASE_URL
from epay_desktop.domain.settings_catalog import DB_LOCK_WAIT
from epay_desktop.store.db import StoreError

__all__ = [
    "DatabaseBusy",
    "DatabaseFull",
    "DatabaseReadOnly",
    "DatabaseUnreachable",
    "DatabaseUnreadable",
    "database_fault",
    "holders_of",
]

# SQLite primary result codes (https://sqlite.org/rescode.html)
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_LOCK_WAIT_SETTING = DB_LOCK_WAIT.name  # named in messages; the store reads no settings
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26


class DatabaseReadOnly(StoreError):
    """The database refuses writes: a read-only file, folder or disk (or a read-only server)."""

    #: the fault in a few words, for a longer sentence (an outcome not recorded)
    reason = Word("store", QT_TRANSLATE_NOOP("store", "the database is read-only"))


class DatabaseFull(StoreError):
    """The disk (or the server's disk) holding the database has no room left."""

    reason = Word("store", QT_TRANSLATE_NOOP("store", "the disk is full"))


class DatabaseUnreadable(StoreError):
    """The database file is damaged or cannot be read or written (corrupt pages, not a database, I/O)."""

    reason = Word("store", QT_TRANSLATE_NOOP("store", "the database is damaged"))


class DatabaseBusy(StoreError):
    """Another process kept the database locked longer than the console waits (EPAYMENT_DB_LOCK_WAIT)."""

    reason = Word("store", QT_TRANSLATE_NOOP("store", "the database is busy"))


class DatabaseUnreachable(StoreError):
    """The database cannot be opened or its server cannot be reached."""

    reason = Word("store", QT_TRANSLATE_NOOP("store", "the database cannot be reached"))


def database_fault(exc: BaseException, *, database: str, lock_wait_s: float) -> StoreError | None:
    """The :class:`StoreError` a person should read for ``exc``, or None when it is not a known fault.

    ``database`` names the database in the sentence (a file path, or a server URL without password);
    ``lock_wait_s`` is how long the console waited for a lock (said in the busy sentence).
    """
    if isinstance(exc, (StoreError, IntegrityError)):
        return None
    orig = exc.orig if isinstance(exc, DBAPIError) else exc  # SQLAlchemy's wrapper, or the driver's own
    if orig is None:
        return None
    kinds = {cls.__name__ for cls in type(orig).__mro__}
    if "IntegrityError" in kinds:
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _sqlite_fault(code & 0xFF, str(orig), database, lock_wait_s)
    if type(orig).__module__.split(".")[0] == "psycopg":
        return _postgres_fault(orig, kinds, database, lock_wait_s)
    return None


def _sqlite_fault(code: int, said: str, database: str, lock_wait_s: float) -> StoreError | None:
    if code in (_SQLITE_READONLY, _SQLITE_PERM):
        return _read_only(database)
    if code == _SQLITE_FULL:
        return _full(database)
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB, _SQLITE_IOERR):
        return DatabaseUnreadable(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The database {database} is damaged or cannot be read ({said}): nothing was changed. "
                    "Restore the last backup ({command}), or call support.",
                ),
                database=database,
                said=said,
                command="epay-desktop restore",
            )
        )
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return _busy(database, lock_wait_s, holders_of(database))
    if code == _SQLITE_CANTOPEN:
        return DatabaseUnreachable(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The database {database} cannot be opened ({said}): nothing was changed. Check that "
                    "the file and its folder exist and this user may read and write them.",
                ),
                database=database,
                said=said,
            )
        )
    return None


def _postgres_fault(
    orig: BaseException, kinds: set[str], database: str, lock_wait_s: float
) -> StoreError | None:
    state = str(getattr(orig, "sqlstate", None) or "")
    if state == "25006":  # read_only_sql_transaction: a standby, or default_transaction_read_only
        return _read_only(database)
    if state.startswith("53"):  # insufficient resources: disk full, out of memory, too many connections
        return _full(database) if state == "53100" else _unreachable(database, str(orig))
    if state in ("55P03", "57014"):  # lock_not_available, query_canceled (lock_timeout / statement_timeout)
        return _busy(database, lock_wait_s, [])
    no_answer = not state and bool(kinds & {"OperationalError", "InterfaceError"})  # refused, DNS, timeout
    if no_answer or state.startswith(("08", "57P")):  # or a connection exception, the server shutting down
        said = str(orig).strip()
        return _unreachable(database, said.splitlines()[0] if said else type(orig).__name__)
    return None


def _read_only(database: str) -> DatabaseReadOnly:
    return DatabaseReadOnly(
        msg(
            "store",
            QT_TRANSLATE_NOOP(
                "store",
                "The database {database} is read-only: nothing was changed. Let this user write the file "
                "and its folder (or use a disk that is not write-protected), then try again.",
            ),
            database=database,
        )
    )


def _full(database: str) -> DatabaseFull:
    return DatabaseFull(
        msg(
            "store",
            QT_TRANSLATE_NOOP(
                "store",
                "The disk holding the database {database} is full: nothing was changed. "
                "Free some space on it, then try again.",
            ),
            database=database,
        )
    )


def _unreachable(database: str, said: str) -> DatabaseUnreachable:
    return DatabaseUnreachable(
        msg(
            "store",
            QT_TRANSLATE_NOOP(
                "store",
                "The database server {database} cannot be reached ({said}): nothing was changed. Check that "
                "it runs and that this computer can reach it ({setting}), then try again.",
            ),
            database=database,
            said=said,
            setting=DATABASE_URL.name,
        )
    )


def _busy(database: str, lock_wait_s: float, holders: list[tuple[int, bool, str]]) -> DatabaseBusy:
    seconds = f"{lock_wait_s:g}"
    ours = [pid for pid, is_console, _name in holders if is_console]
    if ours:
        return DatabaseBusy(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The database {database} is busy: another epay-desktop process (pid {pids}) has it open "
                    "and kept it locked longer than {seconds} s ({setting}): nothing was "
                    "changed. Wait for that process to finish or close it, then try again.",
                ),
                database=database,
                pids=", ".join(str(pid) for pid in ours),
                seconds=seconds,
                setting=_LOCK_WAIT_SETTING,
            )
        )
    if holders:
        return DatabaseBusy(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The database {database} is busy: the program {program} (pid {pids}) has it open and "
                    "kept it locked longer than {seconds} s ({setting}): nothing was changed. "
                    "Close that program, then try again.",
                ),
                database=database,
                program=holders[0][2],
                pids=", ".join(str(pid) for pid, _ours, _name in holders),
                seconds=seconds,
                setting=_LOCK_WAIT_SETTING,
            )
        )
    return DatabaseBusy(
        msg(
            "store",
            QT_TRANSLATE_NOOP(
                "store",
                "The database {database} is busy: another program or counter kept it locked longer than "
                "{seconds} s ({setting}): nothing was changed. Wait a moment, then try again.",
            ),
            database=database,
            seconds=seconds,
            setting=_LOCK_WAIT_SETTING,
        )
    )


def holders_of(database: str, proc: Path = Path("/proc")) -> list[tuple[int, bool, str]]:
    """Other processes that have the SQLite file ``database`` (or its -wal/-shm) open, best effort.

    (pid, is an epay-desktop process, program name) for each, by pid; empty where the operating system
    does not tell (no ``/proc``) or it may not be read. Never raises.
    """
    try:
        target = os.path.realpath(database)
    except (OSError, ValueError):
        return []
    names = {target, f"{target}-wal", f"{target}-shm", f"{target}-journal"}
    me = os.getpid()
    found: list[tuple[int, bool, str]] = []
    try:
        pids = sorted(int(entry.name) for entry in proc.iterdir() if entry.name.isdigit())
    except OSError:
        return []
    for pid in pids:
        if pid == me:
            continue
        try:
            fds = list((proc / str(pid) / "fd").iterdir())
        except OSError:
            continue
        if not any(_link(fd) in names for fd in fds):
            continue
        found.append((pid, *_program(proc / str(pid))))
    return found


def _link(fd: Path) -> str:
    try:
        return os.readlink(fd)
    except OSError:
        return ""


def _program(folder: Path) -> tuple[bool, str]:
    """(is an epay-desktop process, its name) from ``/proc/<pid>/cmdline`` and ``comm``."""
    try:
        argv = (folder / "cmdline").read_bytes().split(b"\0")
    except OSError:
        argv = []
    words = " ".join(a.decode("utf-8", "replace") for a in argv[:4])
    console = "epay-desktop" in words or "epay_desktop" in words
    try:
        name = (folder / "comm").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        name = ""
    return console, name or (Path(argv[0].decode("utf-8", "replace")).name if argv and argv[0] else "?")
