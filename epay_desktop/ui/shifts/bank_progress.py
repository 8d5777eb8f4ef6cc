"""The bank check of a shift on screen: "n of m payments" with a progress bar and a Cancel that stops it.

:meth:`BankCheckDialog.run` starts the service call (an X report with the bank check, or a close) as
a task, shows the dialog while it runs and returns what it made. Cancel (or Esc, or closing the
dialog) cancels the task that awaits the bank (decision 0108: what was refreshed stays refreshed,
nothing else is written, a shift being closed stays open) and :meth:`run` returns None. The window
stays responsive meanwhile: the check runs on the event loop, the dialog is window-modal.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.services.shifts.bank_check import Progress
from epay_desktop.ui.common.asyncqt import busy_indicator
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.widgets.form_parts import text_label

__all__ = ["BankCheckDialog", "Progress"]

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShiftBankCheck", text)


class BankCheckDialog(QDialog):
    """One bank check's progress; ``note`` says what Stop leaves behind (e.g. the shift stays open).
    ``title`` and ``note`` are asked again after a language switch (they are composed with ``.format``)."""

    def __init__(self, parent: QWidget | None, title: Callable[[], str], note: Callable[[], str]) -> None:
        super().__init__(parent)
        self._counts: tuple[int, int] | None = None  # (done, total) once the service said how many
        self.cancelled = False  # Cancel was pressed (or the dialog closed) before the check ended
        self.progress_label = text_label("bank_check_progress_label")
        self.progress_bar = named(QProgressBar(), "bank_check_progress_bar")
        self.progress_bar.setRange(0, 0)  # busy until the service says how many payments there are
        self._title, self._note = title, note
        self.note_label = text_label("bank_check_note", "note_text")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("bank_check_cancel")
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.note_label)
        layout.addWidget(self.buttons)
        self.setObjectName("shift_bank_check_dialog")
        self.setMinimumWidth(420)
        self._retranslate()
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self.setWindowTitle(self._title())
        self.note_label.setText(self._note())
        self.cancel_button.setText(_tr("&Stop the check"))
        self._render()

    def set_progress(self, done: int, total: int) -> None:
        """The service's ``progress(done, total)``: the bar and the words follow."""
        if not shiboken6.isValid(self):
            return
        self._counts = (done, total)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done if total else 1)
        self.cancel_button.setEnabled(not self.checked_all)  # the rest takes a moment: it is not stopped
        self._render()

    @property
    def checked_all(self) -> bool:
        """Every payment was asked about: what follows (the report, the close) is quick and is not stopped."""
        return self._counts is not None and self._counts[0] >= self._counts[1]

    def _render(self) -> None:
        if self._counts is None:
            text = _tr("Asking the bank about the shift's payments…")
        else:
            done, total = self._counts
            text = _tr("Checked with the bank: {done} of {total} payments.").format(done=done, total=total)
        self.progress_label.setText(text)

    def reject(self) -> None:
        if self.checked_all and self.isVisible():
            return  # Esc once the check is over: the report is being made
        self.cancelled = True
        super().reject()

    async def run(self, work: Callable[[Progress], Awaitable[T]]) -> T | None:
        """Run ``work(progress)`` while the dialog shows; its result, or None when it was cancelled here.

        The work's errors propagate (the caller's guarded action says them); cancelling the task that
        awaits :meth:`run` cancels the work too."""
        task = asyncio.ensure_future(work(self.set_progress))
        self.rejected.connect(task.cancel)  # Cancel / Esc: the task awaiting the bank is cancelled
        waiting = asyncio.current_task()
        busy = busy_indicator()
        busy.pause(waiting)  # this dialog shows the work itself: no busy cursor over its Cancel
        self.open()
        try:
            return await task
        except asyncio.CancelledError:
            if self.cancelled and (waiting is None or not waiting.cancelling()):
                return None  # stopped here; a cancel of the caller itself (quitting) goes on up
            raise
        finally:
            busy.resume(waiting)
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            if shiboken6.isValid(self):
                with contextlib.suppress(RuntimeError, TypeError):
                    self.rejected.disconnect(task.cancel)
                if self.isVisible() and not self.cancelled:
                    self.accept()
                self.deleteLater()
