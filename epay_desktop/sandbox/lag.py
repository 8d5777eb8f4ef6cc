"""What check-status shows under ``--status-lag``: the transaction as it was S seconds ago.

The money operation itself is applied at once (a second refund sees the real remainder);
only the status answer lags. :func:`as_reported` rolls back, newest first, every merchant
operation (charge of an AUTH, cancel, refund, including refunds made in the bank's
cabinet) newer than ``now - status_lag``. The customer's own payment result (``auth``, or
the one-step ``charge`` that ends an approved attempt) and ``cancel_old`` show at once:
decision 0032.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from datetime import timedelta

from epay_desktop.domain import PaymentStatus
from epay_desktop.sandbox.ledger import Operation
from epay_desktop.sandbox.ledger import Transaction

__all__ = ["as_reported", "lagging_operations"]


def _is_capture(ops: list[Operation], index: int) -> bool:
    """A ``charge`` that captures an earlier ``auth`` (not the one-step payment itself)."""
    return any(op.kind == "auth" for op in ops[:index])


def lagging_operations(txn: Transaction, lag: float, now: datetime) -> list[Operation]:
    """The merchant operations check-status does not show yet, oldest first."""
    if lag <= 0:
        return []
    cutoff = now - timedelta(seconds=lag)
    ops = txn.operations
    hidden = [
        op
        for i, op in enumerate(ops)
        if op.time > cutoff
        and (op.kind in ("refund", "cancel") or (op.kind == "charge" and _is_capture(ops, i)))
    ]
    return hidden


def as_reported(txn: Transaction, lag: float, now: datetime) -> Transaction:
    """``txn`` itself when nothing lags, else a copy with the lagging operations undone."""
    hidden = lagging_operations(txn, lag, now)
    if not hidden:
        return txn
    view = dataclasses.replace(txn, operations=[op for op in txn.operations if op not in hidden])
    for op in reversed(hidden):
        if op.kind == "refund":
            # The ledger refunds only from CHARGE, so before any refund the status was CHARGE.
            view.amount += op.amount
            view.payout_amount -= op.amount
            view.status = PaymentStatus.CHARGE
        elif op.kind == "cancel":
            view.status = PaymentStatus.AUTH
        else:  # a capture: back to the hold as authorised
            auth = [o for o in view.operations if o.kind == "auth"]
            view.amount = auth[-1].amount if auth else view.org_amount
            view.status = PaymentStatus.AUTH
    return view
