"""The whole console against the sandbox on loopback: log in, take a payment in the embedded page,
see it in the list, refund part of it with a manager's approval, print and save the receipt; a
declined card; a refund whose answer is lost on the way back.

Set E2E_SCREENSHOTS=/some/folder to keep the screenshots taken along the way.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QMessageBox

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.sandbox.faults import Fault
from epay_desktop.ui.checkout.result import Outcome
from epay_desktop.ui.money.refund_dialog import RefundDialog
from epay_desktop.ui.receipts.chooser import ReceiptChooser
from epay_desktop.ui.receipts.preview import ReceiptDialog
from tests.support.card_form import FORM_READY
from tests.support.card_form import SUBMIT
from tests.support.file_dialogs import print_to_pdf
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000


def shot(widget: Any, name: str) -> None:
    folder = os.environ.get("E2E_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))


def pay_in_widget(
    console: Any, qtbot: Any, amount: str, description: str, pan: str, *, finish_after_decline: bool = False
) -> Any:
    """F2, type the sale, submit with Enter, pay with ``pan`` inside the embedded gateway page
    (``finish_after_decline``: the gateway's declined page offers the form again; press its "Finish")."""
    console.window.commands.new_payment.trigger()  # F2
    window = console.controller.checkout_window
    screen = console.controller.checkout
    qtbot.waitUntil(window.isVisible)
    form = screen.form
    qtbot.waitUntil(lambda: screen.currentWidget() is form)
    form.amount_edit.clear()
    qtbot.keyClicks(form.amount_edit, amount)
    form.description_edit.setText(description)  # QTest.keyClicks aborts on Cyrillic: pasted
    qtbot.keyClick(form.description_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.view, timeout=SLOW)
    console.wait_js(FORM_READY)
    assert console.fill_card(pan)[0].replace(" ", "") == pan
    shot(window, "checkout.png")
    console.run_js(SUBMIT)
    if finish_after_decline:
        console.wait_js("!!document.getElementById('finish') && document.readyState === 'complete'")
        console.run_js("document.getElementById('finish').click(); true")
    qtbot.waitUntil(
        lambda: (
            screen.currentWidget() is screen.result
            and screen.result.outcome in (Outcome.APPROVED, Outcome.DECLINED)
        ),
        timeout=SLOW,
    )
    return screen.payment


def test_cashier_takes_a_payment_refunds_part_with_approval_and_prints(
    console: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    payment = pay_in_widget(console, qtbot, "1500", "Кофе и круассан", "4405639704015096")
    screen = console.controller.checkout
    assert screen.result.outcome is Outcome.APPROVED
    assert payment.status is ConsoleStatus.CHARGE and payment.amount == Money(150_000)
    assert screen.result.approval.text() == payment.approval_code
    shot(console.controller.checkout_window, "result-approved.png")
    invoice = payment.invoice_id

    # the list shows it as CHARGE, selected; the checkout window closes with Esc after the sale
    window = console.window
    qtbot.waitUntil(lambda: window.current_invoice() == invoice, timeout=SLOW)
    model = window.payments_view.model

    def listed_as_charge() -> bool:
        row = model.row_of(invoice)
        return row is not None and model.payment_at(row).status is ConsoleStatus.CHARGE

    qtbot.waitUntil(listed_as_charge, timeout=SLOW)
    qtbot.keyClick(console.controller.checkout_window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not console.controller.checkout_window.isVisible())

    # refund 500 ₸ as the cashier; the manager approves in the dialog
    qtbot.waitUntil(window.commands.refund.isEnabled, timeout=SLOW)
    window.commands.refund.trigger()  # Ctrl+R
    dialog = console.wait_dialog(RefundDialog)
    dialog.partial_radio.click()
    qtbot.keyClicks(dialog.amount_edit, "500")
    assert dialog.approval is not None
    dialog.approval.manager_edit.setText(MANAGER)
    qtbot.keyClicks(dialog.approval.pin_edit, MANAGER_PIN)
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    shot(dialog, "refund.png")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # a double click does nothing twice
    qtbot.waitUntil(lambda: not console.dialogs(RefundDialog), timeout=SLOW)
    view = console.arun(console.ctx.queries.get_view(invoice))
    refunds = [op for op in view.operations if op.kind is OpKind.REFUND]
    assert [(op.state, op.amount) for op in refunds] == [(OpState.SUCCEEDED, Money(50_000))]
    manager = console.arun(console.ctx.users.authenticate(MANAGER, MANAGER_PIN))
    assert refunds[0].approved_by == manager.id and refunds[0].requested_by != manager.id
    txn = console.ledger(invoice.value)
    assert [(o.kind, o.amount) for o in txn.operations if o.kind == "refund"] == [("refund", 50_000)]
    assert txn.amount == 100_000 and txn.payout_amount == 50_000
    offer = console.wait_dialog(QMessageBox)  # "Print refund receipt" (tests/e2e/test_console_receipts.py)
    assert offer.objectName() == "refund_receipt_offer"
    offer.reject()  # "Not now": this test prints the sale receipt below

    # print (to a PDF file, no print dialog) and save the receipt
    printed, saved = tmp_path / "printed.pdf", tmp_path / "saved.pdf"

    async def save_path(self: ReceiptDialog) -> Path:
        return saved

    print_to_pdf(monkeypatch, ReceiptDialog, printed, QPageSize(QPageSize.PageSizeId.A4))
    monkeypatch.setattr(ReceiptDialog, "choose_save_path", save_path)
    qtbot.waitUntil(window.commands.print_receipt.isEnabled, timeout=SLOW)
    window.commands.print_receipt.trigger()  # Ctrl+P
    chooser = console.wait_dialog(ReceiptChooser)  # the payment has a refund: which receipt?
    assert chooser.choices()[0].kind == "sale" and chooser.list.currentRow() == 0
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    receipt = console.wait_dialog(ReceiptDialog)
    shot(receipt, "receipt-preview.png")
    qtbot.mouseClick(receipt.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 0, timeout=SLOW)
    qtbot.mouseClick(receipt.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(saved.exists, timeout=SLOW)
    qtbot.waitUntil(lambda: receipt.status_label.text().startswith("Saved to"), timeout=SLOW)
    assert len(PdfReader(printed).pages) >= 1
    text = " ".join(page.extract_text() for page in PdfReader(saved).pages)
    flat = text.replace("\u202f", " ").replace("\u00a0", " ")
    assert invoice.value in flat
    for amount in ("1 500,00", "500,00", "1 000,00"):  # paid, refunded, remaining
        assert amount in flat, amount
    assert receipt.pdf == saved.read_bytes()
    receipt.accept()


def test_declined_card_shows_the_reason_and_try_again(console: Any, qtbot: Any) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    payment = pay_in_widget(console, qtbot, "2350", "Нан, сүт", "4003032704547597", finish_after_decline=True)
    result = console.controller.checkout.result
    assert result.outcome is Outcome.DECLINED
    assert payment.status is ConsoleStatus.REJECT and payment.reason_code == 465
    assert result.message.text().strip()  # the reason in plain words
    assert "465" not in result.title.text()
    assert result.try_again_button.isVisible() and not result.print_button.isVisible()
    shot(console.controller.checkout_window, "result-declined.png")
    assert console.ledger(payment.invoice_id.value).status.value == "REJECT"


def test_refund_whose_answer_is_lost_is_checked_with_the_bank_and_applied_once(
    console: Any, qtbot: Any
) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    invoice = console.paid(Money(400_000))
    window = console.window
    window.open_payment(invoice)
    qtbot.waitUntil(window.commands.refund.isEnabled, timeout=SLOW)
    faults = console.sandbox.state.faults
    faults.add(Fault("refund", "drop_after_apply", Decimal(0), 1))  # applied, then the connection drops
    # check-status fails too (the dialog's quick checks, and the background reconciliation that runs
    # all along, every second here) until the dialog has said it is checking with the bank
    faults.add(Fault("status", "http_status", Decimal(503), 1_000))
    window.commands.refund.trigger()
    dialog = console.wait_dialog(RefundDialog)
    assert dialog.approval is None  # a manager needs nobody's approval
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Checking with the bank" in dialog.error_label.text(), timeout=SLOW)
    assert not dialog.ok_button.isVisible()  # nothing can be sent twice from here
    shot(dialog, "refund-checking.png")
    dialog.reject()
    faults.clear()  # the bank answers again

    def settled() -> bool:
        view = console.arun(console.ctx.queries.get_view(invoice))
        return [op.state for op in view.operations] == [OpState.SUCCEEDED]

    qtbot.waitUntil(settled, timeout=60_000)  # the background reconciliation settles it
    txn = console.ledger(invoice.value)
    assert [o.kind for o in txn.operations].count("refund") == 1  # the ledger shows exactly one
    assert txn.status.value == "REFUND" and txn.payout_amount == 400_000
    assert console.arun(console.ctx.queries.get_view(invoice)).status is ConsoleStatus.REFUND
