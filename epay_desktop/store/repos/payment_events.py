"""What the bank did to a payment beyond its current row (``tx.payment_events``): card attempts and
refunds made outside this console. Rows are only ever added, never changed (migration 0004)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam
from sqlalchemy import select

from epay_desktop.domain import Money
from epay_desktop.domain import PaymentEvent
from epay_desktop.domain import PaymentEventKind
from epay_desktop.store.models import PaymentEventRow
from epay_desktop.store.repos.repo import Repo
from epay_desktop.store.repos.repo import record_of

__all__ = ["PaymentEventRepo", "to_event"]

#: :meth:`PaymentEventRepo.for_payment`'s statements, built once (issue 10, P3: it runs for every
#: check-status answer that finds a transaction)
_ALL_OF_PAYMENT = (
    select(PaymentEventRow)
    .where(PaymentEventRow.payment_id == bindparam("payment_id"))
    .order_by(PaymentEventRow.id)
)
_KIND_OF_PAYMENT = (
    select(PaymentEventRow)
    .where(PaymentEventRow.payment_id == bindparam("payment_id"), PaymentEventRow.kind == bindparam("kind"))
    .order_by(PaymentEventRow.id)
)


class PaymentEventRepo(Repo):
    """Events of one transaction's view; every method returns frozen ``PaymentEvent``s, oldest first."""

    def add(
        self,
        payment_id: int,
        kind: PaymentEventKind,
        *,
        at: datetime,
        bank_time: datetime | None = None,
        status: str | None = None,
        amount: Money | None = None,
        reason_code: int | None = None,
        reason: str | None = None,
        card_mask: str | None = None,
        note: str | None = None,
    ) -> PaymentEvent:
        """Insert one event in the caller's write transaction (texts are cut to their columns)."""
        row = PaymentEventRow(
            payment_id=payment_id,
            kind=PaymentEventKind(kind).value,
            at=at,
            bank_time=bank_time,
            status=status[:32] if status else None,
            amount_minor=amount.minor if amount is not None else None,
            reason_code=reason_code,
            reason=reason[:255] if reason else None,
            card_mask=card_mask[:32] if card_mask else None,
            note=note[:255] if note else None,
        )
        self._s.add(row)
        self._s.flush()
        return to_event(row, self._currency(payment_id) if amount is not None else "KZT")

    def for_payment(self, payment_id: int, kind: PaymentEventKind | None = None) -> list[PaymentEvent]:
        """The payment's events (of one kind, if given), oldest first."""
        if kind is None:
            rows = self._s.scalars(_ALL_OF_PAYMENT, {"payment_id": payment_id}).all()
        else:
            params = {"payment_id": payment_id, "kind": PaymentEventKind(kind).value}
            rows = self._s.scalars(_KIND_OF_PAYMENT, params).all()
        # the currency matters only for an amount (a card attempt has none): read only then (issue 10, P3)
        priced = any(row.amount_minor is not None for row in rows)
        currency = self._currency(payment_id) if priced else "KZT"
        return [to_event(row, currency) for row in rows]

    def last(self, payment_id: int, kind: PaymentEventKind) -> PaymentEvent | None:
        """The payment's newest event of this kind, or None."""
        row = self._s.scalars(
            select(PaymentEventRow)
            .where(PaymentEventRow.payment_id == payment_id, PaymentEventRow.kind == kind.value)
            .order_by(PaymentEventRow.id.desc())
            .limit(1)
        ).first()
        return None if row is None else to_event(row, self._currency(payment_id))

    def external_refunded_minor(self, payment_id: int) -> int:
        """The total of the payment's refunds made outside this console, in tiyn."""
        return sum(
            e.amount.minor
            for e in self.for_payment(payment_id, PaymentEventKind.EXTERNAL_REFUND)
            if e.amount is not None
        )


def to_event(row: PaymentEventRow, currency: str = "KZT") -> PaymentEvent:
    return record_of(PaymentEvent, row, currency)
