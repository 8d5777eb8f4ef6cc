"""The bank check's window on its own (decision 0112): "n of m payments" follows the service's progress,
Stop cancels the work, and once every payment was asked Stop (and Esc) no longer cut what follows.
It is reached from the Shift menu in tests/ui/test_shifts_from_menu.py and tests/e2e/test_console_shifts.py.
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import Qt

from epay_desktop.ui.shifts.bank_progress import BankCheckDialog
from epay_desktop.ui.shifts.bank_progress import Progress
from tests.support.windows import wait_shown


def test_progress_is_said_and_stop_is_off_once_every_payment_was_asked(qtbot: Any, aloop: Any) -> None:
    reported: list[Progress] = []
    go_on = asyncio.Event()

    async def work(progress: Progress) -> str:
        reported.append(progress)
        progress(0, 2)
        await go_on.wait()
        return "report"

    dialog = BankCheckDialog(None, lambda: "Checking", lambda: "Stopping leaves it open.")
    task = asyncio.ensure_future(dialog.run(work), loop=aloop)
    wait_shown(qtbot, BankCheckDialog)
    qtbot.waitUntil(lambda: dialog.progress_label.text() == "Checked with the bank: 0 of 2 payments.")
    reported[0](1, 2)
    assert dialog.progress_label.text() == "Checked with the bank: 1 of 2 payments."
    assert (dialog.progress_bar.value(), dialog.progress_bar.maximum()) == (1, 2)
    assert dialog.cancel_button.isEnabled() and dialog.note_label.text() == "Stopping leaves it open."
    reported[0](2, 2)
    assert not dialog.cancel_button.isEnabled()  # the report (or the close) is made now: not cut
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and not dialog.cancelled
    go_on.set()
    qtbot.waitUntil(task.done)
    assert task.result() == "report"


def test_stop_cancels_the_work_and_answers_none(qtbot: Any, aloop: Any) -> None:
    cancelled: list[bool] = []

    async def work(progress: Progress) -> str:
        progress(0, 3)
        try:
            await asyncio.Event().wait()  # a bank that never answers
        except asyncio.CancelledError:
            cancelled.append(True)
            raise
        return "never"

    dialog = BankCheckDialog(None, lambda: "Checking", lambda: "")
    task = asyncio.ensure_future(dialog.run(work), loop=aloop)
    wait_shown(qtbot, BankCheckDialog)
    qtbot.waitUntil(lambda: dialog.progress_bar.maximum() == 3)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.done)
    assert task.result() is None and cancelled == [True]
