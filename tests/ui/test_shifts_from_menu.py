"""The Shift menu reached the way a person does (issue 13 item 4; decision 0112), on the REAL console
(open_app + AppController + MainWindow, real services on a fresh SQLite database, no gateway):

* Open shift: one confirmation, then the status bar says "Shift 1 open since HH:MM" and the menu
  follows (Open disabled with the reason, X and Close enabled);
* X report (figures only) in the report window; nothing closed;
* a cashier's close: refused without a manager (OK disabled, saying why), a wrong PIN said under the
  PIN, another cashier's PIN refused, the manager's PIN accepted: the Z report is shown, the close is
  the manager's with the cashier as the one who asked, the status bar says no shift is open;
* the shop's rules: only a manager closes (a cashier's Close shift says so), the bank check skipped;
* another computer of the register closing the shift meanwhile: the periodic read notices; a close
  then says so;
* a shift open 24 hours: the status bar warns (the services' clock moved on; the periodic read);
* the history lists the register's shifts and opens a closed one's Z report.

The bank check with a slow bank (progress, Cancel) is in tests/e2e/test_console_shifts.py.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from epay_desktop.domain import Role
from epay_desktop.ui.common.screen_fit import needed_height
from epay_desktop.ui.shifts.bank_progress import BankCheckDialog
from epay_desktop.ui.shifts.close_dialog import CloseShiftDialog
from epay_desktop.ui.shifts.report_view import ShiftReportDialog
from tests.support.clock import Clock
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import trigger
from tests.support.windows import shown
from tests.support.windows import wait_shown

LEFT = Qt.MouseButton.LeftButton
SLOW = 15_000
Button = QMessageBox.StandardButton


@pytest.fixture
def real_console_clock() -> Clock:
    """The services' clock, moved on by the 24-hour test (the real time at first)."""
    return Clock()


def box_titled(qtbot: Any, title: str) -> QMessageBox:
    """The message box with ``title`` once it is shown."""

    def boxes() -> list[QMessageBox]:
        return [b for b in shown(QMessageBox) if b.windowTitle() == title]

    qtbot.waitUntil(lambda: bool(boxes()), timeout=SLOW)
    return boxes()[0]


def press(qtbot: Any, box: QMessageBox, button: Button) -> None:
    qtbot.mouseClick(box.button(button), LEFT)


def shift_text(console: Any) -> str:
    label = console.window.status_bar.shift_label
    return label.text() if label.isVisible() else ""


def open_shift(qtbot: Any, console: Any) -> None:
    """Shift > Open shift…, confirmed: the status bar says it is open."""
    window = console.window
    qtbot.waitUntil(window.commands.shift_open.isEnabled, timeout=SLOW)
    trigger(qtbot, window, window.commands.shift_open)
    press(qtbot, box_titled(qtbot, "Open shift"), Button.Ok)
    qtbot.waitUntil(lambda: shift_text(console).startswith("Shift "), timeout=SLOW)


def signed_in_with_a_shift(qtbot: Any, console: Any, name: str = CASHIER, pin: str = CASHIER_PIN) -> None:
    console.log_in(name, pin)
    open_shift(qtbot, console)


def close_step(qtbot: Any, console: Any, name: str, pin: str) -> CloseShiftDialog:
    """``name`` signs in, opens a shift and chooses Shift > Close shift: its close step."""
    signed_in_with_a_shift(qtbot, console, name, pin)
    commands = console.window.commands
    qtbot.waitUntil(commands.shift_close.isEnabled, timeout=SLOW)
    if name == MANAGER:  # a manager closes without anyone else: nothing more to say
        assert "\n" not in commands.shift_close.toolTip()
    trigger(qtbot, console.window, commands.shift_close)
    return wait_shown(qtbot, CloseShiftDialog)


def test_opening_a_shift_shows_it_in_the_status_bar_and_the_menu_follows(
    console: Any, qtbot: Any, arun: Any
) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    window, commands = console.window, console.window.commands
    qtbot.waitUntil(lambda: shift_text(console) == "No shift open", timeout=SLOW)
    assert not commands.shift_x.isEnabled() and "No shift is open" in commands.shift_x.toolTip()
    assert not commands.shift_close.isEnabled() and "No shift is open" in commands.shift_close.statusTip()

    trigger(qtbot, window, commands.shift_open)  # changed their mind: nothing is opened
    press(qtbot, box_titled(qtbot, "Open shift"), Button.Cancel)
    qtbot.waitUntil(commands.shift_open.isEnabled, timeout=SLOW)
    assert arun(console.ctx.shifts.current()) is None

    open_shift(qtbot, console)
    shift = arun(console.ctx.shifts.current())
    assert shift is not None and shift.number == 1
    since = window.status_bar.shift_label.text()
    assert since.startswith("Shift 1 open since ") and len(since.rsplit(" ", 1)[1]) == 5  # HH:MM
    assert "Shift 1 opened at" in window.statusBar().currentMessage()
    qtbot.waitUntil(commands.shift_x.isEnabled, timeout=SLOW)
    assert not commands.shift_open.isEnabled()
    assert "Shift 1 is open: close it before opening another." in commands.shift_open.toolTip()
    assert "A manager signs in" in commands.shift_close.toolTip()  # a cashier's close needs a manager


def test_the_x_report_shows_the_figures_and_closes_nothing(console: Any, qtbot: Any, arun: Any) -> None:
    signed_in_with_a_shift(qtbot, console)
    trigger(qtbot, console.window, console.window.commands.shift_x)
    press(qtbot, box_titled(qtbot, "X report"), Button.No)  # figures only
    report = wait_shown(qtbot, ShiftReportDialog)
    assert report.report.kind.value == "X" and report.report.bank is None
    assert report.windowTitle().startswith("X report")
    report.accept()
    assert arun(console.ctx.shifts.current()) is not None


def test_a_cashier_closes_with_a_manager_pin_and_the_z_report_is_shown(
    console: Any, qtbot: Any, arun: Any
) -> None:
    dialog = close_step(qtbot, console, CASHIER, CASHIER_PIN)
    commands = console.window.commands
    approval = dialog.approval
    assert approval.isVisible() and not dialog.ok_button.isEnabled()  # refused without a manager
    assert "A manager must type their name and PIN" in dialog.hint_label.text()

    approval.manager_edit.setText(MANAGER)
    qtbot.keyClicks(approval.pin_edit, "9999")  # a wrong PIN: said under the PIN, nothing closed
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(approval.has_error, timeout=SLOW)
    assert approval.pin_edit.text() == "" and dialog.isVisible()
    assert arun(console.ctx.shifts.current()) is not None

    approval.manager_edit.setText(CASHIER)  # a cashier's own PIN is no manager's
    qtbot.keyClicks(approval.pin_edit, CASHIER_PIN)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: "is not a manager" in approval.error_label.text(), timeout=SLOW)
    assert dialog.isVisible() and arun(console.ctx.shifts.current()) is not None

    approval.manager_edit.setText(MANAGER)
    qtbot.keyClicks(approval.pin_edit, MANAGER_PIN)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    report = wait_shown(qtbot, ShiftReportDialog)
    z = report.report
    assert z.kind.value == "Z" and z.bank is not None and z.bank.total == 0 and z.anchor is not None
    assert z.closed_by_name == MANAGER
    assert z.shift.close_requested_by == console.controller.session.user.id
    qtbot.waitUntil(lambda: shift_text(console) == "No shift open", timeout=SLOW)  # said before it is closed
    report.accept()
    assert arun(console.ctx.shifts.current()) is None
    qtbot.waitUntil(commands.shift_open.isEnabled, timeout=SLOW)
    assert not commands.shift_close.isEnabled()


def test_after_a_wrong_pin_the_dialog_fits_its_texts_and_the_pin_field_takes_the_retyped_pin(
    console: Any, qtbot: Any, arun: Any
) -> None:
    dialog = close_step(qtbot, console, CASHIER, CASHIER_PIN)
    approval = dialog.approval
    explain = approval.explain_label
    approval.manager_edit.setText(MANAGER)
    qtbot.keyClicks(approval.pin_edit, "9999")
    qtbot.waitUntil(lambda: dialog.height() >= needed_height(dialog), timeout=SLOW)  # laid out
    height_before = dialog.height()
    qtbot.keyClick(approval.pin_edit, Qt.Key.Key_Return)  # Enter: the close's button
    qtbot.waitUntil(approval.has_error, timeout=SLOW)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is approval.pin_edit, timeout=SLOW)
    assert approval.error_label.isVisible() and dialog.height() > height_before  # grown for the error
    qtbot.waitUntil(lambda: explain.height() >= explain.heightForWidth(explain.width()), timeout=SLOW)
    assert approval.error_label.height() >= approval.error_label.heightForWidth(approval.error_label.width())

    typed_into = QApplication.focusWidget()  # where the person's keys now go, no click first
    assert typed_into is not None
    qtbot.keyClicks(typed_into, MANAGER_PIN)
    assert not approval.has_error()  # typing again takes the error away; the dialog goes back
    qtbot.waitUntil(lambda: not approval.error_label.isVisible(), timeout=SLOW)
    assert dialog.height() == height_before, (dialog.height(), height_before, needed_height(dialog))
    qtbot.keyClick(typed_into, Qt.Key.Key_Return)
    report = wait_shown(qtbot, ShiftReportDialog)
    assert report.report.kind.value == "Z" and report.report.closed_by_name == MANAGER
    report.accept()
    assert arun(console.ctx.shifts.current()) is None


def test_a_manager_closes_after_one_confirmation(console: Any, qtbot: Any, arun: Any) -> None:
    dialog = close_step(qtbot, console, MANAGER, MANAGER_PIN)
    assert not dialog.approval.isVisible() and dialog.ok_button.isEnabled()
    assert not dialog.check_box.isVisible()  # the shop's rules: the bank check runs at every close
    qtbot.mouseClick(dialog.ok_button, LEFT)
    report = wait_shown(qtbot, ShiftReportDialog)
    assert report.report.kind.value == "Z" and report.report.closed_by_name == MANAGER
    report.accept()
    assert arun(console.ctx.shifts.current()) is None


def test_the_shops_rules_decide_who_closes_and_whether_the_bank_is_asked(
    console: Any, qtbot: Any, arun: Any
) -> None:
    shop = console.ctx.shop_settings
    profile = arun(shop.load())
    arun(shop.save(console.manager, replace(profile, shift_cashier_close="no", shift_bank_check="no")))
    signed_in_with_a_shift(qtbot, console)
    close = console.window.commands.shift_close
    qtbot.waitUntil(lambda: "only a manager close a shift" in close.toolTip(), timeout=SLOW)
    assert not close.isEnabled()

    console.controller.session.log_out()
    console.log_in(MANAGER, MANAGER_PIN)
    qtbot.waitUntil(close.isEnabled, timeout=SLOW)
    trigger(qtbot, console.window, close)
    dialog = wait_shown(qtbot, CloseShiftDialog)
    assert dialog.check_box.isVisible() and dialog.check_box.isChecked()  # may be skipped; asked by default
    dialog.check_box.setChecked(False)
    assert "not checked with the bank" in dialog.intro_label.text()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    report = wait_shown(qtbot, ShiftReportDialog)
    assert report.report.kind.value == "Z" and report.report.bank is None  # the Z report says so
    assert not shown(BankCheckDialog)
    report.accept()
    assert arun(console.ctx.shifts.current()) is None


def test_a_close_elsewhere_is_noticed_and_said(console: Any, qtbot: Any, arun: Any) -> None:
    dialog = close_step(qtbot, console, MANAGER, MANAGER_PIN)
    arun(console.ctx.shifts.close(console.manager))  # another computer of this register, meanwhile
    qtbot.mouseClick(dialog.ok_button, LEFT)
    box = wait_shown(qtbot, QMessageBox)
    assert box.windowTitle() == "No open shift" and "closed meanwhile on another computer" in box.text()
    box.accept()
    qtbot.waitUntil(lambda: shift_text(console) == "No shift open", timeout=SLOW)
    assert not shown(ShiftReportDialog)

    arun(console.ctx.shifts.open(console.manager))  # opened elsewhere, closed elsewhere: the minute's read
    console.controller.shifts.refresh_timer.setInterval(50)
    qtbot.waitUntil(lambda: shift_text(console).startswith("Shift 2 open since"), timeout=SLOW)
    arun(console.ctx.shifts.close(console.manager))
    qtbot.waitUntil(lambda: shift_text(console) == "No shift open", timeout=SLOW)


def test_a_shift_open_24_hours_is_warned_in_the_status_bar(
    console: Any, qtbot: Any, real_console_clock: Clock
) -> None:
    signed_in_with_a_shift(qtbot, console)
    label = console.window.status_bar.shift_label
    real_console_clock.advance(hours=23, minutes=59)
    console.controller.shifts.refresh_timer.setInterval(50)  # a minute passes quicker in a test
    qtbot.waitUntil(lambda: console.controller.shifts.reads >= 3, timeout=SLOW)
    assert label.text().startswith("Shift 1 open since")  # not yet
    real_console_clock.advance(minutes=1)
    qtbot.waitUntil(lambda: label.text() == "⚠ Shift 1 open 24 h", timeout=SLOW)
    assert "has been open since" in label.toolTip() and "Close shift" in label.toolTip()
    assert "background" in label.styleSheet()  # a badge a cashier notices, not the quiet grey words


def test_the_history_opens_a_closed_shifts_z_report(console: Any, qtbot: Any, arun: Any) -> None:
    from epay_desktop.ui.shifts.history import ShiftHistoryDialog

    manager = console.manager
    arun(console.ctx.shifts.open(manager))
    z = arun(console.ctx.shifts.close(manager))
    arun(console.ctx.shifts.open(manager))
    console.log_in(CASHIER, CASHIER_PIN)  # anyone signed in reads the history
    trigger(qtbot, console.window, console.window.commands.shift_history)
    history = wait_shown(qtbot, ShiftHistoryDialog)
    shown_report = history_opens(qtbot, history, z.shift.number)
    assert shown_report.report.kind.value == "Z" and shown_report.report.shift.id == z.shift.id
    assert shown_report.report.anchor == z.anchor
    shown_report.accept()
    history.reject()


def history_opens(qtbot: Any, history: Any, number: int) -> ShiftReportDialog:
    """Open the shift numbered ``number`` from the history list as a person does (its row, Enter)."""
    table = history.table
    qtbot.waitUntil(lambda: table.model() is not None and table.model().rowCount() >= 2, timeout=SLOW)
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == str(number))
    table.setFocus()
    table.selectRow(row)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    return wait_shown(qtbot, ShiftReportDialog)


@pytest.fixture
def console(real_console: Any) -> Any:
    """The real console; ``manager`` is the manager account (another computer's person too)."""
    assert real_console.manager.role is Role.MANAGER
    return real_console
