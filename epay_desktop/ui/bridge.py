"""Services' domain events re-emitted as Qt signals, always on the GUI thread.

The event bus calls subscribers on the publisher's thread. Today services publish from the
event-loop (GUI) thread, but a queued connection makes delivery safe from any thread: every event
passes through ``_received`` (queued) before it becomes a public signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from epay_desktop.services.events import GatewayHealthChanged, OperationUpdated, PaymentUpdated

from .ports import EventSource

__all__ = ["EventBridge"]


class EventBridge(QObject):
    """Subscribe to ``events`` and re-emit; call :meth:`close` (or delete the bridge) to unsubscribe."""

    payment_updated = Signal(object)  # Payment
    payment_changed = Signal(object)  # PaymentUpdated: the payment and its status before (``previous``)
    operation_updated = Signal(object)  # MoneyOp
    poller_health_changed = Signal(object)  # GatewayHealthChanged (ok, last_success_at, message)

    _received = Signal(object)

    def __init__(self, events: EventSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._received.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        unsubscribers: list[Callable[[], None]] = [
            events.subscribe(kind, self._received.emit)
            for kind in (PaymentUpdated, OperationUpdated, GatewayHealthChanged)
        ]
        self._unsubscribers = unsubscribers

        def unsubscribe_all() -> None:  # no reference to self: runs while the C++ object dies
            while unsubscribers:
                unsubscribers.pop()()

        self.destroyed.connect(unsubscribe_all)

    def close(self) -> None:
        """Stop listening to the bus. Idempotent."""
        while self._unsubscribers:
            self._unsubscribers.pop()()

    @Slot(object)
    def _dispatch(self, event: object) -> None:
        if isinstance(event, PaymentUpdated):
            self.payment_updated.emit(event.payment)
            self.payment_changed.emit(event)
        elif isinstance(event, OperationUpdated):
            self.operation_updated.emit(event.op)
        elif isinstance(event, GatewayHealthChanged):
            self.poller_health_changed.emit(event)
