"""The real console's payment list on a generated database (issue 10 point 3, decision 0053).

A manager logs in to a console whose database holds a few thousand generated payments: the list
says the true count, a click on the Amount header shows the true largest payment first, the
selection stays on its payment across a re-sort, a drag to the end shows the oldest payment,
Ctrl+F then Ctrl+R acts only on the visibly selected payment (decision 0014), and a payment the
services update changes its row while loaded.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from benchmarks.generate import generate
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.ui.money.refund_dialog import RefundDialog
from epay_desktop.ui.payments.list_model import PaymentColumn
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.windows import SLOW_MS

C = PaymentColumn
SIZE = 2_500
CTRL = Qt.KeyboardModifier.ControlModifier


def raw(database: str, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database.removeprefix("sqlite:///")) as conn:
        return conn.execute(sql, args).fetchall()


def click_header(qtbot: Any, view: Any, column: PaymentColumn, order: Qt.SortOrder) -> None:
    header = view.table.horizontalHeader()
    for _ in range(3):
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, order):
            break
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        qtbot.waitUntil(lambda: not view.model.is_loading, timeout=SLOW_MS)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, order)
    qtbot.waitUntil(lambda: view.model.payment_at(0) is not None, timeout=SLOW_MS)


def test_the_list_on_a_generated_database(real_console: Any, qtbot: Any, tmp_path: Any, arun: Any):
    url = real_console.ctx.store_settings.database_url
    generate(url, SIZE, seed=5, pepper_file=tmp_path / "generated-pepper.key")
    real_console.log_in(MANAGER, MANAGER_PIN)
    window = real_console.window
    view = window.payments_view
    qtbot.keyClick(view.table, Qt.Key.Key_F5)
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == SIZE and not model.is_loading, timeout=SLOW_MS)
    assert view.filters.count_label.text() == f"{SIZE} payments"

    # the true largest first, from the whole table (not the rows read so far)
    click_header(qtbot, view, C.AMOUNT, Qt.SortOrder.DescendingOrder)
    (largest,) = raw(url, "SELECT invoice_id FROM payments ORDER BY list_amount_minor DESC, id DESC LIMIT 1")[
        0
    ]
    assert model.index(0, C.INVOICE).data() == largest

    # a paid payment selected, then the list sorted by time: still that payment, wherever it is
    paid_rows = raw(
        url,
        "SELECT invoice_id FROM payments WHERE status = 'CHARGE' AND COALESCE(payout_amount_minor, 0) = 0 "
        "ORDER BY list_amount_minor DESC, id DESC LIMIT 2",
    )
    chosen, other = (InvoiceId(r[0]) for r in paid_rows)
    row = model.row_of(chosen)
    assert row is not None
    view.table.setFocus()
    view.table.setCurrentIndex(model.index(row, 0))
    qtbot.waitUntil(lambda: window.current_invoice() == chosen, timeout=SLOW_MS)
    click_header(qtbot, view, C.TIME, Qt.SortOrder.AscendingOrder)
    assert window.current_invoice() == chosen  # meanwhile the payment stays the one acted on
    qtbot.waitUntil(lambda: (p := view.current_payment()) is not None and p.invoice_id == chosen)
    assert window.current_invoice() == chosen
    assert model.payment_at(view.table.currentIndex().row()).invoice_id == chosen

    # a drag to the end of the newest-first list shows the oldest payment
    click_header(qtbot, view, C.TIME, Qt.SortOrder.DescendingOrder)
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: model.payment_at(SIZE - 1) is not None, timeout=SLOW_MS)
    (oldest,) = raw(url, "SELECT invoice_id FROM payments ORDER BY created_at, id LIMIT 1")[0]
    assert model.index(SIZE - 1, C.INVOICE).data() == oldest
    assert model.loaded_rows < SIZE

    # Ctrl+F a search that lists only another payment: nothing acts on the hidden one
    qtbot.waitUntil(lambda: window.current_invoice() == chosen, timeout=SLOW_MS)
    qtbot.keyClick(view.table, Qt.Key.Key_F, CTRL)
    edit = view.search_edit
    assert edit.hasFocus()
    qtbot.keyClicks(edit, other.value)
    qtbot.waitUntil(lambda: model.filter.search == other.value and not model.is_loading, timeout=SLOW_MS)
    assert model.rowCount() == 1 and model.payment_at(0).invoice_id == other
    qtbot.waitUntil(lambda: window.current_invoice() is None, timeout=SLOW_MS)
    qtbot.keyClick(edit, Qt.Key.Key_R, CTRL)
    QApplication.processEvents()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, RefundDialog) and w.isVisible()]
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter goes to the one match: Ctrl+R refunds that one
    qtbot.waitUntil(lambda: window.current_invoice() == other, timeout=SLOW_MS)
    qtbot.waitUntil(window.commands.refund.isEnabled, timeout=SLOW_MS)
    qtbot.keyClick(view.table, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(
        lambda: any(isinstance(w, RefundDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=SLOW_MS,
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RefundDialog) and w.isVisible())
    assert dialog.view.payment.invoice_id == other
    dialog.reject()

    # a payment the services update (as the poller does) changes its loaded row
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: model.rowCount() == SIZE and not model.is_loading, timeout=SLOW_MS)
    top = model.payment_at(0)
    assert top is not None and top.status is not ConsoleStatus.REFUND
    refunded = replace(top, status=ConsoleStatus.REFUND, payout_amount=top.amount)
    with qtbot.waitSignal(model.dataChanged, timeout=SLOW_MS):
        real_console.ctx.events.publish(PaymentUpdated(refunded, top.status))
    assert model.index(0, C.STATUS).data() == "Refunded"
    assert model.rowCount() == SIZE
