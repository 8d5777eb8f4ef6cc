"""Card attempts on one invoice (issue 8, docs/decisions/0035).

The real ePay lets a customer try up to three cards (or the same card three times) on one invoice
while its payment token lives; a fourth attempt gets error 505 ("You have exceeded the number of 3
transactions"). check-status always describes the *latest* attempt. So a declined answer (REJECT, 3D)
is final only once the invoice can no longer be paid:

* the bank said 505 (in the latest answer or on an attempt the console saw), or
* the console saw :data:`MAX_CARD_ATTEMPTS` attempts end without an approval, or
* the payment token expired more than the schedule's grace ago (or was never issued).

Until then the payment is polled like a PENDING one and a later CHARGE/AUTH turns it paid.

Attempts are learned only by polling: each change of the latest attempt (status, reason, card mask or
the bank's createdDate) between two checks is one attempt seen. An attempt declined and retried between
two checks is missed, so counts here are "as the console saw", never more than the bank's.

Which reason codes mean "no attempts left" (505) is the domain's
:func:`~epay_desktop.domain.decline_reasons.attempts_exhausted`; FAILED (a system error at the bank)
stays final as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from datetime import datetime

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentEvent
from epay_desktop.domain.decline_reasons import attempts_exhausted

__all__ = [
    "APPROVED",
    "ATTEMPT_ENDS",
    "DECLINED",
    "MAX_CARD_ATTEMPTS",
    "CardAttempts",
    "attempt_key",
    "card_attempts",
    "is_new_attempt",
]

#: Card attempts the gateway allows on one invoice while its payment token lives (the bank's SDK).
MAX_CARD_ATTEMPTS = 3
#: Declines the customer may follow with another card attempt on the same invoice.
DECLINED = frozenset({ConsoleStatus.REJECT, ConsoleStatus.THREE_DS})
#: An approved attempt: the invoice is paid, no attempt follows.
APPROVED = frozenset({ConsoleStatus.AUTH, ConsoleStatus.CHARGE})
#: The bank's statuses that end a card attempt (what a payment_events ATTEMPT row records).
ATTEMPT_ENDS = DECLINED | APPROVED | {ConsoleStatus.FAILED}
#: A payment in one of these was approved once; later status changes are operations, not attempts.
_WAS_APPROVED = APPROVED | {
    ConsoleStatus.CANCEL,
    ConsoleStatus.CANCEL_OLD,
    ConsoleStatus.REFUND,
    ConsoleStatus.VERIFIED,
}

_APPROVED_VALUES = frozenset(s.value for s in APPROVED)

AttemptKey = tuple[str | None, int | None, str | None, str | None, datetime | None]


@dataclass(frozen=True, slots=True)
class CardAttempts:
    """What the console saw of an invoice's card attempts.

    ``seen``: attempts seen to end without an approval; ``left``: attempts the invoice still allows as
    far as the console knows (0 once closed); ``open``: another attempt may still pay this invoice.
    """

    seen: int
    left: int
    open: bool


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def attempt_key(
    status: str | None,
    reason_code: int | None,
    reason: str | None,
    card_mask: str | None,
    bank_time: datetime | None,
) -> AttemptKey:
    """What tells two attempts apart (the bank gives attempts no id of their own)."""
    return (status, reason_code, reason or None, card_mask or None, _utc(bank_time))


def _event_key(event: PaymentEvent) -> AttemptKey:
    return attempt_key(event.status, event.reason_code, event.reason, event.card_mask, event.bank_time)


def snapshot_key(snapshot: GatewaySnapshot, current: Payment) -> AttemptKey:
    """The latest attempt as the answer describes it; fields the bank left empty keep the stored ones."""
    return attempt_key(
        snapshot.status.value,
        snapshot.reason_code if snapshot.reason_code is not None else current.reason_code,
        snapshot.reason if snapshot.reason is not None else current.reason,
        snapshot.card_mask or current.card_mask,
        snapshot.bank_time or current.bank_time,
    )


def is_new_attempt(current: Payment, snapshot: GatewaySnapshot, attempts: list[PaymentEvent]) -> bool:
    """The answer shows an attempt that ended and that the console has not recorded yet.

    New when: the answer's status ends an attempt, the payment was never approved before (AUTH ->
    CHARGE is the hold being charged, not a new attempt), and either no attempt is recorded, or the
    answer differs from the last recorded one, or the console saw the invoice waiting again since then
    (the same card declined twice in a row with the same words).
    """
    if snapshot.status not in ATTEMPT_ENDS or current.status in _WAS_APPROVED:
        return False
    if any(e.status in _APPROVED_VALUES for e in attempts):
        return False
    if not attempts:
        return True
    if current.status in (ConsoleStatus.NEW, ConsoleStatus.PENDING, ConsoleStatus.FINGERPRINT):
        return True
    return snapshot_key(snapshot, current) != _event_key(attempts[-1])


def card_attempts(
    status: ConsoleStatus,
    attempts: list[PaymentEvent],
    *,
    token_gone: bool,
    reason_code: int | None = None,
) -> CardAttempts:
    """Whether an invoice whose latest answer is ``status`` may still be paid (see the module doc).

    ``attempts``: the payment's recorded ATTEMPT events (oldest first); ``reason_code``: the latest
    answer's reasonCode; ``token_gone``: the payment token expired more than the grace ago.
    """
    declined = [e for e in attempts if e.status not in _APPROVED_VALUES]
    seen = len(declined)
    exceeded = attempts_exhausted(reason_code) or any(attempts_exhausted(e.reason_code) for e in attempts)
    left = 0 if exceeded else max(0, MAX_CARD_ATTEMPTS - seen)
    is_open = status in DECLINED and not token_gone and left > 0
    return CardAttempts(seen, left if is_open else 0, is_open)
