"""The card-attempt rules of one invoice (services/payments/card_attempts.py, decision 0035), no gateway."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentEvent
from epay_desktop.domain import PaymentEventKind
from epay_desktop.services.payments.card_attempts import CardAttempts
from epay_desktop.services.payments.card_attempts import card_attempts
from epay_desktop.services.payments.card_attempts import is_new_attempt

S = ConsoleStatus
T0 = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


def _event(status: str, code: int | None = None, mask: str = "400303...7597", n: int = 1) -> PaymentEvent:
    return PaymentEvent(
        id=n, payment_id=1, kind=PaymentEventKind.ATTEMPT, at=T0 + timedelta(minutes=n), bank_time=T0,
        status=status, reason_code=code, reason="card restricted" if code else None, card_mask=mask,
    )  # fmt: skip


def _payment(status: ConsoleStatus, **fields: object) -> Payment:
    base = Payment(
        id=1, invoice_id=InvoiceId("000000001"), amount=Money(150_000), status=status, description="",
        email=None, phone=None, account_id=None, save_card=False, language="rus", register_id="R1",
        created_by=1, created_at=T0, updated_at=T0, transaction_id=None, gateway_amount=None,
        org_amount=None, payout_amount=None, card_mask=None, card_type=None, card_id=None, reference=None,
        approval_code=None, reason=None, reason_code=None, token_expires_at=T0 + timedelta(minutes=20),
        next_poll_at=None, last_polled_at=None, version=1,
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


def _answer(status: ConsoleStatus, code: int | None = 465, mask: str = "400303...7597") -> GatewaySnapshot:
    return GatewaySnapshot(
        status=status, observed_at=T0, reason_code=code, reason="card restricted" if code else None,
        card_mask=mask, bank_time=T0,
    )  # fmt: skip


def test_a_decline_with_attempts_left_and_a_live_token_is_open() -> None:
    one = [_event("REJECT", 465)]
    assert card_attempts(S.REJECT, one, token_gone=False, reason_code=465) == CardAttempts(1, 2, True)
    assert card_attempts(S.THREE_DS, one, token_gone=False) == CardAttempts(1, 2, True)


def test_505_three_attempts_or_a_gone_token_close_the_invoice() -> None:
    one = [_event("REJECT", 465)]
    assert card_attempts(S.REJECT, one, token_gone=False, reason_code=505) == CardAttempts(1, 0, False)
    seen_505 = [*one, _event("REJECT", 505, n=2)]
    assert card_attempts(S.REJECT, seen_505, token_gone=False, reason_code=465).open is False
    three = [_event("REJECT", 465, n=n) for n in (1, 2, 3)]
    assert card_attempts(S.REJECT, three, token_gone=False, reason_code=465) == CardAttempts(3, 0, False)
    assert card_attempts(S.REJECT, one, token_gone=True, reason_code=465) == CardAttempts(1, 0, False)


def test_only_declines_are_ever_open() -> None:
    for status in (S.FAILED, S.CHARGE, S.AUTH, S.PENDING, S.CASHIER_CANCEL):
        assert card_attempts(status, [], token_gone=False).open is False


def test_a_new_attempt_is_a_changed_answer_or_any_ended_attempt_after_waiting_again() -> None:
    first = _event("REJECT", 465)
    declined = _payment(S.REJECT, reason_code=465, reason="card restricted", card_mask="400303...7597",
                        bank_time=T0)  # fmt: skip
    assert is_new_attempt(_payment(S.PENDING), _answer(S.REJECT), []) is True
    assert is_new_attempt(declined, _answer(S.REJECT), [first]) is False  # the same answer again
    assert is_new_attempt(declined, _answer(S.REJECT, 479), [first]) is True  # other words
    assert is_new_attempt(declined, _answer(S.REJECT, mask="557834...0560"), [first]) is True  # other card
    assert is_new_attempt(declined, _answer(S.CHARGE, 0, "440563...5096"), [first]) is True
    waiting = replace(declined, status=S.PENDING)  # the console saw the invoice waiting again
    assert is_new_attempt(waiting, _answer(S.REJECT), [first]) is True
    assert is_new_attempt(_payment(S.PENDING), _answer(S.PENDING, None), []) is False  # nothing ended


def test_after_an_approval_nothing_is_a_new_attempt() -> None:
    approved = [_event("CHARGE", None, "440563...5096")]
    charged = _payment(S.AUTH, card_mask="440563...5096")
    assert is_new_attempt(charged, _answer(S.CHARGE, 0, "440563...5096"), []) is False  # hold charged
    assert is_new_attempt(_payment(S.PENDING), _answer(S.REJECT), approved) is False
