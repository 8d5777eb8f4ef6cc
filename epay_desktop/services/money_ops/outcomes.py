"""What a gateway answer means for a money operation: pure decisions, no I/O.

Two questions, answered here and nowhere else (docs/reliability.md rules 3, 4 and 7):

1. The request raised an error: did the gateway certainly *not* apply it? Only then is the
   operation FAILED; everything unclear is UNKNOWN (:func:`classify_send_error`).
2. check-status answered: was this operation applied? (:func:`judge`). Because a payment has at
   most one unresolved operation, the gateway's change since the intent was written is either
   this operation's amount, or nothing, or something we cannot explain (a manager looks).

:func:`next_state` turns a verdict into the operation's next state. Time alone never makes an
operation FAILED: "not applied yet" stays UNKNOWN for a quiet period (a delayed request may still
land), then becomes NEEDS_REVIEW, where a manager retries (same externalID) or abandons. A SENDING
operation younger than the quiet period only moves on APPLIED: someone may still be sending it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from enum import StrEnum
from typing import Final

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain.changes import GatewayAnswer
from epay_desktop.gateway import ApiError
from epay_desktop.gateway import AuthError
from epay_desktop.gateway import EpayError
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import ServerError

__all__ = [
    "DEFINITE_REFUSAL_CODES",
    "NOT_SENT_MESSAGE",
    "SendOutcome",
    "Verdict",
    "classify_send_error",
    "judge",
    "next_state",
    "refund_base_minor",
    "shows_effect",
]

#: Gateway error codes that prove a charge/cancel/refund was refused without being applied. The real
#: gateway's codes are undocumented (its docs show a placeholder 100), so this is an allow-list: the
#: documented refusals of the sandbox (docs/sandbox.md: unknown transaction, wrong status, amount too
#: large or below the minimum). Any other code -- including 454/459, on which the RU and KK docs
#: disagree -- is treated as "outcome unknown" and resolved by check-status.
DEFINITE_REFUSAL_CODES: Final = frozenset({820, 821, 822, 823, 825, 826, 827, 828})
_UNCLEAR_HTTP: Final = frozenset({408, 429})

NOT_SENT_MESSAGE: Final = "Not sent: nothing happened at the gateway. Try again."
#: ``EpayError.operation`` of the service-token request that precedes every charge/cancel/refund. A
#: failure there means the operation itself was never sent (or, on the refresh after a 401, was
#: refused unapplied), whatever the error's class.
_TOKEN_OPERATION: Final = "service_token"  # noqa: S105 - an operation name, not a secret


class Verdict(StrEnum):
    """What check-status says about one operation."""

    APPLIED = "applied"  # the gateway shows exactly this operation's effect
    NOT_APPLIED = "not_applied"  # the gateway shows no effect (yet)
    UNCLEAR = "unclear"  # an effect we cannot attribute, or no transaction: a person must look
    PENDING = "pending"  # no answer (check-status failed, or 107 "in progress"): ask again later


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """The state a failed request leaves its operation in, with the gateway's code and a message."""

    state: OpState
    code: int | None
    message: str

    @property
    def answer(self) -> GatewayAnswer:
        """The code and message to record on the operation."""
        return GatewayAnswer(self.code, self.message)


def classify_send_error(exc: BaseException) -> SendOutcome:
    """FAILED only for a proven non-application; UNKNOWN for everything else. Pure.

    GatewayUnavailable, or any failure of the service-token request: the operation was not sent.
    AuthError: the gateway refused our credentials (401
    twice, 403) before looking at the operation. ApiError with a 4xx status and an allow-listed
    code: a definite refusal. OutcomeUnknown, ServerError, ProtocolError, unknown codes, 408/429,
    and any non-gateway exception: UNKNOWN.
    """
    if isinstance(exc, GatewayUnavailable) or (
        isinstance(exc, EpayError) and exc.operation == _TOKEN_OPERATION
    ):
        return SendOutcome(OpState.FAILED, None, f"{NOT_SENT_MESSAGE} ({exc.user_message})")
    if isinstance(exc, AuthError):
        return SendOutcome(OpState.FAILED, exc.gateway_code, exc.user_message)
    if isinstance(exc, ApiError) and not isinstance(exc, ServerError) and _definite(exc):
        text = (
            f"{exc.user_message} (gateway: {exc.gateway_message})"
            if exc.gateway_message
            else exc.user_message
        )
        return SendOutcome(OpState.FAILED, exc.gateway_code, text)
    if isinstance(exc, EpayError):
        return SendOutcome(OpState.UNKNOWN, exc.gateway_code, exc.user_message)
    return SendOutcome(
        OpState.UNKNOWN, None, f"Outcome unknown after an internal error ({type(exc).__name__})."
    )


def _definite(exc: ApiError) -> bool:
    status = exc.http_status
    return (
        status is not None
        and 400 <= status < 500
        and status not in _UNCLEAR_HTTP
        and exc.gateway_code in DEFINITE_REFUSAL_CODES
    )


def refund_base_minor(op: MoneyOp, known_refunded_minor: int = 0) -> int:
    """The refunded total at the gateway before refund ``op``: the larger of what the gateway showed
    when its intent was written and what the console's books hold besides it (its other succeeded
    refunds plus the refunds made outside the console that it recorded, even after the intent)."""
    base = op.base_payout.minor if op.base_payout is not None else 0
    return max(base, known_refunded_minor)


def judge(op: MoneyOp, snapshot: GatewaySnapshot | None, known_refunded_minor: int = 0) -> Verdict:
    """Was ``op`` applied, judging by ``snapshot`` (None: the gateway has no transaction)? Pure.

    Refund: with base = :func:`refund_base_minor` (``known_refunded_minor``: the console's other
    succeeded refunds plus its recorded external refunds), applied iff status CHARGE/REFUND and
    payoutAmount == base + amount; not applied iff status CHARGE/REFUND (the gateway may say REFUND
    after a partial refund) and payoutAmount == base. Charge: applied iff CHARGE (or REFUND, reachable
    only through CHARGE); not applied iff AUTH. Cancel: applied iff CANCEL; not applied iff AUTH.
    Anything else is UNCLEAR.
    """
    if snapshot is None:
        return Verdict.UNCLEAR
    status = snapshot.status
    if op.kind is OpKind.REFUND:
        if snapshot.payout_amount is None:
            return Verdict.UNCLEAR
        payout = snapshot.payout_amount.minor
        base = refund_base_minor(op, known_refunded_minor)
        if status in (ConsoleStatus.CHARGE, ConsoleStatus.REFUND) and payout == base + op.amount.minor:
            return Verdict.APPLIED
        if status in (ConsoleStatus.CHARGE, ConsoleStatus.REFUND) and payout == base:
            return Verdict.NOT_APPLIED
        return Verdict.UNCLEAR
    applied = (
        (ConsoleStatus.CHARGE, ConsoleStatus.REFUND) if op.kind is OpKind.CHARGE else (ConsoleStatus.CANCEL,)
    )
    if status in applied:
        return Verdict.APPLIED
    if status is ConsoleStatus.AUTH:
        return Verdict.NOT_APPLIED
    return Verdict.UNCLEAR


def shows_effect(op: MoneyOp, snapshot: GatewaySnapshot | None, known_refunded_minor: int = 0) -> bool:
    """Whether ``snapshot`` may contain ``op``'s effect, so the operation must not be abandoned. Pure.

    Refund: the gateway's refunded total is at least base + amount (a rise smaller than the refund
    cannot be it: the gateway applies a refund whole). Charge: status CHARGE/REFUND. Cancel: CANCEL.
    """
    if snapshot is None:
        return False
    if op.kind is OpKind.REFUND:
        payout = snapshot.payout_amount.minor if snapshot.payout_amount is not None else 0
        return payout >= refund_base_minor(op, known_refunded_minor) + op.amount.minor
    if op.kind is OpKind.CHARGE:
        return snapshot.status in (ConsoleStatus.CHARGE, ConsoleStatus.REFUND)
    return snapshot.status is ConsoleStatus.CANCEL


def next_state(op: MoneyOp, verdict: Verdict, now: datetime, quiet_period: timedelta) -> OpState | None:
    """The state ``op`` moves to after ``verdict``, or None to leave it. Pure.

    APPLIED -> SUCCEEDED, always. A SENDING operation sent less than ``quiet_period`` ago is
    otherwise left as it is: its request may still be on its way (another process -- a second
    counter on the same database -- may be sending it right now). Past that, and for UNKNOWN:
    UNCLEAR -> NEEDS_REVIEW; NOT_APPLIED or PENDING -> UNKNOWN while the quiet period since the
    request was sent lasts, NEEDS_REVIEW after it. A NEEDS_REVIEW operation only ever leaves by
    APPLIED (or by a manager). Final operations never change.
    """
    if not op.state.is_unresolved:
        return None
    if verdict is Verdict.APPLIED:
        return OpState.SUCCEEDED
    if op.state is OpState.NEEDS_REVIEW:
        return None
    young = now - (op.sent_at or op.created_at) < quiet_period
    if op.state is OpState.SENDING and young:
        return None
    if verdict is Verdict.UNCLEAR:
        return OpState.NEEDS_REVIEW
    target = OpState.UNKNOWN if young else OpState.NEEDS_REVIEW
    return None if target is op.state else target
