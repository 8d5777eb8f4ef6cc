"""The money rules (epay_desktop.domain.rules) and the verdict logic (services.outcomes), pure; every
refusal names a payment's or an operation's state in words, never its raw code."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OperationInProgress
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import RuleViolation
from epay_desktop.domain import StaleRemaining
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import plan_receipt
from epay_desktop.domain.rules import ALLOWED_TRANSITIONS
from epay_desktop.domain.rules import check_cancel
from epay_desktop.domain.rules import check_charge
from epay_desktop.domain.rules import check_refund
from epay_desktop.domain.rules import op_state_words
from epay_desktop.domain.rules import refund_remaining
from epay_desktop.domain.rules import status_words
from epay_desktop.domain.rules import transition_allowed
from epay_desktop.services.money_ops.outcomes import Verdict
from epay_desktop.services.money_ops.outcomes import judge
from epay_desktop.services.money_ops.outcomes import next_state
from tests.support.builders import NOW
from tests.support.builders import money_op
from tests.support.builders import payment

M = Money.parse
op = money_op


# -- refunds --------------------------------------------------------------------------------------


def test_refund_of_everything_that_remains_by_default() -> None:
    done = [op(OpKind.REFUND, "30", OpState.SUCCEEDED), op(OpKind.REFUND, "50", OpState.FAILED)]
    assert check_refund(payment(), done, None, None, NOW) == M("70")


@pytest.mark.parametrize(
    ("amount", "ops", "message"),
    [
        (
            "600",
            [op(OpKind.REFUND, "600", OpState.SUCCEEDED)],
            "Refund of 600,00\xa0₸ is more than what remains (400,00\xa0₸)",
        ),
        ("9.99", [], "Refunds need at least 10,00\xa0₸"),
        ("0", [], "Refunds need at least 10,00\xa0₸"),
    ],
)
def test_refund_limits(amount: str, ops: list[MoneyOp], message: str) -> None:
    with pytest.raises(RuleViolation) as caught:
        check_refund(payment(amount="1000"), ops, M(amount), None, NOW)
    assert caught.value.user_message == message + "."


def test_refund_counts_in_flight_refunds_and_the_gateways_payout() -> None:
    # the gateway already shows 20 refunded (a stale local list) -- the larger figure wins
    stale = payment(gateway_amount=M("80"), payout_amount=M("20"))
    assert refund_remaining(stale, []) == M("80")
    assert refund_remaining(stale, [op(OpKind.REFUND, "30", OpState.SUCCEEDED)]) == M("70")
    with pytest.raises(OperationInProgress, match="Another refund of this payment is still being processed"):
        check_refund(payment(), [op(OpKind.REFUND, "30", OpState.UNKNOWN)], M("10"), None, NOW)
    with pytest.raises(OperationInProgress, match="needs a manager's review"):
        check_refund(payment(), [op(OpKind.REFUND, "30", OpState.NEEDS_REVIEW)], M("10"), None, NOW)


def test_refund_only_from_charge_and_never_after_cancel() -> None:
    with pytest.raises(
        RuleViolation,
        match=r"Only a paid payment can be refunded; this one is only held \(authorised\), not charged yet: "
        r"charge or cancel it\.",
    ):
        check_refund(payment(ConsoleStatus.AUTH), [], None, None, NOW)
    with pytest.raises(RuleViolation, match="was cancelled"):
        check_refund(payment(ConsoleStatus.CANCEL), [], None, None, NOW)
    # the cancel succeeded but the payment was not refreshed yet: still refused
    with pytest.raises(RuleViolation, match="was cancelled"):
        check_refund(payment(), [op(OpKind.CANCEL, "100", OpState.SUCCEEDED)], None, None, NOW)
    fully = payment(ConsoleStatus.REFUND, gateway_amount=M("0"), payout_amount=M("100"))
    with pytest.raises(RuleViolation, match="fully refunded"):
        check_refund(fully, [], None, None, NOW)


def test_refundable_amount_comes_from_amounts_not_from_the_status_name() -> None:
    """The gateway may say REFUND after a partial refund (sandbox --refund-status-after-partial): what
    remains is decided from amount/payoutAmount, so the rest can still be refunded (was: "fully
    refunded")."""
    partly = payment(ConsoleStatus.REFUND, gateway_amount=M("60"), payout_amount=M("40"))
    done = [op(OpKind.REFUND, "40", OpState.SUCCEEDED)]
    assert refund_remaining(partly, done) == M("60")
    assert check_refund(partly, done, None, M("60"), NOW) == M("60")
    assert check_refund(partly, done, M("20"), None, NOW) == M("20")
    with pytest.raises(RuleViolation, match="more than what remains"):
        check_refund(partly, done, M("61"), None, NOW)
    # refunds made outside the console that the console recorded count as refunded
    assert refund_remaining(payment(payout_amount=M("0")), [], external_minor=2500) == M("75")


def test_stale_remaining_is_checked_before_the_remainder() -> None:
    done = [op(OpKind.REFUND, "30", OpState.SUCCEEDED)]
    with pytest.raises(StaleRemaining) as caught:
        check_refund(payment(), done, M("80"), M("100"), NOW)
    assert caught.value.user_message == "The remaining amount changed (now 70,00\xa0₸): check and try again."
    assert caught.value.current_remaining_minor == 7000
    assert check_refund(payment(), done, M("70"), M("70"), NOW) == M("70")


def test_refund_window_counts_from_the_payment_date() -> None:
    p = payment(created_at=NOW - timedelta(days=180))
    assert check_refund(p, [], None, None, NOW, window_days=180) == M("100")
    with pytest.raises(RuleViolation, match="refund window of 180 days ended"):
        check_refund(p, [], None, None, NOW + timedelta(seconds=1), window_days=180)


@given(
    captured=st.integers(min_value=1000, max_value=10**9),
    refunds=st.lists(st.integers(min_value=0, max_value=10**9), max_size=6),
)
def test_accepted_refunds_never_exceed_what_was_captured(captured: int, refunds: list[int]) -> None:
    p = payment(amount="1", gateway_amount=Money(captured), payout_amount=Money(0))
    done: list[MoneyOp] = []
    for amount in refunds:
        try:
            chosen = check_refund(p, done, Money(amount), None, NOW)
        except RuleViolation:
            continue
        assert chosen.minor >= 1000
        done.append(op(OpKind.REFUND, chosen.plain(), OpState.SUCCEEDED))
    assert sum(o.amount.minor for o in done) <= captured


# -- charge and cancel -----------------------------------------------------------------------------


def test_charge_only_from_auth_within_the_held_amount() -> None:
    held = payment(ConsoleStatus.AUTH)
    assert check_charge(held, [], None) == M("100")
    assert check_charge(held, [], M("0.01")) == M("0.01")
    with pytest.raises(RuleViolation, match="more than zero"):
        check_charge(held, [], M("0"))
    with pytest.raises(RuleViolation, match=r"Charge of 100,01\xa0₸ is more than the held amount"):
        check_charge(held, [], M("100.01"))
    with pytest.raises(
        RuleViolation,
        match=r"Only a held \(authorised\) payment can be charged; this one is paid \(charged\)\.",
    ):
        check_charge(payment(), [], None)
    with pytest.raises(OperationInProgress):
        check_charge(held, [op(OpKind.CHARGE, "100", OpState.SENDING)], None)


def test_cancel_only_from_auth_and_in_full() -> None:
    assert check_cancel(payment(ConsoleStatus.AUTH), []) == M("100")
    with pytest.raises(RuleViolation, match="refunded instead"):
        check_cancel(payment(), [])
    with pytest.raises(OperationInProgress, match="Another cancellation"):
        check_cancel(payment(ConsoleStatus.AUTH), [op(OpKind.CANCEL, "100", OpState.UNKNOWN)])


# -- transitions and verdicts ----------------------------------------------------------------------


def test_transitions_never_leave_a_final_state_and_unknown_never_fails() -> None:
    assert ALLOWED_TRANSITIONS[OpState.SUCCEEDED] == ALLOWED_TRANSITIONS[OpState.FAILED] == frozenset()
    assert not transition_allowed(OpState.UNKNOWN, OpState.FAILED)
    assert transition_allowed(OpState.NEEDS_REVIEW, OpState.SENDING)  # a manager's retry
    assert transition_allowed(OpState.SENDING, OpState.UNKNOWN)


def snap(status: ConsoleStatus, payout: str | None) -> GatewaySnapshot:
    return GatewaySnapshot(status=status, observed_at=NOW, payout_amount=M(payout) if payout else None)


@pytest.mark.parametrize(
    ("kind", "snapshot", "verdict"),
    [
        (OpKind.REFUND, snap(ConsoleStatus.CHARGE, "50"), Verdict.APPLIED),  # base 20 + 30
        (OpKind.REFUND, snap(ConsoleStatus.REFUND, "50"), Verdict.APPLIED),
        (OpKind.REFUND, snap(ConsoleStatus.CHARGE, "20"), Verdict.NOT_APPLIED),
        (OpKind.REFUND, snap(ConsoleStatus.CHARGE, "35"), Verdict.UNCLEAR),  # someone else refunded
        (OpKind.REFUND, snap(ConsoleStatus.CHARGE, None), Verdict.UNCLEAR),
        (OpKind.REFUND, None, Verdict.UNCLEAR),  # 102: the gateway has no transaction
        (OpKind.CHARGE, snap(ConsoleStatus.CHARGE, "0"), Verdict.APPLIED),
        (OpKind.CHARGE, snap(ConsoleStatus.AUTH, "0"), Verdict.NOT_APPLIED),
        (OpKind.CHARGE, snap(ConsoleStatus.CANCEL_OLD, "0"), Verdict.UNCLEAR),
        (OpKind.CANCEL, snap(ConsoleStatus.CANCEL, "0"), Verdict.APPLIED),
        (OpKind.CANCEL, snap(ConsoleStatus.AUTH, "0"), Verdict.NOT_APPLIED),
        (OpKind.CANCEL, snap(ConsoleStatus.CHARGE, "0"), Verdict.UNCLEAR),
    ],
)
def test_judge(kind: OpKind, snapshot: GatewaySnapshot | None, verdict: Verdict) -> None:
    assert judge(op(kind, "30", OpState.UNKNOWN, base_payout=M("20")), snapshot) is verdict


@pytest.mark.parametrize(
    ("state", "verdict", "age", "expected"),
    [
        (OpState.SENDING, Verdict.APPLIED, 0, OpState.SUCCEEDED),
        (OpState.NEEDS_REVIEW, Verdict.APPLIED, 999, OpState.SUCCEEDED),
        # a young SENDING op only moves on APPLIED: its request may still be on its way
        (OpState.SENDING, Verdict.NOT_APPLIED, 10, None),
        (OpState.SENDING, Verdict.PENDING, 10, None),
        (OpState.SENDING, Verdict.UNCLEAR, 59, None),
        (OpState.SENDING, Verdict.UNCLEAR, 60, OpState.NEEDS_REVIEW),
        (OpState.SENDING, Verdict.NOT_APPLIED, 60, OpState.NEEDS_REVIEW),
        (OpState.UNKNOWN, Verdict.NOT_APPLIED, 10, None),
        (OpState.UNKNOWN, Verdict.NOT_APPLIED, 60, OpState.NEEDS_REVIEW),
        (OpState.UNKNOWN, Verdict.PENDING, 10, None),
        (OpState.SENDING, Verdict.PENDING, 3600, OpState.NEEDS_REVIEW),
        (OpState.UNKNOWN, Verdict.UNCLEAR, 0, OpState.NEEDS_REVIEW),
        (OpState.NEEDS_REVIEW, Verdict.NOT_APPLIED, 3600, None),  # only a manager moves it on
        (OpState.FAILED, Verdict.APPLIED, 0, None),
    ],
)
def test_next_state_never_fails_an_operation_because_time_passed(
    state: OpState, verdict: Verdict, age: int, expected: OpState | None
) -> None:
    current = op(OpKind.REFUND, "30", state, sent_at=NOW - timedelta(seconds=age))
    assert next_state(current, verdict, NOW, timedelta(seconds=60)) is expected


# -- refusals name every state in words (decision 0018's own statuses included) --------------------


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
