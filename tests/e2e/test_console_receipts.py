"""Refund receipts in the real console on the loopback sandbox: a refund the bank confirmed offers
its receipt (Enter prints it); Print (Ctrl+P) on a refunded payment asks which receipt, and a
refund receipt printed again comes back as a duplicate (the service decides)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from epay_desktop.domain import ConsoleStatus, InvoiceId, Money, OpKind, OpState
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.ui.dialogs.receipt_chooser import ReceiptChooser
from epay_desktop.ui.dialogs.refund_dialog import RefundDialog
from epay_desktop.ui.receipts_ui import ReceiptDialog

pytestmark = [pytest.mark.timeout(240)]

SLOW = 30_000
MANAGER, MANAGER_PIN = "Данияр", "2222"


def _paid(console: Any, amount: Money) -> InvoiceId:
    manager = console.controller.session.user
    session = console.arun(console.ctx.payments.create_payment(manager, amount, description="Торт"))
    invoice = session.payment.invoice_id
    answer = httpx.post(
        f"{console.sandbox.base_url}/sandbox/pay",
        json={"invoiceId": invoice.value, "pan": "5522042705066736", "expiry": "12/35", "cvc": "123"},
        timeout=10,
    )
    assert answer.json()["outcome"] == "approved"
    assert console.arun(console.ctx.payments.refresh_status(invoice)).status is ConsoleStatus.CHARGE
    return invoice


def test_refund_offers_its_receipt_and_print_asks_which(console: Any, qtbot: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    invoice = _paid(console, Money(250_000))
    window = console.window
    window.open_payment(invoice)
    qtbot.waitUntil(window.commands.refund.isEnabled, timeout=SLOW)
    window.commands.refund.trigger()  # Ctrl+R
    dialog = console.wait_dialog(RefundDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    offer = console.wait_dialog(QMessageBox)
    assert offer.objectName() == "refund_receipt_offer" and "2 500,00" in offer.text().replace("\u202f", " ")
    qtbot.keyClick(offer, Qt.Key.Key_Return)  # Enter = Print refund receipt
    first = console.wait_dialog(ReceiptDialog)
    view = console.arun(console.ctx.queries.get_view(invoice))
    refund = next(op for op in view.operations if op.kind is OpKind.REFUND)
    assert refund.state is OpState.SUCCEEDED
    assert first.record.kind is ReceiptKind.REFUND and first.record.money_op_id == refund.id
    assert first.pdf.startswith(b"%PDF")
    first.accept()
    qtbot.waitUntil(lambda: not console.dialogs(ReceiptDialog), timeout=SLOW)

    qtbot.waitUntil(window.commands.print_receipt.isEnabled, timeout=SLOW)
    window.commands.print_receipt.trigger()  # Ctrl+P
    chooser = console.wait_dialog(ReceiptChooser)
    assert [(c.kind, c.money_op_id) for c in chooser.choices()] == [("sale", None), ("refund", refund.id)]
    chooser.list.setCurrentRow(1)
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    again = console.wait_dialog(ReceiptDialog)
    assert again.record.kind is ReceiptKind.DUPLICATE and again.record.original_receipt_id == first.record.id
    again.accept()
