"""Several card attempts on one invoice in the real console (issue 8, decisions 0035 and 0036).

The customer types a declined card into the gateway's page inside the "New payment" window, presses the
page's own "Back to the payment form", pays with a good card, and the console shows Paid on the same
invoice with both attempts on the payment's timeline.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt

from epay_desktop.app import store_of
from epay_desktop.domain import ConsoleStatus, InvoiceId, Payment
from epay_desktop.ui.checkout.result import Outcome
from epay_desktop.ui.payments.columns import PaymentColumn

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000
CASHIER, CASHIER_PIN = "Айгерим", "1111"
APPROVED_CARD = "4405639704015096"
DECLINED_CARD = "4003032704547597"  # REJECT, reasonCode 465
FORM_READY = "!!document.querySelector('form.pay-form') && document.readyState === 'complete'"
SUBMIT = "document.querySelector('form.pay-form button[type=submit]').click(); true"
DECLINED_PAGE = "!!document.getElementById('declined') && document.readyState === 'complete'"


def stored(console: Any, invoice: InvoiceId) -> Payment:
    payment = console.arun(store_of(console.ctx).run_read(lambda tx: tx.payments.get_by_invoice(invoice)))
    assert payment is not None
    return payment


def listed_status_text(console: Any, invoice: InvoiceId) -> str:
    model = console.window.payments_view.model
    row = model.row_of(invoice)
    if row is None:
        return ""
    return str(model.index(row, int(PaymentColumn.STATUS)).data(Qt.ItemDataRole.DisplayRole) or "")


def timeline_lines(console: Any, invoice: InvoiceId) -> list[str]:
    """Select the payment's row in the list (as a click would) and read the detail's timeline."""
    view = console.window.payments_view
    row = view.model.row_of(invoice)
    assert row is not None
    view.table.selectRow(row)
    detail = console.window.detail_view
    console.qtbot.waitUntil(
        lambda: detail.view is not None and detail.view.payment.invoice_id == invoice, timeout=SLOW
    )
    timeline = detail.timeline
    return [timeline.topLevelItem(i).text(1) for i in range(timeline.topLevelItemCount())]


def test_declined_then_paid_on_the_same_page_ends_paid_with_both_attempts(console: Any, qtbot: Any) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    window = console.window
    qtbot.waitUntil(window.commands.new_payment.isEnabled, timeout=SLOW)
    window.commands.new_payment.trigger()  # F2
    screen = console.controller.checkout
    checkout_window = console.controller.checkout_window
    qtbot.waitUntil(lambda: checkout_window.isVisible() and screen.currentWidget() is screen.form)
    qtbot.keyClicks(screen.form.amount_edit, "1500")
    qtbot.keyClick(screen.form.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.view, timeout=SLOW)
    invoice = screen.payment.invoice_id
    console.wait_js(FORM_READY)

    console.fill_card(DECLINED_CARD)  # the customer's first card is declined
    assert console.run_js(SUBMIT) is True
    console.wait_js(DECLINED_PAGE)
    assert console.run_js("document.getElementById('declined').dataset.attemptsLeft") == "2"
    # the console learns the decline from check-status and keeps the page open, saying so to the cashier
    qtbot.waitUntil(lambda: "2 attempts left" in checkout_window.attempt_label.text(), timeout=SLOW)
    note = checkout_window.attempt_label
    assert note.isVisible() and note.text().startswith("Declined: ")
    assert "The customer can try again on this page" in note.text() and "cancel the sale" in note.text()
    assert screen.currentWidget() is screen.view and screen.view.cancel_button.isEnabled()
    assert stored(console, invoice).status is ConsoleStatus.REJECT
    assert screen.blocked_reason  # no second sale while this one may still be paid

    console.run_js("document.getElementById('retry').click(); true")  # "Back to the payment form"
    console.wait_js(FORM_READY)
    console.fill_card(APPROVED_CARD)
    assert console.run_js(SUBMIT) is True
    qtbot.waitUntil(  # "Checking with the bank..." first: the page's back link is only a hint
        lambda: (
            screen.currentWidget() is screen.result
            and screen.result.payment.invoice_id == invoice
            and screen.result.outcome is Outcome.APPROVED
        ),
        timeout=SLOW,
    )
    assert screen.result.card.text().endswith("\u2022\u2022\u2022\u2022 5096")
    assert not note.isVisible() and not screen.blocked_reason
    assert stored(console, invoice).status is ConsoleStatus.CHARGE
    assert [a.status.value for a in console.ledger(invoice.value).attempts] == ["REJECT", "CHARGE"]

    checkout_window.hide()
    qtbot.waitUntil(lambda: listed_status_text(console, invoice) == "Paid", timeout=SLOW)
    lines = timeline_lines(console, invoice)
    steps = [line.split("\n")[0] for line in lines]
    declined = next(i for i, s in enumerate(steps) if s.startswith("Declined: "))
    assert steps[declined + 1] == "Customer's result: Paid"
    assert "attempt 1, card \u2022\u2022\u2022\u2022 7597" in lines[declined]
    assert "\u2022\u2022\u2022\u2022 5096" in lines[declined + 1]
    assert not any(late for late in console.controller.late_payments.texts())  # no false alarm


def test_a_sale_cancelled_after_a_decline_and_paid_anyway_is_told_on_the_main_window(
    console: Any, qtbot: Any
) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    window = console.window
    qtbot.waitUntil(window.commands.new_payment.isEnabled, timeout=SLOW)
    window.commands.new_payment.trigger()
    screen = console.controller.checkout
    checkout_window = console.controller.checkout_window
    qtbot.waitUntil(lambda: checkout_window.isVisible() and screen.currentWidget() is screen.form)
    qtbot.keyClicks(screen.form.amount_edit, "640")
    qtbot.keyClick(screen.form.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.view, timeout=SLOW)
    invoice = screen.payment.invoice_id
    console.wait_js(FORM_READY)
    console.fill_card(DECLINED_CARD)
    assert console.run_js(SUBMIT) is True
    qtbot.waitUntil(lambda: "attempts left" in checkout_window.attempt_label.text(), timeout=SLOW)

    screen.view.cancel_button.click()  # "... or you can cancel the sale"
    qtbot.waitUntil(lambda: stored(console, invoice).status is ConsoleStatus.CASHIER_CANCEL, timeout=SLOW)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.form, timeout=SLOW)
    assert not checkout_window.attempt_label.isVisible()
    answer = httpx.post(  # the customer had pressed Pay with another card just before the cancel
        f"{console.sandbox.base_url}/sandbox/pay",
        json={"invoiceId": invoice.value, "pan": APPROVED_CARD, "expiry": "12/35", "cvc": "123"},
        timeout=10,
    )
    assert answer.json()["outcome"] == "approved"
    qtbot.waitUntil(lambda: stored(console, invoice).status is ConsoleStatus.CHARGE, timeout=SLOW)  # poller
    notice = console.controller.late_payments  # decision 0026 covers the declined-then-paid sale too
    qtbot.waitUntil(notice.isVisible, timeout=SLOW)
    [text] = notice.texts()
    assert (
        text.startswith(f"Invoice {invoice.value}, ") and "was PAID by the customer's card after all" in text
    )
    checkout_window.hide()
    qtbot.waitUntil(lambda: listed_status_text(console, invoice) == "Paid", timeout=SLOW)
    steps = [line.split("\n")[0] for line in timeline_lines(console, invoice)]
    assert steps[-2].startswith("Declined: ") and steps[-1] == "Customer's result: Paid"
