"""What the reports count as money taken, shared by a shift's reports (``tx.shifts``) and the day at
a glance (``tx.day``) so the two always agree (decisions 0107, 0116): which payment statuses are
paid, held or declined, and which paid payments were holds rather than one-step sales."""

from __future__ import annotations

from typing import Any
from typing import Final

from sqlalchemy import ColumnElement
from sqlalchemy import case
from sqlalchemy import exists
from sqlalchemy import or_

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import OpKind
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow

__all__ = [
    "DECLINED_STATUSES",
    "HELD_STATUSES",
    "OP_FIGURE",
    "PAID_STATUSES",
    "TWO_STEP_KINDS",
    "sale_or_hold",
]

#: Payments whose money was taken or held (the bank approved an attempt).
PAID_STATUSES: Final = tuple(
    s.value
    for s in (
        ConsoleStatus.AUTH,
        ConsoleStatus.CHARGE,
        ConsoleStatus.CANCEL,
        ConsoleStatus.CANCEL_OLD,
        ConsoleStatus.REFUND,
    )
)
#: Payments the bank declined (its last answer: rejected, failed, or 3-D Secure failed).
DECLINED_STATUSES: Final = tuple(
    s.value for s in (ConsoleStatus.REJECT, ConsoleStatus.FAILED, ConsoleStatus.THREE_DS)
)
#: Paid payments that were holds whatever else happened: held now, cancelled, or let expire.
HELD_STATUSES: Final = (ConsoleStatus.AUTH.value, ConsoleStatus.CANCEL.value, ConsoleStatus.CANCEL_OLD.value)
#: A payment with an operation of one of these kinds was a hold (a two-step payment), even once charged.
TWO_STEP_KINDS: Final = (OpKind.CHARGE.value, OpKind.CANCEL.value)
#: The figure each kind of money operation counts in.
OP_FIGURE: Final = {
    OpKind.CHARGE.value: FigureKind.CHARGES,
    OpKind.CANCEL.value: FigureKind.CANCELS,
    OpKind.REFUND.value: FigureKind.REFUNDS,
}


def sale_or_hold() -> ColumnElement[Any]:
    """A paid payment's figure: ``holds`` when the bank holds it, it was cancelled or let expire, or
    the console charged or cancelled it (a two-step payment); else ``sales``."""
    two_step = exists().where(
        MoneyOpRow.payment_id == PaymentRow.id,
        MoneyOpRow.kind.in_(TWO_STEP_KINDS),
    )
    return case(
        (or_(PaymentRow.status.in_(HELD_STATUSES), two_step), FigureKind.HOLDS.value),
        else_=FigureKind.SALES.value,
    )
