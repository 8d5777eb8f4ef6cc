"""PaymentsTableModel: async paging, display/roles, filter resets, live updates, failures, qtmodeltester."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from epay_desktop.domain import ConsoleStatus, InvoiceId, Money, NotFoundError
from epay_desktop.ui.models.payments_model import PaymentColumn, PaymentFilter, PaymentsTableModel
from epay_desktop.ui.models.roles import BadgeRole, KeyRole, RecordRole, SortRole
from epay_desktop.ui.widgets.status_badge import Badge, BadgeDelegate, Tone

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


def fetch(qtbot, model) -> None:
    with qtbot.waitSignal(model.page_loaded, timeout=3000):
        model.fetchMore(ROOT)


def test_pages_arrive_asynchronously_newest_first(qtbot, model, source):
    assert model.rowCount() == 0 and model.canFetchMore(ROOT)
    model.fetchMore(ROOT)
    assert model.rowCount() == 0 and model.is_loading  # nothing blocks: rows come with the page
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert [model.payment_at(r).id for r in (0, 99)] == [250, 151]
    fetch(qtbot, model)
    fetch(qtbot, model)
    assert model.rowCount() == 250
    assert not model.canFetchMore(ROOT) and model.exhausted
    assert [c["after"] for c in source.list_calls] == [None, 100, 200]
    assert all(c["limit"] == 100 for c in source.list_calls)


def test_fetch_more_while_loading_does_not_fetch_twice(qtbot, model, source):
    source.hold()
    model.fetchMore(ROOT)
    model.fetchMore(ROOT)
    qtbot.waitUntil(lambda: len(source.list_calls) == 1)
    source.release()
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert len(source.list_calls) == 1


def test_load_more_is_awaitable(arun, model):
    assert arun(model.load_more()) == 100
    assert arun(model.load_more()) == 200


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
    fetch(qtbot, model)
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
    assert cell(C.AMOUNT, SortRole) == 123_456_789
    assert cell(C.REFUNDED, SortRole) == 50_000
    assert cell(C.INVOICE, SortRole) == int(special.invoice_id.value)
    assert cell(C.CARD, SortRole) == "0014"
    other = model.index(1, C.REFUNDED)
    assert model.data(other) == ""  # nothing refunded: blank, not "0,00 ₸"
    assert model.data(other, SortRole) == 0
    assert model.data(model.index(1, C.TIME), SortRole) < cell(C.TIME, SortRole)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in C]
    assert headers == ["Time", "Invoice", "Amount", "Status", "Card", "Cashier", "Refunded"]


def test_set_filter_resets_and_asks_the_source(qtbot, model, source, make_payment):
    fetch(qtbot, model)
    source.add(make_payment(status=ConsoleStatus.AUTH), make_payment(status=ConsoleStatus.AUTH))
    with qtbot.waitSignals([model.modelReset, model.page_loaded]):
        model.set_filter(PaymentFilter.of([ConsoleStatus.AUTH]))
    assert model.rowCount() == 2
    assert source.list_calls[-1]["status"] == frozenset({ConsoleStatus.AUTH})
    assert source.list_calls[-1]["after"] is None
    since = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
    with qtbot.waitSignal(model.page_loaded):
        model.set_filter(PaymentFilter.of(None, since=since, search="  "))
    assert source.list_calls[-1]["since"] == since and source.list_calls[-1]["search"] is None


def test_a_stale_page_after_a_filter_change_is_dropped(qtbot, model, source, make_payment):
    source.add(make_payment(status=ConsoleStatus.UNKNOWN))
    source.hold()
    model.fetchMore(ROOT)
    qtbot.waitUntil(lambda: len(source.list_calls) == 1)
    model.set_filter(PaymentFilter.of([ConsoleStatus.UNKNOWN]))  # cancels the first request
    source.release()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.payment_at(0).status is ConsoleStatus.UNKNOWN
    assert model.exhausted


def test_update_of_a_loaded_row_is_in_place(qtbot, model, source):
    fetch(qtbot, model)
    before = model.payment_at(5)
    changed = replace(before, status=ConsoleStatus.REFUND, payout_amount=before.amount)
    with qtbot.waitSignal(model.dataChanged) as changed_signal:
        model.apply_update(changed)
    top_left, bottom_right = changed_signal.args[:2]
    assert (top_left.row(), top_left.column(), bottom_right.row(), bottom_right.column()) == (5, 0, 5, 6)
    assert model.payment_at(5) is changed and model.rowCount() == 100
    assert model.data(model.index(5, C.STATUS)) == "Refunded"


def test_a_new_payment_appears_on_top(qtbot, model, source, make_payment):
    fetch(qtbot, model)
    new = make_payment()  # newer than everything
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.apply_update(new)
    assert inserted.args[1:] == [0, 0]
    assert model.payment_at(0) is new and model.rowCount() == 101
    model.apply_update(replace(new, status=ConsoleStatus.CHARGE))  # its next update: in place
    assert model.rowCount() == 101


def test_updates_that_do_not_belong_are_ignored(qtbot, model, source, make_payment):
    model.set_filter(PaymentFilter.of([ConsoleStatus.CHARGE]))
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    model.apply_update(make_payment(status=ConsoleStatus.PENDING))  # does not match the filter
    old = make_payment(created_at=datetime(2025, 1, 1, tzinfo=UTC))
    model.apply_update(old)  # older than all loaded rows: a later page brings it
    assert model.rowCount() == 100
    loaded = model.payment_at(0)
    model.apply_update(replace(loaded, status=ConsoleStatus.REFUND))  # stops matching: stays in place
    assert model.payment_at(0).status is ConsoleStatus.REFUND and model.rowCount() == 100


def test_insert_in_order_once_everything_is_loaded(qtbot, model, source, make_payment):
    for _ in range(3):
        fetch(qtbot, model)
    assert model.exhausted
    middle = make_payment(created_at=model.payment_at(10).created_at - timedelta(seconds=1))
    oldest = make_payment(created_at=datetime(2025, 1, 1, tzinfo=UTC))
    model.apply_update(middle)
    model.apply_update(oldest)
    assert model.payment_at(11) is middle
    assert model.payment_at(model.rowCount() - 1) is oldest


def test_update_during_a_page_load_is_applied_after_it_without_duplicates(qtbot, model, source, make_payment):
    source.hold()
    model.fetchMore(ROOT)
    qtbot.waitUntil(lambda: len(source.list_calls) == 1)
    new = make_payment()
    source.add(new)  # the page may or may not contain it: either way it appears once
    model.apply_update(new)
    assert model.rowCount() == 0
    source.release()
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert model.payment_at(0).id == new.id
    assert len({model.payment_at(r).id for r in range(model.rowCount())}) == 100


def test_a_failed_page_stops_paging_until_refresh(qtbot, model, source):
    source.error = NotFoundError("The database is busy. Try again.")
    with qtbot.waitSignal(model.load_failed) as failed:
        model.fetchMore(ROOT)
    assert failed.args == ["The database is busy. Try again."]
    assert not model.canFetchMore(ROOT) and not model.is_loading
    source.error = None
    with qtbot.waitSignal(model.page_loaded):
        model.refresh()
    assert model.rowCount() == 100


def test_a_bug_in_the_source_goes_to_the_crash_handler(qtbot, model, source):
    source.error = TypeError("bug")
    with qtbot.capture_exceptions() as captured:
        model.fetchMore(ROOT)
        qtbot.waitUntil(lambda: len(captured) == 1)
    assert captured[0][0] is TypeError
    assert not model.is_loading


def test_qtmodeltester_empty_loaded_updated_filtered(qtbot, qtmodeltester, model, source, make_payment):
    qtmodeltester.check(model)  # empty; the tester also calls fetchMore
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    qtmodeltester.check(model)
    model.apply_update(make_payment())
    model.apply_update(replace(model.payment_at(3), status=ConsoleStatus.CANCEL))
    qtmodeltester.check(model)
    model.set_filter(PaymentFilter.of([ConsoleStatus.CANCEL]))
    qtbot.waitUntil(lambda: model.exhausted)
    qtmodeltester.check(model)


class MillionRows:
    """A source with a million payments, generated only when a page asks for them."""

    def __init__(self, make_payment) -> None:
        self.total = 1_000_000
        self.base = datetime(2026, 1, 1, tzinfo=UTC)
        self.make = make_payment
        self.generated = 0

    async def list_payments(self, *, limit=50, after=None, **_filters):
        start = after or 0
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
        return SimpleNamespace(payments=rows, next_cursor=end if end < self.total else None)


def test_a_million_rows_cost_only_the_pages_shown(qtbot, aloop, make_payment, tmp_path):
    source = MillionRows(make_payment)
    model = PaymentsTableModel(source, page_size=200)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegateForColumn(C.STATUS, BadgeDelegate(view))
    view.resize(900, 400)
    view.show()
    qtbot.waitUntil(lambda: model.rowCount() == 200)  # the view asked for the first page itself
    assert source.generated == 200
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    assert source.generated == 400 and model.canFetchMore(ROOT)
    view.resizeColumnsToContents()
    view.scrollToTop()
    view.grab().save(str(tmp_path / "payments_model.png"))
