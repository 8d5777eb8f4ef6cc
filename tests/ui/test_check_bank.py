"""Payment → Check with the bank (Shift+F5, decision 0041) in the main window with fakes: the shortcut asks
for the selected payment, the action needs a user and a selection and is disabled while a check runs;
the one status-bar line says what the check found. The real check against the sandbox:
tests/e2e/test_console_check_bank.py; the service: tests/services/test_check_payment.py."""

from __future__ import annotations

import asyncio
from datetime import UTC
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.services.payments.reconcile import ReconcileChange
from epay_desktop.services.payments.reconcile import ReconcileReport
from epay_desktop.ui.payments.check_bank import check_bank_flow
from epay_desktop.ui.payments.check_bank import check_summary
from epay_desktop.ui.window.actions import check_bank_availability

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
INVOICE = InvoiceId("000000123")


def make_user(role: Role) -> User:
    return User(1, "Aigerim", role, True, 0, None, NOW)


@pytest.fixture
def window(open_main_window, fake_services, bridge, make_payment):
    fake_services.queries.add(make_payment(status=S.CHARGE), make_payment(status=S.AUTH))
    return open_main_window(2, bridge=bridge, user=make_user(Role.CASHIER), clock=lambda: NOW)


def test_shift_f5_asks_to_check_the_selected_payment_and_a_cashier_may(qtbot, window):
    action = window.commands.check_bank
    assert not action.isEnabled() and "Select a payment" in action.toolTip()
    table = window.payments_view.table
    table.setFocus()
    table.setCurrentIndex(window.payments_view.model.index(1, 0))
    invoice = window.current_invoice()
    assert invoice is not None and action.isEnabled()  # a cashier too: it moves no money
    with qtbot.waitSignal(window.check_bank_requested) as asked:
        qtbot.keyClick(table, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert asked.args == [invoice]
    payment_menu = window.menuBar().actions()[0].menu()
    assert action in payment_menu.actions()

    window.set_checking(True)  # a check runs: no second one
    assert not action.isEnabled() and "Checking with the bank" in action.statusTip()
    with qtbot.assertNotEmitted(window.check_bank_requested, wait=100):
        qtbot.keyClick(table, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    window.set_checking(False)
    assert action.isEnabled()

    window.set_user(None)
    assert not action.isEnabled() and "Log in first" in action.toolTip()


def test_availability_needs_a_user_and_a_payment(make_payment):
    payment = make_payment(status=S.REJECT)
    assert not check_bank_availability(None, payment).enabled
    assert not check_bank_availability(make_user(Role.CASHIER), None).enabled
    assert check_bank_availability(make_user(Role.CASHIER), payment).enabled  # any status
    assert not check_bank_availability(make_user(Role.MANAGER), payment, checking=True).enabled


def test_the_status_bar_line_says_what_was_found(qapp):
    nothing = ReconcileReport(ops_checked=0, payments_checked=1, books_checked=1)
    assert check_summary(nothing) == "Checked with the bank: nothing changed."
    external = ReconcileReport(external_refunds=[(INVOICE, Money(100_000))], discrepancies_opened=1)
    assert check_summary(external).replace("\xa0", " ").replace("\u202f", " ") == (
        "Checked with the bank: 1 000,00 ₸ refunded outside the console (see Needs attention)."
    )
    differ = ReconcileReport(discrepancies_opened=1)
    assert "books and the bank's differ" in check_summary(differ)
    status = ReconcileReport(changes=[ReconcileChange("payment:000000123", "AUTH", "CHARGE", "x")])
    assert check_summary(status) == "Checked with the bank: the payment is now “Paid”."
    settled = ReconcileReport(changes=[ReconcileChange("op:1", "UNKNOWN", "SUCCEEDED", "x")])
    assert "an unfinished operation was settled" in check_summary(settled)
    late = ReconcileReport(books_waiting=["invoice 000000123: sent less than 30 s ago"])
    assert "check again in a minute" in check_summary(late)
    flying = ReconcileReport(in_flight=["op-1"])
    assert "being sent right now" in check_summary(flying)
    down = ReconcileReport(problems=["payment 000000123: The bank did not answer."])
    assert check_summary(down) == "Could not check with the bank: payment 000000123: The bank did not answer."


def test_the_flow_asks_the_checker_for_that_invoice(qtbot, aloop):
    asked: list[InvoiceId] = []

    class Checker:
        async def check_payment(self, invoice_id: InvoiceId) -> ReconcileReport:
            asked.append(invoice_id)
            return ReconcileReport()

    task = asyncio.ensure_future(check_bank_flow(Checker(), INVOICE))
    qtbot.waitUntil(task.done)
    assert asked == [INVOICE] and task.result() == "Checked with the bank: nothing changed."
