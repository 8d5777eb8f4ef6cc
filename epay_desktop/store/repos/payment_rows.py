"""Payment rows <-> frozen records, and the SQL pieces of payment search (keyset cursor, text match)."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import Dialect
from sqlalchemy import Label
from sqlalchemy import and_
from sqlalchemy import exists
from sqlalchemy import false
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import type_coerce
from sqlalchemy import union_all
from sqlalchemy.engine.processors import str_to_datetime
from sqlalchemy.types import NullType

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain.fiscal_journal import ticket_fiscal_sign
from epay_desktop.domain.invoice import INVOICE_MAX_DIGITS
from epay_desktop.domain.money import MoneyError
from epay_desktop.domain.money import parse_amount_text
from epay_desktop.store.models import UNRESOLVED_OP_STATES
from epay_desktop.store.models import DiscrepancyRow
from epay_desktop.store.models import FiscalRecordRow
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.models import UTCDateTime
from epay_desktop.store.repos.repo import record_of

__all__ = [
    "OPEN_OPERATION_FLAG",
    "PAYMENT_COLUMNS",
    "UNRESOLVED_OPS",
    "PaymentCursor",
    "attention_filter",
    "payments_flagged",
    "payments_of",
    "record_maker",
    "text_filter",
    "to_payment",
]

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
    """Payments that need a person: outcome UNKNOWN, an operation UNKNOWN / NEEDS_REVIEW, a fiscal
    receipt the provider refused for a reason only a person can remove (decision 0124), or an open
    discrepancy between the books and the bank (a manager resolves it; decision 0137). The one
    definition of "needs attention": the list's filter, the badge's count and the Needs attention
    window's payments all read it.

    Written as ``id IN (ids of UNKNOWN payments UNION ALL payments of unresolved operations UNION ALL
    payments of such fiscal records UNION ALL payments of open discrepancies)``:
    each part seeks an index and yields a handful of ids, which then drive the query by primary
    key, instead of testing every payment of the list's order on the way down."""
    unknown = select(PaymentRow.id).where(PaymentRow.status == ConsoleStatus.UNKNOWN.value)
    unresolved = select(MoneyOpRow.payment_id).where(
        _OPEN_OPS_INDEX_WHERE, MoneyOpRow.state.in_(UNRESOLVED_OPS)
    )
    fiscal = select(FiscalRecordRow.payment_id).where(FiscalRecordRow.state == "needs_person")
    disputed = select(DiscrepancyRow.payment_id).where(DiscrepancyRow.resolved_at.is_(None))
    return PaymentRow.id.in_(union_all(unknown, unresolved, fiscal, disputed))


def text_filter(text: str, column: Callable[[Any], Any] = lambda c: c) -> ColumnElement[bool]:
    """OR of every reading of ``text`` that makes sense (invoice prefix only for digits, last 4 only
    for 4 digits, the amount only for an amount, the fiscal journal's payment for a scanned OFD link).
    ``column`` wraps each column the clauses read (the list uses it to keep SQLite off these columns'
    indexes: ``payment_list.unseekable``)."""
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
    sign = ticket_fiscal_sign(text)
    if sign is not None:  # a fiscal receipt's OFD QR, scanned: its sale or return in the fiscal journal
        scanned = select(FiscalRecordRow.payment_id).where(FiscalRecordRow.check_number == sign)
        clauses.append(column(PaymentRow.id).in_(scanned))
    try:
        minor = parse_amount_text(text)  # as typed in an amount field (decision 0072)
    except MoneyError:
        minor = None
    if minor:
        clauses.append(column(PaymentRow.amount_minor) == minor)
    return or_(false(), *clauses)


def to_payment(row: PaymentRow) -> Payment:
    """The frozen record of a row (no session attached)."""
    return record_of(Payment, row, row.currency, invoice_id=InvoiceId(row.invoice_id))


# -- the list's fast path: frozen records straight from the row tuples (issue 10, P2; decision 0064) --

#: The ``payments`` columns a :class:`Payment` is made of, in its fields' order (``amount`` is
#: ``amount_minor`` + ``currency``; the other amounts take the payment's currency).
_RECORD_COLUMNS = (
    "id",
    "invoice_id",
    "amount_minor",
    "currency",
    "status",
    "description",
    "email",
    "phone",
    "account_id",
    "save_card",
    "language",
    "register_id",
    "created_by",
    "created_at",
    "updated_at",
    "transaction_id",
    "gateway_amount_minor",
    "org_amount_minor",
    "payout_amount_minor",
    "card_mask",
    "card_type",
    "card_id",
    "reference",
    "approval_code",
    "reason",
    "reason_code",
    "token_expires_at",
    "next_poll_at",
    "last_polled_at",
    "version",
    "bank_time",
    "bank_status",
    "reason_code_text",
)
#: Select these (``select(*PAYMENT_COLUMNS)``) and turn the rows into records with
#: :func:`payments_of`: the driver's values come back untouched (no per-value type processing by
#: SQLAlchemy), and :func:`record_maker` applies each column's own conversion once, in one function.
PAYMENT_COLUMNS: tuple[Label[Any], ...] = tuple(
    type_coerce(PaymentRow.__table__.c[name], NullType()).label(name) for name in _RECORD_COLUMNS
)
_STATUS_OF = {status.value: status for status in ConsoleStatus}
_STORED_LENGTH = len("2025-01-31 23:59:59.000000")
_from_iso = datetime.fromisoformat


def _status(value: str) -> ConsoleStatus:
    found = _STATUS_OF.get(value)
    return found if found is not None else ConsoleStatus(value)  # anything else: the enum's own error


def _same(value: Any) -> Any:
    return value


_MAKERS: dict[type[Dialect], Callable[[Any], Payment]] = {}


def record_maker(dialect: Dialect) -> Callable[[Any], Payment]:
    """The function from a row of :data:`PAYMENT_COLUMNS` to the same :class:`Payment` as
    :func:`to_payment` of the ORM row, on ``dialect`` (one per dialect and driver, made once)."""
    make = _MAKERS.get(type(dialect))
    if make is None:
        make = _MAKERS[type(dialect)] = _record_maker(dialect)
    return make


def _record_maker(dialect: Dialect) -> Callable[[Any], Payment]:
    """See :func:`record_maker`.

    Each column's conversion is the one SQLAlchemy would apply (its type's result processor on this
    dialect); the aware-UTC datetimes do the driver's conversion and :class:`UTCDateTime`'s in one
    call instead of two. A column whose type converts anything else on this dialect (none does
    today) is converted by SQLAlchemy's own processor first, so a new dialect stays correct.
    """
    table = PaymentRow.__table__
    processors = {
        name: table.c[name].type.dialect_impl(dialect).result_processor(dialect, None)
        for name in _RECORD_COLUMNS
    }
    datetimes = {name for name in _RECORD_COLUMNS if isinstance(table.c[name].type, UTCDateTime)}
    flag: Callable[[Any], Any] = processors["save_card"] or _same
    utc = UTCDateTime()
    driver = utc.impl_instance.dialect_impl(dialect).result_processor(dialect, None)
    aware = utc.process_result_value

    def converted(value: Any) -> Any:
        return aware(value if driver is None else driver(value), dialect)

    if driver is str_to_datetime:  # SQLite: text, read by datetime.fromisoformat, then made aware UTC

        def moment(value: Any) -> Any:
            if value is None:
                return None
            if len(value) == _STORED_LENGTH:  # 'YYYY-MM-DD HH:MM:SS.ffffff' as SQLAlchemy writes it
                try:
                    return _from_iso(value + "+00:00")  # the same aware UTC value, in one step
                except ValueError:
                    pass  # some other text of that length: read it the general way
            return converted(value)

    else:

        def moment(value: Any) -> Any:
            return None if value is None else converted(value)

    def make(row: Any) -> Payment:
        (
            id_,
            invoice_id,
            amount_minor,
            currency,
            status,
            description,
            email,
            phone,
            account_id,
            save_card,
            language,
            register_id,
            created_by,
            created_at,
            updated_at,
            transaction_id,
            gateway_minor,
            org_minor,
            payout_minor,
            card_mask,
            card_type,
            card_id,
            reference,
            approval_code,
            reason,
            reason_code,
            token_expires_at,
            next_poll_at,
            last_polled_at,
            version,
            bank_time,
            bank_status,
            reason_code_text,
        ) = row
        return Payment(
            id_,
            InvoiceId(invoice_id),
            Money(amount_minor, currency),
            _status(status),
            description,
            email,
            phone,
            account_id,
            flag(save_card),
            language,
            register_id,
            created_by,
            moment(created_at),
            moment(updated_at),
            transaction_id,
            None if gateway_minor is None else Money(gateway_minor, currency),
            None if org_minor is None else Money(org_minor, currency),
            None if payout_minor is None else Money(payout_minor, currency),
            card_mask,
            card_type,
            card_id,
            reference,
            approval_code,
            reason,
            reason_code,
            moment(token_expires_at),
            moment(next_poll_at),
            moment(last_polled_at),
            version,
            moment(bank_time),
            bank_status,
            reason_code_text,
        )

    others = [
        (i, p)
        for i, (name, p) in enumerate(processors.items())
        if p is not None and name not in datetimes and name != "save_card"
    ]
    if not others:
        return make

    def make_converted(row: Any) -> Payment:
        values = list(row)
        for i, process in others:
            values[i] = process(values[i])
        return make(values)

    return make_converted


def payments_of(rows: Iterable[Any], dialect: Dialect) -> list[Payment]:
    """Records of rows selected as :data:`PAYMENT_COLUMNS`, in their order."""
    make = record_maker(dialect)
    return [make(row) for row in rows]


#: A column for a select of payments: whether the payment has an operation a person must look at
#: (UNKNOWN / NEEDS_REVIEW; what ``PaymentRepo.open_operations`` returns): one probe of the partial
#: index ``uq_money_ops_one_unresolved`` per row, inside the page's own query, so a page whose
#: payments have none (nearly every page) needs no second query.
OPEN_OPERATION_FLAG: Label[bool] = (
    exists()
    .where(
        MoneyOpRow.payment_id == PaymentRow.id, _OPEN_OPS_INDEX_WHERE, MoneyOpRow.state.in_(UNRESOLVED_OPS)
    )
    .label("open_operation")
)


def payments_flagged(rows: Iterable[Any], dialect: Dialect, flagged: set[int]) -> list[Payment]:
    """Records of rows selected as ``(*PAYMENT_COLUMNS, OPEN_OPERATION_FLAG)``; the ids of those
    with an open operation are added to ``flagged``."""
    make = record_maker(dialect)
    width = len(PAYMENT_COLUMNS)
    found = []
    for row in rows:
        payment = make(row[:width])
        if row[width]:
            flagged.add(payment.id)
        found.append(payment)
    return found
