"""EventBridge: bus events become Qt signals on the GUI thread; it unsubscribes when closed or deleted."""

from __future__ import annotations

import threading
from datetime import UTC
from datetime import datetime

import shiboken6

from epay_desktop.services.events import EventBus
from epay_desktop.services.events import OperationUpdated
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.services.events import PollerHealthChanged
from epay_desktop.ui.app.bridge import EventBridge


def test_events_become_signals(qtbot, make_payment, make_op):
    bus = EventBus()
    bridge = EventBridge(bus)
    payment = make_payment()
    op = make_op(payment)
    health = PollerHealthChanged(
        ok=False, last_success_at=datetime(2026, 1, 15, tzinfo=UTC), message="offline"
    )
    with qtbot.waitSignal(bridge.payment_updated) as got_payment:
        bus.publish(PaymentUpdated(payment))
    assert got_payment.args == [payment]
    with qtbot.waitSignal(bridge.operation_updated) as got_op:
        bus.publish(OperationUpdated(op))
    assert got_op.args == [op]
    with qtbot.waitSignal(bridge.poller_health_changed) as got_health:
        bus.publish(PollerHealthChanged(ok=False, last_success_at=health.last_success_at, message="offline"))
    assert got_health.args == [health]
    bridge.close()


def test_event_from_another_thread_arrives_on_the_gui_thread(qtbot, make_payment):
    bus = EventBus()
    bridge = EventBridge(bus)
    seen: list[str] = []
    bridge.payment_updated.connect(lambda _p: seen.append(threading.current_thread().name))
    worker = threading.Thread(target=lambda: bus.publish(PaymentUpdated(make_payment())), name="db-worker")
    worker.start()
    worker.join(5)
    qtbot.waitUntil(lambda: seen == [threading.main_thread().name])
    bridge.close()


def test_delivery_is_queued_even_on_the_gui_thread(qtbot, make_payment):
    bus = EventBus()
    bridge = EventBridge(bus)
    seen: list[object] = []
    bridge.payment_updated.connect(seen.append)
    bus.publish(PaymentUpdated(make_payment()))
    assert seen == []  # not inside the publisher's call stack
    qtbot.waitUntil(lambda: len(seen) == 1)
    bridge.close()


def test_close_and_deletion_unsubscribe(qtbot, make_payment, caplog):
    bus = EventBus()
    closed = EventBridge(bus)
    closed.close()
    closed.close()  # idempotent
    deleted = EventBridge(bus)
    deleted.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(deleted))
    bus.publish(PaymentUpdated(make_payment()))
    assert "subscriber_failed" not in caplog.text
    assert bus._subscribers[PaymentUpdated] == []
