"""The real console shows what the bank sends even when it does not understand it (issue 8, point 6).

The sandbox's ``status_oddity`` faults make check-status say a statusName the console does not know,
or a reasonCode that is not a number. The poller reads them (no crash, no ProtocolError), the
payment keeps being checked, and the detail panel shows the odd values as the bank sent them and
the decline in plain words (decision 0034).
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any

import pytest

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.sandbox.faults import Fault
from tests.support.card_form import DECLINED_CARD
from tests.support.card_form import MASTERCARD as APPROVED_CARD
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000


def _customer_pays(console: Any, amount: Money, pan: str) -> InvoiceId:
    """The console asks for the token; the customer pays through /sandbox/pay (no web page needed)."""
    manager = console.controller.session.user
    session = console.arun(
        console.ctx.payments.create_payment(manager, CheckoutRequest(amount, description="Торт"))
    )
    invoice = session.payment.invoice_id
    console.customer_pays(invoice, pan)
    return invoice


def _paid_with_an_odd_answer(console: Any, oddity: str, amount: Money, pan: str) -> InvoiceId:
    """The manager logs in; from now on every check-status answer has ``oddity``; the customer pays."""
    console.log_in(MANAGER, MANAGER_PIN)
    console.sandbox.state.faults.add(Fault("status", "status_oddity", Decimal(0), 10_000, oddity))
    return _customer_pays(console, amount, pan)


def _stored(console: Any, invoice: InvoiceId) -> Any:
    return console.arun(console.ctx.queries.get_view(invoice)).payment


def _row(window: Any, key: str) -> tuple[str, str]:
    panel = window.detail_view
    field = panel.fields[key]
    return panel._form.labelForField(field).text(), field.text() if field.isVisible() else ""


def test_unknown_bank_status_is_kept_checked_and_shown(console: Any, qtbot: Any) -> None:
    # every check-status answer now says "CHARGEBACK", a word this console does not know
    invoice = _paid_with_an_odd_answer(console, "unknown_status", Money(250_000), APPROVED_CARD)
    window = console.window
    stored = partial(_stored, console, invoice)

    qtbot.waitUntil(lambda: stored().bank_status == "CHARGEBACK", timeout=SLOW)  # the poller read it
    payment = stored()
    assert payment.status is ConsoleStatus.UNKNOWN and payment.next_poll_at is not None  # still checked
    assert payment.card_mask and payment.transaction_id  # the rest of the answer was read as usual
    window.open_payment(invoice)
    qtbot.waitUntil(lambda: _row(window, "bank_status")[1] != "", timeout=SLOW)
    assert _row(window, "bank_status") == ("Bank status", "CHARGEBACK (not known to this console)")
    assert "does not know (CHARGEBACK)" in _row(window, "reason")[1]
    assert "Checking with the bank" in window.detail_view.banner.text()

    console.sandbox.state.faults.clear()  # the bank speaks plainly again: the payment is Paid
    qtbot.waitUntil(lambda: stored().status is ConsoleStatus.CHARGE, timeout=SLOW)
    assert stored().bank_status is None


def test_reason_code_that_is_not_a_number_is_shown_with_the_decline(console: Any, qtbot: Any) -> None:
    invoice = _paid_with_an_odd_answer(console, "text_reason_code", Money(99_000), DECLINED_CARD)
    window = console.window
    stored = partial(_stored, console, invoice)

    qtbot.waitUntil(lambda: stored().reason_code_text == "A05", timeout=SLOW)
    assert stored().status is ConsoleStatus.REJECT and stored().reason_code is None
    window.open_payment(invoice)
    qtbot.waitUntil(lambda: _row(window, "reason_code")[1] != "", timeout=SLOW)
    assert _row(window, "reason_code") == ("Bank's reason code", "A05")
    assert _row(window, "reason")[1].startswith("Declined by the bank (code A05).")
