"""The real console on the sandbox: what the actions act on is the payment visibly selected.

Issue 7, point 1: select a payment, Ctrl+F a search that lists only another one, Ctrl+R: no refund
dialog opens for the hidden payment, the detail is cleared and the actions say why they are off.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.ui.money.refund_dialog import RefundDialog
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000
CTRL = Qt.KeyboardModifier.ControlModifier


def click_row(qtbot: Any, window: Any, invoice: InvoiceId) -> None:
    view = window.payments_view
    qtbot.waitUntil(lambda: view.model.row_of(invoice) is not None, timeout=SLOW)
    index = view.model.index(view.model.row_of(invoice), 1)
    view.table.scrollTo(index)
    qtbot.mouseClick(
        view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: window.current_invoice() == invoice, timeout=SLOW)


def test_a_search_that_hides_the_selected_payment_leaves_nothing_to_refund(console: Any, qtbot: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    hidden = console.paid(Money(275_000))
    shown = console.paid(Money(50_960))
    window = console.window
    window.refresh()
    click_row(qtbot, window, hidden)
    qtbot.waitUntil(lambda: window.detail_view.invoice_id == hidden, timeout=SLOW)
    qtbot.waitUntil(window.commands.refund.isEnabled, timeout=SLOW)

    qtbot.keyClick(window.payments_view.table, Qt.Key.Key_F, CTRL)  # Ctrl+F
    edit = window.payments_view.search_edit
    assert edit.hasFocus()
    qtbot.keyClicks(edit, shown.value)
    model = window.payments_view.model
    qtbot.waitUntil(lambda: model.filter.search == shown.value and not model.is_loading, timeout=SLOW)
    assert model.rowCount() == 1 and model.payment_at(0).invoice_id == shown

    qtbot.waitUntil(lambda: window.detail_view.view is None, timeout=SLOW)
    assert hidden.value in window.detail_view.placeholder.text()
    for action in (window.commands.refund, window.commands.print_receipt):
        assert not action.isEnabled()
        assert "hidden by the search or filters" in action.toolTip()
    qtbot.keyClick(edit, Qt.Key.Key_R, CTRL)  # Ctrl+R
    QApplication.processEvents()
    assert not console.dialogs(RefundDialog)

    # Enter in the search goes to the one match; Ctrl+R now refunds that one, fetched fresh
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_invoice() == shown, timeout=SLOW)
    qtbot.waitUntil(window.commands.refund.isEnabled, timeout=SLOW)
    qtbot.keyClick(window.payments_view.table, Qt.Key.Key_R, CTRL)
    dialog = console.wait_dialog(RefundDialog)
    assert dialog.view.payment.invoice_id == shown
    dialog.reject()
