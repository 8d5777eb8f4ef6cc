"""Saving a file a person asked for: Qt's save dialog, opened where that kind of file went last
(:func:`ask_save_path`), and the file written with a refusal or a failure said (:func:`save_file`)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QWidget

from epay_desktop.safe_files import UnsafeFilePath
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import show_error
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.file_places import remember_folder
from epay_desktop.ui.common.file_places import start_folder
from epay_desktop.ui.common.screen_fit import fit_file_dialog_columns

__all__ = ["ask_save_path", "save_file", "why_not_saved"]

log = logging.getLogger(__name__)

_T = TypeVar("_T")


async def ask_save_path(
    parent: QWidget,
    *,
    title: str,
    name: str,
    name_filter: str,
    suffix: str,
    kind: str,
    file_name: str,
    remember: bool = True,
) -> Path | None:
    """The path chosen in a save dialog titled ``title`` (object name ``name``) offering ``file_name``
    in the folder ``kind`` files were last saved to (else Documents); None when cancelled. The folder
    chosen is remembered for ``kind`` (``remember=False``: the caller remembers it once the file is
    written). The file is not written here (see ``safe_files``)."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(suffix)
    dialog.setDirectory(str(start_folder(kind)))
    dialog.selectFile(file_name)
    fit_file_dialog_columns(dialog)
    result = await run_dialog_once(dialog)
    files = dialog.selectedFiles() if shiboken6.isValid(dialog) else []  # gone with a closed parent
    if result != QDialog.DialogCode.Accepted or not files:
        return None
    path = Path(files[0])
    if remember:
        remember_folder(kind, path.parent)
    return path


def why_not_saved(exc: UnsafeFilePath | OSError) -> str:
    """Why a file was not saved: a refusal's sentence in the reader's language (decision 0069), else
    the system's words (a full disk, no permission)."""
    if isinstance(exc, UnsafeFilePath):
        return user_message_of(exc) or exc.user_message
    return exc.strerror or str(exc)


async def save_file(
    window: QWidget, write: Awaitable[_T], not_saved: Callable[[UnsafeFilePath | OSError], None]
) -> _T | None:
    """What ``write`` (checking the path, then writing the file) returns; None when nothing was saved.

    A refused path (a link, pipe, device or folder there, or no usable folder: UnsafeFilePath, decision
    0069) is said by ``not_saved`` in ``window`` and in a message box over it, both in the reader's
    language; a failed write (OSError: the disk is full...) by ``not_saved`` alone. ``not_saved`` is not
    called once ``window`` is gone (closed meanwhile)."""
    try:
        return await write
    except UnsafeFilePath as exc:
        refused = exc
        log.info("event=save_refused")
        if shiboken6.isValid(window):
            not_saved(refused)
        show_error(window, lambda: user_message_of(refused) or refused.user_message)  # again after a switch
    except OSError as exc:
        if shiboken6.isValid(window):
            not_saved(exc)
    return None
