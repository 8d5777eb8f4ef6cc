"""Background status polling: the desktop has no public URL for postLink, so it asks.

:meth:`Poller.run_once` picks the payments that are due (``next_poll_at <= now`` and a status
that may still change by itself) and refreshes them with at most ``concurrency`` check-status
calls in flight, all sharing the client's cached service token. Each refresh stores its own
answer (atomically per payment; answers arriving together share one transaction, decision 0058)
and schedules the next poll (``services/payments/poll_schedule.py``):

* NEW / PENDING while the payment token is alive: every 3 s for the first 2 minutes, then
  every 10 s, then every 30 s; a final check ``token_grace`` after the token expired, and
  EXPIRED only when the gateway then answers 102 (no attempt);
* AUTH (a hold on a two-step terminal): every 15 minutes; CANCEL_OLD comes from the gateway;
* UNKNOWN: every 30 s; a 107 answer ("in progress"): again in 3 s;
* CASHIER_CANCEL / PAGE_FAILED (a sale the counter stopped, docs/decisions/0018): like PENDING until the
  final check, where the mark stays final; any answer but NEW/102 (a late CHARGE/AUTH) replaces it.
* REJECT / 3D while the invoice takes another card attempt (fewer than 3 attempts seen, no 505, token
  alive; services/payments/card_attempts.py, docs/decisions/0035): like PENDING until the final check, so a
  customer who tries again on the same page and is approved turns the payment Paid/Authorised; once
  the invoice can no longer be paid the decline is final and not polled. Each attempt seen to end is
  one payment_events ATTEMPT row (an attempt declined and retried between two polls is not seen).

Failures back off per payment: the delay doubles with each consecutive failure up to 5 minutes.
Gateway-wide failures (unreachable, server errors, refused credentials) also flip the poller's
health: the first one publishes ``PollerHealthChanged(ok=False)``, the first success afterwards
``PollerHealthChanged(ok=True)``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from datetime import timedelta

from epay_desktop.domain import Payment
from epay_desktop.gateway import EpayError
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import PollerHealthChanged
from epay_desktop.services.payments.payment_service import GATEWAY_WIDE
from epay_desktop.services.payments.payment_service import PaymentService
from epay_desktop.services.payments.poll_schedule import PollSchedule
from epay_desktop.store.db import Store

__all__ = ["Poller"]

log = logging.getLogger(__name__)


def _visible(p: Payment) -> tuple[object, ...]:
    """What a person would notice changing (poll counters and schedule excluded)."""
    return (p.status, p.transaction_id, p.gateway_amount, p.payout_amount, p.card_mask, p.reason_code)


class Poller:
    """Polls due payments; see the module docstring for the schedule and back-off."""

    def __init__(
        self,
        store: Store,
        payments: PaymentService,
        events: EventBus,
        clock: Callable[[], datetime],
        *,
        concurrency: int = 4,
        batch: int = 100,
        schedule: PollSchedule | None = None,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self._store = store
        self._payments = payments
        self._events = events
        self._clock = clock
        self._schedule = schedule or PollSchedule()
        self.concurrency = concurrency
        self.batch = batch
        self.healthy = True
        self.last_success_at: datetime | None = None
        self._backoff: dict[int, timedelta] = {}

    async def run_once(self) -> list[Payment]:
        """Refresh every due payment once; returns those whose visible state changed.

        Side effects: check-status calls, one grouped write per payment (decision 0058), PaymentUpdated and
        PollerHealthChanged events. Gateway errors are absorbed (logged, backed off), never raised.
        """
        now = self._clock()
        due = await self._store.run_read(lambda tx: tx.payments.due_for_poll(now, self.batch))
        if not due:
            return []
        gate = asyncio.Semaphore(self.concurrency)
        results = await asyncio.gather(*(self._poll(payment, gate) for payment in due))
        return [new for old, new in zip(due, results, strict=True) if new and _visible(new) != _visible(old)]

    async def _poll(self, payment: Payment, gate: asyncio.Semaphore) -> Payment | None:
        # ``gate`` bounds the check-status calls in flight; the answers are stored as they come,
        # grouped into few transactions (PaymentService.refresh_status), outside the gate
        try:
            fresh = await self._payments.refresh_status(payment.invoice_id, known=payment, gate=gate)
        except EpayError as exc:
            await self._failed(payment, exc, exc.user_message)
            return None
        except Exception as exc:  # a bug or a database problem must not stop the other polls
            log.exception("event=poll_crashed invoice=%s", payment.invoice_id)
            await self._failed(payment, exc, "The status check failed unexpectedly; see the log.")
            return None
        self._backoff.pop(payment.id, None)
        self.last_success_at = self._clock()
        if not self.healthy:
            self.healthy = True
            log.info("event=poller_healthy")
            self._events.publish(
                PollerHealthChanged(True, self.last_success_at, "The gateway answers again.")
            )
        return fresh

    async def _failed(self, payment: Payment, exc: Exception, message: str) -> None:
        now = self._clock()
        normal = self._schedule.interval(payment.status, payment.created_at, now)
        delay = self._schedule.backoff(normal, self._backoff.get(payment.id))
        self._backoff[payment.id] = delay
        log.warning(
            "event=poll_failed invoice=%s error=%s retry_in_s=%d",
            payment.invoice_id,
            exc,
            delay.total_seconds(),
        )
        with contextlib.suppress(Exception):
            await self._store.run_write(lambda tx: tx.payments.reschedule(payment.id, now + delay))
        if isinstance(exc, GATEWAY_WIDE) and self.healthy:
            self.healthy = False
            self._events.publish(PollerHealthChanged(False, self.last_success_at, message))

    async def run_forever(
        self, stop: asyncio.Event, *, max_sleep: float = 1.0, min_sleep: float = 0.1
    ) -> None:
        """Poll until ``stop`` is set, sleeping until the next due payment (``min_sleep``..``max_sleep`` s).

        Never raises because of the gateway or a failed round (logged); returns once ``stop`` is set.
        """
        while not stop.is_set():
            try:
                await self.run_once()
                next_due = await self._store.run_read(lambda tx: tx.payments.next_due_at())
            except Exception:
                log.exception("event=poll_round_failed")
                next_due = None
            wait = max_sleep
            if next_due is not None:
                wait = min(max_sleep, max(min_sleep, (next_due - self._clock()).total_seconds()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=wait)
