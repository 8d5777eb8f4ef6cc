"""The shop's rule "only during an open shift" (setting ``shift.for_payment``; decisions 0117, 0132), checked
inside the transaction that would start a payment or write a money operation's intent; a refusal is told on
the event bus (:func:`told_when_refused`, decision 0167)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from epay_desktop.domain import OpKind
from epay_desktop.domain.settings_catalog import SHIFT_FOR_PAYMENT
from epay_desktop.domain.shifts import ShiftRequired
from epay_desktop.services.events import EventBus
from epay_desktop.services.events import ShiftFoundClosed
from epay_desktop.store.tx import Tx

__all__ = ["require_open_shift", "told_when_refused"]


def require_open_shift(tx: Tx, register_id: str, kind: OpKind | None = None, *, lock: bool = False) -> None:
    """Raise ShiftRequired when the shop works in shifts and ``register_id`` has none open: for a new
    payment (``kind`` None) or a charge, cancel or refund of ``kind``. ``lock``: hold the open shift's
    row (PostgreSQL) until ``tx`` ends, so a close waits for the intent and counts it, or the intent
    waits for the close and is refused. One settings read while the rule is off."""
    if SHIFT_FOR_PAYMENT.read_from(tx.settings) != "yes":
        return
    if tx.shifts.current(register_id, for_update=lock) is None:
        raise ShiftRequired.at(register_id, kind)


@contextmanager
def told_when_refused(events: EventBus) -> Iterator[None]:
    """Run the body; a ShiftRequired it raises is published first as :class:`ShiftFoundClosed` (then raised
    on), so the screens that show the register's shift say at once that none is open: it may have been
    closed at another counter, or in another window, since they last read it (decision 0167)."""
    try:
        yield
    except ShiftRequired as refused:
        events.publish(ShiftFoundClosed(refused.register_id))
        raise
