"""Files the console writes for a person (receipt PDFs, CSV exports): written safely, or refused.

A path chosen by a person (``receipt --out``, ``export --csv``, the GUI's save dialogs) is written only
when it is new or an ordinary file; a symbolic link, a named pipe, a device, a socket or a folder at the
path is refused with :class:`UnsafeFilePath` before anything is written (as root, ``--out /dev/full``
once replaced the device node with a PDF). The bytes go to a temporary file in the same folder (mode
0600), which is fsynced and renamed over the path; then the folder is fsynced, so a crash leaves the
old file or the complete new one, never a torn one, and no temporary file is left behind on failure.

Standard library and the domain only: the CLI, the services and the GUI all use it (decision 0069).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from epay_desktop.domain.errors import ConsoleError
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Word
from epay_desktop.domain.i18n import msg

__all__ = ["FILE_MODE", "UnsafeFilePath", "check_target", "write_file_safely"]

#: Mode of every file written here: the owner reads and writes, nobody else.
FILE_MODE = 0o600


class UnsafeFilePath(ConsoleError):
    """The chosen path is not a new file or an ordinary file, or its folder cannot be used."""


def _what_is(mode: int) -> Word | None:
    """What a non-ordinary file is, in words, or None for an ordinary file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return Word("files", QT_TRANSLATE_NOOP("files", "a symbolic link"))
    if stat.S_ISFIFO(mode):
        return Word("files", QT_TRANSLATE_NOOP("files", "a named pipe"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Word("files", QT_TRANSLATE_NOOP("files", "a device"))
    if stat.S_ISDIR(mode):
        return Word("files", QT_TRANSLATE_NOOP("files", "a folder"))
    if stat.S_ISSOCK(mode):
        return Word("files", QT_TRANSLATE_NOOP("files", "a socket"))
    return Word("files", QT_TRANSLATE_NOOP("files", "a special file"))


def check_target(path: str | os.PathLike[str]) -> Path:
    """The absolute path to write, after checking it may be written; nothing is created.

    Raises :class:`UnsafeFilePath` when something other than an ordinary file is at ``path`` (the link
    itself is looked at, never followed) or its folder is missing, is not a folder, or is not writable.
    """
    target = Path(path).expanduser().absolute()
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        mode = None  # a file where a folder should be: said below
    if mode is not None:
        what = _what_is(mode)
        if what is not None:
            raise UnsafeFilePath(
                msg(
                    "files",
                    QT_TRANSLATE_NOOP(
                        "files",
                        "{path} is {what}, not an ordinary file: nothing was written. "
                        "Choose a new file name, or an ordinary file to replace.",
                    ),
                    path=str(target),
                    what=what,
                )
            )
    folder = target.parent
    if not folder.is_dir():
        raise UnsafeFilePath(
            msg(
                "files",
                QT_TRANSLATE_NOOP("files", "The folder {folder} does not exist: choose another one."),
                folder=str(folder),
            )
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UnsafeFilePath(
            msg(
                "files",
                QT_TRANSLATE_NOOP(
                    "files",
                    "The console may not write in {folder}: nothing was written. Choose another folder.",
                ),
                folder=str(folder),
            )
        )
    return target


def write_file_safely(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` (checked by :func:`check_target`) atomically, mode 0600; returns the path.

    Temporary file in the same folder, fsync, checked again, rename over the path, fsync of the folder.
    Raises :class:`UnsafeFilePath` (nothing written) or ``OSError`` (e.g. the disk is full; the old file,
    if any, is untouched and the temporary file is removed).
    """
    target = check_target(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            if hasattr(os, "fchmod"):
                os.fchmod(tmp.fileno(), FILE_MODE)
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        check_target(target)  # a link or pipe put there meanwhile is refused, not replaced
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(target.parent)
    return target


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; Windows cannot open a folder, and does not need to."""
    if os.name != "posix":
        return
    dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
