"""The selection is what the actions act on (issue 7, point 1), on the real MainWindow with fakes.

A search or filter that hides the selected payment clears the detail and disables Refund, Charge,
Cancel and Print with the reason in their tooltips; Ctrl+R then opens nothing. A search that still
lists it keeps it selected; F5 keeps it; a payment opened by invoice (after a checkout) stops being
the target once a search hides it.
"""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import Role
from epay_desktop.domain import User

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
CTRL = Qt.KeyboardModifier.ControlModifier


def make_user(role: Role) -> User:
    return User(1, "Aigerim", role, True, 0, None, NOW)


@pytest.fixture
def payments(fake_services, make_payment):
    q = fake_services.queries
    q.add(
        make_payment(status=S.CHARGE, card_mask="440563...1111"),  # 000100001: the one we select
        make_payment(status=S.CHARGE, card_mask="440563...5096"),  # 000100002
        make_payment(status=S.AUTH, card_mask="440563...5096"),  # 000100003
    )
    return q.payments


@pytest.fixture
def window(open_main_window, payments):
    return open_main_window(3, user=make_user(Role.MANAGER), clock=lambda: NOW)


def select(qtbot, w, invoice) -> None:
    view = w.payments_view
    view.table.setFocus()
    assert view.select_invoice(invoice)
    qtbot.waitUntil(
        lambda: w.detail_view.view is not None and w.detail_view.view.payment.invoice_id == invoice
    )
    qtbot.waitUntil(w.commands.refund.isEnabled)


def search(qtbot, w, text: str, rows: int) -> None:
    """Ctrl+F, type ``text`` (the list asks after the typing pause), wait for ``rows`` rows."""
    qtbot.keyClick(w.payments_view.table, Qt.Key.Key_F, CTRL)
    edit = w.payments_view.search_edit
    assert edit.hasFocus()
    qtbot.keyClicks(edit, text)
    qtbot.waitUntil(lambda: w.payments_view.model.filter.search == text)
    qtbot.waitUntil(lambda: not w.payments_view.model.is_loading and w.payments_view.model.rowCount() == rows)


MONEY_ACTIONS = ("refund", "cancel", "charge", "print_receipt")


def test_a_search_that_hides_the_selected_payment_clears_the_detail_and_disables_the_actions(
    qtbot, window, payments
):
    hidden = payments[0]
    select(qtbot, window, hidden.invoice_id)
    search(qtbot, window, "5096", rows=2)  # the two other payments

    qtbot.waitUntil(lambda: window.detail_view.view is None)
    assert hidden.invoice_id.value in window.detail_view.placeholder.text()
    assert window.current_invoice() is None
    for name in MONEY_ACTIONS:
        action = getattr(window.commands, name)
        assert not action.isEnabled(), name
        assert "hidden by the search or filters" in action.toolTip(), name
        assert hidden.invoice_id.value in action.statusTip(), name
    with qtbot.assertNotEmitted(window.refund_requested), qtbot.assertNotEmitted(window.print_requested):
        qtbot.keyClick(window.payments_view.search_edit, Qt.Key.Key_R, CTRL)
        qtbot.keyClick(window.payments_view.search_edit, Qt.Key.Key_P, CTRL)
        window._emit_for_current(window.refund_requested)  # even a stray trigger finds no target

    # Esc clears the search: it is listed again but not chosen for the cashier, who picks
    qtbot.keyClick(window.payments_view.search_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: window.payments_view.model.rowCount() == 3 and not window.payments_view.model.is_loading
    )
    assert window.current_invoice() is None
    assert "Select a payment in the list first." in window.commands.refund.toolTip()
    placeholder = window.detail_view.placeholder.text()  # the detail no longer says it is hidden
    assert hidden.invoice_id.value not in placeholder and "Select a payment" in placeholder
    search(qtbot, window, "5096", rows=2)

    # choosing a listed payment makes it the target
    other = window.payments_view.model.index(1, 0)  # 000100002, paid
    window.payments_view.table.setCurrentIndex(other)
    invoice = window.current_invoice()
    assert invoice is not None and invoice != hidden.invoice_id
    qtbot.waitUntil(window.commands.refund.isEnabled)
    with qtbot.waitSignal(window.refund_requested) as refund:
        qtbot.keyClick(window.payments_view.table, Qt.Key.Key_R, CTRL)
    assert refund.args == [invoice]


def test_a_filter_that_hides_it_does_the_same_and_says_so_and_esc_shows_all(qtbot, window, payments):
    """Found walking the demo: a status filter hid the selected payment and the detail said "Clear the
    search (Esc)" with no search typed. It says what hides it and the way back; Esc does it wherever
    the keyboard is (here still on the filter just chosen): every payment shown (decision 0156)."""
    hidden = payments[0]
    select(qtbot, window, hidden.invoice_id)  # paid (CHARGE)
    view = window.payments_view
    combo = view.filters.status_combo
    combo.setFocus()
    while combo.currentData() != "status:AUTH":  # only held payments, chosen with the keyboard
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not view.model.is_loading and view.model.rowCount() == 1)
    qtbot.waitUntil(lambda: not window.commands.refund.isEnabled())
    assert window.current_invoice() is None
    assert window.detail_view.view is None
    said = window.detail_view.placeholder.text()
    assert hidden.invoice_id.value in said and "status or dates chosen" in said, said
    assert "Show all payments (Esc)" in said and "search" not in said, said

    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.model.is_loading and view.model.rowCount() == 3)
    assert combo.currentData() == "all" and view.filters.period_combo.currentData() == "all"
    assert combo.shown_text() == combo.currentText()
    assert view.model.filter.statuses is None
    placeholder = window.detail_view.placeholder.text()  # no longer said hidden; the cashier picks
    assert hidden.invoice_id.value not in placeholder and "Select a payment" in placeholder
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)  # nothing hidden: Esc changes nothing now
    assert combo.currentData() == "all" and not view.model.is_loading


def test_while_the_search_is_loading_nothing_is_acted_on(qtbot, window, payments, fake_services):
    select(qtbot, window, payments[0].invoice_id)
    fake_services.queries.hold()  # the search's page does not arrive yet
    qtbot.keyClick(window.payments_view.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.payments_view.search_edit, "5096")
    qtbot.waitUntil(lambda: window.payments_view.model.is_loading)
    assert not window.commands.refund.isEnabled()
    assert "being searched" in window.commands.refund.toolTip()
    with qtbot.assertNotEmitted(window.refund_requested):
        window._emit_for_current(window.refund_requested)
    fake_services.queries.release()
    qtbot.waitUntil(lambda: not window.payments_view.model.is_loading)
    assert "hidden by the search" in window.commands.refund.toolTip()


def test_a_search_that_still_lists_it_keeps_it_selected(qtbot, window, payments):
    kept = payments[1]
    select(qtbot, window, kept.invoice_id)
    search(qtbot, window, "5096", rows=2)
    qtbot.waitUntil(lambda: window.payments_view.current_payment() is not None)
    assert window.payments_view.current_payment().id == kept.id
    assert window.detail_view.view is not None and window.detail_view.view.payment.id == kept.id
    qtbot.waitUntil(window.commands.refund.isEnabled)
    with qtbot.waitSignal(window.refund_requested) as refund:
        qtbot.keyClick(window.payments_view.search_edit, Qt.Key.Key_R, CTRL)
    assert refund.args == [kept.invoice_id]


def test_f5_keeps_the_selected_payment(qtbot, window, payments, fake_services):
    kept = payments[0]
    select(qtbot, window, kept.invoice_id)
    calls = len(fake_services.queries.list_calls)
    qtbot.keyClick(window.payments_view.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(fake_services.queries.list_calls) > calls)
    qtbot.waitUntil(lambda: not window.payments_view.model.is_loading)
    qtbot.waitUntil(lambda: window.payments_view.current_payment() is not None)
    assert window.payments_view.current_payment().id == kept.id
    assert window.current_invoice() == kept.invoice_id
    assert window.commands.refund.isEnabled()


def test_a_payment_opened_after_a_checkout_stops_being_the_target_when_a_search_hides_it(
    qtbot, window, payments, fake_services, make_payment
):
    search(qtbot, window, "5096", rows=2)
    sold = make_payment(status=S.CHARGE, card_mask="440563...7777")  # the sale just taken
    fake_services.queries.add(sold)
    window.open_payment(sold.invoice_id)  # not listed by this search, opened on purpose
    qtbot.waitUntil(lambda: window.current_invoice() == sold.invoice_id)
    qtbot.waitUntil(window.commands.refund.isEnabled)
    with qtbot.waitSignal(window.refund_requested) as refund:
        window.commands.refund.trigger()
    assert refund.args == [sold.invoice_id]

    edit = window.payments_view.search_edit
    edit.clear()
    qtbot.keyClicks(edit, "1111")  # a new search that does not list it
    qtbot.waitUntil(lambda: window.payments_view.model.filter.search == "1111")
    qtbot.waitUntil(lambda: not window.payments_view.model.is_loading)
    qtbot.waitUntil(lambda: not window.commands.refund.isEnabled())
    assert window.current_invoice() is None
    assert sold.invoice_id.value in window.commands.refund.toolTip()
