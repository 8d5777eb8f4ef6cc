"""The shop's rule "only during an open shift" (setting ``shift.for_payment``; decisions 0117, 0132), checked
inside the transaction that would start a payment or write a money operation's intent."""

from __future__ import annotations

from epay_desktop.domain import OpKind
from epay_desktop.domain.settings_catalog import SHIFT_FOR_PAYMENT
from epay_desktop.domain.shifts import ShiftRequired
from epay_desktop.store.tx import Tx

__all__ = ["require_open_shift"]


def require_open_shift(tx: Tx, register_id: str, kind: OpKind | None = None, *, lock: bool = False) -> None:
    """Raise ShiftRequired when the shop works in shifts and ``register_id`` has none open: for a new
    payment (``kind`` None) or a charge, cancel or refund of ``kind``. ``lock``: hold the open shift's
    row (PostgreSQL) until ``tx`` ends, so a close waits for the intent and counts it, or the intent
    waits for the close and is refused. One settings read while the rule is off."""
    if SHIFT_FOR_PAYMENT.read_from(tx.settings) != "yes":
        return
    if tx.shifts.current(register_id, for_update=lock) is None:
        raise ShiftRequired.at(register_id, kind)
