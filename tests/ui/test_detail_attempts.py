"""The detail panel's timeline with card attempts (decision 0035) and refunds made outside the console."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentEvent
from epay_desktop.domain import PaymentEventKind
from epay_desktop.ui.common.labels import decline_text
from epay_desktop.ui.payments.detail_content import build_timeline
from epay_desktop.ui.payments.detail_content import time_text
from epay_desktop.ui.payments.detail_view import PaymentDetailView


def _attempt(payment, n, status, *, minutes, bank=None, code=None, reason=None, mask=None):
    return PaymentEvent(
        id=n, payment_id=payment.id, kind=PaymentEventKind.ATTEMPT,
        at=payment.created_at + timedelta(minutes=minutes), bank_time=bank, status=status,
        reason_code=code, reason=reason, card_mask=mask,
    )  # fmt: skip


def test_declined_then_paid_shows_both_attempts_in_order(make_payment):
    p = make_payment(status=S.CHARGE, approval_code="170243")
    bank = p.created_at + timedelta(seconds=40)
    events = [
        _attempt(
            p, 1, "REJECT", minutes=1, bank=bank, code=465, reason="card restricted", mask="400303...7597"
        ),
        _attempt(p, 2, "CHARGE", minutes=2, bank=bank, mask="440563...5096"),
    ]
    entries = build_timeline(p, [], [], lambda uid: "", events)
    texts = [e.text for e in entries]
    declined = decline_text(465, S.REJECT, "card restricted").rstrip(".")
    assert texts[-2:] == [f"Declined: {declined}", "Customer's result: Paid"]
    first, second = entries[-2], entries[-1]
    assert first.detail == "attempt 1, card •••• 7597"
    assert first.when == bank and first.bank  # the bank dated the first attempt
    # the bank's createdDate did not change for the second attempt: it is dated by the console's clock
    assert second.when == events[1].at and not second.bank
    assert "•••• 5096" in second.detail and "approval 170243" in second.detail


def test_a_payment_without_recorded_attempts_keeps_its_single_result(make_payment):
    p = make_payment(status=S.REJECT, reason_code=465, reason="card restricted", approval_code=None)
    [_created, result] = build_timeline(p, [], [], lambda uid: "")
    assert result.text == "Customer's result: Declined"


def test_a_retry_in_progress_and_a_cancel_after_a_decline_are_said_after_the_attempts(make_payment):
    p = make_payment(status=S.PENDING)
    events = [_attempt(p, 1, "REJECT", minutes=1, code=465, mask="400303...7597")]
    entries = build_timeline(p, [], [], lambda uid: "", events)
    assert entries[-2].text.startswith("Declined: ")
    assert entries[-1].text == "The customer is trying again on the payment page"
    cancelled = make_payment(status=S.CASHIER_CANCEL, reason="cancelled at the counter by Aigerim")
    entries = build_timeline(cancelled, [], [], lambda uid: "", events)
    assert entries[-1].text == "Sale cancelled by the cashier after a declined attempt"
    assert entries[-1].detail == "cancelled at the counter by Aigerim"


def test_a_refund_made_outside_the_console_is_on_the_timeline(make_payment):
    p = make_payment(status=S.CHARGE)
    seen = p.created_at + timedelta(minutes=30)
    refund = PaymentEvent(7, p.id, PaymentEventKind.EXTERNAL_REFUND, at=seen, amount=Money(4000))
    entries = build_timeline(p, [], [], lambda uid: "", [refund])
    last = entries[-1]
    assert last.text == f"Refund made outside this console: {Money(4000).format()}"
    assert last.detail == "not credited to any operation of this console; a manager compares it with the bank"
    assert last.when == seen and not last.bank


class _Details:
    def __init__(self, view):
        self.view = view

    async def get_view(self, invoice_id):
        return self.view

    async def receipts_for(self, invoice_id):
        return []


def test_the_detail_panel_lists_every_attempt_on_its_timeline(qtbot, aloop, make_payment):
    p = make_payment(status=S.CHARGE)
    events = [
        _attempt(p, 1, "REJECT", minutes=1, code=465, reason="card restricted", mask="400303...7597"),
        _attempt(p, 2, "REJECT", minutes=2, code=479, reason="restricted card", mask="557834...0560"),
        _attempt(p, 3, "CHARGE", minutes=3, mask="440563...5096"),
    ]
    zero = Money(0)
    view = SimpleNamespace(
        payment=p, operations=[], refunded=zero, remaining=zero, status=p.status, events=events
    )
    panel = PaymentDetailView(_Details(view), _Details(view), user_name=lambda uid: "")
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=3000):
        panel.show_payment(p.invoice_id)
    rows = [panel.timeline.topLevelItem(i).text(1) for i in range(panel.timeline.topLevelItemCount())]
    assert [r.split("\n")[0] for r in rows[1:]] == [
        f"Declined: {decline_text(465, S.REJECT, 'card restricted').rstrip('.')}",
        f"Declined: {decline_text(479, S.REJECT, 'restricted card').rstrip('.')}",
        "Customer's result: Paid",
    ]
    assert "attempt 2, card •••• 0560" in rows[2]
    assert panel.timeline.topLevelItem(1).text(0) == time_text(events[0].at)
