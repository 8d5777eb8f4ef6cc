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
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from .db import Store, StoreError, make_engine, verify_sqlite_pragmas
from .keyfile import KEY_BYTES, load_or_create_key_file
from .migrate_check import schema_at_head
from .stats import refresh_statistics

__all__ = ["AUDIT_KEY_BYTES", "is_network_path", "load_or_create_audit_key", "open_store"]

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


def open_store(
    settings: StoreLocation,
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Store:
    """Open the console's database ready for use; the caller closes the returned Store.

    Side effects: creates ``settings.home`` (mode 0700) and ``audit.key`` (32 random bytes,
    0600) if missing; creates the SQLite file; backs up an existing SQLite file and upgrades
    its schema when this program ships newer migrations; gathers planner statistics when they
    are missing or stale (``store.stats``).
    Raises :class:`StoreError` for a key file with wrong permissions or length, a SQLite file
    on a network drive, unsafe SQLite settings, or a schema revision this program does not know.
    """
    _make_home(settings.home)
    key = load_or_create_audit_key(settings.audit_key_path)
    engine = _engine_for(settings.database_url)
    try:
        verify_sqlite_pragmas(engine)
        before = after = schema_at_head(engine)  # the usual start: no migration, no Alembic
        backup = None
        if after is None:
            from .migrations import migrate  # Alembic loads only when the schema must change (0055)

            result = migrate(engine, clock=clock)
            before, after, backup = result.before, result.after, result.backup
        refresh_statistics(engine, migrated=before != after)
    except BaseException:
        engine.dispose()
        raise
    # PostgreSQL is never copied here (backup=None): the server's own backups (pg_dump) cover it.
    log.info(
        "event=store_opened dialect=%s revision=%s migrated_from=%s backup=%s",
        engine.dialect.name,
        after,
        before,
        backup,
    )
    return Store(engine, audit_key=key)


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


def _engine_for(url: str) -> Engine:
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
    return make_engine(url)


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
