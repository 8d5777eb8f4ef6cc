"""The shift's bank check on the REAL console against the sandbox (issue 13 item 4; decision 0112).

The bank is kept slow with the sandbox's ``hold`` fault (check-status answers held until the test
releases them), so what the cashier sees while the bank is asked is looked at, never timed:

* X report with the bank check: "0 of 2" and a progress bar while the bank is silent; Stop the check
  ends the command at once (the held answers are still held: nothing waited for them) and no report
  is shown; asked again and the bank answering, the report says both payments were checked;
* Close shift: a second click while it runs does nothing; stopped during the bank check, the shift
  stays open and the console says so; closed again, the Z report has both payments checked and the
  status bar says no shift is open.

Everything is reached through the main window's Shift menu.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from epay_desktop.domain import Money
from epay_desktop.sandbox.faults import MAX_FAULT_HOLD
from epay_desktop.sandbox.faults import Fault
from epay_desktop.ui.common.asyncqt import is_busy
from epay_desktop.ui.shifts.bank_progress import BankCheckDialog
from epay_desktop.ui.shifts.close_dialog import CloseShiftDialog
from epay_desktop.ui.shifts.report_view import ShiftReportDialog
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import trigger
from tests.support.windows import shown

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000
LEFT = Qt.MouseButton.LeftButton
Button = QMessageBox.StandardButton


def box_titled(qtbot: Any, title: str) -> QMessageBox:
    def boxes() -> list[QMessageBox]:
        return [b for b in shown(QMessageBox) if b.windowTitle() == title]

    qtbot.waitUntil(lambda: bool(boxes()), timeout=SLOW)
    return boxes()[0]


def shift_text(console: Any) -> str:
    label = console.window.status_bar.shift_label
    return label.text() if label.isVisible() else ""


def shift_with_two_sales(console: Any, qtbot: Any) -> None:
    """A manager opens a shift from the Shift menu and takes two sales in it."""
    console.log_in(MANAGER, MANAGER_PIN)
    window = console.window
    qtbot.waitUntil(window.commands.shift_open.isEnabled, timeout=SLOW)
    trigger(qtbot, window, window.commands.shift_open)
    qtbot.mouseClick(box_titled(qtbot, "Open shift").button(Button.Ok), LEFT)
    qtbot.waitUntil(lambda: shift_text(console).startswith("Shift 1 open since"), timeout=SLOW)
    console.paid(Money(150_000))
    console.paid(Money(230_000))


def slow_bank(console: Any) -> Any:
    """Check-status answers held until released (more than this test asks for); the holds."""
    faults = console.sandbox.state.faults
    faults.add(Fault("status", "hold", Decimal(MAX_FAULT_HOLD), 20))
    return faults.holds


def checking(console: Any, qtbot: Any) -> BankCheckDialog:
    """The bank check's window once it says the bank has answered about none of the two yet."""
    qtbot.waitUntil(lambda: bool(shown(BankCheckDialog)), timeout=SLOW)
    dialog = shown(BankCheckDialog)[0]
    qtbot.waitUntil(
        lambda: dialog.progress_label.text() == "Checked with the bank: 0 of 2 payments.", timeout=SLOW
    )
    assert (dialog.progress_bar.value(), dialog.progress_bar.maximum()) == (0, 2)
    return dialog


def test_the_x_reports_bank_check_shows_progress_and_stops_at_once(console: Any, qtbot: Any) -> None:
    shift_with_two_sales(console, qtbot)
    window = console.window
    holds = slow_bank(console)
    trigger(qtbot, window, window.commands.shift_x)
    qtbot.mouseClick(box_titled(qtbot, "X report").button(Button.Yes), LEFT)  # compare with the bank
    dialog = checking(console, qtbot)
    qtbot.waitUntil(lambda: len(holds.held("status")) >= 2, timeout=SLOW)  # the bank has not answered
    assert not window.commands.shift_x.isEnabled()  # one shift command at a time
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    qtbot.waitUntil(lambda: not is_busy(window, "shift"), timeout=SLOW)  # the command ended...
    assert len(holds.held("status")) >= 2  # ...without the bank's answers: the awaiting task was cancelled
    assert not shown(ShiftReportDialog) and not shown(BankCheckDialog)
    qtbot.waitUntil(window.commands.shift_x.isEnabled, timeout=SLOW)

    trigger(qtbot, window, window.commands.shift_x)  # again, and this time the bank answers
    qtbot.mouseClick(box_titled(qtbot, "X report").button(Button.Yes), LEFT)
    checking(console, qtbot)
    console.sandbox.state.faults.clear()  # every held answer goes out
    qtbot.waitUntil(lambda: bool(shown(ShiftReportDialog)), timeout=SLOW)
    report = shown(ShiftReportDialog)[0].report
    assert report.kind.value == "X" and report.bank is not None
    assert (report.bank.checked, report.bank.total) == (2, 2) and report.bank.differences == ()
    assert report.totals.net_minor == 380_000
    shown(ShiftReportDialog)[0].accept()
    assert shift_text(console).startswith("Shift 1 open since")


def test_a_close_stopped_during_the_bank_check_leaves_the_shift_open(
    console: Any, qtbot: Any, arun: Any
) -> None:
    shift_with_two_sales(console, qtbot)
    window = console.window
    holds = slow_bank(console)
    trigger(qtbot, window, window.commands.shift_close)
    qtbot.waitUntil(lambda: bool(shown(CloseShiftDialog)), timeout=SLOW)
    close = shown(CloseShiftDialog)[0]
    qtbot.mouseClick(close.ok_button, LEFT)
    dialog = checking(console, qtbot)
    qtbot.waitUntil(lambda: len(holds.held("status")) >= 2, timeout=SLOW)
    close_again = window.commands.shift_close
    assert not close_again.isEnabled() and "A shift command is running" in close_again.toolTip()
    close_again.trigger()  # a second click meanwhile (a shortcut, a bouncy screen) closes nothing twice
    assert not shown(CloseShiftDialog) and shown(BankCheckDialog) == [dialog]
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    said = box_titled(qtbot, "The shift stays open")
    assert "was not closed: it stays open" in said.text()
    said.accept()
    current = arun(console.ctx.shifts.current())
    assert current is not None and current.number == 1 and current.closed_at is None
    assert shift_text(console).startswith("Shift 1 open since") and not shown(ShiftReportDialog)

    console.sandbox.state.faults.clear()  # the bank answers again: closed this time
    qtbot.waitUntil(window.commands.shift_close.isEnabled, timeout=SLOW)
    trigger(qtbot, window, window.commands.shift_close)
    qtbot.waitUntil(lambda: bool(shown(CloseShiftDialog)), timeout=SLOW)
    qtbot.mouseClick(shown(CloseShiftDialog)[0].ok_button, LEFT)
    qtbot.waitUntil(lambda: bool(shown(ShiftReportDialog)), timeout=SLOW)
    z = shown(ShiftReportDialog)[0].report
    assert z.kind.value == "Z" and z.bank is not None and (z.bank.checked, z.bank.total) == (2, 2)
    assert z.totals.net_minor == 380_000 and z.anchor is not None
    qtbot.waitUntil(lambda: shift_text(console) == "No shift open", timeout=SLOW)
    shown(ShiftReportDialog)[0].accept()
    assert arun(console.ctx.shifts.current()) is None
