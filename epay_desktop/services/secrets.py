"""Small local secret files (the PIN pepper): 32 random bytes, readable only by their owner.

The pepper is mixed into every password/PIN hash (see ``passwords.py``); it lives in a file
next to the audit key, never in the database, so a stolen database alone does not let
anyone brute-force four-digit PINs.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from ..domain.errors import ConsoleError

__all__ = ["SECRET_BYTES", "load_or_create_secret_file"]

SECRET_BYTES = 32


def _check_private(path: Path) -> None:
    if os.name != "posix":  # Windows: the per-user profile directory's ACL protects it
        return
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConsoleError(
            f"The key file {path} can be read by other users (mode {stat.S_IMODE(mode):o}). "
            f"Restrict it with: chmod 600 {path}"
        )


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read(path: Path) -> bytes:
    _check_private(path)
    data = path.read_bytes()
    if len(data) != SECRET_BYTES:
        raise ConsoleError(
            f"The key file {path} is damaged ({len(data)} bytes instead of {SECRET_BYTES}). "
            "Restore it from the backup; without it no password or PIN can be checked."
        )
    return data


def load_or_create_secret_file(path: Path) -> bytes:
    """Return the 32-byte secret stored at ``path``, creating it on first use.

    Side effects: may create the parent directory (mode 0700) and the file (mode 0600, written
    to a temporary file, fsynced, then linked into place so a crash or a second process never
    sees a half-written key). Raises ConsoleError if the file is readable by the group or
    others, or has the wrong length.
    """
    path = Path(path)
    if path.exists():
        return _read(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, secrets.token_bytes(SECRET_BYTES))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # fails if another process created the key first: then use theirs
    except FileExistsError:
        pass
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _fsync_dir(path.parent)
    return _read(path)
