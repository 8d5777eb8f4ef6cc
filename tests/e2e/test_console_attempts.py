"""Several card attempts on one invoice in the real console (issue 8, decisions 0035 and 0036).

The customer types a declined card into the gateway's page inside the "New payment" window, presses the
page's own "Back to the payment form", pays with a good card, and the console shows Paid on the same
invoice with both attempts on the payment's timeline.
"""

from __future__ import annotations

from typing import Any

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.ui.checkout.result import Outcome
from tests.support.card_form import APPROVED_CARD
from tests.support.card_form import DECLINED_CARD
from tests.support.card_form import FORM_READY
from tests.support.card_form import SUBMIT
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000
DECLINED_PAGE = "!!document.getElementById('declined') && document.readyState === 'complete'"


def test_declined_then_paid_on_the_same_page_ends_paid_with_both_attempts(console: Any, qtbot: Any) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    screen = console.open_card_page("1500")  # F2, the amount, Enter
    checkout_window = console.controller.checkout_window
    invoice = screen.payment.invoice_id

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
    assert console.stored(invoice).status is ConsoleStatus.REJECT
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
    assert console.stored(invoice).status is ConsoleStatus.CHARGE
    assert [a.status.value for a in console.ledger(invoice.value).attempts] == ["REJECT", "CHARGE"]

    checkout_window.hide()
    qtbot.waitUntil(lambda: console.listed_status(invoice) == "Paid", timeout=SLOW)
    console.show_detail(invoice)
    lines = console.timeline()
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
    screen = console.open_card_page("640")  # F2, the amount, Enter
    checkout_window = console.controller.checkout_window
    invoice = screen.payment.invoice_id
    console.fill_card(DECLINED_CARD)
    assert console.run_js(SUBMIT) is True
    qtbot.waitUntil(lambda: "attempts left" in checkout_window.attempt_label.text(), timeout=SLOW)

    screen.view.cancel_button.click()  # "... or you can cancel the sale"
    qtbot.waitUntil(lambda: console.stored(invoice).status is ConsoleStatus.CASHIER_CANCEL, timeout=SLOW)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.form, timeout=SLOW)
    assert not checkout_window.attempt_label.isVisible()
    answer = console.customer_pays(invoice)  # the customer had pressed Pay with another card just before
    assert answer["outcome"] == "approved"
    qtbot.waitUntil(lambda: console.stored(invoice).status is ConsoleStatus.CHARGE, timeout=SLOW)  # poller
    notice = console.controller.late_payments  # decision 0026 covers the declined-then-paid sale too
    qtbot.waitUntil(notice.isVisible, timeout=SLOW)
    [text] = notice.texts()
    assert (
        text.startswith(f"Invoice {invoice.value}, ") and "was PAID by the customer's card after all" in text
    )
    checkout_window.hide()
    qtbot.waitUntil(lambda: console.listed_status(invoice) == "Paid", timeout=SLOW)
    console.show_detail(invoice)
    steps = [line.split("\n")[0] for line in console.timeline()]
    assert steps[-2].startswith("Declined: ") and steps[-1] == "Customer's result: Paid"
