"""Payment rows <-> frozen records, and the SQL pieces of payment search (keyset cursor, text match)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, false, or_

from epay_desktop.domain import ConsoleStatus, InvoiceId, Money, OpState, Payment, parse_decimal_amount
from epay_desktop.domain.money import MoneyError

from ..models import MoneyOpRow, PaymentRow

__all__ = ["UNRESOLVED_OPS", "PaymentCursor", "after_cursor", "attention_filter", "text_filter", "to_payment"]

#: Operation states a person has to look at: the answer was lost, or a manager must decide.
UNRESOLVED_OPS = (OpState.UNKNOWN.value, OpState.NEEDS_REVIEW.value)


@dataclass(frozen=True, slots=True)
class PaymentCursor:
    """Keyset position in a newest-first list: the ``(created_at, id)`` of the last row shown."""

    created_at: datetime
    id: int

    @classmethod
    def after(cls, payment: Payment) -> PaymentCursor:
        return cls(payment.created_at, payment.id)


def after_cursor(cursor: PaymentCursor, oldest_first: bool) -> ColumnElement[bool]:
    """Rows after ``cursor`` in the list order (newest first unless ``oldest_first``)."""
    if oldest_first:
        return or_(
            PaymentRow.created_at > cursor.created_at,
            and_(PaymentRow.created_at == cursor.created_at, PaymentRow.id > cursor.id),
        )
    return or_(
        PaymentRow.created_at < cursor.created_at,
        and_(PaymentRow.created_at == cursor.created_at, PaymentRow.id < cursor.id),
    )


def attention_filter() -> ColumnElement[bool]:
    """Payments that need a person: outcome UNKNOWN, or an operation UNKNOWN / NEEDS_REVIEW."""
    unresolved = exists().where(MoneyOpRow.payment_id == PaymentRow.id, MoneyOpRow.state.in_(UNRESOLVED_OPS))
    return or_(PaymentRow.status == ConsoleStatus.UNKNOWN.value, unresolved)


def text_filter(text: str) -> ColumnElement[bool]:
    """OR of every reading of ``text`` that makes sense; digits only ever reach LIKE patterns."""
    clauses: list[ColumnElement[bool]] = [PaymentRow.reference == text, PaymentRow.approval_code == text]
    if text.isascii() and text.isdigit():
        clauses.append(PaymentRow.invoice_id.startswith(text))
        if len(text) == 4:
            clauses.append(PaymentRow.card_mask.endswith(text))
    try:
        minor = parse_decimal_amount(text)
    except MoneyError:
        minor = None
    if minor:
        clauses.append(PaymentRow.amount_minor == minor)
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
