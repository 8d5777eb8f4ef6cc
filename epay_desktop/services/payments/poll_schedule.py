"""When to ask check-status about a payment next (pure functions over a fake-able ``now``).

The schedule (all intervals configurable in :class:`PollSchedule`):

========================  =====================================================================
status                    next check
========================  =====================================================================
NEW / PENDING             every 3 s for the first 2 minutes after the payment was created, then
(token alive)             every 10 s until 10 minutes, then every 30 s; never later than the
                          *final check* at ``token_expires_at + token_grace``
after the final check     gateway 102 -> EXPIRED (no more polls); the gateway still says NEW or
                          FINGERPRINT (customer on 3-D Secure) -> every 30 s
NEW without a token       the token was never stored (crash during checkout): one check at
                          ``created_at + token_grace``, then EXPIRED on 102
FINGERPRINT               like PENDING
REJECT / 3D with the      like PENDING until the final check (the customer may try another card on
invoice still open        the same invoice, docs/decisions/0035); then not polled: the decline is
                          final. "Open" (``may_retry``) is decided by services/payments/card_attempts.py:
                          fewer than 3 attempts seen, no 505, token not gone
REJECT / 3D, closed       not polled (attempts used up, 505 seen, or the token gone)
CASHIER_CANCEL /          like PENDING while the token lives (a customer may have pressed Pay just
PAGE_FAILED               before); after the final check not polled: the mark is final
UNKNOWN                   every 30 s
AUTH (hold)               every 15 minutes: the bank may turn it into CANCEL_OLD by itself
107 (in progress)         again in 3 s, status unchanged
anything else             not polled (final for the gateway; refunds are checked by operations)
gateway error             back-off: the interval doubles per consecutive failure, capped at
                          5 minutes (an interval already above the cap is kept)
========================  =====================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from epay_desktop.domain import ConsoleStatus

__all__ = ["PollSchedule"]

_S = timedelta(seconds=1)
#: Polled on the PENDING intervals (REJECT / 3D only while ``may_retry``).
_LIKE_PENDING = frozenset(
    {
        ConsoleStatus.NEW,
        ConsoleStatus.PENDING,
        ConsoleStatus.FINGERPRINT,
        ConsoleStatus.REJECT,
        ConsoleStatus.THREE_DS,
    }
)


@dataclass(frozen=True, slots=True)
class PollSchedule:
    """Intervals of the adaptive status polling; see the module docstring for the rules."""

    fast: timedelta = 3 * _S
    fast_for: timedelta = timedelta(minutes=2)
    medium: timedelta = 10 * _S
    medium_for: timedelta = timedelta(minutes=10)
    slow: timedelta = 30 * _S
    #: A customer who pressed "Pay" just before the token expired may still be in flight.
    token_grace: timedelta = timedelta(seconds=60)
    hold: timedelta = timedelta(minutes=15)
    unknown: timedelta = 30 * _S
    in_progress: timedelta = 3 * _S
    max_backoff: timedelta = timedelta(minutes=5)

    def final_check_at(self, created_at: datetime, token_expires_at: datetime | None) -> datetime:
        """When a payment nobody paid may be declared EXPIRED (if the gateway then says 102)."""
        return (token_expires_at or created_at) + self.token_grace

    def token_gone(self, created_at: datetime, token_expires_at: datetime | None, now: datetime) -> bool:
        """The payment token expired more than the grace period ago (or was never issued)."""
        return now >= self.final_check_at(created_at, token_expires_at)

    def interval(self, status: ConsoleStatus, created_at: datetime, now: datetime) -> timedelta | None:
        """The normal gap between checks for this status and age; None when not polled.

        REJECT / 3D get the PENDING gap: they are polled only while their invoice takes another attempt,
        which :meth:`next_poll_at` decides (``may_retry``).
        """
        if status in _LIKE_PENDING or status.stopped_at_counter:
            age = now - created_at
            if age < self.fast_for:
                return self.fast
            return self.medium if age < self.medium_for else self.slow
        if status is ConsoleStatus.AUTH:
            return self.hold
        if status is ConsoleStatus.UNKNOWN:
            return self.unknown
        return None

    def next_poll_at(
        self,
        status: ConsoleStatus,
        *,
        created_at: datetime,
        token_expires_at: datetime | None,
        now: datetime,
        may_retry: bool = False,
    ) -> datetime | None:
        """When to check next after an answer that left the payment in ``status``; None: never.

        ``may_retry``: a REJECT / 3D whose invoice still takes another card attempt (polled like PENDING
        until the final check); without it a decline is final and never polled.
        """
        gap = self.interval(status, created_at, now)
        if gap is None:
            return None
        if status in (ConsoleStatus.NEW, ConsoleStatus.PENDING):
            final = self.final_check_at(created_at, token_expires_at)
            if now < final:
                return min(now + gap, final)
            return now + self.slow
        if status in (ConsoleStatus.REJECT, ConsoleStatus.THREE_DS) and not may_retry:
            return None  # the invoice can no longer be paid: the decline is final
        if status.stopped_at_counter or status in (ConsoleStatus.REJECT, ConsoleStatus.THREE_DS):
            # asked until the token is gone, then never again
            final = self.final_check_at(created_at, token_expires_at)
            return min(now + gap, final) if now < final else None
        return now + gap

    def backoff(self, normal: timedelta | None, previous: timedelta | None) -> timedelta:
        """Delay after a failed check: double the previous delay (or the normal interval), capped."""
        base = previous if previous is not None else (normal or self.fast)
        if normal is not None and normal >= self.max_backoff:
            return normal
        return min(base * 2, self.max_backoff)
