"""The real console around the session: the idle lock over a live checkout page, cashier names for
every role, and the periodic reconciliation running while a refund is being sent."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.sandbox.faults import MAX_FAULT_HOLD
from epay_desktop.sandbox.faults import Fault
from epay_desktop.services.payments.reconcile import ReconcileReport
from epay_desktop.ui.checkout.result import Outcome
from epay_desktop.ui.money.refund_dialog import RefundDialog
from epay_desktop.ui.payments.columns import PaymentColumn
from tests.support.card_form import FORM_READY
from tests.support.card_form import MASTERCARD
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000


def pay_by_control_api(console: Any, invoice: InvoiceId) -> None:
    """The customer pays ``invoice`` with a test card (through the sandbox's control API)."""
    assert console.customer_pays(invoice, MASTERCARD)["outcome"] == "approved"


def paid_by_control_api(console: Any, amount: Money) -> InvoiceId:
    """A payment taken by whoever is logged in and paid through the sandbox's control API."""
    user = console.controller.session.user
    session = console.arun(
        console.ctx.payments.create_payment(user, CheckoutRequest(amount, description="Торт"))
    )
    invoice = session.payment.invoice_id
    pay_by_control_api(console, invoice)
    assert console.arun(console.ctx.payments.refresh_status(invoice)).status is ConsoleStatus.CHARGE
    return invoice


def test_idle_lock_over_a_live_checkout_page(console: Any, qtbot: Any) -> None:
    console.log_in(CASHIER, CASHIER_PIN)
    session, window = console.controller.session, console.window
    checkout = console.controller.checkout_window
    window.commands.new_payment.trigger()  # F2
    qtbot.waitUntil(checkout.isVisible)
    form = console.controller.checkout.form
    qtbot.keyClicks(form.amount_edit, "990")
    qtbot.keyClick(form.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: console.controller.checkout.currentWidget() is console.controller.checkout.view)
    console.wait_js(FORM_READY)  # the gateway's page is loaded in the "New payment" window

    # the customer moving the mouse over the page keeps the lock away (the window is watched)
    session.set_idle_minutes(15)
    assert session.watches(checkout)
    session._idle.stop()
    web = console.controller.checkout_view.web
    qtbot.mouseMove(checkout.windowHandle(), web.mapTo(checkout, web.rect().center()))
    assert session._idle.isActive()

    # idle: the lock covers the window and hides the checkout; the poller keeps asking the bank
    with qtbot.waitSignal(session.lock_changed, timeout=SLOW):
        session.set_idle_minutes(0.001)  # 60 ms without input
    assert session.lock_screen.isVisible() and not checkout.isVisible()
    session.set_idle_minutes(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F2)  # shortcuts do nothing behind the lock
    assert not checkout.isVisible()
    invoice = console.controller.checkout.payment.invoice_id
    pay_by_control_api(console, invoice)  # the customer pays while the console is locked

    def charged() -> bool:
        return bool(console.arun(console.ctx.queries.get_view(invoice)).status is ConsoleStatus.CHARGE)

    qtbot.waitUntil(charged, timeout=SLOW)
    assert session.is_locked and not checkout.isVisible()

    # the same cashier's PIN brings everything back, the sale's result on screen
    console.log_in(CASHIER, CASHIER_PIN)
    qtbot.waitUntil(checkout.isVisible)
    assert not session.is_locked
    result = console.controller.checkout.result
    qtbot.waitUntil(lambda: console.controller.checkout.currentWidget() is result, timeout=SLOW)
    assert result.outcome is Outcome.APPROVED


def test_a_cashier_sees_who_took_each_payment(console: Any, qtbot: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    invoice = paid_by_control_api(console, Money(120_000))
    console.controller.session.log_out()
    console.log_in(CASHIER, CASHIER_PIN)  # a cashier may not list users, yet sees the names
    window = console.window
    model = window.payments_view.model

    def cashier_shown() -> str:
        row = model.row_of(invoice)
        return "" if row is None else str(model.index(row, PaymentColumn.CASHIER).data())

    qtbot.waitUntil(lambda: cashier_shown() == MANAGER, timeout=SLOW)
    window.open_payment(invoice)
    qtbot.waitUntil(lambda: window.current_invoice() == invoice, timeout=SLOW)
    assert console.controller.user_name(console.controller.session.user.id) == CASHIER


def test_reconciliation_keeps_running_while_a_refund_is_being_sent(
    console: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    invoice = paid_by_control_api(console, Money(300_000))
    reconciler = console.ctx.reconciler
    reports: list[ReconcileReport] = []
    original = reconciler.reconcile_all

    async def recording() -> ReconcileReport:
        report = await original()
        reports.append(report)
        return report

    monkeypatch.setattr(reconciler, "reconcile_all", recording)
    window = console.window
    window.open_payment(invoice)
    qtbot.waitUntil(window.commands.refund.isEnabled, timeout=SLOW)
    holds = console.sandbox.state.faults.holds
    console.sandbox.state.faults.add(Fault("refund", "hold", Decimal(MAX_FAULT_HOLD), 1))  # until released
    window.commands.refund.trigger()
    dialog = console.wait_dialog(RefundDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(holds.held("refund")), timeout=SLOW)  # the bank took it, no answer yet
    # a reconciliation round (every second here) ran during the refund and left it to its sender
    qtbot.waitUntil(lambda: any(r.in_flight for r in reports), timeout=SLOW)
    assert console.dialogs(RefundDialog)  # still waiting for the bank
    assert holds.release("refund") == 1
    qtbot.waitUntil(lambda: not console.dialogs(RefundDialog), timeout=SLOW)
    view = console.arun(console.ctx.queries.get_view(invoice))
    assert [op.state for op in view.operations] == [OpState.SUCCEEDED]
    assert view.status is ConsoleStatus.REFUND
    txn = console.ledger(invoice.value)
    assert [o.kind for o in txn.operations].count("refund") == 1
