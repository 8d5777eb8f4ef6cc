"""Refunds where the shop works in shifts (decision 0132), the way a person meets it on the REAL console
(open_app + AppController + MainWindow, real services on a fresh SQLite database; the gateway is never
reached): with no shift open at the counter, Ctrl+R opens the Refund dialog already saying to open a
shift first, OK and the manager's PIN disabled; after Shift > Open shift the dialog takes the refund;
and when the shift is closed from another computer while the dialog is open, OK says so again before
the manager's approval is asked, so no approval is given."""

from __future__ import annotations

from typing import Any

from epay_desktop.app import store_of
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain.settings_catalog import SHIFT_BANK_CHECK, SHIFT_FOR_PAYMENT
from epay_desktop.ui.money.refund_dialog import RefundDialog
from tests.support.builders import stored_payment
from tests.support.live_console import CASHIER, CASHIER_PIN, MANAGER, MANAGER_PIN, open_refund, trigger
from tests.support.windows import shown, wait_shown
from tests.ui.test_shifts_from_menu import open_shift

SLOW = 15_000
SAID = "open a shift first (Shift → Open shift), then make this refund. Nothing was sent to the bank."


def test_a_refund_waits_for_the_counters_shift(real_console: Any, qtbot: Any, arun: Any) -> None:
    console = real_console
    store = store_of(console.ctx)

    def rules(tx: Any) -> None:  # as a manager saves them in Settings > Shifts
        tx.settings.set(SHIFT_FOR_PAYMENT.name, "yes")
        tx.settings.set(SHIFT_BANK_CHECK.name, "no")

    arun(store.run_write(rules))
    now = console.ctx.clock()
    paid = stored_payment(
        store, 275_079_640, "12500", at=now, status=ConsoleStatus.CHARGE, description="Торт"
    )
    console.log_in(CASHIER, CASHIER_PIN)
    window = console.window

    dialog = open_refund(qtbot, window, paid.invoice_id)  # the payment opened, Ctrl+R
    assert SAID in dialog.hint_label.text() and dialog.hint_label.isVisible()  # at once, before any PIN
    assert not dialog.ok_button.isEnabled() and dialog.approval is not None
    assert not dialog.approval.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: not shown(RefundDialog), timeout=SLOW)

    open_shift(qtbot, console)  # Shift > Open shift…, as the words say
    trigger(qtbot, window, window.commands.refund)  # Ctrl+R on the payment still open
    dialog = wait_shown(qtbot, RefundDialog)
    assert SAID not in dialog.hint_label.text() and dialog.approval.isEnabled()
    arun(console.ctx.shifts.close(console.manager, check_bank=False))  # closed at another computer meanwhile
    dialog.approval.manager_edit.setText(MANAGER)
    dialog.approval.pin_edit.setText(MANAGER_PIN)
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=SLOW)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: SAID in dialog.hint_label.text() and not dialog.busy, timeout=SLOW)
    assert not dialog.ok_button.isEnabled() and dialog.isVisible()

    def approvals(tx: Any) -> list[str]:
        return [e.action for e in tx.audit.entries() if e.action.startswith(("approval.", "refund."))]

    assert arun(store.run_read(approvals)) == []  # the manager was not asked: no approval, no refund
    dialog.reject()
