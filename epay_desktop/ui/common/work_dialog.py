"""A dialog that does one piece of work per click (save the settings, export, a money operation).

While the work runs a second click does nothing and the dialog cannot be closed (Cancel, Esc, the
title bar): it finishes first and its result is shown in the dialog. Why OK is disabled is said in
``hint_label``, what went wrong in ``error_label``, both under the inputs. What the work made is the
dialog's answer (``result_value``; None when it was closed without).
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any
from typing import Generic
from typing import TypeVar

import shiboken6
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.widgets.form_parts import text_label

__all__ = ["WorkDialog"]

R = TypeVar("R")


class WorkDialog(QDialog, Generic[R]):
    """Subclasses lay out ``hint_label`` and ``error_label``, define :meth:`update_state`, start their
    work with :meth:`start`, call :meth:`work_ended` from its ``finally`` and :meth:`close_with` when
    it made what the dialog answers."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._task: asyncio.Task[None] | None = None
        self.result_value: R | None = None
        self.hint_label = named(QLabel(wordWrap=True), "hint_label")
        self.hint_label.setStyleSheet(theme.style("note_text"))
        self.error_label = text_label("error_label", "error_label", hidden=True)

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def update_state(self) -> None:
        """Hook: enable OK only for valid input (and not while busy), and say why it is disabled."""
        raise NotImplementedError

    def problem(self) -> str:
        """Hook for :meth:`submit`: what is wrong with the input ("" when nothing)."""
        raise NotImplementedError

    async def work(self) -> None:
        """Hook for :meth:`submit`: what OK does (it calls :meth:`work_ended` from its ``finally``)."""
        raise NotImplementedError

    def submit(self) -> None:
        """OK: :meth:`start` the :meth:`work` once; a click while it runs or with a :meth:`problem` does
        nothing."""
        if self.busy or self.problem():
            return
        self.start(self.work())

    def enable_if_valid(self, button: QPushButton, problem: str) -> None:
        """``button`` (OK) enabled only without a ``problem`` and while no work runs; the problem said."""
        button.setEnabled(not problem and not self.busy)
        self.hint_label.setText(problem)
        self.hint_label.setVisible(bool(problem))

    def show_error(self, message: str) -> None:
        """Say ``message`` under the inputs ('' hides it)."""
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def reject(self) -> None:
        if not self.busy:  # work in flight cannot be called back; it finishes first
            super().reject()

    def start(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` as the dialog's one task (the last error cleared, the busy indicator on)."""
        self.show_error("")
        self._task = spawn(work, busy=self)
        self.update_state()

    def close_with(self, result: R) -> None:
        """The work made ``result``: it is the dialog's answer, and the dialog closes (if it still exists)."""
        self.result_value = result
        if shiboken6.isValid(self):
            self.accept()

    async def answer(self) -> R | None:
        """Show the dialog (once: it is deleted after); its answer, or None when closed without one."""
        await run_dialog_once(self)
        return self.result_value

    def work_ended(self) -> None:
        """From the work's ``finally``: the dialog takes input again (unless it was deleted meanwhile)."""
        if shiboken6.isValid(self):
            self._task = None
            self.update_state()
