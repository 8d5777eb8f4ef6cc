"""The gateway may say REFUND after a partial refund (sandbox --refund-status-after-partial): the main
window's Refund stays enabled while money remains, and the refund dialog's remainder (its maximum) is
what the amounts leave -- the same rule the service applies (domain/rules.py check_refund)."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.domain.rules import check_refund
from epay_desktop.domain.rules import refund_remaining
from epay_desktop.services.payments.queries import refundable
from epay_desktop.ui.window.actions import payment_availability

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
M = Money.parse
MANAGER = User(
    id=1, name="Данияр", role=Role.MANAGER, active=True, failed_attempts=0, locked_until=None, created_at=NOW
)


def refunded_payment(amount: str, payout: str) -> Payment:
    """A 1000 payment the gateway reports as REFUND with ``amount`` left and ``payout`` refunded."""
    return Payment(
        id=1, invoice_id=InvoiceId("000123456"), amount=M("1000"), status=ConsoleStatus.REFUND,
        description="", email=None, phone=None, account_id=None, save_card=False, language="rus",
        register_id="till-1", created_by=1, created_at=NOW - timedelta(days=1), updated_at=NOW,
        transaction_id="tx-1", gateway_amount=M(amount), org_amount=M("1000"), payout_amount=M(payout),
        card_mask=None, card_type=None, card_id=None, reference=None, approval_code=None, reason=None,
        reason_code=None, token_expires_at=None, next_poll_at=None, last_polled_at=None, version=1,
    )  # fmt: skip


def test_refund_stays_available_after_a_partial_refund_reported_as_refund(qapp) -> None:
    partly = refunded_payment("700", "300")
    states = payment_availability(MANAGER, partly)
    assert states["refund"].enabled, states["refund"].note  # was: "already fully refunded"
    assert refundable(partly, M("300")) == M("700")  # the dialog's remainder and maximum
    assert refund_remaining(partly, []) == M("700")
    assert check_refund(partly, [], None, M("700"), NOW) == M("700")


def test_a_fully_refunded_payment_still_says_so(qapp) -> None:
    fully = refunded_payment("0", "1000")
    states = payment_availability(MANAGER, fully)
    assert not states["refund"].enabled
    assert states["refund"].note == "This payment is already fully refunded."
    assert refundable(fully, M("1000")) == M("0")
