"""Settings > Shifts (decision 0117) reached the way a person does, on the REAL console (open_app +
AppController + MainWindow, real services on a fresh SQLite database): a manager opens Settings with
Ctrl+, and changes the shift rules on the Shifts page; they are saved in the shop database and shown
again the next time; an hour count the rules do not accept keeps Save disabled with the reason; and
with "payments only during a shift", New payment (F2) is refused under the form, saying to open a shift
first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt

from epay_desktop.domain.shifts import ShiftRules
from epay_desktop.ui.settings.settings_dialog import SettingsDialog
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import trigger
from tests.support.windows import shown
from tests.support.windows import wait_shown

LEFT = Qt.MouseButton.LeftButton
SLOW = 15_000


def open_settings(qtbot: Any, console: Any) -> SettingsDialog:
    window = console.window
    trigger(qtbot, window, window.commands.settings)  # Settings > Settings… (Ctrl+,)
    dialog = wait_shown(qtbot, SettingsDialog)
    dialog.tabs.setCurrentWidget(dialog.shifts_page)
    return dialog


def test_a_manager_sets_the_shift_rules_in_settings(real_console: Any, qtbot: Any, arun: Any) -> None:
    console = real_console
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_settings(qtbot, console)
    page = dialog.shifts_page
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Shifts"
    assert page.warn_spin.value() == 24 and page.cashier_close_check.isChecked()
    assert page.bank_check_check.isChecked() and not page.payment_shift_check.isChecked()

    page.warn_spin.lineEdit().selectAll()
    qtbot.keyClick(page.warn_spin.lineEdit(), Qt.Key.Key_Delete)  # emptied: no number of hours
    assert not dialog.save_button.isEnabled()
    assert dialog.hint_label.text() == "Type the hours after which an open shift is warned about: 1 to 72."
    qtbot.keyClicks(page.warn_spin.lineEdit(), "99")  # beyond the bound: the 9s after the first don't go in
    assert page.warn_spin.value() <= 72
    page.warn_spin.lineEdit().selectAll()
    qtbot.keyClicks(page.warn_spin.lineEdit(), "12")
    assert dialog.save_button.isEnabled() and dialog.hint_label.isHidden()
    for box in (page.cashier_close_check, page.bank_check_check, page.payment_shift_check):
        qtbot.mouseClick(box, LEFT, pos=QPoint(6, box.height() // 2))  # on its tick box
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not shown(SettingsDialog), timeout=SLOW)

    rules = arun(console.ctx.shifts.rules())
    assert rules == ShiftRules(
        12, cashier_may_close=False, bank_check_required=False, payment_needs_shift=True
    )

    again = open_settings(qtbot, console)  # shown as saved
    assert again.shifts_page.warn_spin.value() == 12 and again.shifts_page.payment_shift_check.isChecked()
    assert not again.shifts_page.cashier_close_check.isChecked()
    assert not again.shifts_page.bank_check_check.isChecked()
    again.reject()
    qtbot.waitUntil(lambda: not shown(SettingsDialog), timeout=SLOW)

    window = console.window
    qtbot.waitUntil(window.commands.new_payment.isEnabled, timeout=SLOW)
    window.commands.new_payment.trigger()  # F2
    screen = console.controller.checkout
    qtbot.waitUntil(lambda: console.controller.checkout_window.isVisible(), timeout=SLOW)
    screen.form.amount_edit.setText("1 500")
    qtbot.keyClick(screen.form.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "open a shift first" in screen.form.error_label.text(), timeout=SLOW)
    assert "(Shift → Open shift)" in screen.form.error_label.text()
    assert screen.currentWidget() is screen.form and screen.form.amount_edit.text().startswith(
        "1 500"
    )  # kept
    assert screen.payment is None
