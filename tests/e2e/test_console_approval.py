"""A cashier's refund on the real console and sandbox, approved by a manager who first mistypes the PIN:
the PIN field stays put and focused, the tries left are said, the right PIN then refunds; every try is
audited and the manager's own login is untouched (issue 7, point 3; decision 0020)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from epay_desktop.app import store_of
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.ui.money.refund_dialog import RefundDialog
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import open_refund

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000


def test_cashier_refund_with_a_wrong_then_right_manager_pin(console: Any, qtbot: Any) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    invoice = console.paid(Money(1_250_000))
    window = console.window
    dialog = open_refund(qtbot, window, invoice, SLOW)  # the payment opened, Ctrl+R
    assert dialog.windowTitle() == f"Refund \u2014 invoice {invoice.value}, 12\u202f500,00\u00a0\u20b8"
    box = dialog.approval
    assert box is not None
    box.manager_edit.setText(MANAGER)  # QTest.keyClicks aborts on Cyrillic: pasted
    qtbot.keyClicks(box.pin_edit, "0000")
    place = box.pin_edit.mapTo(dialog, QPoint(0, 0))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.has_error() and not dialog.busy, timeout=SLOW)
    assert box.error_label.text() == (
        "Wrong manager name or PIN. 4 tries left before approvals pause for 5 minutes."
    )
    assert box.pin_edit.mapTo(dialog, QPoint(0, 0)) == place and box.pin_edit.text() == ""
    assert dialog.focusWidget() is box.pin_edit
    qtbot.keyClicks(box.pin_edit, MANAGER_PIN)
    assert not box.has_error()  # gone as soon as typing resumed
    qtbot.keyClick(box.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not console.dialogs(RefundDialog), timeout=SLOW)

    view = console.arun(console.ctx.queries.get_view(invoice))
    refunds = [op for op in view.operations if op.kind is OpKind.REFUND]
    assert [(op.state, op.amount) for op in refunds] == [(OpState.SUCCEEDED, Money(1_250_000))]
    assert console.ledger(invoice.value).payout_amount == 1_250_000
    offer = console.wait_dialog(QMessageBox)
    offer.reject()

    def approvals(tx: Any) -> list[tuple[str, dict[str, Any]]]:
        return [
            (e.action, json.loads(e.details)) for e in tx.audit.entries() if e.action.startswith("approval.")
        ]

    entries = console.arun(store_of(console.ctx).run_read(approvals))
    assert [action for action, _ in entries] == ["approval.failed", "approval.given", "approval.used"]
    failed = entries[0][1]
    register = console.ctx.store_settings.register_id
    assert failed["register"] == register and failed["tries_left"] == 4 and failed["known_name"]
    manager = console.arun(console.ctx.users.authenticate(MANAGER, MANAGER_PIN))  # never locked
    assert manager.failed_attempts == 0 and refunds[0].approved_by == manager.id
