"""PaymentsTableModel (issue 10, decision 0053): the true row count, pages read on demand (after the
page above, or at any row), a few pages kept, sorting and filtering asked of the source, live
updates, failures, qtmodeltester, and a million rows that cost only the pages shown."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import NotFoundError
from epay_desktop.services.payments.queries import ListQuery
from epay_desktop.services.payments.queries import ListSort
from epay_desktop.ui.common.roles import BadgeRole
from epay_desktop.ui.common.roles import KeyRole
from epay_desktop.ui.common.roles import RecordRole
from epay_desktop.ui.payments.list_model import PaymentColumn
from epay_desktop.ui.payments.list_model import PaymentFilter
from epay_desktop.ui.payments.list_model import PaymentsTableModel
from epay_desktop.ui.widgets.status_badge import Badge
from epay_desktop.ui.widgets.status_badge import BadgeDelegate
from epay_desktop.ui.widgets.status_badge import Tone

C = PaymentColumn
ROOT = QModelIndex()


@pytest.fixture
def source(fake_payments, make_payment):
    fake_payments.add(*(make_payment() for _ in range(250)))  # ids 1..250, id 250 newest
    return fake_payments


@pytest.fixture
def model(qtbot, aloop, source):
    names = {1: "Aigerim", 2: "Daniyar"}
    return PaymentsTableModel(source, page_size=100, cashier_name=lambda uid: names.get(uid, ""))


def start(qtbot, model) -> None:
    """Count and read the first page (what the view does when it opens)."""
    with qtbot.waitSignal(model.page_loaded, timeout=3000):
        model.refresh()


def show_row(qtbot, model, row: int) -> None:
    """A cell of ``row`` is painted: its page is asked for; wait until it is there."""
    model.data(model.index(row, C.TIME))
    qtbot.waitUntil(lambda: model.payment_at(row) is not None)


def calls(source, name: str) -> list[dict]:
    return [c for c in source.list_calls if c["call"] == name]


def test_the_row_count_is_the_true_count_and_rows_come_with_their_page(qtbot, model, source):
    model.refresh()
    assert model.rowCount() == 0 and model.is_loading  # nothing blocks: the count comes with the page
    qtbot.waitUntil(lambda: model.rowCount() == 250 and not model.is_loading)
    assert [c["call"] for c in source.list_calls] == ["list_counts", "list_page"]
    assert model.payment_at(0).id == 250 and model.payment_at(99).id == 151
    assert model.payment_at(100) is None and model.loaded_rows == 100  # not read until shown
    assert model.data(model.index(100, C.TIME)) == "Loading…"  # a placeholder while its page comes
    assert (
        model.data(model.index(100, C.INVOICE)) == "" and model.data(model.index(100, 0), RecordRole) is None
    )
    qtbot.waitUntil(lambda: model.payment_at(100) is not None)
    assert model.payment_at(100).id == 150
    assert calls(source, "list_page")[-1]["after"] == 100  # a seek after the page above, no OFFSET
    assert model.counted  # the count is known


def test_a_row_far_down_is_one_page_read_at_that_row(qtbot, model, source):
    start(qtbot, model)
    show_row(qtbot, model, 230)
    assert calls(source, "list_page_at")[-1] == {
        "call": "list_page_at",
        "query": ListQuery(),
        "offset": 200,
        "limit": 100,
    }
    assert model.payment_at(249).id == 1 and model.payment_at(150) is None
    assert model.loaded_rows == 150


def test_only_a_few_pages_are_kept(qtbot, aloop, source):
    model = PaymentsTableModel(source, page_size=10, max_pages=3)
    start(qtbot, model)
    for row in (50, 120, 200, 240, 5):
        show_row(qtbot, model, row)
    assert model.loaded_rows <= 30
    assert model.payment_at(5) is not None and model.payment_at(50) is None  # the least recently used went


def test_find_row_asks_the_source_for_a_payment_not_loaded(qtbot, arun, model, source):
    start(qtbot, model)
    assert arun(model.find_row(240)) == 10  # loaded: no question asked
    assert not calls(source, "list_row_of")
    assert arun(model.find_row(3)) == 247
    assert calls(source, "list_row_of")[-1]["payment_id"] == 3
    assert arun(model.load_row(247)).id == 3
    assert arun(model.find_row(10**6)) is None


def test_display_and_roles(qtbot, model, source, make_payment):
    special = make_payment(
        created_at=datetime(2026, 3, 1, 19, 30, tzinfo=UTC),  # 00:30 next day in Almaty (UTC+5)
        amount=Money(123_456_789),
        payout_amount=Money(50_000),
        card_mask="440563...0014",
        created_by=2,
        reason="Insufficient funds",
        status=ConsoleStatus.REJECT,
    )
    source.add(special)
    start(qtbot, model)
    row = model.row_of(special.invoice_id)
    assert row == 0

    def cell(column, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(row, column), role)

    assert cell(C.TIME) == "02.03.2026 00:30"
    assert cell(C.INVOICE) == special.invoice_id.value
    assert cell(C.AMOUNT) == Money(123_456_789).format() == "1\u202f234\u202f567,89\u00a0₸"
    assert cell(C.STATUS) == "Declined"
    assert cell(C.CARD) == "•••• 0014"
    assert cell(C.CASHIER) == "Daniyar"
    assert cell(C.REFUNDED) == "500,00\u00a0₸"
    assert cell(C.STATUS, BadgeRole) == Badge("Declined", Tone.RED)
    assert cell(C.AMOUNT, BadgeRole) is None
    # the reason in the cashier's words (the bank's own words follow only when the code is unknown)
    assert (
        cell(C.STATUS, Qt.ItemDataRole.ToolTipRole)
        == "Declined: Declined by the bank. The bank says: Insufficient funds"
    )
    assert cell(C.AMOUNT, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert cell(C.INVOICE, KeyRole) == special.invoice_id
    assert cell(C.CARD, RecordRole) is special
    other = model.index(1, C.REFUNDED)
    assert model.data(other) == ""  # nothing refunded: blank, not "0,00 ₸"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in C]
    assert headers == ["Time", "Invoice", "Amount", "Status", "Card", "Cashier", "Refunded"]


def test_sort_asks_the_source_in_that_order(qtbot, model, source, make_payment):
    start(qtbot, model)
    source.add(make_payment(amount=Money(9_999_999)))
    with qtbot.waitSignals([model.modelReset, model.page_loaded]):
        model.sort(C.AMOUNT, Qt.SortOrder.DescendingOrder)
    query = source.list_calls[-1]["query"]
    assert (query.sort, query.descending) == (ListSort.AMOUNT, True)
    assert model.rowCount() == 251 and model.payment_at(0).amount == Money(9_999_999)
    assert (model.sort_column, model.descending) == (C.AMOUNT, True)
    asked = len(source.list_calls)
    model.sort(C.AMOUNT, Qt.SortOrder.DescendingOrder)  # the same order again: nothing to ask
    assert len(source.list_calls) == asked
    with qtbot.waitSignal(model.page_loaded):
        model.sort(C.STATUS, Qt.SortOrder.AscendingOrder)
    assert source.list_calls[-1]["query"].sort is ListSort.STATUS


def test_set_filter_resets_and_asks_the_source(qtbot, model, source, make_payment):
    start(qtbot, model)
    source.add(make_payment(status=ConsoleStatus.AUTH), make_payment(status=ConsoleStatus.AUTH))
    with qtbot.waitSignals([model.modelReset, model.page_loaded]):
        model.set_filter(PaymentFilter.of([ConsoleStatus.AUTH]))
    assert model.rowCount() == 2
    assert source.list_calls[-1]["query"].filter.statuses == frozenset({ConsoleStatus.AUTH})
    assert source.list_calls[-1]["after"] is None
    since = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
    with qtbot.waitSignal(model.page_loaded):
        model.set_filter(PaymentFilter.of(None, since=since, search="  "))
    query = source.list_calls[-1]["query"]
    assert query.filter.since == since and query.filter.search is None


def test_a_stale_page_after_a_filter_change_is_dropped(qtbot, model, source, make_payment):
    source.add(make_payment(status=ConsoleStatus.UNKNOWN))
    source.hold()
    model.refresh()
    qtbot.waitUntil(lambda: len(source.list_calls) == 1)
    model.set_filter(PaymentFilter.of([ConsoleStatus.UNKNOWN]))  # cancels the first request
    source.release()
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.is_loading)
    assert model.payment_at(0).status is ConsoleStatus.UNKNOWN


def test_update_of_a_loaded_row_is_in_place(qtbot, model, source):
    start(qtbot, model)
    before = model.payment_at(5)
    changed = replace(before, status=ConsoleStatus.REFUND, payout_amount=before.amount)
    with qtbot.waitSignal(model.dataChanged) as changed_signal:
        model.apply_update(changed)
    top_left, bottom_right = changed_signal.args[:2]
    assert (top_left.row(), top_left.column(), bottom_right.row(), bottom_right.column()) == (5, 0, 5, 6)
    assert model.payment_at(5) is changed and model.rowCount() == 250
    assert model.data(model.index(5, C.STATUS)) == "Refunded"


def test_a_new_payment_appears_on_top_and_the_rows_below_move_down(qtbot, model, source, make_payment):
    start(qtbot, model)
    show_row(qtbot, model, 230)
    at_230 = model.payment_at(230)
    new = make_payment()  # newer than everything
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.apply_update(new)
    assert inserted.args[1:] == [0, 0]
    assert model.payment_at(0) is new and model.rowCount() == 251
    assert model.payment_at(231) is at_230  # a page further down moved with it
    model.apply_update(replace(new, status=ConsoleStatus.CHARGE))  # its next update: in place
    assert model.rowCount() == 251


def test_in_another_order_a_new_payment_is_placed_by_the_source(qtbot, model, source, make_payment):
    start(qtbot, model)
    with qtbot.waitSignal(model.page_loaded):
        model.sort(C.AMOUNT, Qt.SortOrder.DescendingOrder)
    biggest = make_payment(amount=Money(99_999_900))
    source.add(biggest)
    with qtbot.waitSignal(model.requerying):
        model.apply_update(biggest)
    qtbot.waitUntil(lambda: model.rowCount() == 251 and model.payment_at(0) is not None)
    assert model.payment_at(0).id == biggest.id  # counted and read again where the list stands


def test_updates_that_do_not_belong_are_ignored(qtbot, model, source, make_payment):
    model.set_filter(PaymentFilter.of([ConsoleStatus.CHARGE]))
    qtbot.waitUntil(lambda: model.rowCount() == 250 and not model.is_loading)
    asked = len(source.list_calls)
    model.apply_update(make_payment(status=ConsoleStatus.PENDING))  # does not match the filter
    assert model.rowCount() == 250 and len(source.list_calls) == asked
    loaded = model.payment_at(0)
    model.apply_update(replace(loaded, status=ConsoleStatus.REFUND))  # stops matching: stays in place
    assert model.payment_at(0).status is ConsoleStatus.REFUND and model.rowCount() == 250


def test_an_update_during_the_first_load_is_counted_once(qtbot, model, source, make_payment):
    source.hold()
    model.refresh()
    qtbot.waitUntil(lambda: len(source.list_calls) == 1)
    new = make_payment()
    source.add(new)  # the count includes it
    model.apply_update(new)  # not counted yet: the count on its way brings it
    assert model.rowCount() == 0
    source.release()
    qtbot.waitUntil(lambda: model.rowCount() == 251 and not model.is_loading)
    assert model.payment_at(0).id == new.id
    assert len({model.payment_at(r).id for r in range(100)}) == 100


def test_a_failed_page_stops_paging_until_refresh(qtbot, model, source):
    start(qtbot, model)
    source.error = NotFoundError("The database is busy. Try again.")
    with qtbot.waitSignal(model.load_failed) as failed:
        model.data(model.index(200, C.TIME))
    assert failed.args == ["The database is busy. Try again."]
    assert not model.is_loading
    asked = len(source.list_calls)
    model.data(model.index(150, C.TIME))  # no more asking until F5
    assert len(source.list_calls) == asked
    source.error = None
    with qtbot.waitSignal(model.page_loaded):
        model.refresh()
    assert model.rowCount() == 250


def test_a_bug_in_the_source_goes_to_the_crash_handler(qtbot, model, source):
    source.error = TypeError("bug")
    with qtbot.capture_exceptions() as captured:
        model.refresh()
        qtbot.waitUntil(lambda: len(captured) == 1)
    assert captured[0][0] is TypeError
    assert not model.is_loading


def test_qtmodeltester_empty_loaded_updated_filtered(qtbot, qtmodeltester, model, source, make_payment):
    qtmodeltester.check(model)  # empty
    start(qtbot, model)
    qtmodeltester.check(model)
    model.apply_update(make_payment())
    model.apply_update(replace(model.payment_at(3), status=ConsoleStatus.CANCEL))
    qtmodeltester.check(model)
    model.set_filter(PaymentFilter.of([ConsoleStatus.CANCEL]))
    qtbot.waitUntil(lambda: model.counted and not model.is_loading)
    qtmodeltester.check(model)


class MillionRows:
    """A source with a million payments, generated only when a page asks for them."""

    def __init__(self, make_payment) -> None:
        self.total = 1_000_000
        self.base = datetime(2026, 1, 1, tzinfo=UTC)
        self.make = make_payment
        self.generated = 0
        self.list_calls: list[tuple[str, int]] = []

    async def list_counts(self, query):
        return SimpleNamespace(total=self.total)

    async def list_page(self, query, *, limit=100, after=None):
        self.list_calls.append(("page", after or 0))
        return self._rows(after or 0, limit)

    async def list_page_at(self, query, offset, *, limit=100):
        self.list_calls.append(("at", offset))
        return self._rows(offset, limit)

    def _rows(self, start, limit):
        rows = [
            self.make(
                id=self.total - i,
                created_at=self.base - timedelta(seconds=i),
                invoice_id=InvoiceId(f"{i:09d}"),
            )
            for i in range(start, min(start + limit, self.total))
        ]
        self.generated += len(rows)
        end = start + len(rows)
        return SimpleNamespace(payments=rows, more=end < self.total, last=end, open_operations={})


def test_a_million_rows_cost_only_the_pages_shown(qtbot, aloop, make_payment, tmp_path):
    source = MillionRows(make_payment)
    model = PaymentsTableModel(source, page_size=200)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegateForColumn(C.STATUS, BadgeDelegate(view))
    view.resize(900, 400)
    view.show()
    model.refresh()
    qtbot.waitUntil(lambda: model.rowCount() == 1_000_000 and not model.is_loading)
    assert source.generated == 200
    view.scrollToBottom()  # the scrollbar dragged to the end: one page read at that row
    qtbot.waitUntil(lambda: model.payment_at(999_999) is not None)
    assert model.payment_at(999_999).invoice_id == InvoiceId("000999999")
    assert source.list_calls[-1] == ("at", 999_800) and source.generated <= 600
    view.verticalScrollBar().setValue(500_000)  # the middle
    qtbot.waitUntil(lambda: model.payment_at(500_010) is not None)
    assert source.generated <= 1000 and model.loaded_rows <= 1000
    view.resizeColumnsToContents()
    view.grab().save(str(tmp_path / "payments_model.png"))


def test_an_update_the_count_on_its_way_missed_joins_after_it(qtbot, model, source, make_payment):
    source.hold()
    model.refresh()
    qtbot.waitUntil(lambda: len(source.list_calls) == 1)  # counted before the payment was stored
    new = make_payment()
    model.apply_update(new)
    source.release()
    qtbot.waitUntil(lambda: model.rowCount() == 251 and not model.is_loading)
    assert model.payment_at(0).id == new.id  # newest first: it joins at the top once the page is in


def test_a_poll_of_a_payment_not_loaded_costs_no_query(qtbot, model, source):
    """The poller updates payments all over the list: one not loaded is read as it is when its page is."""
    start(qtbot, model)
    asked = len(source.list_calls)
    deep = next(p for p in source.payments if p.id == 20)  # row 230, not loaded
    model.apply_update(replace(deep, status=ConsoleStatus.REFUND, version=2))
    assert len(source.list_calls) == asked and model.rowCount() == 250
    with qtbot.waitSignal(model.page_loaded):
        model.sort(C.AMOUNT, Qt.SortOrder.DescendingOrder)
    asked = len(source.list_calls)
    model.apply_update(replace(deep, status=ConsoleStatus.CHARGE, version=3))  # in another order too
    assert len(source.list_calls) == asked and not model.is_loading


def test_a_payment_that_starts_matching_joins_at_its_place_in_a_loaded_page(qtbot, model, source):
    model.set_filter(PaymentFilter.of([ConsoleStatus.CHARGE]))
    qtbot.waitUntil(lambda: model.rowCount() == 250 and not model.is_loading)
    waiting = replace(next(p for p in source.payments if p.id == 245), status=ConsoleStatus.PENDING)
    source.update(waiting)
    with qtbot.waitSignal(model.page_loaded):
        model.refresh()  # 249 paid payments; 245 waits for the bank
    assert model.rowCount() == 249 and model.payment_at(5).id == 244
    paid = replace(waiting, status=ConsoleStatus.CHARGE, version=2)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.apply_update(paid)  # the bank said paid: it joins the paid list where its time puts it
    assert inserted.args[1:] == [5, 5]
    assert model.payment_at(5) is paid and model.payment_at(6).id == 244 and model.rowCount() == 250


def test_a_new_payment_while_the_top_is_not_kept_moves_every_row_down(qtbot, aloop, source, make_payment):
    model = PaymentsTableModel(source, page_size=10, max_pages=2)
    start(qtbot, model)
    for row in (120, 200):  # the top page goes (least recently used)
        show_row(qtbot, model, row)
    assert model.payment_at(0) is None
    at_200 = model.payment_at(200)
    new = make_payment()
    source.add(new)
    model.apply_update(new)
    assert model.rowCount() == 251 and model.payment_at(201) is at_200
    show_row(qtbot, model, 0)  # the top is read from the database: the new payment, then the rest
    assert model.payment_at(0).id == new.id and model.payment_at(1).id == 250
