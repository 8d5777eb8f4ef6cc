"""Small key files next to the database: 32 random bytes, readable only by their owner.

Two live in the console's home folder: the audit chain's HMAC key and the PIN pepper. Neither may
be in the database (a stolen database alone must neither forge the audit chain nor let anyone
brute-force four-digit PINs), and neither may be silently replaced: a new audit key breaks the
chain, a new pepper locks everyone out. So a damaged or exposed file stops start-up instead.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.store.db import StoreError

__all__ = ["KEY_BYTES", "load_or_create_key_file"]

KEY_BYTES = 32


def load_or_create_key_file(path: Path, *, name: str, if_lost: str) -> bytes:
    """The key stored at ``path``, created on first use (32 random bytes, mode 0600).

    ``name`` says what the key is ("audit key"), ``if_lost`` what a new one would break; both go
    into the messages. The file is written to a temporary name, fsynced and linked into place, so
    a crash never leaves a short key and of two processes starting at once exactly one key wins.
    Raises :class:`StoreError` if the file is not a regular file, is readable or writable by the
    group or others (POSIX), or does not hold exactly 32 bytes.
    """
    path = Path(path)
    if path.exists() or path.is_symlink():
        return _read(path, name, if_lost)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            os.write(fd, secrets.token_bytes(KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        # link fails if another process created the key first: then use theirs
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)
    return _read(path, name, if_lost)


def _read(path: Path, name: str, if_lost: str) -> bytes:
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store", "The {name} {path} is not a regular file; remove it only if you know why it is."
                ),
                name=name,
                path=path,
            )
        )
    if os.name == "posix" and info.st_mode & 0o077:
        raise StoreError(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The {name} {path} can be read by other users (mode "
                    "{mode}). Run: chmod 600 {path} - and tell your manager, "
                    "the key may have leaked.",
                ),
                name=name,
                path=path,
                mode=format(stat.S_IMODE(info.st_mode), "o"),
            )
        )
    key = path.read_bytes()
    if len(key) != KEY_BYTES:
        raise StoreError(
            msg(
                "store",
                QT_TRANSLATE_NOOP(
                    "store",
                    "The {name} {path} is damaged ({key_count} bytes, expected {key_bytes}). Restore "
                    "it from your backup; {if_lost}.",
                ),
                name=name,
                path=path,
                key_count=len(key),
                key_bytes=KEY_BYTES,
                if_lost=if_lost,
            )
        )
    return key


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
