"""On the real MainWindow: what the list and the detail say is true (issue 7 point 6) and the filter
bar stays put (point 8): a hold charged in part, operations waiting for the bank or a manager
(marked live), a colour and a filter choice for every status, "Last checked" following the poller,
and a count that never moves the filters, also at 1024x768."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.services.events import OperationUpdated
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.ui.app.bridge import EventBridge
from epay_desktop.ui.common.roles import BadgeRole
from epay_desktop.ui.payments.detail_content import time_text
from epay_desktop.ui.payments.filter_bar import STATUS_GROUPS
from epay_desktop.ui.payments.filter_bar import STATUS_KEY
from epay_desktop.ui.payments.filter_bar import PaymentFilterBar
from epay_desktop.ui.payments.list_model import PaymentColumn
from epay_desktop.ui.payments.list_view import _count_text
from epay_desktop.ui.widgets.status_badge import status_badge
from epay_desktop.ui.widgets.status_badge import status_label
from epay_desktop.ui.widgets.status_badge import tone_colors
from epay_desktop.ui.window.main_window import PREFERRED_SIZE
from epay_desktop.ui.window.main_window import MainWindow

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
C = PaymentColumn


class QueriesWithOperations:
    """The fake queries, plus what PaymentQueries adds: open operations on pages and in the view."""

    def __init__(self, fake: Any) -> None:
        self.fake = fake
        self.ops: dict[int, list[Any]] = {}
        fake.open_of = lambda p: next(
            (op for op in self.ops.get(p.id, []) if op.state in (OpState.UNKNOWN, OpState.NEEDS_REVIEW)), None
        )

    def __getattr__(self, name: str) -> Any:  # the sorted list's calls: the fake's, with open_of
        return getattr(self.fake, name)

    async def list_payments(self, *args: Any, **kwargs: Any) -> SimpleNamespace:
        page = await self.fake.list_payments(*args, **kwargs)
        opens = {
            p.id: op
            for p in page.payments
            for op in self.ops.get(p.id, [])
            if op.state in (OpState.UNKNOWN, OpState.NEEDS_REVIEW)
        }
        return SimpleNamespace(payments=page.payments, next_cursor=page.next_cursor, open_operations=opens)

    async def get_view(self, invoice_id: Any) -> SimpleNamespace:
        view = await self.fake.get_view(invoice_id)
        return SimpleNamespace(
            payment=view.payment,
            operations=list(self.ops.get(view.payment.id, [])),
            refunded=view.refunded,
            remaining=view.remaining,
            status=view.status,
        )


@pytest.fixture
def queries(fake_services):
    return QueriesWithOperations(fake_services.queries)


def open_window(qtbot: Any, queries: Any, fake_services: Any, bridge: EventBridge, rows: int) -> MainWindow:
    w = MainWindow(
        queries, fake_services.receipts, bridge=bridge, environment="sandbox",
        user=User(1, "Daniyar", Role.MANAGER, True, 0, None, NOW), user_name={1: "Aigerim"}.get,
        clock=lambda: NOW,
    )  # fmt: skip
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.payments_view.model.rowCount() == rows and not w.payments_view.model.is_loading)
    return w


def row_of(w: MainWindow, payment: Any) -> int:
    model = w.payments_view.model
    source_row = model.row_of(payment.invoice_id)
    assert source_row is not None
    return model.index(source_row, 0).row()


def cell(w: MainWindow, payment: Any, column: PaymentColumn, role: int = 0) -> Any:
    return w.payments_view.model.index(row_of(w, payment), column).data(role)


def select(qtbot: Any, w: MainWindow, payment: Any) -> None:
    table = w.payments_view.table
    table.setFocus()
    table.setCurrentIndex(w.payments_view.model.index(row_of(w, payment), 0))
    qtbot.waitUntil(lambda: w.detail_view.view is not None and w.detail_view.view.payment.id == payment.id)


def test_a_hold_charged_in_part_shows_the_charged_amount_and_the_released_rest(
    qtbot, aloop, queries, fake_services, bridge, make_payment
):
    held = make_payment(
        amount=Money(1_000_000), status=S.CHARGE, gateway_amount=Money(600_000), org_amount=Money(1_000_000)
    )
    fake_services.queries.add(held)
    w = open_window(qtbot, queries, fake_services, bridge, 1)
    sentence = "Charged {} of {}; {} released".format(
        *(Money(m).format() for m in (600_000, 1_000_000, 400_000))
    )
    assert cell(w, held, C.AMOUNT) == Money(600_000).format()
    assert cell(w, held, C.AMOUNT, 3) == sentence  # ToolTipRole
    select(qtbot, w, held)
    charged = w.detail_view.fields["charged"]
    assert charged.text() == sentence and charged.isVisible()
    assert w.detail_view.fields["remaining"].text() == Money(600_000).format()  # refundable: what was taken


def test_waiting_operations_are_marked_in_the_list_and_follow_operation_events(
    qtbot, aloop, queries, fake_services, bridge, make_payment, make_op
):
    lost, calm = make_payment(), make_payment()
    fake_services.queries.add(lost, calm)
    queries.ops[lost.id] = [make_op(lost, state=OpState.UNKNOWN)]
    w = open_window(qtbot, queries, fake_services, bridge, 2)
    assert cell(w, lost, C.STATUS) == "Checking…"  # as the user guide promises, from the first page
    assert cell(w, calm, C.STATUS) == "Paid"
    refund = make_op(calm, kind=OpKind.REFUND, state=OpState.SENDING)
    fake_services.events.publish(OperationUpdated(refund))
    fake_services.events.publish(OperationUpdated(replace(refund, state=OpState.NEEDS_REVIEW)))
    qtbot.waitUntil(lambda: cell(w, calm, C.STATUS) == "Needs review")
    badge = cell(w, calm, C.STATUS, BadgeRole)
    assert badge.tone is not status_badge(S.CHARGE).tone
    fake_services.events.publish(OperationUpdated(replace(refund, state=OpState.SUCCEEDED)))
    settled = replace(queries.ops[lost.id][0], state=OpState.SUCCEEDED)
    fake_services.events.publish(OperationUpdated(settled))
    qtbot.waitUntil(lambda: cell(w, calm, C.STATUS) == "Paid" and cell(w, lost, C.STATUS) == "Paid")


def test_every_status_has_its_own_filter_choice_and_colour(
    qtbot, aloop, queries, fake_services, bridge, make_payment
):
    payments = {status: make_payment(status=status) for status in S}
    fake_services.queries.add(*payments.values())
    w = open_window(qtbot, queries, fake_services, bridge, len(payments))
    combo = w.payments_view.filters.status_combo
    offered = {combo.itemText(i) for i in range(combo.count())}
    for status in S:
        assert status_label(status) in offered, status  # Authorised, Cancelled, Expired too
    for key in ("AUTH", "CANCEL", "EXPIRED"):
        combo.setCurrentIndex(combo.findData(STATUS_KEY + key))
        qtbot.waitUntil(lambda key=key: w.payments_view.model.filter.statuses == {S(key)})
        qtbot.waitUntil(lambda: not w.payments_view.model.is_loading)
        model = w.payments_view.model
        shown = [cell(w, p, C.STATUS) for p in payments.values() if model.row_of(p.invoice_id) is not None]
        assert w.payments_view.model.rowCount() == 1
        assert shown == [status_label(S(key))]
        icon = combo.itemIcon(combo.currentIndex()).pixmap(12, 12).toImage()
        assert icon.pixelColor(6, 6).name() == tone_colors(status_badge(S(key)).tone)[0].name()
    assert {key for key, _label, _statuses in STATUS_GROUPS} >= {"all", "attention", "paid", "waiting"}


def test_last_checked_follows_the_poller(qtbot, aloop, queries, fake_services, bridge, make_payment):
    waiting = make_payment(status=S.PENDING, last_polled_at=NOW, next_poll_at=NOW + timedelta(seconds=5))
    fake_services.queries.add(waiting)
    w = open_window(qtbot, queries, fake_services, bridge, 1)
    select(qtbot, w, waiting)
    checked = w.detail_view.fields["checked"]
    assert checked.text() == time_text(NOW)
    later = NOW + timedelta(seconds=5)
    polled = replace(waiting, last_polled_at=later, next_poll_at=later + timedelta(seconds=5), version=2)
    fake_services.queries.update(polled)  # the poller stored its answer ...
    fake_services.events.publish(PaymentUpdated(polled))  # ... and told the console
    qtbot.waitUntil(lambda: checked.text() == time_text(later))


def _filter_geometry(w: MainWindow) -> list[QRect]:
    bar = w.payments_view.filters
    widgets = (bar.search_edit, bar.status_combo, bar.period_combo, bar.count_label)
    return [widget.geometry() for widget in widgets]


def test_the_filters_never_move_when_the_count_changes(
    qtbot, aloop, queries, fake_services, bridge, make_payment
):
    fake_services.queries.add(*(make_payment() for _ in range(12)))
    w = open_window(qtbot, queries, fake_services, bridge, 12)
    bar = w.payments_view.filters
    before = _filter_geometry(w)
    seen = []
    for text in ("000100003", "777777", ""):  # 1 payment, 0 payments, 12 again (typed searches)
        bar.search_edit.setText(text)
        qtbot.waitUntil(lambda: not bar.search_pending() and not w.payments_view.model.is_loading)
        QApplication.processEvents()
        seen.append(bar.count_label.text())
        assert _filter_geometry(w) == before, text
    assert seen == ["1 payment", "0 payments", "12 payments"]
    for rows in (0, 1, 1_000_000, 9_999_999):  # the longest texts the count can show (the true count)
        bar.count_label.setText(_count_text("%n payment(s)", rows))
        QApplication.processEvents()
        assert _filter_geometry(w) == before, rows
        label = bar.count_label
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()  # never cut


def test_at_1024x768_the_filter_bar_wraps_and_keeps_the_search_whole(
    qtbot, aloop, queries, fake_services, bridge, make_payment
):
    fake_services.queries.add(*(make_payment() for _ in range(3)))
    w = open_window(qtbot, queries, fake_services, bridge, 3)
    bar = w.payments_view.filters
    w.resize(1024, 768)
    qtbot.waitUntil(lambda: w.width() == 1024)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not bar.one_row)
    edit = bar.search_edit
    assert edit.width() >= edit.minimumWidth()
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) < edit.width() - 30
    for widget in (edit, bar.status_combo, bar.period_combo, bar.count_label):
        assert widget.isVisible()
        assert bar.rect().contains(widget.geometry()), widget.objectName()  # nothing cut off
        assert widget.width() >= widget.minimumSizeHint().width() or widget is bar.count_label
    assert bar.status_combo.geometry().top() > edit.geometry().bottom()  # the second row
    assert w.payments_view.table.isVisible() and w.payments_view.table.height() > 200


def test_a_wide_filter_bar_is_one_row_and_a_narrow_one_wraps(qtbot, aloop):
    bar = PaymentFilterBar(lambda: NOW)
    qtbot.addWidget(bar)
    bar.resize(1200, 40)
    bar.show()
    qtbot.waitExposed(bar)
    qtbot.waitUntil(lambda: bar.one_row)
    one_row_height = bar.sizeHint().height()
    assert bar.status_combo.geometry().top() < bar.search_edit.geometry().bottom()  # side by side
    bar.resize(520, 80)
    qtbot.waitUntil(lambda: not bar.one_row)
    qtbot.waitUntil(lambda: bar.status_combo.geometry().top() > bar.search_edit.geometry().bottom())
    assert bar.sizeHint().height() > one_row_height  # the second row
    assert bar.search_edit.width() >= bar.search_edit.minimumWidth()
    assert bar.minimumSizeHint().width() <= 520
    bar.period_combo.setCurrentIndex(bar.period_combo.findData("custom"))  # the dates join the second row
    assert bar.date_from.isVisible() and bar.rect().contains(bar.date_to.geometry())


def test_the_timeline_says_when_the_bank_says_it_happened(
    qtbot, aloop, queries, fake_services, bridge, make_payment, make_op
):
    bank_time = NOW - timedelta(minutes=3, seconds=17)
    held = make_payment(status=S.CHARGE, bank_time=bank_time, updated_at=NOW)
    fake_services.queries.add(held)
    queries.ops[held.id] = [make_op(held, kind=OpKind.CHARGE, amount=Money(150_000))]
    w = open_window(qtbot, queries, fake_services, bridge, 1)
    select(qtbot, w, held)
    timeline = w.detail_view.timeline
    rows = [timeline.topLevelItem(i) for i in range(timeline.topLevelItemCount())]
    result = next(item for item in rows if item.text(1).startswith("Customer's result"))
    assert result.text(0) == f"{time_text(bank_time)} (bank)"
    assert "bank's own time" in result.toolTip(0)
    charge = next(item for item in rows if item.text(1).startswith("Charge"))
    assert "(bank)" not in charge.text(0) and "console's clock" in charge.toolTip(0)
    created = rows[0]
    assert created.text(0) == time_text(held.created_at) and "console's clock" in created.toolTip(0)
    note = w.detail_view.findChild(type(w.detail_view.title_label), "times_note")
    assert note is not None and "(bank)" in note.text()


def test_at_the_preferred_size_the_filter_bar_is_one_row(
    qtbot, aloop, queries, fake_services, bridge, make_payment
):
    """At the window's preferred 1360x800 the search, status, period and count share one row (seen
    under Xvfb: with the New sale button beside it the bar wrapped, and the list lost a row of height)."""
    fake_services.queries.add(*(make_payment() for _ in range(3)))
    w = open_window(qtbot, queries, fake_services, bridge, 3)
    w.resize(PREFERRED_SIZE)
    qtbot.waitUntil(lambda: w.size() == PREFERRED_SIZE)
    QApplication.processEvents()
    bar = w.payments_view.filters
    qtbot.waitUntil(lambda: bar.one_row)
    assert bar.status_combo.geometry().top() < bar.search_edit.geometry().bottom()


def test_every_status_word_fits_the_status_column_uncut(
    qtbot, aloop, queries, fake_services, bridge, make_payment
):
    """Seen under Xvfb: "Cancelled by the c…". The column is as wide as its widest word."""
    fake_services.queries.add(make_payment())
    w = open_window(qtbot, queries, fake_services, bridge, 1)
    table = w.payments_view.table
    width = table.horizontalHeader().sectionSize(PaymentColumn.STATUS)
    for status in S:
        word = status_label(status)
        assert table.fontMetrics().horizontalAdvance(word) + 24 <= width, word
