"""Refund receipts in the real console on the loopback sandbox: a refund the bank confirmed offers
its receipt (Enter opens the preview; Enter again prints it, issuing it only then); Print (Ctrl+P)
on a refunded payment asks which receipt, and a refund receipt printed again is previewed as a
duplicate and issued as one only when printed. The printed refund receipt names the refund, its
reason and the manager, says SANDBOX in large letters, thanks nobody for a purchase, and its QR
code, read back from the PDF, finds the payment when typed into the console's own search box."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.ui.money.refund_dialog import RefundDialog
from epay_desktop.ui.receipts.chooser import ReceiptChooser
from epay_desktop.ui.receipts.preview import ReceiptDialog
from tests.support.file_dialogs import print_to_pdf
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.pdf import pdf_text
from tests.support.pdf import qr_codes

pytestmark = [pytest.mark.timeout(240)]

SLOW = 30_000


def test_refund_offers_its_receipt_and_print_asks_which(
    console: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[Path] = []

    def next_file() -> Path:  # the system print dialog, answered: a new file for each print
        printed.append(tmp_path / f"printed-{len(printed)}.pdf")
        return printed[-1]

    print_to_pdf(monkeypatch, ReceiptDialog, next_file)
    console.log_in(MANAGER, MANAGER_PIN)
    manager = console.controller.session.user
    other = console.arun(
        console.ctx.payments.create_payment(manager, CheckoutRequest(Money(99_900), description="Чай"))
    )
    invoice = console.paid(Money(250_000))
    window = console.window
    window.open_payment(invoice)
    qtbot.waitUntil(window.commands.refund.isEnabled, timeout=SLOW)
    window.commands.refund.trigger()  # Ctrl+R
    dialog = console.wait_dialog(RefundDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    offer = console.wait_dialog(QMessageBox)
    assert offer.objectName() == "refund_receipt_offer" and "2 500,00" in offer.text().replace("\u202f", " ")
    qtbot.keyClick(offer, Qt.Key.Key_Return)  # Enter = Print refund receipt: the preview opens
    first = console.wait_dialog(ReceiptDialog)
    assert first.record is None and console.arun(console.ctx.receipts.receipts_for(invoice)) == []
    view = console.arun(console.ctx.queries.get_view(invoice))
    refund = next(op for op in view.operations if op.kind is OpKind.REFUND)
    assert refund.state is OpState.SUCCEEDED
    assert invoice.value in first.windowTitle() and "Refund receipt" in first.windowTitle()
    qtbot.keyClick(first.print_button, Qt.Key.Key_Return)  # Enter prints, and only now issues
    qtbot.waitUntil(lambda: first.record is not None and printed and printed[-1].exists(), timeout=SLOW)
    assert first.record.kind is ReceiptKind.REFUND and first.record.money_op_id == refund.id
    text = pdf_text(first.pdf)
    assert "ВОЗВРАТ" in text and f"ID возврата {refund.id}" in text
    assert "Причина возврата Просьба покупателя" in text and f"Одобрил менеджер {MANAGER}" in text
    assert "SANDBOX (ТЕСТ) — НЕ НАСТОЯЩИЙ ПЛАТЁЖ" in text and "Спасибо за покупку" not in text
    [scanned] = qr_codes(first.pdf)
    first.accept()
    qtbot.waitUntil(lambda: not console.dialogs(ReceiptDialog), timeout=SLOW)

    # the QR, as a hand scanner types it into the search box, finds the payment in the list
    assert other.payment.invoice_id != invoice
    console.scan_into_search(scanned, [invoice])

    window.open_payment(invoice)
    qtbot.waitUntil(window.commands.print_receipt.isEnabled, timeout=SLOW)
    window.commands.print_receipt.trigger()  # Ctrl+P
    chooser = console.wait_dialog(ReceiptChooser)
    assert [(c.kind, c.money_op_id) for c in chooser.choices()] == [("sale", None), ("refund", refund.id)]
    chooser.list.setCurrentRow(1)
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    again = console.wait_dialog(ReceiptDialog)
    assert again.record is None and again.duplicate_label.isVisible()  # marked, not issued
    assert len(console.arun(console.ctx.receipts.receipts_for(invoice))) == 1
    again.print_button.click()
    qtbot.waitUntil(lambda: again.record is not None, timeout=SLOW)
    assert again.record.kind is ReceiptKind.DUPLICATE and again.record.original_receipt_id == first.record.id
    again.accept()
