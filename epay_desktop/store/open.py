"""Start-up of the store: home folder, audit key, engine checks and migrations, in that order.

Every check fails closed with a :class:`StoreError` whose message tells the operator what is
wrong and what to do; the console shows it and exits instead of running on a database or
key it cannot trust.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from datetime import datetime
from pathlib import Path
from pathlib import PurePosixPath
from pathlib import PureWindowsPath
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.store.db import Store
from epay_desktop.store.db import StoreError
from epay_desktop.store.db import make_engine
from epay_desktop.store.db import verify_sqlite_pragmas
from epay_desktop.store.integrity import PageCheck
from epay_desktop.store.integrity import RunningMarker
from epay_desktop.store.integrity import check_file
from epay_desktop.store.integrity import is_expected
from epay_desktop.store.integrity import left_by_a_crash
from epay_desktop.store.integrity import mark_expected
from epay_desktop.store.keyfile import KEY_BYTES
from epay_desktop.store.keyfile import load_or_create_key_file
from epay_desktop.store.migrate_check import schema_at_head
from epay_desktop.store.stats import refresh_statistics
from epay_desktop.store.tx import Tx

__all__ = [
    "AUDIT_KEY_BYTES",
    "CheckedStore",
    "is_network_path",
    "load_or_create_audit_key",
    "open_store",
    "sqlite_file",
]

log = logging.getLogger(__name__)

AUDIT_KEY_BYTES = KEY_BYTES
#: File systems on which SQLite's WAL (shared memory + POSIX locks) is unsafe.
_NETWORK_FS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "fuse.sshfs", "davfs"})


class StoreLocation(Protocol):
    """Where the store lives (``epay_desktop.settings.StoreSettings`` is one); the store reads no settings."""

    @property
    def home(self) -> Path: ...
    @property
    def database_url(self) -> str: ...
    @property
    def audit_key_path(self) -> Path: ...


class CheckedStore(Store):
    """A SQLite store whose pages are checked (:class:`~.integrity.PageCheck`) before anything is
    written, and which marks itself open (:class:`~.integrity.RunningMarker`) until it is closed."""

    def __init__(self, engine: Engine, *, audit_key: bytes, check: PageCheck, marker: RunningMarker) -> None:
        super().__init__(engine, audit_key=audit_key)
        self.page_check = check
        self._marker = marker

    @contextmanager
    def write(self) -> Iterator[Tx]:
        self.page_check.wait()  # raises DatabaseDamaged: nothing is written to a damaged database
        with super().write() as tx:
            yield tx

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._marker.release()  # the clean end: the next start needs no full check


def open_store(
    settings: StoreLocation,
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    check_in_background: bool = False,
) -> Store:
    """Open the console's database ready for use; the caller closes the returned Store.

    Side effects: creates ``settings.home`` (mode 0700) and ``audit.key`` (32 random bytes,
    0600) if missing; creates the SQLite file; backs up an existing SQLite file and upgrades
    its schema when this program ships newer migrations; gathers planner statistics when they
    are missing or stale (``store.stats``). SQLite (decision 0066): refuses an expected database
    that is missing or empty and a file that is not SQLite (:func:`~.integrity.check_file`); runs
    ``quick_check`` (``integrity_check`` after a process ended without closing it), before this
    returns or, ``check_in_background``, on a thread while every write waits for it; writes the
    data folder's marker that the database exists; marks the database open until the store closes.
    Raises :class:`StoreError` for a key file with wrong permissions or length, a SQLite file
    on a network drive, unsafe SQLite settings, a schema revision this program does not know,
    or a damaged, missing or empty-but-expected database (the sentence names the backup to restore).
    """
    _make_home(settings.home)
    key = load_or_create_audit_key(settings.audit_key_path)
    db_file = sqlite_file(settings.database_url)
    if db_file is not None:
        check_file(settings.home, db_file)
    engine = _engine_for(settings.database_url, int(getattr(settings, "lock_wait_seconds", 10) * 1000))
    check: PageCheck | None = None
    marker: RunningMarker | None = None
    try:
        verify_sqlite_pragmas(engine)
        before = after = schema_at_head(engine)  # the usual start: no migration, no Alembic
        if db_file is not None:
            check = PageCheck(
                db_file,
                crashed=left_by_a_crash(db_file),
                lock_wait_s=getattr(settings, "lock_wait_seconds", 10),
            )
            if after is None or not check_in_background:
                check.wait()  # a migration (or a command) never runs on unchecked pages
            marker = RunningMarker(db_file)
        backup = None
        if after is None:
            from epay_desktop.store.migrations import (
                migrate,  # Alembic loads only when the schema must change (0055)
            )

            result = migrate(engine, clock=clock)
            before, after, backup = result.before, result.after, result.backup
            if backup is not None and db_file is not None:  # kept the days set, like every copy (0067)
                from epay_desktop.store.backup import DEFAULT_KEEP_DAYS
                from epay_desktop.store.backup import prune

                days = int(getattr(settings, "backup_days", DEFAULT_KEEP_DAYS))
                prune(db_file, keep_days=days, today=clock().astimezone().date())
        refresh_statistics(engine, migrated=before != after)
        if (
            db_file is not None
            and not is_expected(settings.home, db_file)
            and (before is None or _has_users(engine))
        ):
            mark_expected(settings.home, db_file)  # from now on it is never made again empty
    except BaseException:
        engine.dispose()
        if marker is not None:
            marker.release()
        raise
    # PostgreSQL is never copied here (backup=None): the server's own backups (pg_dump) cover it.
    log.info(
        "event=store_opened dialect=%s revision=%s migrated_from=%s backup=%s",
        engine.dialect.name,
        after,
        before,
        backup,
    )
    if check is not None and marker is not None:
        return CheckedStore(engine, audit_key=key, check=check, marker=marker)
    return Store(engine, audit_key=key)


def sqlite_file(url: str) -> Path | None:
    """The SQLite database file of ``url`` (absolute), or None for PostgreSQL."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database).absolute()


def _has_users(engine: Engine) -> bool:
    from sqlalchemy import text

    with engine.connect() as conn:
        return conn.execute(text("SELECT 1 FROM users LIMIT 1")).first() is not None


def load_or_create_audit_key(path: Path) -> bytes:
    """The audit chain's HMAC key from ``path``, created (32 random bytes, mode 0600) if missing.

    Raises :class:`StoreError` if the file is readable or writable by group/others (on POSIX),
    is not a regular file, or does not hold exactly 32 bytes: a leaked or damaged key would
    make the audit chain worthless, so the console refuses to start rather than replace it.
    """
    return load_or_create_key_file(path, name="audit key", if_lost="a new key would break the audit chain")


def is_network_path(path: str) -> bool:
    """True for a UNC path (``\\\\server\\share``) or a folder on a network file system (Linux)."""
    if path.startswith(("\\\\", "//")) or PureWindowsPath(path).drive.startswith("\\\\"):
        return True
    return _mount_fs_type(path) in _NETWORK_FS


def _make_home(home: Path) -> None:
    try:
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            msg(
                "store",
                QT_TRANSLATE_NOOP("store", "Cannot create the data folder {home}: {exc_strerror}."),
                home=home,
                exc_strerror=exc.strerror,
            )
        ) from exc


def _engine_for(url: str, lock_wait_ms: int = 10_000) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        if is_network_path(parsed.database):
            raise StoreError(
                msg(
                    "store",
                    QT_TRANSLATE_NOOP(
                        "store",
                        "The database {parsed_database} is on a network drive. SQLite cannot keep it "
                        "safe there (WAL needs local shared memory). Use a local folder, or PostgreSQL "
                        "for several counters.",
                    ),
                    parsed_database=parsed.database,
                )
            )
        db_file = Path(parsed.database)
        db_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # An empty file is a valid empty database; creating it ourselves keeps it (and its
        # -wal/-shm files, which copy its mode) private to this user.
        with contextlib.suppress(FileExistsError):
            os.close(os.open(db_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return make_engine(url, lock_wait_ms=lock_wait_ms)  # EPAYMENT_DB_LOCK_WAIT (decision 0071)


def _mount_fs_type(path: str) -> str:
    """File system type of the mount holding ``path`` (Linux /proc/mounts), or "" when unknown."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    target = PurePosixPath(os.path.realpath(path))
    best, fs_type = -1, ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = PurePosixPath(parts[1].replace("\\040", " "))
        if (target == mount_point or mount_point in target.parents) and len(mount_point.parts) > best:
            best, fs_type = len(mount_point.parts), parts[2]
    return fs_type
