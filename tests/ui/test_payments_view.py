"""PaymentsView: filters and search reach the source as the right arguments, live updates, Enter, texts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtCore import Qt

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import NotFoundError
from epay_desktop.domain import OpState
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.services.payments.queries import ListQuery
from epay_desktop.services.payments.queries import ListSort
from epay_desktop.ui.payments.filter_bar import PERIODS
from epay_desktop.ui.payments.filter_bar import STATUS_GROUPS
from epay_desktop.ui.payments.filter_bar import period_range
from epay_desktop.ui.payments.list_model import PaymentColumn
from epay_desktop.ui.payments.list_view import PaymentsView

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)  # 14:30 in Almaty
ALMATY_MIDNIGHT_UTC = datetime(2026, 1, 14, 19, 0, tzinfo=UTC)  # 15.01.2026 00:00 in Almaty


@pytest.fixture
def view(qtbot, aloop, fake_payments, make_payment):
    fake_payments.add(*(make_payment() for _ in range(5)))
    widget = PaymentsView(fake_payments, clock=lambda: NOW, user_name={1: "Aigerim"}.get)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 5)
    return widget


def last_query(source):
    """The list query of the source's last call (counts and pages ask with the same one)."""
    return source.list_calls[-1]["query"]


def test_period_range_uses_kazakhstan_days():
    assert period_range("all", NOW) == (None, None)
    assert period_range("today", NOW) == (ALMATY_MIDNIGHT_UTC, None)
    assert period_range("7d", NOW) == (ALMATY_MIDNIGHT_UTC - timedelta(days=6), None)
    assert period_range("30d", NOW) == (ALMATY_MIDNIGHT_UTC - timedelta(days=29), None)
    # 21:00 UTC on the 14th is already the 15th in Almaty
    assert period_range("today", datetime(2026, 1, 14, 21, 0, tzinfo=UTC))[0] == ALMATY_MIDNIGHT_UTC
    since, until = period_range("custom", NOW, date(2026, 1, 20), date(2026, 1, 10))  # reversed: swapped
    assert since == datetime(2026, 1, 9, 19, 0, tzinfo=UTC)
    assert until == datetime(2026, 1, 20, 19, 0, tzinfo=UTC)  # the last day is included


def test_first_page_asks_for_everything_newest_first(view, fake_payments):
    everything = ListQuery()  # every payment, newest first
    assert fake_payments.list_calls[:2] == [
        {"call": "list_counts", "query": everything},
        {"call": "list_page", "query": everything, "limit": 100, "after": None},
    ]
    assert [view.model.index(r, PaymentColumn.INVOICE).data() for r in (0, 4)] == ["000100005", "000100001"]
    assert view.filters.count_label.text() == "5 payments"
    assert not view.empty_label.isVisible()


@pytest.mark.parametrize(("key", "_label", "statuses"), STATUS_GROUPS)
def test_status_group_asks_the_source_for_its_statuses(qtbot, view, fake_payments, key, _label, statuses):
    combo = view.filters.status_combo
    if combo.currentData() == key:
        combo.setCurrentIndex(1)
        qtbot.waitUntil(lambda: not view.model.is_loading)
    calls = len(fake_payments.list_calls)
    combo.setCurrentIndex(combo.findData(key))
    qtbot.waitUntil(lambda: len(fake_payments.list_calls) == calls + 2)  # count, first page
    assert last_query(fake_payments).filter.statuses == statuses
    assert last_query(fake_payments).filter.needs_attention is (key == "attention")


def test_needs_attention_and_paid_groups():
    groups = {key: statuses for key, _label, statuses in STATUS_GROUPS}
    assert groups["attention"] is None  # not a status set: UNKNOWN or an unresolved operation
    assert groups["paid"] == {S.CHARGE, S.AUTH}
    assert [key for key, _ in PERIODS] == ["all", "today", "7d", "30d", "custom"]


def test_periods_ask_for_since_and_until(qtbot, view, fake_payments):
    period = view.filters.period_combo
    period.setCurrentIndex(period.findData("today"))
    qtbot.waitUntil(lambda: last_query(fake_payments).filter.since == ALMATY_MIDNIGHT_UTC)
    assert last_query(fake_payments).filter.until is None
    assert not view.filters.date_from.isVisible()

    period.setCurrentIndex(period.findData("custom"))
    assert view.filters.date_from.isVisible() and view.filters.date_to.isVisible()
    view.filters.date_from.setDate(QDate(2026, 1, 1))
    view.filters.date_to.setDate(QDate(2026, 1, 2))
    qtbot.waitUntil(lambda: last_query(fake_payments).filter.until == datetime(2026, 1, 2, 19, 0, tzinfo=UTC))
    assert last_query(fake_payments).filter.since == datetime(2025, 12, 31, 19, 0, tzinfo=UTC)
    qtbot.waitUntil(lambda: not view.model.is_loading)
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == "No payments match these filters."


def test_needs_attention_asks_the_store_and_live_updates_add_only_unknown(qtbot, view, make_payment):
    combo = view.filters.status_combo
    combo.setCurrentIndex(combo.findData("attention"))
    qtbot.waitUntil(lambda: view.model.filter.needs_attention and not view.model.is_loading)
    wanted = view.current_filter()
    assert view.model.query.filter.needs_attention is True and wanted.statuses is None
    assert wanted.matches(make_payment(status=S.UNKNOWN))
    assert not wanted.matches(make_payment(status=S.CHARGE))  # an operation's state is the store's to say


def test_needs_attention_asks_the_store_again_when_a_payment_it_does_not_hold_changes(
    qtbot, view, fake_payments, make_payment
):
    """Decision 0137: a discrepancy found (or a receipt refused) is published as its payment's update; a
    Payment alone cannot say it needs a person, so the list asks the store, which knows."""
    combo = view.filters.status_combo
    combo.setCurrentIndex(combo.findData("attention"))
    qtbot.waitUntil(lambda: view.model.filter.needs_attention and not view.model.is_loading)
    calls = len(fake_payments.list_calls)
    view.model.apply_update(make_payment(id=9_999, status=S.CHARGE))  # not in the list
    qtbot.waitUntil(lambda: len(fake_payments.list_calls) > calls and not view.model.is_loading)
    assert last_query(fake_payments).filter.needs_attention is True


def test_the_search_hint_fits_and_the_tooltip_tells_everything(view):
    edit = view.search_edit
    hint = edit.placeholderText()
    assert hint == "Invoice, card last 4, amount, RRN\u2026"
    assert edit.fontMetrics().horizontalAdvance(hint) < edit.width() - 30  # not cut off
    for key in ("invoice", "last 4 digits", "amount", "RRN", "approval code"):
        assert key in edit.toolTip()


def test_a_search_that_finds_nothing_says_so_and_tells_the_window(qtbot, view, fake_payments):
    told: list[str] = []
    view.no_matches.connect(told.append)
    view.search_edit.setText("777777")
    qtbot.waitUntil(lambda: bool(told))
    assert view.empty_label.isVisible() and told == [view.empty_label.text()]
    assert view.empty_label.text().startswith("No payment matches \u201c777777\u201d.")
    view.search_edit.setText("5096")  # matches again: nothing to tell
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)
    assert len(told) == 1


def test_search_waits_for_a_pause_then_asks_once(qtbot, view, fake_payments):
    calls = len(fake_payments.list_calls)
    qtbot.keyClicks(view.search_edit, "5096")
    assert view.filters.search_pending()  # debounced: no query per keystroke
    assert view.model.filter.search is None
    qtbot.waitUntil(lambda: len(fake_payments.list_calls) == calls + 2)
    assert last_query(fake_payments).filter.search == "5096"
    assert not view.filters.search_pending()
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)  # every fake card ends in 5096


def test_enter_in_search_searches_now_and_selects_the_first_match(qtbot, view, fake_payments):
    activated = []
    view.payment_activated.connect(activated.append)
    view.search_edit.setFocus()
    qtbot.keyClicks(view.search_edit, "000100003")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert view.model.filter.search == "000100003" and not view.filters.search_pending()  # no pause
    qtbot.waitUntil(lambda: last_query(fake_payments).filter.search == "000100003")
    qtbot.waitUntil(lambda: view.current_payment() is not None)
    assert view.current_payment().invoice_id == InvoiceId("000100003")
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Enter again opens it
    assert activated == [InvoiceId("000100003")]


def test_escape_clears_the_search(qtbot, view, fake_payments):
    view.search_edit.setText("zzz")
    qtbot.waitUntil(lambda: last_query(fake_payments).filter.search == "zzz")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Escape)
    assert view.search_edit.text() == ""
    qtbot.waitUntil(lambda: last_query(fake_payments).filter.search is None)


def test_escape_in_the_list_clears_the_search_too(qtbot, view, fake_payments):
    """The detail says "Clear the search (Esc)": it holds once the keyboard went down into the list
    (found walking the demo: Esc in the list did nothing)."""
    view.search_edit.setText("zzz")
    qtbot.waitUntil(lambda: last_query(fake_payments).filter.search == "zzz")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)  # into the list, as a person does
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    assert view.search_edit.text() == ""
    qtbot.waitUntil(lambda: last_query(fake_payments).filter.search is None)


def test_enter_and_double_click_activate_the_row(qtbot, view):
    activated = []
    view.payment_activated.connect(activated.append)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(1, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert activated == [InvoiceId("000100004")]
    rect = view.table.visualRect(view.model.index(2, 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated[-1] == InvoiceId("000100003")


def test_live_update_changes_a_row_in_place_and_adds_new_payments_on_top(qtbot, view, make_payment):
    first = view.model.payment_at(0)
    changed = []
    view.current_changed.connect(changed.append)
    view.apply_update(replace(first, status=S.REFUND, payout_amount=first.amount))
    assert view.model.index(0, PaymentColumn.STATUS).data() == "Refunded"
    assert view.model.index(0, PaymentColumn.REFUNDED).data() == first.amount.format()
    newest = make_payment(amount=Money(99_900), status=S.PENDING)
    view.apply_update(newest)
    assert view.model.index(0, PaymentColumn.INVOICE).data() == newest.invoice_id.value
    assert view.model.index(0, PaymentColumn.AMOUNT).data() == Money(99_900).format()
    assert view.filters.count_label.text() == "6 payments"


def test_empty_list_says_how_to_start(qtbot, aloop, fake_payments):
    widget = PaymentsView(fake_payments, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.model.is_loading and len(fake_payments.list_calls) == 2)
    assert widget.empty_label.isVisible()
    assert "No payments yet" in widget.empty_label.text() and "F2" in widget.empty_label.text()
    assert widget.filters.count_label.text() == "0 payments"


def test_a_refused_page_is_shown_in_the_list(qtbot, aloop, fake_payments):
    fake_payments.error = NotFoundError("The database is busy; try again.")
    widget = PaymentsView(fake_payments, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.filters.count_label.text() == "Not loaded")
    assert "The database is busy; try again." in widget.empty_label.text()
    assert "F5" in widget.empty_label.text()
    fake_payments.error = None
    widget.refresh()
    qtbot.waitUntil(lambda: widget.filters.count_label.text() == "0 payments")


def test_the_count_is_the_true_count_with_only_the_shown_pages_loaded(
    qtbot, aloop, fake_payments, make_payment
):
    fake_payments.add(*(make_payment() for _ in range(300)))
    widget = PaymentsView(fake_payments, clock=lambda: NOW, page_size=10)
    qtbot.addWidget(widget)
    widget.resize(900, 200)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 300 and not widget.model.is_loading)
    assert widget.filters.count_label.text() == "300 payments"  # every one, not the rows read so far
    assert widget.model.loaded_rows < 300
    widget.table.scrollToBottom()  # the last page is read when it shows, not every page before it
    qtbot.waitUntil(lambda: widget.model.payment_at(299) is not None)
    assert widget.model.index(299, PaymentColumn.INVOICE).data() == "000100001"  # the oldest
    assert widget.model.loaded_rows < 300


def test_sorting_asks_the_source_in_the_columns_order(qtbot, view, fake_payments, make_payment):
    fake_payments.add(make_payment(amount=Money(99_900)))
    view.table.sortByColumn(PaymentColumn.AMOUNT, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: last_query(fake_payments).sort is ListSort.AMOUNT and not view.model.is_loading)
    assert last_query(fake_payments).descending is False
    # by minor units: 999 ₸ before 1 500 ₸ (as text, "1 500,00" would come first)
    qtbot.waitUntil(lambda: view.model.index(0, PaymentColumn.AMOUNT).data() == Money(99_900).format())
    assert view.filters.count_label.text() == "6 payments"  # it joined on the database's word, no proxy


def test_a_payment_joining_another_order_keeps_the_selected_payment(qtbot, view, fake_payments, make_payment):
    """Sorted by amount, a new payment is placed by the source (the list is counted and read again
    where it stands); the selection stays on the same payment, now one row down."""
    view.table.sortByColumn(PaymentColumn.AMOUNT, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: last_query(fake_payments).sort is ListSort.AMOUNT and not view.model.is_loading)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(2, 0))
    chosen = view.current_payment()
    told = []
    view.current_changed.connect(told.append)
    biggest = make_payment(amount=Money(99_999_900))
    fake_payments.add(biggest)
    view.apply_update(biggest)
    qtbot.waitUntil(lambda: view.model.rowCount() == 6 and view.table.currentIndex().row() == 3)
    assert view.current_payment().id == chosen.id
    assert view.model.payment_at(0).id == biggest.id
    assert all(p is None or p.id == chosen.id for p in told)  # never another payment, even briefly
    assert view.filters.count_label.text() == "6 payments"


def _attention_view(qtbot, aloop, fake_payments, make_payment, make_op):
    """Filtered to Needs attention: three payments whose outcome is unknown and one whose refund's answer
    was lost, newest first [unknown 4, refund 3, unknown 2, unknown 1]; 5 is settled (not listed)."""
    payments = [make_payment(status=S.UNKNOWN), make_payment(status=S.UNKNOWN)]
    payments += [make_payment(), make_payment(status=S.UNKNOWN), make_payment()]
    refund = make_op(payments[2], state=OpState.UNKNOWN)
    open_ops = {payments[2].id: refund}
    fake_payments.open_of = lambda p: open_ops.get(p.id)
    fake_payments.add(*payments)
    widget = PaymentsView(fake_payments, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    combo = widget.filters.status_combo
    combo.setCurrentIndex(combo.findData("attention"))
    qtbot.waitUntil(lambda: widget.model.filter.needs_attention and widget.model.row_total() == 4)
    qtbot.waitUntil(lambda: not widget.model.is_loading)
    return widget, payments, refund, open_ops


def _listed(view):
    return [view.model.payment_at(r).id for r in range(view.model.rowCount())]


def test_needs_attention_a_listed_payment_settled_leaves_and_the_selection_stays(
    qtbot, aloop, fake_payments, make_payment, make_op
):
    """Decision 0151: the last row is selected; the one above it settles (its outcome known now): it leaves
    the list without F5, and the selected payment stays selected and shown, never another one."""
    view, payments, _refund, _ops = _attention_view(qtbot, aloop, fake_payments, make_payment, make_op)
    assert _listed(view) == [4, 3, 2, 1]
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(3, 0))  # payment 1, the oldest
    told = []
    view.current_changed.connect(told.append)
    settled = replace(payments[1], status=S.CHARGE, version=2)
    fake_payments.update(settled)
    view.apply_update(settled)  # the bank answered: paid

    qtbot.waitUntil(lambda: _listed(view) == [4, 3, 1] and not view.model.is_loading)
    qtbot.waitUntil(lambda: view.current_payment() is not None and view.current_payment().id == 1)
    assert view.table.currentIndex().row() == 2
    assert view.table.selectionModel().isRowSelected(2)
    assert all(p is not None and p.id == 1 for p in told)  # never another payment, nor none
    assert view.filters.count_label.text() == "3 payments"


def test_needs_attention_the_selected_payment_settled_leaves_no_row_selected_and_is_told(
    qtbot, aloop, fake_payments, make_payment, make_op
):
    """Decision 0151: the selected payment's lost refund is settled: it leaves the list, no other row is
    selected in its place, and the window is told it left (it keeps showing it)."""
    view, payments, refund, open_ops = _attention_view(qtbot, aloop, fake_payments, make_payment, make_op)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(1, 0))  # payment 3, its refund unknown
    told, left = [], []
    view.current_changed.connect(told.append)
    view.selected_left.connect(left.append)
    del open_ops[payments[2].id]
    view.model.apply_operation_update(replace(refund, state=OpState.SUCCEEDED))  # the bank says refunded

    qtbot.waitUntil(lambda: [p.id for p in left] == [3], timeout=5_000)
    assert _listed(view) == [4, 2, 1]
    assert not view.table.currentIndex().isValid() and not view.table.selectionModel().hasSelection()
    assert told == []  # the window was never told of another payment (nor of none)


def test_needs_attention_the_last_one_settled_leaves_an_empty_list_that_says_so(
    qtbot, aloop, fake_payments, make_payment, make_op
):
    view, payments, refund, open_ops = _attention_view(qtbot, aloop, fake_payments, make_payment, make_op)
    left = []
    view.selected_left.connect(left.append)
    for payment in (payments[0], payments[1], payments[3]):
        fake_payments.update(replace(payment, status=S.CHARGE, version=2))
    view.table.setCurrentIndex(view.model.index(0, 0))  # payment 4
    for payment in (payments[0], payments[1], payments[3]):
        view.apply_update(replace(payment, status=S.CHARGE, version=2))
    del open_ops[payments[2].id]
    view.model.apply_operation_update(replace(refund, state=OpState.SUCCEEDED))

    qtbot.waitUntil(lambda: view.model.row_total() == 0 and [p.id for p in left] == [4], timeout=5_000)
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == "Nothing needs attention: every payment is settled."


def test_needs_attention_a_receipt_answered_or_refused_asks_the_store_again(
    qtbot, aloop, fake_payments, make_payment, make_op
):
    """A fiscal receipt registered for a listed payment may take it out; one refused for a person may
    bring any payment in: the list asks the store again (which knows)."""
    view, payments, _refund, _ops = _attention_view(qtbot, aloop, fake_payments, make_payment, make_op)

    def record(payment_id, state):
        return FiscalRecord(
            1, payment_id, None, FiscalKind.SALE, f"epd-sale-{payment_id}", Money(150_000), state, 1, None,
            None, NOW, NOW,
        )  # fmt: skip

    for payment_id, state in (
        (payments[0].id, FiscalState.REGISTERED),  # listed: it may need no one now
        (payments[4].id, FiscalState.NEEDS_PERSON),  # not listed, refused for a person: it may join
    ):
        calls = len(fake_payments.list_calls)
        view.model.apply_fiscal_update(record(payment_id, state))
        qtbot.waitUntil(lambda n=calls: len(fake_payments.list_calls) > n and not view.model.is_loading)
        assert last_query(fake_payments).filter.needs_attention is True
