"""The money dialogs and the Users window opened the way a person opens them, on the REAL console
(open_app + AppController + MainWindow, real services on a fresh SQLite database; the gateway is never
reached): Ctrl+R / Charge / Cancel name the invoice and amount in the title; wrong manager PINs in the
approval box pause approvals at this counter and never lock the manager's login; a manager unlocks a
locked cashier from Settings > Users (issue 7, points 1 and 3; decision 0020)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt

from epay_desktop.app import store_of
from epay_desktop.domain import AccountLocked
from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.ui.money.cancel_dialog import CancelDialog
from epay_desktop.ui.money.charge_dialog import ChargeDialog
from epay_desktop.ui.users.users_dialog import UsersDialog
from tests.support.builders import stored_payment
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import open_refund
from tests.support.windows import shown
from tests.support.windows import wait_shown

LEFT = Qt.MouseButton.LeftButton
SLOW = 15_000


@pytest.fixture
def console(real_console: Any) -> Any:
    """The real console, nobody logged in (tests/ui/conftest.py ``real_console``)."""
    return real_console


def seed(console: Any, arun: Any, number: int, amount: str, status: ConsoleStatus) -> InvoiceId:
    """A payment the gateway reported as ``status``, written straight to the store."""
    now, manager = console.ctx.clock(), console.manager.id
    store = store_of(console.ctx)
    return stored_payment(
        store, number, amount, at=now, status=status, created_by=manager, description="Торт"
    ).invoice_id


def test_ctrl_r_wrong_pins_pause_the_counter_and_never_lock_the_manager(
    console: Any, qtbot: Any, arun: Any
) -> None:
    invoice = seed(console, arun, 275_079_626, "12500", ConsoleStatus.CHARGE)
    console.log_in(CASHIER, CASHIER_PIN)
    window = console.window
    dialog = open_refund(qtbot, window, invoice)  # the payment opened, Ctrl+R
    assert dialog.windowTitle() == "Refund \u2014 invoice 275079626, 12\u202f500,00\u00a0\u20b8"
    box = dialog.approval
    box.manager_edit.setText(MANAGER)
    place = box.pin_edit.mapTo(dialog, QPoint(0, 0))
    said = []
    for _ in range(5):
        qtbot.keyClicks(box.pin_edit, "0000")
        qtbot.keyClick(box.pin_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: box.has_error() and not dialog.busy, timeout=SLOW)
        said.append(box.error_label.text())
        assert dialog.focusWidget() is box.pin_edit and box.pin_edit.text() == ""
        assert box.pin_edit.mapTo(dialog, QPoint(0, 0)) == place
    assert said[0] == "Wrong manager name or PIN. 4 tries left before approvals pause for 5 minutes."
    assert said[3] == "Wrong manager name or PIN. 1 try left before approvals pause for 5 minutes."
    assert "approvals at this counter are paused for 5 min (until " in said[4]
    qtbot.keyClicks(box.pin_edit, MANAGER_PIN)  # even the right PIN waits out the pause
    qtbot.keyClick(box.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.has_error() and not dialog.busy, timeout=SLOW)
    assert "paused for 5 more min" in box.error_label.text()
    assert dialog.isVisible()
    dialog.reject()

    def audit(tx: Any) -> list[tuple[str, str]]:
        return [(e.action, e.details) for e in tx.audit.entries() if e.action.startswith("approval.")]

    actions = [a for a, _ in arun(store_of(console.ctx).run_read(audit))]
    assert actions == ["approval.failed"] * 5 + ["approval.paused"] * 2 + ["approval.refused"]
    manager = arun(console.ctx.users.authenticate(MANAGER, MANAGER_PIN))
    assert manager.failed_attempts == 0 and manager.locked_until is None
    refused = json.loads(arun(store_of(console.ctx).run_read(audit))[-1][1])
    assert refused["reason"] == "paused" and refused["register"] == console.ctx.store_settings.register_id


def test_charge_and_cancel_name_the_invoice_and_amount(console: Any, qtbot: Any, arun: Any) -> None:
    invoice = seed(console, arun, 275_079_627, "3000", ConsoleStatus.AUTH)
    console.log_in(MANAGER, MANAGER_PIN)
    window = console.window
    window.open_payment(invoice)
    qtbot.waitUntil(window.commands.charge.isEnabled, timeout=SLOW)
    for action, kind, what in (
        (window.commands.charge, ChargeDialog, "Charge a held payment"),
        (window.commands.cancel, CancelDialog, "Cancel a held payment"),
    ):
        action.trigger()
        dialog = wait_shown(qtbot, kind)
        assert dialog.windowTitle() == f"{what} \u2014 invoice 275079627, 3\u202f000,00\u00a0\u20b8"
        dialog.reject()
        qtbot.waitUntil(lambda kind=kind: not shown(kind), timeout=SLOW)
        qtbot.waitUntil(action.isEnabled, timeout=SLOW)


def test_a_manager_unlocks_a_locked_cashier_from_the_users_window(
    console: Any, qtbot: Any, arun: Any
) -> None:
    for _ in range(10):  # ten wrong log-ins lock the cashier (LoginPolicy)
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            arun(console.ctx.users.authenticate(CASHIER, "0000"))
    with pytest.raises(AccountLocked):
        arun(console.ctx.users.authenticate(CASHIER, CASHIER_PIN))
    console.log_in(MANAGER, MANAGER_PIN)
    console.window.commands.users.trigger()  # Settings > Users…
    dialog = wait_shown(qtbot, UsersDialog)
    admin = dialog.admin
    qtbot.waitUntil(lambda: admin.model.rowCount() == 2 and not admin.busy)
    row = next(r for r in range(admin.model.rowCount()) if admin.model.user_at(r).name == CASHIER)
    assert admin.model.index(row, 2).data().startswith("locked until ")
    admin.table.selectRow(1 - row)  # the manager: not locked, nothing to unlock
    assert (
        not admin.unlock_button.isEnabled() and admin.unlock_button.toolTip() == "This account is not locked."
    )
    admin.table.selectRow(row)
    assert admin.unlock_button.isEnabled()
    qtbot.mouseClick(admin.unlock_button, LEFT)
    qtbot.waitUntil(lambda: not admin.busy and "is unlocked" in admin.message_label.text(), timeout=SLOW)
    assert admin.model.index(row, 2).data() == "active"
    assert arun(console.ctx.users.authenticate(CASHIER, CASHIER_PIN)).name == CASHIER

    def unlocked(tx: Any) -> list[tuple[int | None, str]]:
        return [(e.actor_id, e.subject) for e in tx.audit.entries() if e.action == "user.unlocked"]

    cashier = next(u for u in arun(console.ctx.users.list_users(console.manager)) if u.name == CASHIER)
    assert arun(store_of(console.ctx).run_read(unlocked)) == [(console.manager.id, f"user:{cashier.id}")]
    dialog.reject()
