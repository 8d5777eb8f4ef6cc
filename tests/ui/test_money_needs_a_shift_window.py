"""Refunds, charges and cancels where the shop works in shifts (decision 0132), the way a person meets it
on the REAL console (open_app + AppController + MainWindow, real services on a fresh SQLite database; the
gateway is never reached): with no shift open at the counter, Ctrl+R (Refund), Payment > Charge hold… and
Payment > Cancel hold… open their dialogs already saying to open a shift first, OK and the manager's PIN
disabled; after Shift > Open shift each dialog takes the operation; and when the shift is closed from
another computer while the dialog is open, OK says so again before the manager's approval is asked, so
no approval is given, and the status bar and the Shift menu say at once that the shift is closed, with no
minute's read (decision 0167)."""

from __future__ import annotations

from typing import Any

from epay_desktop.app import store_of
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain.settings_catalog import SHIFT_BANK_CHECK
from epay_desktop.domain.settings_catalog import SHIFT_FOR_PAYMENT
from epay_desktop.ui.money.cancel_dialog import CancelDialog
from epay_desktop.ui.money.charge_dialog import ChargeDialog
from epay_desktop.ui.money.refund_dialog import RefundDialog
from tests.support.builders import stored_payment
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import open_refund
from tests.support.live_console import trigger
from tests.support.windows import shown
from tests.support.windows import wait_shown
from tests.ui.test_shifts_from_menu import open_shift
from tests.ui.test_shifts_from_menu import shift_text

SLOW = 15_000
NOTHING_SENT = "then make this {kind}. Nothing was sent to the bank."


def said(kind: str) -> str:
    return "open a shift first (Shift → Open shift), " + NOTHING_SENT.format(kind=kind)


def test_a_refund_a_charge_and_a_cancel_wait_for_the_counters_shift(
    real_console: Any, qtbot: Any, arun: Any
) -> None:
    """One console for the three dialogs (they share MoneyOpDialog's check; decision 0132): Ctrl+R on
    a paid payment, Payment > Charge hold… and Payment > Cancel hold… on a held one."""
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
    held = stored_payment(store, 275_079_641, "4000", at=now, status=ConsoleStatus.AUTH, description="Бронь")
    console.log_in(CASHIER, CASHIER_PIN)
    window = console.window
    commands = window.commands
    cases = (  # (the dialog, the payment, its command, the kind as the sentence names it)
        (RefundDialog, paid, commands.refund, "refund"),
        (ChargeDialog, held, commands.charge, "charge"),
        (CancelDialog, held, commands.cancel, "cancellation"),
    )

    def opened(dialog_type: type[Any], payment: Any, action: Any) -> Any:
        """The payment opened and its command chosen (Ctrl+R, or its Payment menu item): its dialog."""
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=SLOW)
        if action is commands.refund:
            return open_refund(qtbot, window, payment.invoice_id)
        window.open_payment(payment.invoice_id)
        qtbot.waitUntil(action.isEnabled, timeout=SLOW)
        trigger(qtbot, window, action)  # no key: its Payment menu item, chosen with Enter
        return wait_shown(qtbot, dialog_type)

    for dialog_type, payment, action, kind in cases:  # no shift: refused at once, before any PIN
        dialog = opened(dialog_type, payment, action)
        qtbot.waitUntil(lambda d=dialog, k=kind: said(k) in d.hint_label.text(), timeout=SLOW)
        assert dialog.hint_label.isVisible() and not dialog.ok_button.isEnabled()
        assert dialog.approval is not None and not dialog.approval.isEnabled()
        dialog.reject()
        qtbot.waitUntil(lambda t=dialog_type: not shown(t), timeout=SLOW)

    def approvals(tx: Any) -> list[str]:
        return [
            e.action for e in tx.audit.entries() if e.action.startswith(("approval.", "refund.", "charge."))
        ]

    console.controller.shifts.refresh_timer.stop()  # no minute's read: only the refusal may tell (0167)
    for dialog_type, payment, action, kind in cases:  # the shift closed at another computer meanwhile
        open_shift(qtbot, console)  # Shift > Open shift…, as the words say
        dialog = opened(dialog_type, payment, action)
        assert said(kind) not in dialog.hint_label.text() and dialog.approval.isEnabled()
        arun(console.ctx.shifts.close(console.manager, check_bank=False))
        assert shift_text(console).startswith("Shift ") and commands.shift_close.isEnabled()  # not told yet
        dialog.approval.manager_edit.setText(MANAGER)
        dialog.approval.pin_edit.setText(MANAGER_PIN)
        qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=SLOW)
        dialog.ok_button.click()
        qtbot.waitUntil(lambda d=dialog, k=kind: said(k) in d.hint_label.text() and not d.busy, timeout=SLOW)
        assert not dialog.ok_button.isEnabled() and dialog.isVisible()
        assert arun(store.run_read(approvals)) == []  # the manager was not asked: no approval, nothing sent
        # the refusal read the shift again: the status bar and the Shift menu say it is closed (0167)
        qtbot.waitUntil(lambda: shift_text(console) == "No shift open", timeout=SLOW)
        assert commands.shift_open.isEnabled() and dialog.isVisible()
        assert not commands.shift_x.isEnabled() and not commands.shift_close.isEnabled()
        dialog.reject()
        qtbot.waitUntil(lambda t=dialog_type: not shown(t), timeout=SLOW)
