"""PaymentDetailView: every field, banners for unresolved operations, the timeline, receipts, refusals."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from types import SimpleNamespace

import pytest
import shiboken6

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import NotFoundError
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRecord
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.ui.common.labels import REFUND_REASONS
from epay_desktop.ui.common.labels import refund_reason_label
from epay_desktop.ui.money.refund_dialog import REASONS
from epay_desktop.ui.payments.detail_content import build_timeline
from epay_desktop.ui.payments.detail_content import time_text
from epay_desktop.ui.payments.detail_view import PaymentDetailView

NAMES = {1: "Aigerim", 2: "Daniyar"}
ZERO = Money(0)


class FakeDetails:
    """get_view + receipts_for over dictionaries; ``calls`` records every invoice asked for."""

    def __init__(self, async_stub):
        self.views: dict[InvoiceId, SimpleNamespace] = {}
        self.receipts: dict[InvoiceId, list[ReceiptRecord]] = {}
        self.calls: list[InvoiceId] = []
        self.get_view_stub = async_stub()

    def put(self, payment, ops=(), refunded=ZERO, remaining=ZERO, receipts=()):
        self.views[payment.invoice_id] = SimpleNamespace(
            payment=payment,
            operations=list(ops),
            refunded=refunded,
            remaining=remaining,
            status=payment.status,
        )
        self.receipts[payment.invoice_id] = list(receipts)

    async def get_view(self, invoice_id):
        self.calls.append(invoice_id)
        await self.get_view_stub(invoice_id)
        if invoice_id not in self.views:
            raise NotFoundError(f"There is no payment with invoice number {invoice_id}.")
        return self.views[invoice_id]

    async def receipts_for(self, invoice_id):
        return self.receipts.get(invoice_id, [])


def receipt(payment, number=7, kind=ReceiptKind.SALE, minutes=2):
    return ReceiptRecord(
        id=number, register_id="R1", number=number, kind=kind, payment_id=payment.id, money_op_id=None,
        original_receipt_id=None, amount=payment.amount, language=ReceiptLanguage.RU, width=ReceiptWidth.MM80,
        created_by=1, created_at=payment.created_at + timedelta(minutes=minutes),
    )  # fmt: skip


@pytest.fixture
def details(async_stub):
    return FakeDetails(async_stub)


@pytest.fixture
def panel(qtbot, aloop, details):
    widget = PaymentDetailView(details, details, user_name=lambda uid: NAMES.get(uid, ""))
    qtbot.addWidget(widget)
    widget.resize(520, 760)
    widget.show()
    return widget


def show(qtbot, panel, invoice):
    with qtbot.waitSignal(panel.loaded, timeout=3000):
        panel.show_payment(invoice)


def test_placeholder_before_anything_is_selected(panel):
    assert panel.stack.currentIndex() == 0
    assert "Select a payment" in panel.placeholder.text()


def test_every_field_of_a_paid_payment(qtbot, panel, details, make_payment):
    p = make_payment(
        amount=Money(235_050), phone="+7 701 555 12 34", email="a@mail.kz", description="Кофе және круассан",
        payout_amount=Money(58_700),
        gateway_amount=Money(176_350),  # the gateway lowers its amount by what was refunded
        last_polled_at=datetime(2026, 1, 15, 9, 5, 30, tzinfo=UTC),
    )  # fmt: skip
    details.put(p, refunded=Money(58_700), remaining=Money(176_350), receipts=[receipt(p)])
    show(qtbot, panel, p.invoice_id)
    f = {key: label.text() for key, label in panel.fields.items()}
    assert f["amount"] == Money(235_050).format()
    assert f["refunded"] == Money(58_700).format()
    assert f["remaining"] == Money(176_350).format()
    assert f["card"] == "VISA •••• 5096"  # never more than the last four digits
    assert f["approval"] == "A00001" and f["rrn"] == "RRN000000001" and f["transaction"] == "txn-1"
    assert f["description"] == "Кофе және круассан"
    assert f["contact"] == "+7 701 555 12 34, a@mail.kz"
    assert f["cashier"] == "Aigerim"
    assert f["created"] == "15.01.2026 14:01:00"  # 09:01 UTC is 14:01 in Almaty
    assert f["checked"] == "15.01.2026 14:05:30"
    assert panel.badge.text() == "Paid"
    assert panel.title_label.text() == f"Payment {p.invoice_id.value}"
    assert not panel.banner.isVisible()
    assert not panel.fields["reason"].isVisible()  # nothing to say: the row is hidden
    assert panel.receipts_list.topLevelItemCount() == 1
    assert panel.receipts_list.topLevelItem(0).text(0) == "000007"  # as printed on the slip
    assert panel.tabs.tabText(1) == "Receipts (1)"


def test_declined_payment_shows_the_reason_in_the_words_of_the_result_screen(
    qtbot, panel, details, make_payment
):
    p = make_payment(
        status=S.REJECT, reason="insufficient funds", reason_code=484, approval_code=None, reference=None
    )
    details.put(p)
    show(qtbot, panel, p.invoice_id)
    assert panel.badge.text() == "Declined"
    assert panel.fields["reason"].text() == "Not enough money on the card. Ask for another card."
    assert "insufficient funds [484]" in panel.fields["reason"].toolTip()  # the bank's own words, for support
    assert panel.fields["reason"].isVisible()
    assert not panel.fields["approval"].isVisible()
    customer = panel.timeline.topLevelItem(1).text(1)
    assert customer == (
        "Customer's result: Declined\nVISA •••• 5096 · Not enough money on the card. Ask for another card."
    )


def test_an_unknown_decline_code_keeps_the_banks_words(qtbot, panel, details, make_payment):
    p = make_payment(status=S.REJECT, reason="Insufficient funds", reason_code=None, approval_code=None)
    details.put(p)
    show(qtbot, panel, p.invoice_id)
    assert panel.fields["reason"].text() == "Declined by the bank. The bank says: Insufficient funds"


@pytest.mark.parametrize(
    ("state", "words"),
    [(OpState.UNKNOWN, "Checking with the bank"), (OpState.SENDING, "Checking with the bank"),
     (OpState.NEEDS_REVIEW, "A manager must review this operation")],
)  # fmt: skip
def test_banner_for_an_unresolved_operation(qtbot, panel, details, make_payment, make_op, state, words):
    p = make_payment()
    details.put(p, ops=[make_op(p, state=state)])
    show(qtbot, panel, p.invoice_id)
    assert panel.banner.isVisible()
    assert words in panel.banner.text()


def test_banner_when_the_payment_itself_is_unknown(qtbot, panel, details, make_payment):
    p = make_payment(status=S.UNKNOWN)
    details.put(p)
    show(qtbot, panel, p.invoice_id)
    assert "Checking with the bank" in panel.banner.text()
    assert panel.badge.text() == "Checking…"


def test_timeline_tells_the_story_in_order(qtbot, panel, details, make_payment, make_op):
    p = make_payment(token_expires_at=datetime(2026, 1, 15, 9, 21, tzinfo=UTC))
    refund = make_op(p, amount=Money(50_000), approved_by=2, reason="wrong_amount")
    failed = make_op(p, state=OpState.FAILED, gateway_message="Refund amount exceeds", approved_by=2)
    details.put(p, ops=[refund, failed], receipts=[receipt(p, minutes=0.5)])
    show(qtbot, panel, p.invoice_id)
    rows = [
        (panel.timeline.topLevelItem(i).text(0), panel.timeline.topLevelItem(i).text(1))
        for i in range(panel.timeline.topLevelItemCount())
    ]
    assert [text.splitlines()[0] for _time, text in rows] == [
        f"Payment of {p.amount.format()} created",
        "Payment page opened for the customer",
        "Customer's result: Paid",
        "Sale receipt No. 000007 issued",
        f"Refund {Money(50_000).format()}: Done",
        f"Refund {Money(50_000).format()}: Not done",
    ]
    assert rows[0] == ("15.01.2026 14:01:00", f"Payment of {p.amount.format()} created\nby Aigerim")
    assert "valid until 15.01.2026 14:21:00" in rows[1][1]
    assert "approval A00001" in rows[2][1]
    assert "asked by Aigerim, approved by Daniyar" in rows[4][1]
    assert "reason: Wrong amount" in rows[4][1]  # the refund dialog's words, not the stored code
    assert "bank: Refund amount exceeds" in rows[5][1]


def test_timeline_of_a_charged_hold_shows_the_customer_authorised(make_payment, make_op):
    p = make_payment(status=S.CHARGE)
    charge = make_op(p, kind=OpKind.CHARGE)
    entries = build_timeline(p, [charge], [], lambda uid: "")
    assert entries[1].text == "Customer's result: Authorised"
    assert entries[2].text.startswith("Charge")
    assert time_text(None) == ""


def test_live_updates_reload_the_shown_payment(qtbot, panel, details, make_payment, make_op):
    p = make_payment(status=S.PENDING)
    other = make_payment()
    details.put(p)
    show(qtbot, panel, p.invoice_id)
    details.put(replace(p, status=S.CHARGE))
    with qtbot.waitSignal(panel.loaded):
        panel.apply_payment_update(replace(p, status=S.CHARGE))
    assert panel.badge.text() == "Paid"
    calls = len(details.calls)
    panel.apply_payment_update(other)  # not shown: ignored
    panel.apply_operation_update(make_op(other))
    assert len(details.calls) == calls
    details.put(replace(p, status=S.CHARGE), ops=[make_op(p, state=OpState.UNKNOWN)])
    with qtbot.waitSignal(panel.loaded):
        panel.apply_operation_update(make_op(p, state=OpState.UNKNOWN))
    assert panel.banner.isVisible()


class ReadsThenWaits(FakeDetails):
    """get_view that reads the payment first, then waits: a read begun before a commit returns what it saw."""

    async def get_view(self, invoice_id):
        self.calls.append(invoice_id)
        seen = self.views[invoice_id]
        await self.get_view_stub(invoice_id)
        return seen


def _fiscal_record(payment):
    return FiscalRecord(
        id=1, payment_id=payment.id, money_op_id=None, kind=FiscalKind.SALE, external_number="E-1",
        amount=payment.amount, state=FiscalState.INTENT, attempts=0, last_error=None, receipt=None,
        created_at=payment.created_at, updated_at=payment.created_at,
    )  # fmt: skip


@pytest.mark.parametrize("told", ["operation", "fiscal receipt"])
def test_a_change_told_while_the_selected_payment_loads_is_shown(
    qtbot, aloop, async_stub, make_payment, make_op, told
):
    """Selected just as its refund or fiscal receipt is written: the load read before that commit and the
    update came before the load knew its payment's id; the payment is read again, not left stale."""
    details = ReadsThenWaits(async_stub)
    panel = PaymentDetailView(details, details)
    qtbot.addWidget(panel)
    p = make_payment(status=S.CHARGE)
    details.put(p)
    details.get_view_stub.hold()
    panel.show_payment(p.invoice_id)
    qtbot.waitUntil(lambda: details.calls == [p.invoice_id])  # its read has begun
    op = make_op(p, state=OpState.UNKNOWN)
    details.put(p, ops=[op])  # committed meanwhile, then told
    if told == "operation":
        panel.apply_operation_update(op)
    else:
        panel.apply_fiscal_update(_fiscal_record(p))
    details.get_view_stub.release()
    details.get_view_stub.gate = None
    qtbot.waitUntil(lambda: panel.view is not None and list(panel.view.operations) == [op])
    assert details.calls == [p.invoice_id, p.invoice_id]


def test_a_refusal_is_shown_in_the_panel_not_in_a_dialog(qtbot, panel):
    with qtbot.waitSignal(panel.cleared):
        panel.show_payment(InvoiceId("999999999"))
    assert panel.stack.currentIndex() == 0
    assert panel.placeholder.text() == "There is no payment with invoice number 999999999."
    assert panel.view is None


def test_a_newer_selection_wins_over_a_slower_older_one(qtbot, panel, details, make_payment):
    slow, fast = make_payment(), make_payment()
    details.put(slow)
    details.put(fast)
    details.get_view_stub.hold()
    panel.show_payment(slow.invoice_id)
    qtbot.waitUntil(lambda: details.calls == [slow.invoice_id])
    details.get_view_stub.release()
    details.get_view_stub.gate = None
    with qtbot.waitSignal(panel.loaded) as blocker:
        panel.show_payment(fast.invoice_id)
    assert blocker.args[0].payment.id == fast.id
    qtbot.waitUntil(lambda: panel._task is not None and panel._task.done())
    assert panel.view.payment.id == fast.id
    assert panel.title_label.text() == f"Payment {fast.invoice_id.value}"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("customer_request", "Customer request"), ("goods_returned", "Goods returned"),
     ("duplicate_payment", "Duplicate payment"), ("wrong_amount", "Wrong amount"),
     ("other: the box was torn", "Other: the box was torn"),
     ("requested_by_customer", "requested by customer")],  # an unknown code: readable, not hidden
)  # fmt: skip
def test_refund_reasons_in_the_timeline_are_the_refund_dialogs_words(make_payment, make_op, stored, shown):
    p = make_payment()
    entries = build_timeline(p, [make_op(p, reason=stored)], [], lambda uid: "")
    assert entries[-1].detail.splitlines()[-1] == f"reason: {shown}"


def test_the_refund_dialog_offers_the_labels_the_timeline_shows():
    assert REASONS is REFUND_REASONS  # one mapping, not a copy
    for code, label in REFUND_REASONS[:-1]:
        assert refund_reason_label(code) == label


def test_a_long_timeline_line_wraps_instead_of_being_cut(qtbot, panel, details, make_payment):
    p = make_payment(status=S.REJECT, reason_code=491, approval_code=None)  # a long sentence
    details.put(p)
    panel.resize(440, 700)
    show(qtbot, panel, p.invoice_id)
    tree = panel.timeline
    item = tree.topLevelItem(1)
    assert "Too many payments with this card" in item.text(1)
    line = tree.fontMetrics().height()
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() >= 3 * line)  # title + the wrapped detail
    panel.resize(1000, 700)  # wide again: the rows shrink back
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() < 3 * line)


def test_a_load_that_outlives_its_closed_window_is_not_a_crash(qtbot, aloop, details, make_payment):
    """The console quits while a payment's detail still loads: the window is deleted, then the store
    closes under the load ("cannot schedule new futures after shutdown"). Nobody is left to show it to:
    not a bug for the crash handler."""
    p = make_payment()
    details.put(p)
    widget = PaymentDetailView(details, details, user_name=lambda uid: NAMES.get(uid, ""))
    details.get_view_stub.hold()
    with qtbot.capture_exceptions() as captured:
        task = widget.show_payment(p.invoice_id)
        qtbot.waitUntil(lambda: details.calls == [p.invoice_id])
        shiboken6.delete(widget)  # what AppController.close does to the main window
        details.get_view_stub.error = RuntimeError("cannot schedule new futures after shutdown")
        details.get_view_stub.release()
        qtbot.waitUntil(task.done)
    assert captured == []
    assert task.exception() is None


def test_a_failed_load_in_an_open_window_is_still_a_bug(qtbot, panel, details, make_payment):
    p = make_payment()
    details.put(p)
    details.get_view_stub.error = RuntimeError("a bug")
    with qtbot.capture_exceptions() as captured:
        panel.show_payment(p.invoice_id)
        qtbot.waitUntil(lambda: len(captured) == 1)
    assert captured[0][0] is RuntimeError
