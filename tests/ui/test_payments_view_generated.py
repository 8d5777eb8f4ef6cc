"""The payment list over a generated database (issue 10, decision 0053): the view shows the true
count, the true top of any sort, the oldest payment at the end of a drag, filters + search + sort
equal to a plain query, the selection kept by payment id across a re-sort, Home/End/PageDown, and a
live update of a loaded row. Real PaymentQueries on SQLite (the store's worker thread), not timed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt

from benchmarks.generate import generate
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Payment
from epay_desktop.services.payments.queries import ListSort
from epay_desktop.services.payments.queries import PaymentQueries
from epay_desktop.store.db import Store
from epay_desktop.store.db import make_engine
from epay_desktop.ui.payments.list_model import PaymentColumn
from epay_desktop.ui.payments.list_model import PaymentFilter
from epay_desktop.ui.payments.list_view import PaymentsView

C = PaymentColumn
SIZE = 3_000
#: One worker generates the module's database once (a module fixture is built on each worker it runs on).
pytestmark = pytest.mark.xdist_group("generated-payments-view")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("generated") / "epay-desktop.db"
    generate(f"sqlite:///{db}", SIZE, seed=11)
    return db


@pytest.fixture
def queries(database: Path) -> Iterator[PaymentQueries]:
    store = Store(make_engine(f"sqlite:///{database}"))
    yield PaymentQueries(store)
    store.close()


@pytest.fixture
def view(qtbot: Any, aloop: Any, queries: PaymentQueries) -> PaymentsView:
    widget = PaymentsView(queries, page_size=100)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    settle(qtbot, widget)
    return widget


def raw(database: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as conn:
        return conn.execute(sql, args).fetchall()


def settle(qtbot: Any, view: PaymentsView) -> None:
    qtbot.waitUntil(lambda: view.model.counted and not view.model.is_loading, timeout=15_000)


def shown(view: PaymentsView, row: int, column: PaymentColumn = C.INVOICE) -> Any:
    return view.model.index(row, column).data()


def rows_of(qtbot: Any, view: PaymentsView) -> list[Payment]:
    """Every row of the list, page by page as the view reads them (scrolled through)."""
    found: list[Payment] = []
    for row in range(view.model.rowCount()):
        index = view.model.index(row, 0)
        if view.model.payment_at(row) is None:
            view.table.scrollTo(index)
            index.data()
            qtbot.waitUntil(lambda r=row: view.model.payment_at(r) is not None, timeout=15_000)
        payment = view.model.payment_at(row)
        assert payment is not None
        found.append(payment)
    return found


def sort_by(qtbot: Any, view: PaymentsView, column: PaymentColumn, order: Qt.SortOrder) -> None:
    """Click the column's header until it sorts in ``order``, as a person does."""
    header = view.table.horizontalHeader()
    for _ in range(3):
        if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == order:
            break
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        settle(qtbot, view)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, order)
    settle(qtbot, view)


def test_the_row_count_is_count_star_and_only_pages_shown_are_read(view: PaymentsView, database: Path):
    (count,) = raw(database, "SELECT COUNT(*) FROM payments")[0]
    assert count == SIZE and view.model.rowCount() == count
    assert view.filters.count_label.text() == f"{count} payments"  # every one, not the rows read so far
    assert view.model.loaded_rows <= 200


def test_sorting_by_amount_shows_the_true_largest_first(qtbot: Any, view: PaymentsView, database: Path):
    sort_by(qtbot, view, C.AMOUNT, Qt.SortOrder.DescendingOrder)
    (largest_id,) = raw(database, "SELECT id FROM payments ORDER BY list_amount_minor DESC, id DESC LIMIT 1")[
        0
    ]
    qtbot.waitUntil(lambda: view.model.payment_at(0) is not None)
    assert view.model.payment_at(0).id == largest_id
    (largest,) = raw(database, "SELECT MAX(list_amount_minor) FROM payments")[0]
    from epay_desktop.ui.common.amounts import shown_amount

    assert shown_amount(view.model.payment_at(0)).minor == largest
    assert shown(view, 0, C.AMOUNT) == shown_amount(view.model.payment_at(0)).format()
    sort_by(qtbot, view, C.AMOUNT, Qt.SortOrder.AscendingOrder)
    (smallest,) = raw(database, "SELECT MIN(list_amount_minor) FROM payments")[0]
    qtbot.waitUntil(lambda: view.model.payment_at(0) is not None)
    assert shown_amount(view.model.payment_at(0)).minor == smallest


def test_a_drag_to_the_last_row_shows_the_oldest_payment(qtbot: Any, view: PaymentsView, database: Path):
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum())  # the scrollbar dragged to the end
    last = view.model.rowCount() - 1
    qtbot.waitUntil(lambda: view.model.payment_at(last) is not None, timeout=15_000)
    (oldest,) = raw(database, "SELECT invoice_id FROM payments ORDER BY created_at, id LIMIT 1")[0]
    assert shown(view, last) == oldest
    assert view.model.loaded_rows <= 400  # the first page and the last, not all between
    view.table.viewport().grab()  # painted: no row is left blank at the end


FILTERS = [
    ("paid", "", C.AMOUNT, Qt.SortOrder.DescendingOrder),
    ("declined", "", C.CARD, Qt.SortOrder.AscendingOrder),
    ("all", "5", C.STATUS, Qt.SortOrder.AscendingOrder),
    ("refunded", "", C.REFUNDED, Qt.SortOrder.DescendingOrder),
    ("all", "", C.INVOICE, Qt.SortOrder.AscendingOrder),
]


@pytest.mark.parametrize(("group", "search", "column", "order"), FILTERS)
def test_filter_search_and_sort_equal_a_plain_query(
    qtbot: Any,
    view: PaymentsView,
    queries: PaymentQueries,
    arun: Any,
    group: str,
    search: str,
    column: Any,
    order: Any,
):
    combo = view.filters.status_combo
    combo.setCurrentIndex(combo.findData(group))
    if search:
        view.search_edit.setText(search)
        qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    sort_by(qtbot, view, column, order)
    settle(qtbot, view)
    wanted = view.current_filter()
    assert wanted.search == (search or None)
    listed = rows_of(qtbot, view)
    # the plain query: every payment, tested one by one with the filter's own test, sorted in Python
    everything: list[Payment] = []
    cursor = None
    while True:
        page = arun(queries.list_payments(limit=1000, after=cursor))
        everything += page.payments
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    expected = sorted((p for p in everything if wanted.matches(p)), key=lambda p: _key(column, p))
    if order == Qt.SortOrder.DescendingOrder:
        expected.reverse()
    assert [p.id for p in listed] == [p.id for p in expected]
    assert view.model.rowCount() == len(expected)
    assert str(len(expected)) in view.filters.count_label.text()


def _key(column: PaymentColumn, p: Payment) -> tuple[Any, ...]:
    from epay_desktop.store.list_keys import list_keys_of

    amount, refunded, last4 = list_keys_of(p)
    return {
        C.AMOUNT: (amount, p.id),
        C.REFUNDED: (refunded, p.id),
        C.CARD: (last4, p.id),
        C.INVOICE: (p.invoice_id.value,),
        C.STATUS: (list(ConsoleStatus).index(p.status), p.created_at, p.id),
        C.TIME: (p.created_at, p.id),
    }[column]


def test_the_selection_survives_a_re_sort(qtbot: Any, view: PaymentsView):
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(7, 0))
    chosen = view.current_payment()
    assert chosen is not None
    sort_by(qtbot, view, C.AMOUNT, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: view.current_payment() is not None, timeout=15_000)
    assert view.current_payment().id == chosen.id  # the same payment, wherever it now stands
    row = view.table.currentIndex().row()
    assert view.model.payment_at(row).id == chosen.id
    assert view.table.visualRect(view.table.currentIndex()).intersects(view.table.viewport().rect())
    sort_by(qtbot, view, C.CARD, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: view.current_payment() is not None and view.current_payment().id == chosen.id)


def test_home_end_and_page_down(qtbot: Any, view: PaymentsView, database: Path):
    told: list[Any] = []
    view.current_changed.connect(told.append)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_End)
    last = view.model.rowCount() - 1
    assert view.table.currentIndex().row() == last
    qtbot.waitUntil(lambda: view.current_payment() is not None, timeout=15_000)
    (oldest,) = raw(database, "SELECT id FROM payments ORDER BY created_at, id LIMIT 1")[0]
    assert view.current_payment().id == oldest
    assert told[-1] is not None and told[-1].id == oldest  # the window heard of it once its page came
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    (newest,) = raw(database, "SELECT id FROM payments ORDER BY created_at DESC, id DESC LIMIT 1")[0]
    assert view.current_payment().id == newest
    qtbot.keyClick(view.table, Qt.Key.Key_PageDown)
    moved = view.table.currentIndex().row()
    assert moved > 5
    qtbot.waitUntil(lambda: view.current_payment() is not None)
    assert view.current_payment().id == view.model.payment_at(moved).id


def test_a_live_update_of_a_loaded_row(qtbot: Any, view: PaymentsView):
    payment = view.model.payment_at(3)
    assert payment is not None
    changed = replace(
        payment, status=ConsoleStatus.REFUND, payout_amount=payment.amount, version=payment.version + 1
    )
    with qtbot.waitSignal(view.model.dataChanged):
        view.apply_update(changed)
    assert shown(view, 3, C.STATUS) == "Refunded"
    assert view.model.rowCount() == SIZE


def test_sort_in_lifecycle_order_of_statuses(qtbot: Any, view: PaymentsView, database: Path):
    sort_by(qtbot, view, C.STATUS, Qt.SortOrder.AscendingOrder)
    present = {s for (s,) in raw(database, "SELECT DISTINCT status FROM payments")}
    first = next(s for s in ConsoleStatus if s.value in present)
    qtbot.waitUntil(lambda: view.model.payment_at(0) is not None)
    assert view.model.payment_at(0).status is first
    assert view.model.query.sort is ListSort.STATUS
    assert PaymentFilter() == view.model.filter
