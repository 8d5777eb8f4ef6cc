"""Services' domain events re-emitted as Qt signals, always on the GUI thread.

The event bus calls subscribers on the publisher's thread. Today services publish from the
event-loop (GUI) thread, but a queued connection makes delivery safe from any thread: every event
passes through ``_received`` (queued) before it becomes a public signal.

Events are re-emitted in slices of at most :data:`SLICE_SECONDS` of the GUI thread, the rest after
the event loop has run again (timers, painting, input): a reconcile storing a few hundred answers at
once must not freeze the window (issue 10, P6; decision 0059). While waiting, a later PaymentUpdated
of the same payment replaces the earlier one (its payment, the earlier ``previous``): the screens
show the latest state once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot

from epay_desktop.services.events import DiscrepancyResolved
from epay_desktop.services.events import FiscalRecordUpdated
from epay_desktop.services.events import GatewayHealthChanged
from epay_desktop.services.events import OperationUpdated
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.services.events import ShiftFoundClosed

if TYPE_CHECKING:
    from epay_desktop.services.events import EventBus

__all__ = ["SLICE_SECONDS", "EventBridge"]

#: The longest the bridge re-emits events in one go before letting the event loop run.
SLICE_SECONDS = 0.008


class EventBridge(QObject):
    """Subscribe to ``events`` and re-emit; call :meth:`close` (or delete the bridge) to unsubscribe."""

    payment_updated = Signal(object)  # Payment
    payment_changed = Signal(object)  # PaymentUpdated: the payment and its status before (``previous``)
    operation_updated = Signal(object)  # MoneyOp
    poller_health_changed = Signal(object)  # GatewayHealthChanged (ok, last_success_at, message)
    fiscal_updated = Signal(object)  # FiscalRecord: a payment's fiscal receipt written or answered
    discrepancy_resolved = Signal(object)  # Discrepancy: a manager resolved it (decision 0151)
    shift_found_closed = Signal(str)  # a register's id: refused for want of its shift (decision 0167)

    _received = Signal(object)

    def __init__(self, events: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[object] = []  # received, not yet re-emitted (from ``_next`` on)
        self._next = 0
        self._slot_of: dict[int, int] = {}  # payment id -> its PaymentUpdated's index in ``_pending``
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)
        self._received.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        unsubscribers: list[Callable[[], None]] = [
            events.subscribe(kind, self._received.emit)
            for kind in (
                PaymentUpdated,
                OperationUpdated,
                GatewayHealthChanged,
                FiscalRecordUpdated,
                DiscrepancyResolved,
                ShiftFoundClosed,
            )
        ]
        self._unsubscribers = unsubscribers

        def unsubscribe_all() -> None:  # no reference to self: runs while the C++ object dies
            while unsubscribers:
                unsubscribers.pop()()

        self.destroyed.connect(unsubscribe_all)

    def close(self) -> None:
        """Stop listening to the bus (events not yet re-emitted are dropped). Idempotent."""
        while self._unsubscribers:
            self._unsubscribers.pop()()
        self._drain_timer.stop()
        self._pending, self._next, self._slot_of = [], 0, {}

    @Slot(object)
    def _dispatch(self, event: object) -> None:
        """Queue one event (merged with a waiting PaymentUpdated of the same payment) and drain soon."""
        if isinstance(event, PaymentUpdated):
            slot = self._slot_of.get(event.payment.id)
            if slot is not None:
                earlier = self._pending[slot]
                assert isinstance(earlier, PaymentUpdated)
                self._pending[slot] = PaymentUpdated(event.payment, earlier.previous)
                return
            self._slot_of[event.payment.id] = len(self._pending)
        self._pending.append(event)
        if not self._drain_timer.isActive():
            self._drain_timer.start()

    @Slot()
    def _drain(self) -> None:
        """Re-emit waiting events for at most :data:`SLICE_SECONDS`; the rest at the next turn."""
        deadline = time.perf_counter() + SLICE_SECONDS
        while self._next < len(self._pending):
            event = self._pending[self._next]
            self._next += 1
            if isinstance(event, PaymentUpdated):
                self._slot_of.pop(event.payment.id, None)
            self._emit(event)
            if time.perf_counter() >= deadline and self._next < len(self._pending):
                self._drain_timer.start()
                return
        self._pending, self._next, self._slot_of = [], 0, {}

    def _emit(self, event: object) -> None:
        if isinstance(event, PaymentUpdated):
            self.payment_updated.emit(event.payment)
            self.payment_changed.emit(event)
        elif isinstance(event, OperationUpdated):
            self.operation_updated.emit(event.op)
        elif isinstance(event, GatewayHealthChanged):
            self.poller_health_changed.emit(event)
        elif isinstance(event, FiscalRecordUpdated):
            self.fiscal_updated.emit(event.record)
        elif isinstance(event, DiscrepancyResolved):
            self.discrepancy_resolved.emit(event.discrepancy)
        elif isinstance(event, ShiftFoundClosed):
            self.shift_found_closed.emit(event.register_id)
