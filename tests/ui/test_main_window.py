"""MainWindow: shortcuts emit the right requests, Enter opens the detail, disabled actions say why,
live updates reach the list, the detail panel and the status bar."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.services.events import PollerHealthChanged
from epay_desktop.ui.payments.list_model import PaymentColumn
from epay_desktop.ui.window.actions import payment_availability

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


def make_user(role: Role, name: str = "Aigerim") -> User:
    return User(1, name, role, True, 0, None, NOW)


@pytest.fixture
def window(open_main_window, fake_services, bridge, make_payment):
    fake_services.queries.add(
        make_payment(status=S.CHARGE),
        make_payment(status=S.REJECT, reason="Insufficient funds"),
        make_payment(status=S.AUTH),
    )
    user, names = make_user(Role.MANAGER), {1: "Aigerim"}.get
    return open_main_window(3, bridge=bridge, user=user, user_name=names, clock=lambda: NOW)


def select_row(qtbot, w, row: int) -> None:
    table = w.payments_view.table
    table.setFocus()
    table.setCurrentIndex(w.payments_view.model.index(row, 0))
    invoice = w.current_invoice()
    qtbot.waitUntil(
        lambda: w.detail_view.view is not None and w.detail_view.view.payment.invoice_id == invoice
    )


def test_title_menus_and_status_bar(window):
    assert window.windowTitle() == "SANDBOX — ePay Desktop"  # Qt appends nothing (ui/common/titles.py)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Payment", "Shi&ft", "&View", "&Session", "Se&ttings", "&Help"]
    assert window.status_bar.environment_label.text() == "SANDBOX"
    assert window.status_bar.user_label.text() == "Aigerim · manager"
    c = window.commands
    shortcuts = {a.objectName(): a.shortcut().toString() for a in c.all() if not a.shortcut().isEmpty()}
    assert shortcuts == {
        "action_new_payment": "F2", "action_refund": "Ctrl+R", "action_print_receipt": "Ctrl+P",
        "action_refresh": "F5", "action_find": "Ctrl+F", "action_lock": "Ctrl+L",
        "action_settings": "Ctrl+,", "action_attention": "Ctrl+Shift+A", "action_check_bank": "Shift+F5",
        "action_dashboard": "Ctrl+Shift+D", "action_shortcuts": "F1", "action_user_guide": "Shift+F1",
        # the Shift menu (decision 0146)
        "action_shift_open": "Ctrl+Shift+O", "action_shift_x": "Ctrl+Shift+X",
        "action_shift_close": "Ctrl+Shift+C", "action_shift_history": "Ctrl+Shift+H",
        "action_fiscal_register": "Ctrl+Shift+F",
    }  # fmt: skip


def test_f2_asks_for_a_new_payment(qtbot, window):
    with qtbot.waitSignal(window.new_payment_requested):
        qtbot.keyClick(window.payments_view.table, Qt.Key.Key_F2)


def test_ctrl_f_goes_to_the_search(qtbot, window):
    window.payments_view.table.setFocus()
    qtbot.keyClick(window.payments_view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.payments_view.search_edit.hasFocus()


def test_enter_opens_the_selected_payment(qtbot, window, fake_services):
    table = window.payments_view.table
    table.setFocus()
    table.setCurrentIndex(window.payments_view.model.index(1, 0))
    invoice = window.current_invoice()
    with qtbot.waitSignal(window.payment_opened) as opened, qtbot.waitSignal(window.detail_view.loaded):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [invoice]
    assert window.detail_view.title_label.text() == f"Payment {invoice.value}"


def test_ctrl_r_and_ctrl_p_ask_for_the_current_payment(qtbot, window):
    select_row(qtbot, window, 2)  # the oldest: CHARGE
    invoice = window.current_invoice()
    with qtbot.waitSignal(window.refund_requested) as refund:
        qtbot.keyClick(window.payments_view.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert refund.args == [invoice]
    with qtbot.waitSignal(window.print_requested) as printed:
        qtbot.keyClick(window.payments_view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.args == [invoice]


def test_f5_reloads_the_list(qtbot, window, fake_services):
    calls = len(fake_services.queries.list_calls)
    qtbot.keyClick(window.payments_view.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(fake_services.queries.list_calls) == calls + 2)  # its count and first page
    assert [c["call"] for c in fake_services.queries.list_calls[calls:]] == ["list_counts", "list_page"]


def test_disabled_actions_say_why(qtbot, window):
    c = window.commands
    assert not c.refund.isEnabled() and "Select a payment" in c.refund.toolTip()
    select_row(qtbot, window, 1)  # REJECT
    assert not c.refund.isEnabled()
    assert "Only a paid payment can be refunded" in c.refund.toolTip()
    assert "“Declined”" in c.refund.statusTip()
    assert not c.print_receipt.isEnabled() and "only for paid payments" in c.print_receipt.toolTip()
    assert not c.cancel.isEnabled() and "Only a held payment" in c.cancel.toolTip()
    select_row(qtbot, window, 0)  # AUTH
    assert c.cancel.isEnabled() and c.charge.isEnabled()
    assert not c.refund.isEnabled() and "charge or cancel it" in c.refund.toolTip()
    with qtbot.waitSignal(window.cancel_requested):
        c.cancel.trigger()


def test_a_cashier_may_refund_with_a_managers_approval_but_not_open_settings(qtbot, window):
    window.set_user(make_user(Role.CASHIER, "Marina"))
    assert window.status_bar.user_label.text() == "Marina · cashier"
    select_row(qtbot, window, 2)  # CHARGE
    c = window.commands
    assert c.refund.isEnabled()
    assert "A manager's approval will be asked for." in c.refund.toolTip()
    assert not c.settings.isEnabled()
    assert "Only a manager or an administrator" in c.settings.toolTip()
    window.set_user(None)
    assert not c.new_payment.isEnabled() and not c.refund.isEnabled()
    assert "Log in first." in c.refund.toolTip()


def test_an_unresolved_operation_blocks_money_actions(qtbot, window, fake_services, make_op, monkeypatch):
    charged = fake_services.queries.payments[0]
    original = fake_services.queries.get_view

    async def get_view(invoice_id):
        view = await original(invoice_id)
        view.operations = [make_op(view.payment, state=OpState.NEEDS_REVIEW)]
        return view

    monkeypatch.setattr(fake_services.queries, "get_view", get_view)
    select_row(qtbot, window, 2)
    assert window.current_invoice() == charged.invoice_id
    c = window.commands
    assert not c.refund.isEnabled()
    assert "A manager must first review" in c.refund.toolTip()
    assert c.review.isEnabled()
    with qtbot.waitSignal(window.review_requested) as review:
        c.review.trigger()
    assert review.args[0].state is OpState.NEEDS_REVIEW
    assert window.detail_view.banner.isVisible()


def test_session_and_settings_actions_are_signals(qtbot, window):
    c = window.commands
    for action, signal in (
        (c.switch_user, window.switch_user_requested),
        (c.lock, window.lock_requested),
        (c.log_out, window.log_out_requested),
        (c.settings, window.settings_requested),
    ):
        with qtbot.waitSignal(signal):
            action.trigger()


def test_about_opens_without_blocking(qtbot, window):
    window.commands.about.trigger()  # returns at once: open(), never exec()
    box = window.findChild(QMessageBox, "about_box")
    assert box is not None and box.isVisible()
    assert "ePay Desktop" in box.text()
    box.accept()


def test_live_updates_reach_the_row_the_detail_and_the_health(
    qtbot, window, bridge, fake_services, make_payment
):
    select_row(qtbot, window, 0)  # AUTH
    held = window.detail_view.view.payment
    charged = replace(held, status=S.CHARGE, version=2)
    fake_services.queries.update(charged)
    with qtbot.waitSignal(window.detail_view.loaded):
        fake_services.events.publish(PaymentUpdated(charged))
    proxy = window.payments_view.model  # no sort proxy: the model is sorted in SQL
    assert proxy.index(0, PaymentColumn.STATUS).data() == "Paid"
    assert window.detail_view.badge.text() == "Paid"
    assert window.commands.refund.isEnabled()  # actions follow the new status
    newest = make_payment(amount=Money(777_700), status=S.PENDING)
    fake_services.queries.add(newest)
    with qtbot.waitSignal(window.payments_view.model.rowsInserted):
        fake_services.events.publish(PaymentUpdated(newest))
    assert proxy.index(0, PaymentColumn.INVOICE).data() == newest.invoice_id.value
    with qtbot.waitSignal(bridge.poller_health_changed):
        fake_services.events.publish(PollerHealthChanged(False, NOW, "No answer from the bank."))
    qtbot.waitUntil(lambda: window.status_bar.health_label.text() == "● Bank not reachable — retrying")


def test_availability_rules(make_payment, make_op):
    manager, cashier = make_user(Role.MANAGER), make_user(Role.CASHIER)
    charged = make_payment(status=S.CHARGE)
    assert payment_availability(manager, charged)["refund"].enabled
    spent = replace(charged, gateway_amount=Money(0), payout_amount=charged.amount)  # refunded in parts
    states = payment_availability(manager, spent)
    assert (
        not states["refund"].enabled and states["refund"].note == "Nothing remains to refund on this payment."
    )
    fully = make_payment(status=S.REFUND)  # fully: nothing left by the amounts (REFUND alone does not say it)
    refunded = payment_availability(
        cashier, replace(fully, gateway_amount=Money(0), payout_amount=fully.amount)
    )
    assert refunded["refund"].note == "This payment is already fully refunded."
    assert refunded["print"].enabled
    assert payment_availability(manager, charged, receipts=1)["print"].note.startswith("Printed before")
    unknown = payment_availability(manager, charged, [make_op(charged, state=OpState.UNKNOWN)])
    assert not unknown["refund"].enabled and "still being checked" in unknown["refund"].note
    assert not unknown["review"].enabled
    review = payment_availability(cashier, charged, [make_op(charged, state=OpState.NEEDS_REVIEW)])
    assert review["review"].note == "Only a manager can review an operation."
    cancelled = payment_availability(manager, make_payment(status=S.CANCEL))
    assert "hold was released" in cancelled["refund"].note


def test_opening_a_payment_the_list_does_not_show(qtbot, window, fake_services, make_payment):
    hidden = make_payment(status=S.CHARGE)
    fake_services.queries.add(hidden)  # e.g. filtered out, or not loaded yet
    select_row(qtbot, window, 1)
    with qtbot.waitSignal(window.detail_view.loaded):
        window.open_payment(hidden.invoice_id)
    assert window.payments_view.current_payment() is None  # no row stands for it
    assert window.current_invoice() == hidden.invoice_id
    with qtbot.waitSignal(window.print_requested) as printed:
        window.commands.print_receipt.trigger()
    assert printed.args == [hidden.invoice_id]  # the shown payment, not the row selected before


def test_a_search_that_finds_nothing_clears_the_detail(qtbot, window):
    select_row(qtbot, window, 0)
    assert window.current_invoice() is not None
    window.payments_view.search_edit.setText("no-such-payment")
    qtbot.waitUntil(lambda: window.detail_view.view is None)
    detail = window.detail_view
    assert detail.invoice_id is None and detail.stack.currentWidget() is detail.placeholder
    assert detail.placeholder.text().startswith("Nothing to show: no payment matches")
    assert window.current_invoice() is None and not window.commands.refund.isEnabled()
    assert window.grab().save("/tmp/no-matches.png")  # noqa: S108
