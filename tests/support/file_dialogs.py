"""Answers to Qt's own file and print dialogs, given the way a person gives them (the save and print
tests of tests/ui and tests/e2e: the receipt, the audit anchor, the export).

* :func:`wait_file_dialog` ``(qtbot, parent)``: the file dialog a dialog opened, once it shows.
* :func:`save_under` ``(box, name)``: type a name into the file dialog and press Save; Qt's "already
  exists, replace it?" is answered Yes (:func:`yes_to_replace`).
* :func:`fifo_or_link_at` ``(target, kind, victim)``: a named pipe at ``target``, or a symbolic link there to
  ``victim`` (a file written "keep me"): what a save must refuse and leave untouched.
* :func:`refusal` ``(dialog)``: the console's own refusal box (``user_error_box``) if it shows.
* :func:`print_to_pdf` ``(monkeypatch, dialog_class, path)``: the system print dialog a dialog's
  ``choose_printer`` would show, answered with a PDF printer writing to ``path``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget


def wait_file_dialog(qtbot: Any, parent: QWidget, name: str = "", timeout: int = 15_000) -> QFileDialog:
    """The visible file dialog ``parent`` opened (the one of that object name, if given)."""

    def found() -> QFileDialog | None:
        box = parent.findChild(QFileDialog, name) if name else parent.findChild(QFileDialog)
        return box if box is not None and box.isVisible() else None

    qtbot.waitUntil(lambda: found() is not None, timeout=timeout)
    box = found()
    assert box is not None
    return box


def save_under(box: QFileDialog, name: str) -> None:
    """Type ``name`` into the file dialog and accept it, answering Qt's "replace it?" with Yes."""
    box.findChild(QLineEdit, "fileNameEdit").setText(name)
    QTimer.singleShot(50, yes_to_replace)  # if the name exists, Qt asks whether to replace it
    box.accept()


def fifo_or_link_at(target: Path, kind: str, victim: Path) -> None:
    """``kind`` "fifo": a named pipe at ``target`` (opening it for writing would block until someone
    reads); else a symbolic link at ``target`` to ``victim``, which is written first."""
    victim.write_text("keep me", encoding="utf-8")
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(victim)


def refusal(dialog: QWidget) -> QMessageBox | None:
    """The console's refusal box (``user_error_box``) shown over ``dialog`` or on its own, if any."""
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "user_error_box"]
    found += dialog.findChildren(QMessageBox, "user_error_box")
    return next((w for w in found if isinstance(w, QMessageBox) and w.isVisible()), None)


def print_to_pdf(
    monkeypatch: pytest.MonkeyPatch,
    dialog_class: type,
    path: Path | Callable[[], Path],
    page_size: QPageSize | None = None,
) -> None:
    """Every ``dialog_class`` asking for a printer (``choose_printer``) gets a high-resolution PDF printer
    writing to ``path`` (a callable: a new path for each print), of ``page_size`` if given."""

    async def pdf_printer(self: Any) -> QPrinter:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(path() if callable(path) else path))
        if page_size is not None:
            self.printer.setPageSize(page_size)
        return self.printer

    monkeypatch.setattr(dialog_class, "choose_printer", pdf_printer)


def yes_to_replace() -> None:
    """Answer Qt's "already exists, replace it?" (run inside its exec) with Yes; until it shows, look again
    every 50 ms. Our own refusal box (``user_error_box``) is left for the test to read."""
    question = QApplication.activeModalWidget()
    if isinstance(question, QMessageBox) and question.objectName() != "user_error_box":
        question.button(QMessageBox.StandardButton.Yes).click()
    else:
        QTimer.singleShot(50, yes_to_replace)
