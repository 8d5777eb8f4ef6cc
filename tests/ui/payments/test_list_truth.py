"""What the list says is true (issue 7 point 6): a hold charged in part shows what was charged, a
payment whose operation waits is marked "Checking…" / "Needs review" (from the page and live), and
the filter's live test knows about those operations."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.store.list_keys import list_keys_of
from epay_desktop.ui.common.amounts import charge_split
from epay_desktop.ui.common.amounts import shown_amount
from epay_desktop.ui.common.roles import BadgeRole
from epay_desktop.ui.payments.list_model import PaymentColumn
from epay_desktop.ui.payments.list_model import PaymentsTableModel
from epay_desktop.ui.widgets.status_badge import Badge
from epay_desktop.ui.widgets.status_badge import Tone

C = PaymentColumn
ROOT = QModelIndex()
#: "Charged 6 000,00 ₸ of 10 000,00 ₸; 4 000,00 ₸ released" with Money's own spaces
SPLIT_TEXT = "Charged {} of {}; {} released".format(
    *(Money(m).format() for m in (600_000, 1_000_000, 400_000))
)


class PagesWithOperations:
    """A list source whose pages carry ``open_operations`` as PaymentQueries' pages do."""

    def __init__(self, fake_payments: Any) -> None:
        self.inner = fake_payments
        self.open: dict[int, Any] = {}
        fake_payments.open_of = lambda p: self.open.get(p.id)

    def __getattr__(self, name: str) -> Any:  # the sorted list's calls: the fake's, with open_of
        return getattr(self.inner, name)

    async def list_payments(self, *args: Any, **kwargs: Any) -> SimpleNamespace:
        page = await self.inner.list_payments(*args, **kwargs)
        shown = {p.id for p in page.payments}
        opens = {pid: op for pid, op in self.open.items() if pid in shown}
        return SimpleNamespace(payments=page.payments, next_cursor=page.next_cursor, open_operations=opens)


def partly_charged(make_payment: Any, **extra: Any) -> Any:
    """A hold of 10 000 ₸ charged 6 000 ₸, as check-status reports it after the charge."""
    fields: dict[str, Any] = {
        "amount": Money(1_000_000),
        "status": ConsoleStatus.CHARGE,
        "gateway_amount": Money(600_000),
        "org_amount": Money(1_000_000),
        "payout_amount": None,
    }
    return make_payment(**(fields | extra))


def test_charge_split_of_a_hold_charged_in_part(make_payment):
    split = charge_split(partly_charged(make_payment))
    assert split is not None
    assert (split.charged, split.authorised, split.released) == (
        Money(600_000),
        Money(1_000_000),
        Money(400_000),
    )
    assert split.text() == SPLIT_TEXT
    # a later refund of part of it does not change what was charged (amount + payout stays 6 000)
    refunded = partly_charged(make_payment, payout_amount=Money(100_000))
    refunded = replace(refunded, gateway_amount=Money(500_000))
    assert charge_split(refunded) == split


def test_no_split_for_full_charges_refunds_and_holds(make_payment):
    full = make_payment(amount=Money(150_000), gateway_amount=Money(150_000), org_amount=Money(150_000))
    one_step_refunded_in_part = make_payment(
        gateway_amount=Money(100_000), org_amount=Money(150_000), payout_amount=Money(50_000)
    )
    held = make_payment(status=ConsoleStatus.AUTH, gateway_amount=Money(150_000), org_amount=Money(150_000))
    not_checked = make_payment(gateway_amount=None, org_amount=None)
    for payment in (full, one_step_refunded_in_part, held, not_checked):
        assert charge_split(payment) is None
        assert shown_amount(payment) == payment.amount


@pytest.fixture
def source(fake_payments):
    return PagesWithOperations(fake_payments)


@pytest.fixture
def model(qtbot, aloop, source):
    return PaymentsTableModel(source, page_size=100)


def load(qtbot, model) -> None:
    with qtbot.waitSignal(model.page_loaded, timeout=3000):
        model.refresh()


def cell(model, payment, column, role=Qt.ItemDataRole.DisplayRole):
    return model.index(model.row_of(payment.invoice_id), column).data(role)


def test_the_list_shows_what_a_partly_charged_hold_took(qtbot, model, source, make_payment):
    held = partly_charged(make_payment)
    plain = make_payment()
    source.inner.add(held, plain)
    load(qtbot, model)
    assert cell(model, held, C.AMOUNT) == Money(600_000).format()
    assert list_keys_of(held)[0] == 600_000  # the list sorts (in SQL) by what it shows
    assert cell(model, held, C.AMOUNT, Qt.ItemDataRole.ToolTipRole) == SPLIT_TEXT
    assert cell(model, plain, C.AMOUNT) == Money(150_000).format()
    assert cell(model, plain, C.AMOUNT, Qt.ItemDataRole.ToolTipRole) is None


def test_a_waiting_operation_marks_the_row_from_the_page(qtbot, model, source, make_payment, make_op):
    lost = make_payment()
    review = make_payment()
    calm = make_payment()
    source.inner.add(lost, review, calm)
    source.open = {
        lost.id: make_op(lost, state=OpState.UNKNOWN),
        review.id: make_op(review, kind=OpKind.REFUND, state=OpState.NEEDS_REVIEW),
    }
    load(qtbot, model)
    assert cell(model, lost, C.STATUS, BadgeRole) == Badge("Checking…", Tone.PURPLE)
    assert cell(model, lost, C.STATUS) == "Checking…"
    assert cell(model, review, C.STATUS, BadgeRole) == Badge("Needs review", Tone.PINK)
    tip = cell(model, review, C.STATUS, Qt.ItemDataRole.ToolTipRole)
    assert f"Refund of {Money(50_000).format()}: Needs review" in tip
    assert cell(model, calm, C.STATUS, BadgeRole) == Badge("Paid", Tone.GREEN)
    assert tip.startswith("Paid\n")  # the status under the mark
    assert cell(model, calm, C.STATUS, Qt.ItemDataRole.ToolTipRole) == "Paid"  # whole even when cut short


def test_operation_updates_mark_and_unmark_the_row_live(qtbot, model, source, make_payment, make_op):
    payment = make_payment()
    source.inner.add(payment)
    load(qtbot, model)
    op = make_op(payment, state=OpState.SENDING)
    model.apply_operation_update(op)  # in flight: not marked (it settles within seconds)
    assert cell(model, payment, C.STATUS) == "Paid"
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.apply_operation_update(replace(op, state=OpState.UNKNOWN))
    assert changed.args[0].row() == model.row_of(payment.invoice_id)
    assert cell(model, payment, C.STATUS, BadgeRole) == Badge("Checking…", Tone.PURPLE)
    model.apply_operation_update(replace(op, state=OpState.NEEDS_REVIEW))
    assert cell(model, payment, C.STATUS) == "Needs review"
    # a payment update (the poller) keeps the mark: the operation still waits
    model.apply_update(replace(payment, version=2))
    assert cell(model, payment, C.STATUS) == "Needs review"
    with qtbot.waitSignal(model.dataChanged):
        model.apply_operation_update(replace(op, state=OpState.SUCCEEDED))
    assert cell(model, payment, C.STATUS, BadgeRole) == Badge("Paid", Tone.GREEN)
    assert model.open_operation(payment.id) is None


def test_needs_attention_live_test_counts_waiting_operations(make_payment):
    wanted = PaymentFilter.of(needs_attention=True)
    paid = make_payment()
    assert not wanted.matches(paid)
    assert wanted.matches(paid, open_operation=True)
    assert wanted.matches(make_payment(status=ConsoleStatus.UNKNOWN))


def test_a_payment_whose_operation_waits_joins_the_attention_list_live(
    qtbot, model, source, make_payment, make_op
):
    model.set_filter(PaymentFilter.of(needs_attention=True))
    qtbot.waitUntil(lambda: not model.is_loading)
    assert model.rowCount() == 0
    payment = make_payment()
    model.apply_operation_update(make_op(payment, state=OpState.UNKNOWN))  # not loaded: remembered
    model.apply_update(payment)  # the payment's own update follows the operation's
    assert model.rowCount() == 1 and cell(model, payment, C.STATUS) == "Checking…"
