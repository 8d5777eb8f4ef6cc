"""What the console decides to write, handed from the services to the store as one value.

- :class:`StatusChange`: a status the console set on a payment itself (not one the bank reported),
  with what changes together with it: when the bank is asked next, the token's expiry, the reason.
- :class:`OpIntent`: a charge, cancel or refund about to be sent, written before the request leaves
  (docs/reliability.md rule 1).
- :class:`GatewayAnswer`: the code and message recorded on a money operation about its request's
  answer (:data:`NO_ANSWER`: nothing to record).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from epay_desktop.domain.money import Money
from epay_desktop.domain.records import ConsoleStatus
from epay_desktop.domain.records import OpKind

__all__ = ["NO_ANSWER", "GatewayAnswer", "OpIntent", "StatusChange"]


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A status the console decided for a payment (PaymentService's marks, the demo's seed).

    ``next_poll_at`` replaces the schedule (None: the bank is no longer asked about it);
    ``token_expires_at`` and ``reason`` change only when given (``tx.payments.set_status``).
    """

    status: ConsoleStatus
    next_poll_at: datetime | None = None
    token_expires_at: datetime | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class OpIntent:
    """A money operation about to be sent, as ``tx.operations.insert_intent`` writes it (SENDING).

    ``amount``: what the rules allowed. ``base_payout`` and ``base_status``: what the gateway showed
    when the intent was made (the refunded total and the status), which check-status answers are
    compared with to tell whether this operation was applied; every intent says them (None: not
    known), as an intent that left them out would be judged against nothing refunded.
    ``expected_remaining``: the remainder the person saw (a refund's StaleRemaining check).
    ``register_id``: the register (counter) where it was asked, whose shift counts it (decision 0119);
    None: not asked at a counter, counted at the payment's register.
    """

    kind: OpKind
    amount: Money
    requested_by: int
    base_payout: Money | None
    base_status: ConsoleStatus | None
    approved_by: int | None = None
    reason: str | None = None
    expected_remaining: Money | None = None
    register_id: str | None = None


@dataclass(frozen=True, slots=True)
class GatewayAnswer:
    """What a money operation records about its request's answer: the gateway's code, and a message
    (the gateway's words, or the console's about them: why it failed, a verdict's or a manager's
    note). Each is stored only when given (``tx.operations.mark`` / ``note_answer``)."""

    code: int | None = None
    message: str | None = None

    @property
    def empty(self) -> bool:
        """Nothing to record: neither a code nor a message."""
        return self.code is None and self.message is None


#: An answer that records nothing (a success, a manager's retry).
NO_ANSWER: Final = GatewayAnswer()
