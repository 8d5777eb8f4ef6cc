"""Issue 11, "Strict input, said plainly", in the console a person uses: the real main window over real
services (tests/ui/conftest.py ``real_console``; the gateway is never reached). New payment (F2), the
refund dialog (Ctrl+R), Settings > Users and the list's date filter, each opened the way a person
opens it: a description over the bank's 125 bytes is flagged while typed and refused at submit (never
cut); an amount the command line refuses is refused here by the same parser, saying why; a refund
reason with a control or text-direction character keeps OK disabled and says where; a user name with
a look-alike letter is refused; the date filter cannot go outside 2000..2100."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from epay_desktop.app import store_of
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.ui.users.users_dialog import UsersDialog
from tests.support.builders import stored_payment
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import open_refund
from tests.support.windows import wait_shown

SLOW = 15_000
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def console(real_console: Any) -> Any:
    return real_console


def _payments(console: Any, arun: Any) -> int:
    return int(arun(store_of(console.ctx).run_read(lambda tx: len(tx.payments.search(limit=100)))))


def _new_payment_form(console: Any, qtbot: Any) -> Any:
    console.log_in(MANAGER, MANAGER_PIN)
    window = console.window
    qtbot.waitUntil(window.commands.new_payment.isEnabled, timeout=SLOW)
    window.commands.new_payment.trigger()  # F2
    checkout = console.controller.checkout_window
    qtbot.waitUntil(checkout.isVisible, timeout=SLOW)
    return checkout.sale.form


def test_new_payment_f2_refuses_a_long_or_hidden_description_and_odd_amounts(
    console: Any, qtbot: Any, arun: Any
) -> None:
    """One New payment window (F2) through the Why cases, in order; nothing is created by any."""
    form = _new_payment_form(console, qtbot)
    before = _payments(console, arun)
    got: list[Any] = []
    form.submitted.connect(got.append)
    # a description over the bank's 125 bytes: flagged while typed, refused at submit, never cut
    form.amount_edit.setText("1 500")
    long_text = "Торт " * 25 + "!"  # 126 characters, 226 bytes: the old field cut it at 125 characters
    form.description_edit.setText(long_text)
    assert form.description_edit.text() == long_text  # nothing cut
    assert "226 bytes, the bank takes at most 125" in form.error_label.text()  # flagged while typed
    form.submit_button.click()
    assert "at most 125" in form.error_label.text()
    assert form.window().focusWidget() is form.description_edit  # the field to fix
    form.description_edit.setText("Торт")
    assert form.error_label.text() == ""  # the flag goes when the text fits
    # a text-direction control in the description
    form.description_edit.setText("Cake\u202egnp.exe")
    assert "text-direction character (U+202E) at position 5" in form.error_label.text()
    form.submit_button.click()
    form.description_edit.clear()
    # amounts the command line refuses are refused here by the same parser
    for pasted in ("1e3", "1e-2", "1_000", "+5", "\uff11\uff10\uff10", "\u0661\u0660\u0660", "\u0967\u0966"):
        form.amount_edit.clear()
        form.amount_edit.insert(pasted)  # a paste: validated like typing
        assert form.amount_edit.text() == "" and form.amount_edit.value() is None, pasted
    form.amount_edit.clear()
    qtbot.keyClicks(form.amount_edit, "1e")  # the "e" does not get in, and the form says why
    assert form.amount_edit.text() == "1"
    assert "only digits 0-9, group spaces and one decimal mark" in form.error_label.text()
    assert "Write it like 1500, 1500.50, 1 500,50" in form.error_label.text()
    form.amount_edit.clear()
    QApplication.clipboard().setText("\uff11\uff10\uff10")
    qtbot.keyClick(form.amount_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # Ctrl+V
    assert form.amount_edit.text() == "" and "not 0-9 (U+FF11)" in form.error_label.text()
    qtbot.keyClicks(form.amount_edit, "1 50")
    form.submit_button.click()
    assert "spaces that do not separate groups of three digits" in form.error_label.text()
    assert got == [] and _payments(console, arun) == before
    form.amount_edit.setText("1\u00a0500,50")  # Qt's kk/ru locale group space: taken
    assert form.amount_edit.value() == Money(150_050)


def _charged(console: Any, arun: Any) -> InvoiceId:
    """Payment 275079700 of 5000, paid, written straight to the store."""
    now, manager = console.ctx.clock(), console.manager.id
    paid = stored_payment(
        store_of(console.ctx), 275_079_700, "5000", at=now, created_by=manager, description="Торт"
    )
    return paid.invoice_id


def test_refund_reason_with_a_control_character_keeps_ok_disabled(
    console: Any, qtbot: Any, arun: Any
) -> None:
    invoice = _charged(console, arun)
    console.log_in(MANAGER, MANAGER_PIN)
    window = console.window
    dialog = open_refund(qtbot, window, invoice)  # the payment opened, Ctrl+R
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("other"))
    dialog.other_edit.setText("broken\x1b[2J\x07")
    assert not dialog.ok_button.isEnabled()
    assert "control character (U+001B) at position 7" in dialog.ok_button.toolTip()
    dialog.other_edit.setText("x" * 194)  # "other: " + 194 > 200: refused, not cut
    assert dialog.other_edit.text() == "x" * 194
    assert not dialog.ok_button.isEnabled() and "at most 193" in dialog.ok_button.toolTip()
    dialog.other_edit.setText("the cake was stale")
    assert dialog.ok_button.isEnabled()
    dialog.partial_radio.setChecked(True)
    dialog.amount_edit.insert("1e2")
    assert dialog.amount_edit.text() == "" and not dialog.ok_button.isEnabled()
    dialog.reject()


def test_users_window_refuses_a_name_with_a_look_alike_letter(console: Any, qtbot: Any, arun: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    console.window.commands.users.trigger()  # Settings > Users…
    dialog = wait_shown(qtbot, UsersDialog)
    admin = dialog.admin
    qtbot.waitUntil(lambda: admin.model.rowCount() == 2 and not admin.busy, timeout=SLOW)

    def add(name: str) -> None:
        admin.name_edit.setText(name)
        admin.pin_edit.setText("5555")
        admin.pin_again_edit.setText("5555")
        qtbot.mouseClick(admin.add_button, LEFT)
        qtbot.waitUntil(lambda: not admin.busy, timeout=SLOW)

    add("Д\u0061нияр")  # a Latin "a" in place of the Cyrillic one
    qtbot.waitUntil(lambda: "looks like the existing user" in admin.message_label.text(), timeout=SLOW)
    add("Әлия")  # a different Kazakh name: added
    qtbot.waitUntil(lambda: admin.model.rowCount() == 3, timeout=SLOW)
    names = {u.name for u in arun(console.ctx.users.list_users(console.manager))}
    assert names == {MANAGER, "Айгерим", "Әлия"}
    dialog.reject()


def test_the_list_date_filter_stays_within_2000_to_2100(console: Any, qtbot: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    bar = console.window.payments_view.filters
    for edit in (bar.date_from, bar.date_to):
        assert edit.minimumDate() == QDate(2000, 1, 1) and edit.maximumDate() == QDate(2100, 12, 31)
        edit.setDate(QDate(1, 1, 1))
        assert edit.date() == QDate(2000, 1, 1)
        edit.setDate(QDate(9999, 12, 31))
        assert edit.date() == QDate(2100, 12, 31)
