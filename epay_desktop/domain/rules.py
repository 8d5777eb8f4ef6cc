"""The money rules: what a charge, cancel or refund may do to a payment (docs/reliability.md rule 5).

Pure functions over the payment as the console knows it and its money operations. They run
inside the write transaction that holds the payment's lock, before any intent is written, so a
refusal never sends anything to the gateway. Each raises a :class:`ConsoleError` subclass whose
``user_message`` says what is wrong and what to do:

- :class:`OperationInProgress` when an earlier operation of the payment is unresolved;
- :class:`StaleRemaining` when the caller's ``expected_remaining`` is not the current remainder;
- :class:`RuleViolation` for everything else (status, minimum, remainder, refund window).

Amounts are integer minor units; only messages format them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from datetime import timedelta
from typing import Final

from epay_desktop.domain.errors import OperationInProgress
from epay_desktop.domain.errors import RuleViolation
from epay_desktop.domain.errors import StaleRemaining
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import Word
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.money import Money
from epay_desktop.domain.records import ConsoleStatus
from epay_desktop.domain.records import MoneyOp
from epay_desktop.domain.records import OpKind
from epay_desktop.domain.records import OpState
from epay_desktop.domain.records import Payment
from epay_desktop.domain.words import KIND_WORDS

__all__ = [
    "ALLOWED_TRANSITIONS",
    "DEFAULT_REFUND_WINDOW_DAYS",
    "MIN_CHARGE_MINOR",
    "MIN_REFUND_MINOR",
    "captured_amount",
    "check_cancel",
    "check_charge",
    "check_refund",
    "held_amount",
    "op_state_words",
    "refund_remaining",
    "refund_status_allows",
    "refunded_amount",
    "status_words",
    "transition_allowed",
]

#: The gateway refuses refunds below 10 KZT (epay-api.md §6).
MIN_REFUND_MINOR: Final = 1000
MIN_CHARGE_MINOR: Final = 1
DEFAULT_REFUND_WINDOW_DAYS: Final = 180

#: Where a money operation may go next. SUCCEEDED and FAILED are final. UNKNOWN never becomes
#: FAILED (only check-status resolves it, and "not applied yet" may still change); NEEDS_REVIEW
#: becomes FAILED only by a manager's "abandon" and SENDING again only by a manager's "retry".
ALLOWED_TRANSITIONS: Final[dict[OpState, frozenset[OpState]]] = {
    OpState.SENDING: frozenset({OpState.SUCCEEDED, OpState.FAILED, OpState.UNKNOWN, OpState.NEEDS_REVIEW}),
    OpState.UNKNOWN: frozenset({OpState.SUCCEEDED, OpState.NEEDS_REVIEW}),
    OpState.NEEDS_REVIEW: frozenset({OpState.SUCCEEDED, OpState.FAILED, OpState.SENDING}),
    OpState.SUCCEEDED: frozenset(),
    OpState.FAILED: frozenset(),
}

_KIND_WORD: Final = KIND_WORDS  # "charge", "cancellation", "refund", translated where shown


#: Every status in words that follow "this one is …" in a refusal (never the raw code: a cashier does not
#: know what CASHIER_CANCEL or 3D means). Marked for translators in context "rules".
_STATUS_WORDS: Final[dict[ConsoleStatus, str]] = {
    ConsoleStatus.NEW: QT_TRANSLATE_NOOP("rules", "waiting for the customer to pay"),
    ConsoleStatus.PENDING: QT_TRANSLATE_NOOP("rules", "waiting for the customer to pay"),
    ConsoleStatus.FINGERPRINT: QT_TRANSLATE_NOOP("rules", "being paid by the customer right now"),
    ConsoleStatus.UNKNOWN: QT_TRANSLATE_NOOP("rules", "still being checked with the bank"),
    ConsoleStatus.EXPIRED: QT_TRANSLATE_NOOP("rules", "expired without being paid"),
    ConsoleStatus.THREE_DS: QT_TRANSLATE_NOOP("rules", "declined at the card's 3-D Secure check"),
    ConsoleStatus.AUTH: QT_TRANSLATE_NOOP("rules", "only held (authorised), not charged yet"),
    ConsoleStatus.CHARGE: QT_TRANSLATE_NOOP("rules", "paid (charged)"),
    ConsoleStatus.CANCEL: QT_TRANSLATE_NOOP("rules", "cancelled (the hold was released)"),
    ConsoleStatus.CANCEL_OLD: QT_TRANSLATE_NOOP("rules", "a hold that expired unused"),
    ConsoleStatus.REFUND: QT_TRANSLATE_NOOP("rules", "fully refunded"),
    ConsoleStatus.REJECT: QT_TRANSLATE_NOOP("rules", "declined"),
    ConsoleStatus.FAILED: QT_TRANSLATE_NOOP("rules", "failed"),
    ConsoleStatus.VERIFIED: QT_TRANSLATE_NOOP("rules", "a card check only (no money was taken)"),
    ConsoleStatus.CASHIER_CANCEL: QT_TRANSLATE_NOOP("rules", "cancelled by the cashier at the counter"),
    ConsoleStatus.PAGE_FAILED: QT_TRANSLATE_NOOP("rules", "a sale whose payment page failed to open"),
}

_OP_STATE_WORDS: Final[dict[OpState, str]] = {
    OpState.SENDING: QT_TRANSLATE_NOOP("rules", "being sent to the bank"),
    OpState.UNKNOWN: QT_TRANSLATE_NOOP("rules", "still being checked with the bank"),
    OpState.NEEDS_REVIEW: QT_TRANSLATE_NOOP("rules", "waiting for a manager's review"),
    OpState.SUCCEEDED: QT_TRANSLATE_NOOP("rules", "done"),
    OpState.FAILED: QT_TRANSLATE_NOOP("rules", "failed"),
}


def status_words(status: ConsoleStatus) -> str:
    """``status`` in words for "this one is …" in a refusal (see :data:`_STATUS_WORDS`)."""
    return Word("rules", _STATUS_WORDS[status])


def op_state_words(state: OpState) -> str:
    """A money operation's state in words for "this one is …" in a refusal."""
    return Word("rules", _OP_STATE_WORDS[state])


def transition_allowed(current: OpState, new: OpState) -> bool:
    """Whether an operation in ``current`` may move to ``new`` (see :data:`ALLOWED_TRANSITIONS`)."""
    return new in ALLOWED_TRANSITIONS[current]


# -- amounts ------------------------------------------------------------------------------------


def captured_amount(payment: Payment) -> Money:
    """What was taken from the card: the gateway's ``amount + payoutAmount`` (refunds move money
    from one to the other, so the sum stays the captured total), else the payment's own amount."""
    if payment.gateway_amount is not None:
        payout = payment.payout_amount or Money.zero(payment.gateway_amount.currency)
        return payment.gateway_amount + payout
    return payment.amount


def held_amount(payment: Payment) -> Money:
    """What a held (AUTH) payment can still be charged: the gateway's amount, else the asked amount."""
    return payment.gateway_amount if payment.gateway_amount is not None else payment.amount


def refunded_amount(payment: Payment, ops: Iterable[MoneyOp], external_minor: int = 0) -> Money:
    """Refunded so far plus refunds in flight: the larger of the gateway's ``payoutAmount`` and the
    console's own books (its succeeded refunds plus ``external_minor``, the refunds made outside the
    console that it recorded), whichever is fresher, plus every unresolved refund."""
    ops = list(ops)
    currency = payment.amount.currency
    succeeded = sum(o.amount.minor for o in ops if o.kind is OpKind.REFUND and o.state is OpState.SUCCEEDED)
    in_flight = sum(o.amount.minor for o in ops if o.kind is OpKind.REFUND and o.state.is_unresolved)
    payout = payment.payout_amount.minor if payment.payout_amount is not None else 0
    return Money(max(succeeded + external_minor, payout) + in_flight, currency)


def refund_remaining(payment: Payment, ops: Iterable[MoneyOp], external_minor: int = 0) -> Money:
    """What can still be refunded: captured minus refunded and in-flight refunds (never negative).

    Decided from amounts only, never from the status name: the gateway may say REFUND after a
    partial refund while money remains.
    """
    captured = captured_amount(payment)
    refunded = refunded_amount(payment, ops, external_minor)
    return Money(max(captured.minor - refunded.minor, 0), captured.currency)


def refund_status_allows(payment: Payment) -> bool:
    """Whether the payment's status lets money be refunded: paid (CHARGE), or REFUND -- which the
    gateway may report after a partial refund too, so the amounts decide what remains."""
    return payment.status in (ConsoleStatus.CHARGE, ConsoleStatus.REFUND)


# -- checks ---------------------------------------------------------------------------------------


def _check_nothing_unresolved(ops: Iterable[MoneyOp], kind: OpKind) -> None:
    for op in ops:
        if not op.state.is_unresolved:
            continue
        if op.state is OpState.NEEDS_REVIEW:
            raise OperationInProgress(
                msg(
                    "rules",
                    QT_TRANSLATE_NOOP(
                        "rules",
                        "A previous {other_kind} of this payment needs a manager's review first: "
                        "open it and choose retry or abandon before a new {kind}.",
                    ),
                    other_kind=_KIND_WORD[op.kind],
                    kind=_KIND_WORD[kind],
                )
            )
        raise OperationInProgress(
            msg(
                "rules",
                QT_TRANSLATE_NOOP(
                    "rules",
                    "Another {other_kind} of this payment is still being processed: wait for "
                    "its result, then try again if still needed.",
                ),
                other_kind=_KIND_WORD[op.kind],
            )
        )


def _was_cancelled(payment: Payment, ops: Iterable[MoneyOp]) -> bool:
    if payment.status in (ConsoleStatus.CANCEL, ConsoleStatus.CANCEL_OLD):
        return True
    return any(o.kind is OpKind.CANCEL and o.state is OpState.SUCCEEDED for o in ops)


def check_refund(
    payment: Payment,
    ops: Iterable[MoneyOp],
    amount: Money | None,
    expected_remaining: Money | None,
    now: datetime,
    window_days: int = DEFAULT_REFUND_WINDOW_DAYS,
    external_minor: int = 0,
) -> Money:
    """The amount to refund (``None`` = all that remains) if the rules allow it; raises otherwise.

    ``external_minor``: the refunds made outside the console that it recorded (they count as refunded).
    Status REFUND does not end refunds by itself: the gateway may report it after a partial refund,
    so what remains is decided from the amounts (fully refunded: nothing remains).

    Order: an unresolved operation (OperationInProgress); cancelled / not charged / refund window
    over (RuleViolation); ``expected_remaining`` differs from the remainder (StaleRemaining, so a
    stale screen never turns into a refund); nothing left, below 10 KZT, or more than remains
    (RuleViolation). Pure.
    """
    ops = list(ops)
    _check_nothing_unresolved(ops, OpKind.REFUND)
    if _was_cancelled(payment, ops):
        raise RuleViolation(
            msg(
                "rules",
                QT_TRANSLATE_NOOP(
                    "rules", "This payment was cancelled (the hold was released): there is nothing to refund."
                ),
            )
        )
    remaining = refund_remaining(payment, ops, external_minor)
    if payment.status is ConsoleStatus.REFUND and not remaining:
        raise RuleViolation(
            msg(
                "rules",
                QT_TRANSLATE_NOOP(
                    "rules", "This payment is already fully refunded: nothing remains to refund."
                ),
            )
        )
    if not refund_status_allows(payment):
        hint = ": charge or cancel it" if payment.status is ConsoleStatus.AUTH else ""
        raise RuleViolation(
            msg(
                "rules",
                QT_TRANSLATE_NOOP(
                    "rules", "Only a paid payment can be refunded; this one is {payment_status}{hint}."
                ),
                payment_status=status_words(payment.status),
                hint=hint,
            )
        )
    window_end = payment.created_at + timedelta(days=window_days)
    if now > window_end:
        raise RuleViolation(
            msg(
                "rules",
                QT_TRANSLATE_NOOP(
                    "rules",
                    "The refund window of {window_days} days ended on {end_date}: "
                    "this payment can no longer be refunded from the console; contact the bank.",
                ),
                window_days=window_days,
                end_date=window_end.date().isoformat(),
            )
        )
    if expected_remaining is not None and expected_remaining != remaining:
        raise StaleRemaining(
            msg(
                "rules",
                QT_TRANSLATE_NOOP(
                    "rules", "The remaining amount changed (now {remaining}): check and try again."
                ),
                remaining=remaining.format(),
            ),
            remaining.minor,
        )
    if not remaining:
        raise RuleViolation(
            msg("rules", QT_TRANSLATE_NOOP("rules", "Nothing remains to refund on this payment."))
        )
    return _amount_within(
        amount,
        remaining,
        MIN_REFUND_MINOR,
        limit_name="remaining",
        other_currency=QT_TRANSLATE_NOOP(
            "rules", "The refund must be in {remaining_currency}, like the payment."
        ),
        too_small=msg(
            "rules",
            QT_TRANSLATE_NOOP("rules", "Refunds need at least {minimum}."),
            minimum=Money(MIN_REFUND_MINOR, remaining.currency).format(),
        ),
        too_much=QT_TRANSLATE_NOOP("rules", "Refund of {amount} is more than what remains ({remaining})."),
    )


def _amount_within(
    amount: Money | None,
    limit: Money,
    minimum_minor: int,
    *,
    limit_name: str,
    other_currency: str,
    too_small: Message,
    too_much: str,
) -> Money:
    """``amount`` (None: all of ``limit``) if it is in ``limit``'s currency, at least ``minimum_minor``
    and at most ``limit``; else a RuleViolation in the operation's own words, whose fields call the
    limit ``{<limit_name>}`` and its currency ``{<limit_name>_currency}``."""
    chosen = limit if amount is None else amount
    if chosen.currency != limit.currency:
        raise RuleViolation(msg("rules", other_currency, **{f"{limit_name}_currency": limit.currency}))
    if chosen.minor < minimum_minor:
        raise RuleViolation(too_small)
    if chosen > limit:
        raise RuleViolation(msg("rules", too_much, amount=chosen.format(), **{limit_name: limit.format()}))
    return chosen


def check_charge(payment: Payment, ops: Iterable[MoneyOp], amount: Money | None) -> Money:
    """The amount to charge (``None`` = all that is held) if the rules allow it; raises otherwise.

    Only a held (AUTH) payment, at least 1 tiyn, at most the held amount. Pure.
    """
    ops = list(ops)
    _check_nothing_unresolved(ops, OpKind.CHARGE)
    if payment.status is not ConsoleStatus.AUTH:
        raise RuleViolation(
            msg(
                "rules",
                QT_TRANSLATE_NOOP(
                    "rules", "Only a held (authorised) payment can be charged; this one is {payment_status}."
                ),
                payment_status=status_words(payment.status),
            )
        )
    return _amount_within(
        amount,
        held_amount(payment),
        MIN_CHARGE_MINOR,
        limit_name="held",
        other_currency=QT_TRANSLATE_NOOP("rules", "The charge must be in {held_currency}, like the payment."),
        too_small=msg("rules", QT_TRANSLATE_NOOP("rules", "A charge must be more than zero.")),
        too_much=QT_TRANSLATE_NOOP("rules", "Charge of {amount} is more than the held amount ({held})."),
    )


def check_cancel(payment: Payment, ops: Iterable[MoneyOp]) -> Money:
    """The amount released by cancelling (all that is held) if the rules allow it; raises otherwise.

    Only a held (AUTH) payment, always in full; a charged payment is refunded instead. Pure.
    """
    ops = list(ops)
    _check_nothing_unresolved(ops, OpKind.CANCEL)
    if payment.status is not ConsoleStatus.AUTH:
        hint = " (a charged payment is refunded instead)" if payment.status is ConsoleStatus.CHARGE else ""
        raise RuleViolation(
            msg(
                "rules",
                QT_TRANSLATE_NOOP(
                    "rules",
                    "Only a held (authorised) payment can be cancelled; this one is {payment_status}{hint}.",
                ),
                payment_status=status_words(payment.status),
                hint=hint,
            )
        )
    return held_amount(payment)
