"""What happened, told to whoever listens: a small synchronous event bus.

Services publish facts (past tense) after they are committed; the UI subscribes and
re-emits them as Qt signals on the GUI thread. A subscriber that raises is logged and
skipped, so a broken screen never breaks the service that published.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from typing import TypeVar

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Discrepancy
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import Payment
from epay_desktop.domain.fiscal_journal import FiscalRecord

__all__ = [
    "DiscrepancyResolved",
    "EventBus",
    "FiscalRecordUpdated",
    "GatewayHealthChanged",
    "OperationUpdated",
    "PaymentUpdated",
    "PollerHealthChanged",
    "ShiftFoundClosed",
]

log = logging.getLogger(__name__)

E = TypeVar("E")


@dataclass(frozen=True, slots=True)
class PaymentUpdated:
    """A payment's stored state changed (created, status refreshed, token issued, expired).

    ``previous`` is the status it had just before, read in the same write transaction, when the
    bank's answer was stored (``refresh_status``); None when the publisher does not say. It lets a
    screen tell a sale stopped at the counter that the bank then reports paid (decision 0026).
    """

    payment: Payment
    previous: ConsoleStatus | None = None


@dataclass(frozen=True, slots=True)
class OperationUpdated:
    """A money operation (charge, cancel, refund) moved to a new state."""

    op: MoneyOp


@dataclass(frozen=True, slots=True)
class FiscalRecordUpdated:
    """A payment's fiscal receipt (its sale's, or a refund's return) was written or answered: its intent
    committed, then registered, left pending or refused for a person (decisions 0124, 0128)."""

    record: FiscalRecord


@dataclass(frozen=True, slots=True)
class DiscrepancyResolved:
    """A manager resolved a difference between the books and the bank: its payment may no longer need
    attention (the list filtered to Needs attention reads itself again; decision 0151)."""

    discrepancy: Discrepancy


@dataclass(frozen=True, slots=True)
class ShiftFoundClosed:
    """Something was refused because ``register_id`` has no open shift where the shop's rules want one
    (ShiftRequired, decision 0132): it may have been closed at another counter or in another window
    since the screens last read it, so whoever shows that register's shift reads it again now
    (decision 0167)."""

    register_id: str


@dataclass(frozen=True, slots=True)
class GatewayHealthChanged:
    """The console lost (``ok=False``) or regained (``ok=True``) contact with the gateway.

    Published by the poller and by any service call that finds the bank unreachable or failing
    (GatewayUnavailable, ServerError, AuthError); the bus delivers it only when ``ok`` changes.
    """

    ok: bool
    last_success_at: datetime | None
    message: str


#: The old name, from when only the poller reported health.
PollerHealthChanged = GatewayHealthChanged


class EventBus:
    """Subscribers per event type; ``publish`` calls them synchronously in subscription order.

    Delivery follows the event's class hierarchy, so subscribing to ``object`` sees everything.
    Safe to use from several threads; callbacks run on the publisher's thread.
    Gateway health is debounced here, where every reporter meets: a GatewayHealthChanged whose
    ``ok`` equals the last one delivered is dropped, so the status bar never flickers.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[type, list[Callable[[Any], None]]] = {}
        self._health: bool | None = None  # the last delivered GatewayHealthChanged.ok

    @property
    def gateway_down(self) -> bool:
        """True after an ``ok=False`` health event until the next ``ok=True`` one."""
        return self._health is False

    def subscribe(self, event_type: type[E], callback: Callable[[E], None]) -> Callable[[], None]:
        """Call ``callback(event)`` for every published ``event_type``; returns the unsubscribe function.

        Unsubscribing twice is harmless. No other side effects.
        """
        with self._lock:
            self._subscribers.setdefault(event_type, []).append(callback)

        def unsubscribe() -> None:
            with self._lock:
                callbacks = self._subscribers.get(event_type, [])
                if callback in callbacks:
                    callbacks.remove(callback)

        return unsubscribe

    def publish(self, event: object) -> None:
        """Deliver ``event`` to its subscribers. Subscriber exceptions are logged, never raised."""
        with self._lock:
            if isinstance(event, GatewayHealthChanged):
                if event.ok is self._health:
                    return
                self._health = event.ok
            targets = [cb for cls in type(event).__mro__ for cb in self._subscribers.get(cls, ())]
        for callback in targets:
            try:
                callback(event)
            except Exception:
                log.exception("event=subscriber_failed event_type=%s", type(event).__name__)
