"""Issued receipts (``tx.receipts``): gap-free numbers per register, duplicates linked to originals.

The number comes from the register's counter (``tx.counters.next_receipt_number``) in the
same write transaction that inserts the receipt row: both commit together or neither does,
so the numbers of committed receipts have no holes. On SQLite ``Store.write()`` holds the
database write lock; on PostgreSQL the counter upsert holds the counter row's lock until
commit, and ``UNIQUE (register_id, number)`` backs both up.
"""

from __future__ import annotations

from datetime import datetime

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptRecord
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.store.models import ReceiptRow
from epay_desktop.store.repos.repo import Repo
from epay_desktop.store.repos.repo import not_found
from epay_desktop.store.repos.repo import record_of
from epay_desktop.store.repos.repo import with_currency

__all__ = ["ReceiptRepo", "to_receipt"]

_RECEIPTS = with_currency(ReceiptRow)


class ReceiptRepo(Repo):
    """Receipts of one transaction's view; every method returns frozen ``ReceiptRecord``s."""

    def issue(
        self,
        *,
        register_id: str,
        kind: ReceiptKind,
        payment_id: int,
        money_op_id: str | None,
        original_receipt_id: int | None,
        amount_minor: int,
        language: ReceiptLanguage,
        width: ReceiptWidth,
        created_by: int | None,
        now: datetime,
    ) -> ReceiptRecord:
        """Take the register's next number and insert the receipt, in the caller's write transaction.

        Side effects: advances counter ``receipt.<register_id>`` and inserts one row; both are
        undone if the transaction rolls back. Raises RuntimeError outside ``Store.write()``,
        ValueError when a duplicate has no original (or a non-duplicate has one) or the amount
        is negative, and IntegrityError-derived errors if a foreign key does not exist.
        """
        if (kind is ReceiptKind.DUPLICATE) != (original_receipt_id is not None):
            raise ValueError("a duplicate, and only a duplicate, names its original receipt")
        if amount_minor < 0:
            raise ValueError("a receipt amount cannot be negative")
        number = self._tx.counters.next_receipt_number(register_id)
        row = ReceiptRow(
            register_id=register_id,
            number=number,
            kind=ReceiptKind(kind).value,
            payment_id=payment_id,
            money_op_id=money_op_id,
            original_receipt_id=original_receipt_id,
            amount_minor=amount_minor,
            language=ReceiptLanguage(language).value,
            width=ReceiptWidth(width).value,
            created_by=created_by,
            created_at=now,
        )
        self._s.add(row)
        self._s.flush()
        return self.get(row.id)

    def get(self, receipt_id: int) -> ReceiptRecord:
        """The receipt with this id; NotFoundError if there is none."""
        found = self._s.execute(_RECEIPTS.where(ReceiptRow.id == receipt_id)).first()
        if found is None:
            raise not_found(
                QT_TRANSLATE_NOOP("store", "There is no receipt with id {receipt_id}."), receipt_id=receipt_id
            )
        return to_receipt(found[0], found[1])

    def list_for_payment(self, payment_id: int) -> list[ReceiptRecord]:
        """Every receipt of the payment, in the order they were issued."""
        stmt = _RECEIPTS.where(ReceiptRow.payment_id == payment_id).order_by(ReceiptRow.id)
        return [to_receipt(row, currency) for row, currency in self._s.execute(stmt)]

    def last_for(self, payment_id: int, kind: ReceiptKind) -> ReceiptRecord | None:
        """The payment's most recent receipt of ``kind``, or None."""
        stmt = (
            _RECEIPTS.where(ReceiptRow.payment_id == payment_id, ReceiptRow.kind == ReceiptKind(kind).value)
            .order_by(ReceiptRow.id.desc())
            .limit(1)
        )
        found = self._s.execute(stmt).first()
        return to_receipt(found[0], found[1]) if found else None

    def by_number(self, register_id: str, number: int) -> ReceiptRecord | None:
        """The receipt printed with this register and number (a search key), or None."""
        stmt = _RECEIPTS.where(ReceiptRow.register_id == register_id, ReceiptRow.number == number)
        found = self._s.execute(stmt).first()
        return to_receipt(found[0], found[1]) if found else None


def to_receipt(row: ReceiptRow, currency: str) -> ReceiptRecord:
    """The frozen record of a receipt row (``currency`` is its payment's)."""
    return record_of(ReceiptRecord, row, currency)
