"""The real console on a two-step sandbox terminal (payments end held, AUTH): a manager charges part
of a hold from the Payment menu, and the list and the detail say what was charged and what went back
to the card; the timeline dates the customer's payment with the bank's own time (issue 7 point 6)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.ui.money.charge_dialog import ChargeDialog
from epay_desktop.ui.payments.detail_content import time_text
from epay_desktop.ui.payments.list_model import PaymentColumn
from tests.support.card_form import MASTERCARD
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.sandbox import SharedSandbox

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000


@pytest.fixture
def sandbox(shared_sandbox: SharedSandbox, request: pytest.FixtureRequest) -> RunningSandbox:
    """This module's gateway: a two-step terminal (overrides the one-step sandbox of conftest)."""
    return shared_sandbox.fresh(
        SandboxConfig(shop_name="E2E two-step shop", two_step=True), holder=request.node.nodeid
    )


def _list_cell(window: Any, invoice: Any, column: PaymentColumn, role: int = 0) -> Any:
    view = window.payments_view
    row = view.model.row_of(invoice)
    if row is None:
        return None
    return view.model.index(row, column).data(role)


def test_a_hold_charged_in_part_shows_what_was_charged_and_released(console: Any, qtbot: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    manager = console.controller.session.user
    session = console.arun(
        console.ctx.payments.create_payment(manager, CheckoutRequest(Money(1_000_000), description="Торт"))
    )
    invoice = session.payment.invoice_id
    assert console.customer_pays(invoice, MASTERCARD)["outcome"] == "approved"
    window = console.window
    # the poller learns the hold by itself; the row follows without F5
    qtbot.waitUntil(lambda: _list_cell(window, invoice, PaymentColumn.STATUS) == "Authorised", timeout=SLOW)
    window.open_payment(invoice)
    qtbot.waitUntil(window.commands.charge.isEnabled, timeout=SLOW)

    window.commands.charge.trigger()  # Payment → Charge hold…
    dialog = console.wait_dialog(ChargeDialog)
    qtbot.mouseClick(dialog.partial_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.amount_edit, "6000")
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not console.dialogs(ChargeDialog), timeout=SLOW)  # done and closed

    txn = console.ledger(invoice.value)
    assert txn.status.value == "CHARGE" and txn.amount == 600_000 and txn.org_amount == 1_000_000
    sentence = "Charged {} of {}; {} released".format(
        *(Money(m).format() for m in (600_000, 1_000_000, 400_000))
    )
    qtbot.waitUntil(
        lambda: _list_cell(window, invoice, PaymentColumn.AMOUNT) == Money(600_000).format(), timeout=SLOW
    )
    assert _list_cell(window, invoice, PaymentColumn.STATUS) == "Paid"
    assert _list_cell(window, invoice, PaymentColumn.AMOUNT, Qt.ItemDataRole.ToolTipRole) == sentence
    detail = window.detail_view
    qtbot.waitUntil(lambda: detail.fields["charged"].text() == sentence, timeout=SLOW)
    assert detail.fields["charged"].isVisible()
    assert detail.fields["remaining"].text() == Money(600_000).format()  # what may be refunded

    view = console.arun(console.ctx.queries.get_view(invoice))
    assert view.status is ConsoleStatus.CHARGE and view.payment.bank_time is not None
    assert abs((view.payment.bank_time - txn.created).total_seconds()) < 1
    timeline = detail.timeline
    rows = [timeline.topLevelItem(i) for i in range(timeline.topLevelItemCount())]
    result = next(item for item in rows if item.text(1).startswith("Customer's result"))
    assert result.text(0) == f"{time_text(view.payment.bank_time)} (bank)"
    charge = next(item for item in rows if item.text(1).startswith("Charge"))
    assert "(bank)" not in charge.text(0)


def test_last_checked_in_the_detail_follows_the_poller(console: Any, qtbot: Any) -> None:
    """A payment waiting for the customer is checked every few seconds; the open detail says so
    each time without F5."""
    console.log_in(MANAGER, MANAGER_PIN)
    manager = console.controller.session.user
    session = console.arun(
        console.ctx.payments.create_payment(manager, CheckoutRequest(Money(250_000), description="Чай"))
    )
    invoice = session.payment.invoice_id
    window = console.window
    window.open_payment(invoice)
    checked = window.detail_view.fields["checked"]
    qtbot.waitUntil(lambda: checked.text() not in ("", "—"), timeout=SLOW)
    first = checked.text()
    qtbot.waitUntil(lambda: checked.text() not in ("", "—", first), timeout=SLOW)  # the next poll
    stored = console.arun(console.ctx.queries.get_view(invoice)).payment
    assert stored.last_polled_at is not None and stored.status is ConsoleStatus.PENDING
    assert checked.isVisible()
