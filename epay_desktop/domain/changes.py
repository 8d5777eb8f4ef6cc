"""What the console decides to write, handed from the services to the store as one value.

- :class:`StatusChange`: a status the console set on a payment itself (not one the bank reported),
  with what changes together with it: when the bank is asked next, the token's expiry, the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from epay_desktop.domain.records import ConsoleStatus

__all__ = ["StatusChange"]


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
