"""Every refusal that names a payment's (or an operation's) state says it in words, never the raw code.

CASHIER_CANCEL and PAGE_FAILED (decision 0018) are the console's own codes; a cashier reading "this one
is CASHIER_CANCEL" or "this one is 3D" learns nothing. Checked for every ConsoleStatus and OpState in
the money rules (refund, charge, cancel) and the receipt rules.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from epay_desktop.domain import (
    ConsoleStatus,
    InvoiceId,
    Money,
    MoneyOp,
    OpKind,
    OpState,
    Payment,
    RuleViolation,
)
from epay_desktop.domain.receipts import ReceiptKind, plan_receipt
from epay_desktop.domain.rules import check_cancel, check_charge, check_refund, op_state_words, status_words

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
M = Money.parse


def payment(status: ConsoleStatus = ConsoleStatus.CHARGE, amount: str = "100") -> Payment:
    return Payment(
        id=1,
        invoice_id=InvoiceId("000123456"),
        amount=M(amount),
        status=status,
        description="",
        email=None,
        phone=None,
        account_id=None,
        save_card=False,
        language="rus",
        register_id="till-1",
        created_by=1,
        created_at=NOW - timedelta(days=1),
        updated_at=NOW,
        transaction_id="tx-1",
        gateway_amount=M(amount),
        org_amount=M(amount),
        payout_amount=M("0"),
        card_mask=None,
        card_type=None,
        card_id=None,
        reference=None,
        approval_code=None,
        reason=None,
        reason_code=None,
        token_expires_at=None,
        next_poll_at=None,
        last_polled_at=None,
        version=1,
    )


def op(kind: OpKind, amount: str, state: OpState) -> MoneyOp:
    return MoneyOp(
        id="op",
        payment_id=1,
        kind=kind,
        amount=M(amount),
        state=state,
        expected_remaining=None,
        requested_by=1,
        approved_by=None,
        reason=None,
        gateway_code=None,
        gateway_message=None,
        created_at=NOW,
        sent_at=NOW,
        resolved_at=None,
        base_payout=M("0"),
        base_status=ConsoleStatus.CHARGE,
    )


CODES = {s.value for s in ConsoleStatus} | {s.value for s in OpState}


def raw_codes_in(text: str) -> set[str]:
    """The status/state codes written as such (a whole word in capitals) in ``text``."""
    return {word for word in re.findall(r"[A-Z0-9_]{2,}", text) if word in CODES}


def refusals(status: ConsoleStatus) -> list[str]:
    said = []
    for check in (
        lambda p: check_refund(p, [], None, None, NOW),
        lambda p: check_charge(p, [], None),
        lambda p: check_cancel(p, []),
        lambda p: plan_receipt(p, [], [], ReceiptKind.SALE),
    ):
        try:
            check(payment(status))
        except RuleViolation as exc:
            said.append(exc.user_message)
    return said


@pytest.mark.parametrize("status", list(ConsoleStatus))
def test_every_status_is_named_in_words_in_every_refusal(status: ConsoleStatus) -> None:
    words = status_words(status)
    assert words and not raw_codes_in(words) and words != status.value
    said = refusals(status)
    assert said  # every status refuses something: a refund, or a charge and a cancel
    for sentence in said:
        assert not raw_codes_in(sentence), sentence


def test_the_counters_own_marks_read_as_what_happened() -> None:
    for status, words in (
        (ConsoleStatus.CASHIER_CANCEL, "cancelled by the cashier at the counter"),
        (ConsoleStatus.PAGE_FAILED, "a sale whose payment page failed to open"),
    ):
        with pytest.raises(RuleViolation) as refund:
            check_refund(payment(status), [], None, None, NOW)
        assert refund.value.user_message == f"Only a paid payment can be refunded; this one is {words}."
        with pytest.raises(RuleViolation) as charge:
            check_charge(payment(status), [], None)
        assert charge.value.user_message == (
            f"Only a held (authorised) payment can be charged; this one is {words}."
        )
        with pytest.raises(RuleViolation) as cancel:
            check_cancel(payment(status), [])
        assert cancel.value.user_message == (
            f"Only a held (authorised) payment can be cancelled; this one is {words}."
        )


@pytest.mark.parametrize("state", [s for s in OpState if s is not OpState.SUCCEEDED])
def test_a_refund_receipt_refusal_names_the_refunds_state_in_words(state: OpState) -> None:
    refund = op(OpKind.REFUND, "30", state)
    with pytest.raises(RuleViolation) as refused:
        plan_receipt(payment(), [refund], [], ReceiptKind.REFUND, money_op_id=refund.id)
    assert op_state_words(state) in refused.value.user_message
    assert not raw_codes_in(refused.value.user_message)
