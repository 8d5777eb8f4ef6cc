"""The payment list's columns: the IntEnum, header words, and what each cell shows (the list sorts in SQL)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from enum import IntEnum

from PySide6.QtCore import Qt

from epay_desktop.domain import MoneyOp
from epay_desktop.domain import Payment
from epay_desktop.ui.common.amounts import shown_amount
from epay_desktop.ui.common.formatting import card_text
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.formatting import money_text
from epay_desktop.ui.common.table_model import cell_alignment
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP
from epay_desktop.ui.widgets.status_badge import Badge
from epay_desktop.ui.widgets.status_badge import operation_badge
from epay_desktop.ui.widgets.status_badge import status_badge

__all__ = [
    "HEADERS",
    "PaymentColumn",
    "alignment",
    "display_text",
    "order_key",
    "row_badge",
]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class PaymentColumn(IntEnum):
    TIME = 0
    INVOICE = 1
    AMOUNT = 2
    STATUS = 3
    CARD = 4
    CASHIER = 5
    REFUNDED = 6


HEADERS = {
    PaymentColumn.TIME: QT_TRANSLATE_NOOP("PaymentsTableModel", "Time"),
    PaymentColumn.INVOICE: QT_TRANSLATE_NOOP("PaymentsTableModel", "Invoice"),
    PaymentColumn.AMOUNT: QT_TRANSLATE_NOOP("PaymentsTableModel", "Amount"),
    PaymentColumn.STATUS: QT_TRANSLATE_NOOP("PaymentsTableModel", "Status"),
    PaymentColumn.CARD: QT_TRANSLATE_NOOP("PaymentsTableModel", "Card"),
    PaymentColumn.CASHIER: QT_TRANSLATE_NOOP("PaymentsTableModel", "Cashier"),
    PaymentColumn.REFUNDED: QT_TRANSLATE_NOOP("PaymentsTableModel", "Refunded"),
}


def alignment(column: PaymentColumn) -> Qt.AlignmentFlag:
    """Money right-aligned, everything else left."""
    return cell_alignment(column in (PaymentColumn.AMOUNT, PaymentColumn.REFUNDED))


def _micros(when: datetime) -> int:
    return (when - _EPOCH) // timedelta(microseconds=1)


def order_key(payment: Payment) -> tuple[int, int]:
    """Ascending key of the newest-first order ``(created_at, id)`` descending."""
    return (-_micros(payment.created_at), -payment.id)


def row_badge(p: Payment, open_op: MoneyOp | None = None) -> Badge:
    """The Status cell's badge: an unresolved operation's ("Checking…", "Needs review") over the status."""
    badge = operation_badge(open_op.state) if open_op is not None else None
    return badge if badge is not None else status_badge(p.status)


def display_text(
    p: Payment,
    column: PaymentColumn,
    cashier_name: Callable[[int | None], str],
    open_op: MoneyOp | None = None,
) -> str:
    """What a cell shows (the Amount of a hold charged in part is what was charged)."""
    match column:
        case PaymentColumn.TIME:
            return local_time_text(p.created_at)
        case PaymentColumn.INVOICE:
            return p.invoice_id.value
        case PaymentColumn.AMOUNT:
            return shown_amount(p).format()
        case PaymentColumn.STATUS:
            return row_badge(p, open_op).text
        case PaymentColumn.CARD:
            return card_text(p.card_mask)
        case PaymentColumn.CASHIER:
            return cashier_name(p.created_by)
        case PaymentColumn.REFUNDED:
            return money_text(p.payout_amount)
    return ""
