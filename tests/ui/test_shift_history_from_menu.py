"""Shift > Shift history… on the REAL console (decision 0113): a cashier opens the history from the
Shift menu the way a person does, and Enter shows the stored Z report of the shift a manager closed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from epay_desktop.ui.shifts.history import ShiftHistoryDialog
from epay_desktop.ui.shifts.report_view import ShiftReportDialog
from tests.support.live_console import CASHIER, CASHIER_PIN, trigger
from tests.support.windows import SLOW_MS, wait_shown


def test_shift_history_from_the_shift_menu_opens_the_stored_z_report(
    qtbot: Any, arun: Any, real_console: Any
) -> None:
    ctx, window = real_console.ctx, real_console.window
    arun(ctx.shifts.open(real_console.manager))
    z = arun(ctx.shifts.close(real_console.manager), timeout=SLOW_MS)  # no payments: nothing to ask the bank
    real_console.log_in(CASHIER, CASHIER_PIN)  # anyone signed in may read the history
    trigger(qtbot, window, window.commands.shift_history)  # Shift > Shift history…
    history = wait_shown(qtbot, ShiftHistoryDialog)
    assert history.table.rowCount() == 1 and history.table.item(0, 0).text() == "1"
    qtbot.keyClick(history.table, Qt.Key.Key_Return)  # Enter opens the chosen shift's report
    report = wait_shown(qtbot, ShiftReportDialog)
    assert report.report == z and report.windowTitle() == f"Z report \u2014 shift {z.shift.label}"
    summary = report.page.findChild(QLabel, "bank_summary")
    assert summary is not None and summary.text().startswith("Payments checked with the bank: 0 of 0.")
    report.reject()
    history.reject()
