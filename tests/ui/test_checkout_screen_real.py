"""The checkout screen on the real services, the real checkout browser and the sandbox on loopback.

The customer's card is submitted through the sandbox's control API (the hosted page's own path is
covered by tests/ui/checkout); the screen learns the outcome only by polling check-status.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from epay_desktop.app import open_app
from epay_desktop.demo import demo_environ
from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptRequest
from epay_desktop.ui.checkout.policy import hosts_of
from epay_desktop.ui.checkout.profile import make_checkout_profile
from epay_desktop.ui.checkout.result import Outcome
from epay_desktop.ui.checkout.screen import CheckoutScreen
from epay_desktop.ui.checkout.view import CheckoutView
from epay_desktop.ui.receipts.preview import load_pdf
from epay_desktop.ui.receipts.preview import prepare_printer
from epay_desktop.ui.receipts.preview import print_document
from tests.support.sandbox import APPROVED_CARD
from tests.support.sandbox import DECLINED_CARD
from tests.support.sandbox import SandboxControl


def customer_pays(base_url: str, invoice: str, pan: str) -> None:
    with SandboxControl(base_url) as control:
        control.customer_pays(invoice, pan)


def test_take_pay_print_then_declined_and_try_again(qtbot, qapp, aloop, arun, tmp_path, sandbox, monkeypatch):
    base = sandbox.base_url
    app = arun(open_app(demo_environ(tmp_path / "home", base)), timeout=30_000)  # the sandbox's URLs
    profile = make_checkout_profile(qapp)
    screen = None
    try:
        user = arun(app.users.add_user("manager", Role.MANAGER, "24681357", None))
        endpoints = app.gateway_settings.endpoints
        view = CheckoutView(profile, hosts_of(endpoints.widget_url, endpoints.api_url))
        screen = CheckoutScreen(app.payments, app.receipts, lambda: user, view, poll_interval=0.1)
        screen.resize(900, 800)
        screen.show()
        issued = []

        async def keep(
            parent, receipts, actor, invoice, kind="sale", money_op_id=None, printer_name="", printing=None
        ):
            request = ReceiptRequest.of(invoice, kind, money_op_id=money_op_id)
            issued.append(await receipts.issue_receipt(actor, request))  # what Print in it does

        monkeypatch.setattr("epay_desktop.ui.checkout.screen.ReceiptDialog.ask", keep)

        screen.form.amount_edit.setText("1 500")
        screen.form.description_edit.setText("Чай и кофе")
        qtbot.keyClick(screen.form.amount_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.currentWidget() is view, timeout=15_000)
        invoice = screen.payment.invoice_id
        customer_pays(base, invoice.value, APPROVED_CARD)
        qtbot.waitUntil(lambda: screen.result.outcome is Outcome.APPROVED, timeout=15_000)
        assert screen.result.card.text().endswith("\u2022\u2022\u2022\u2022 5096")
        assert screen.result.approval.text() and screen.result.amount.text() == Money(150_000).format()

        qtbot.keyClick(screen.result, Qt.Key.Key_Return)  # Enter prints
        qtbot.waitUntil(lambda: bool(issued), timeout=15_000)
        record, pdf = issued[0]
        assert record.kind is ReceiptKind.SALE and record.number == 1
        printer = QPrinter()
        document = load_pdf(pdf)
        prepare_printer(printer, record.width, document)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        assert print_document(document, printer) >= 1
        screen.result.print_button.click()  # a reprint is the service's duplicate
        qtbot.waitUntil(lambda: len(issued) == 2, timeout=15_000)
        assert issued[1][0].kind is ReceiptKind.DUPLICATE

        screen.result.done_button.click()
        screen.form.amount_edit.setText("2000")
        screen.form.submit_button.click()
        qtbot.waitUntil(
            lambda: screen.currentWidget() is view and screen.payment.invoice_id != invoice, timeout=15_000
        )
        second = screen.payment.invoice_id
        customer_pays(base, second.value, DECLINED_CARD)
        # attempts left on this invoice (decision 0035): the page stays, the cashier is told
        qtbot.waitUntil(lambda: screen.attempt_note_text.startswith("Declined: "), timeout=15_000)
        assert "2 attempts left" in screen.attempt_note_text and screen.currentWidget() is view
        customer_pays(base, second.value, APPROVED_CARD)  # the customer tries another card, same invoice
        qtbot.waitUntil(
            lambda: screen.currentWidget() is screen.result and screen.result.payment.invoice_id == second,
            timeout=15_000,
        )
        assert screen.result.outcome is Outcome.APPROVED and screen.attempt_note_text == ""
        screen.result.done_button.click()  # New sale: a new invoice
        screen.form.amount_edit.setText("2000")
        screen.form.submit_button.click()
        qtbot.waitUntil(
            lambda: screen.currentWidget() is view and screen.payment.invoice_id not in (invoice, second),
            timeout=15_000,
        )
        assert screen.payment.amount == Money(200_000)
    finally:
        if screen is not None:
            screen.close()
            shiboken6.delete(screen)  # the page dies before the profile
        shiboken6.delete(profile)
        arun(app.aclose(), timeout=15_000)
        executor = getattr(aloop, "_QEventLoop__default_executor", None)  # qasync's QThreadExecutor
        if executor is not None:  # its QThreads would outlive the test ("QThread: Destroyed while running")
            executor.shutdown(wait=True)
            aloop.set_default_executor(None)
    assert Path(tmp_path / "printed.pdf").stat().st_size > 1000
