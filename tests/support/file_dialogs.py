"""Answers to Qt's own file-dialog questions, given the way a person gives them (used by the save tests in
tests/ui: the receipt PDF, the audit anchor, the export)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def yes_to_replace() -> None:
    """Answer Qt's "already exists, replace it?" (run inside its exec) with Yes; until it shows, look again
    every 50 ms. Our own refusal box (``user_error_box``) is left for the test to read."""
    question = QApplication.activeModalWidget()
    if isinstance(question, QMessageBox) and question.objectName() != "user_error_box":
        question.button(QMessageBox.StandardButton.Yes).click()
    else:
        QTimer.singleShot(50, yes_to_replace)
