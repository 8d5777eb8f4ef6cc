"""EventBridge under a burst (issue 10, P6; decision 0059): a few hundred events published at once reach
the screens in order, in slices between which the event loop runs (timers tick, the window paints), and
two changes of one payment still waiting are delivered once, as the latest with the earlier ``previous``."""

from __future__ import annotations

import dataclasses
import time

from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer

from epay_desktop.domain import ConsoleStatus
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import OperationUpdated
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.ui.app.bridge import EventBridge


def test_a_burst_is_delivered_in_order_while_a_5_ms_timer_keeps_ticking(qtbot, make_payment):
    bus = EventBus()
    bridge = EventBridge(bus)
    payments = [make_payment() for _ in range(120)]
    seen: list[int] = []

    def slow_screen(payment) -> None:  # a screen taking 1 ms per change: 120 ms in all
        seen.append(payment.id)
        time.sleep(0.001)  # the screen's work, not a wait: the bridge must slice around it

    bridge.payment_updated.connect(slow_screen)
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.start()
    try:
        for payment in payments:
            bus.publish(PaymentUpdated(payment))
        qtbot.waitUntil(lambda: len(seen) == len(payments), timeout=5000)
    finally:
        heartbeat.stop()
        bridge.close()
    assert seen == [p.id for p in payments]
    during = [t for t in ticks if t <= ticks[-1]]
    assert len(during) >= 5  # the timer ticked between the slices (one go would have held it 120 ms)


def test_changes_of_one_payment_waiting_together_are_delivered_once_as_the_latest(
    qtbot, make_payment, make_op
):
    bus = EventBus()
    bridge = EventBridge(bus)
    payment = make_payment(status=ConsoleStatus.PENDING)
    other = make_payment()
    op = make_op(other)
    changed: list[PaymentUpdated] = []
    order: list[str] = []
    bridge.payment_changed.connect(changed.append)
    bridge.payment_changed.connect(lambda e: order.append(f"payment {e.payment.id}"))
    bridge.operation_updated.connect(lambda o: order.append(f"op {o.id}"))
    paid = dataclasses.replace(payment, status=ConsoleStatus.CHARGE)
    last = make_payment()  # published after the rest: once it arrives, everything before it has
    bus.publish(PaymentUpdated(payment, ConsoleStatus.CASHIER_CANCEL))
    bus.publish(OperationUpdated(op))
    bus.publish(PaymentUpdated(other))
    bus.publish(PaymentUpdated(paid, ConsoleStatus.PENDING))
    bus.publish(PaymentUpdated(last))
    qtbot.waitUntil(lambda: f"payment {last.id}" in order)  # the bridge delivers in order
    assert order == [f"payment {payment.id}", f"op {op.id}", f"payment {other.id}", f"payment {last.id}"]
    assert changed[0] == PaymentUpdated(paid, ConsoleStatus.CASHIER_CANCEL)  # latest state, first previous
    bridge.close()
