"""Payment rows <-> frozen records, and the SQL pieces of payment search (keyset cursor, text match)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select, text, union_all

from epay_desktop.domain import ConsoleStatus, InvoiceId, Money, OpState, Payment, parse_decimal_amount
from epay_desktop.domain.invoice import INVOICE_MAX_DIGITS
from epay_desktop.domain.money import MoneyError

from ..models import UNRESOLVED_OP_STATES, MoneyOpRow, PaymentRow

__all__ = ["UNRESOLVED_OPS", "PaymentCursor", "attention_filter", "text_filter", "to_payment"]

#: Operation states a person has to look at: the answer was lost, or a manager must decide.
UNRESOLVED_OPS = (OpState.UNKNOWN.value, OpState.NEEDS_REVIEW.value)
#: The condition of the partial index ``uq_money_ops_one_unresolved``, word for word: a query that
#: states it lets SQLite seek the few open operations even when statistics say nearly every
#: operation has one state (SUCCEEDED), which otherwise makes it scan them all.
_OPEN_OPS_INDEX_WHERE = text(
    "money_ops.state IN (" + ", ".join(f"'{state}'" for state in UNRESOLVED_OP_STATES) + ")"
)


@dataclass(frozen=True, slots=True)
class PaymentCursor:
    """Keyset position in a newest-first list: the ``(created_at, id)`` of the last row shown."""

    created_at: datetime
    id: int

    @classmethod
    def after(cls, payment: Payment) -> PaymentCursor:
        return cls(payment.created_at, payment.id)


def attention_filter() -> ColumnElement[bool]:
    """Payments that need a person: outcome UNKNOWN, or an operation UNKNOWN / NEEDS_REVIEW.

    Written as ``id IN (ids of UNKNOWN payments UNION ALL payments of unresolved operations)``:
    both halves seek an index and yield a handful of ids, which then drive the query by primary
    key, instead of testing every payment of the list's order on the way down."""
    unknown = select(PaymentRow.id).where(PaymentRow.status == ConsoleStatus.UNKNOWN.value)
    unresolved = select(MoneyOpRow.payment_id).where(
        _OPEN_OPS_INDEX_WHERE, MoneyOpRow.state.in_(UNRESOLVED_OPS)
    )
    return PaymentRow.id.in_(union_all(unknown, unresolved))


def text_filter(text: str, column: Callable[[Any], Any] = lambda c: c) -> ColumnElement[bool]:
    """OR of every reading of ``text`` that makes sense (invoice prefix only for digits, last 4 only
    for 4 digits, the amount only for an amount). ``column`` wraps each column the clauses read
    (the list uses it to keep SQLite off these columns' indexes: ``payment_list.unseekable``)."""
    clauses: list[ColumnElement[bool]] = [
        column(PaymentRow.reference) == text,
        column(PaymentRow.approval_code) == text,
    ]
    if text.isascii() and text.isdigit():
        if len(text) <= INVOICE_MAX_DIGITS:
            # invoice ids are digits only, so "starts with text" is exactly this range, which seeks
            # the unique index (LIKE 'text%' does not on SQLite)
            high = text + "9" * (INVOICE_MAX_DIGITS - len(text))
            invoice = column(PaymentRow.invoice_id)
            clauses.append(and_(invoice >= text, invoice <= high))
        if len(text) == 4:
            clauses.append(column(PaymentRow.card_last4) == text)  # the stored last 4 (its own index)
    try:
        minor = parse_decimal_amount(text)
    except MoneyError:
        minor = None
    if minor:
        clauses.append(column(PaymentRow.amount_minor) == minor)
    return or_(false(), *clauses)


def _money(minor: int | None, currency: str) -> Money | None:
    return Money(minor, currency) if minor is not None else None


def to_payment(row: PaymentRow) -> Payment:
    """The frozen record of a row (no session attached)."""
    return Payment(
        id=row.id,
        invoice_id=InvoiceId(row.invoice_id),
        amount=Money(row.amount_minor, row.currency),
        status=ConsoleStatus(row.status),
        description=row.description,
        email=row.email,
        phone=row.phone,
        account_id=row.account_id,
        save_card=row.save_card,
        language=row.language,
        register_id=row.register_id,
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        transaction_id=row.transaction_id,
        gateway_amount=_money(row.gateway_amount_minor, row.currency),
        org_amount=_money(row.org_amount_minor, row.currency),
        payout_amount=_money(row.payout_amount_minor, row.currency),
        card_mask=row.card_mask,
        card_type=row.card_type,
        card_id=row.card_id,
        reference=row.reference,
        approval_code=row.approval_code,
        reason=row.reason,
        reason_code=row.reason_code,
        token_expires_at=row.token_expires_at,
        next_poll_at=row.next_poll_at,
        last_polled_at=row.last_polled_at,
        version=row.version,
        bank_time=row.bank_time,
        bank_status=row.bank_status,
        reason_code_text=row.reason_code_text,
    )
