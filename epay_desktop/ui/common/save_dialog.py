"""Asking a person where to save a file: Qt's save dialog, opened where that kind of file went last."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QWidget

from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.file_places import remember_folder
from epay_desktop.ui.common.file_places import start_folder
from epay_desktop.ui.common.screen_fit import fit_file_dialog_columns

__all__ = ["ask_save_path"]


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
