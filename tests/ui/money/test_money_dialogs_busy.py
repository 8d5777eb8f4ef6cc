"""The busy indicator while a dialog waits for the bank or the database (issue 7, point 8): a refund
sent from the refund dialog that takes longer than 300 ms shows the busy cursor until it is done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from epay_desktop.ui.common.asyncqt import busy_indicator
from epay_desktop.ui.money.refund_dialog import RefundDialog


def cursor_is_busy() -> bool:
    cursor = QApplication.overrideCursor()
    return cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor


def test_a_slow_refund_shows_the_busy_cursor_until_the_bank_answers(
    qtbot, parent, make_view, manager, fake_services, op_result, open_dialog
):
    refund = fake_services.operations.refund
    refund.result = op_result()
    refund.hold()  # the bank takes its time
    ask = RefundDialog.ask(
        parent, make_view(), manager, operations=fake_services.operations, users=fake_services.users
    )
    task, dialog = open_dialog(ask, RefundDialog)
    busy = busy_indicator()
    assert not busy.active  # the dialog waits for the cashier: not busy
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(refund.calls) == 1)
    qtbot.waitUntil(lambda: busy.active, timeout=3000)
    assert cursor_is_busy()
    refund.release()
    qtbot.waitUntil(task.done)
    qtbot.waitUntil(lambda: not busy.active)
    assert not cursor_is_busy()
