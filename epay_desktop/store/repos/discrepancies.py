"""Where the console's books and the bank's disagree (``tx.discrepancies``), until a manager resolves it.

At most one OPEN discrepancy per payment and kind: :meth:`DiscrepancyRepo.record` updates the open one
(amounts, detail, ``last_seen_at``) instead of adding another, so a reconcile that runs every few
minutes does not flood the list. A resolved discrepancy is kept for the record; if the books disagree
again later, a new one is opened (migration 0004).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select

from epay_desktop.domain import Discrepancy
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.store.models import DiscrepancyRow
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.repos.repo import Repo
from epay_desktop.store.repos.repo import not_found
from epay_desktop.store.repos.repo import record_of

__all__ = ["DiscrepancyRepo", "to_discrepancy"]


class DiscrepancyRepo(Repo):
    def record(
        self,
        payment_id: int,
        kind: str,
        *,
        console: Money | None,
        bank: Money | None,
        detail: str,
        now: datetime,
    ) -> tuple[Discrepancy, bool]:
        """Open a discrepancy, or refresh the open one of this payment and kind; returns it and whether
        it is new. Call inside a write transaction."""
        row = self._open_row(payment_id, kind)
        is_new = row is None
        if row is None:
            row = DiscrepancyRow(payment_id=payment_id, kind=kind[:24], detected_at=now)
            self._s.add(row)
        row.console_minor = console.minor if console is not None else None
        row.bank_minor = bank.minor if bank is not None else None
        row.detail = detail[:255]
        row.last_seen_at = now
        self._s.flush()
        return self._to(row), is_new

    def resolve(self, discrepancy_id: int, *, actor_id: int, resolution: str, now: datetime) -> Discrepancy:
        """Close an open discrepancy with a manager's words. NotFoundError if there is no such open one."""
        row = self._s.get(DiscrepancyRow, discrepancy_id)
        if row is None or row.resolved_at is not None:
            raise not_found(
                QT_TRANSLATE_NOOP("store", "There is no open discrepancy number {number}."),
                number=discrepancy_id,
            )
        row.resolved_at = now
        row.resolved_by = actor_id
        row.resolution = resolution[:255]
        self._s.flush()
        return self._to(row)

    def get(self, discrepancy_id: int) -> Discrepancy:
        row = self._get(
            DiscrepancyRow,
            discrepancy_id,
            QT_TRANSLATE_NOOP("store", "There is no discrepancy number {number}."),
            number=discrepancy_id,
        )
        return self._to(row)

    def open(self, payment_id: int | None = None) -> list[Discrepancy]:
        """Open discrepancies (of one payment, if given), oldest first."""
        query = select(DiscrepancyRow).where(DiscrepancyRow.resolved_at.is_(None))
        if payment_id is not None:
            query = query.where(DiscrepancyRow.payment_id == payment_id)
        return [self._to(row) for row in self._s.scalars(query.order_by(DiscrepancyRow.id)).all()]

    def count_open(self) -> int:
        return int(self._s.scalar(select(func.count()).where(DiscrepancyRow.resolved_at.is_(None))) or 0)

    def for_payment(self, payment_id: int) -> list[Discrepancy]:
        """Every discrepancy of a payment, open and resolved, oldest first."""
        rows = self._s.scalars(
            select(DiscrepancyRow).where(DiscrepancyRow.payment_id == payment_id).order_by(DiscrepancyRow.id)
        ).all()
        return [self._to(row) for row in rows]

    def payments_to_check(self, *, since: datetime, limit: int) -> list[int]:
        """The payments a books check looks at (decision 0037), ids without repeats: every payment with
        an unresolved money operation, every payment with an open discrepancy, and at most ``limit``
        payments with a gateway transaction in CHARGE/AUTH/REFUND created or changed since ``since``,
        the least recently checked first (so consecutive runs walk through the window)."""
        unresolved = select(MoneyOpRow.payment_id).where(
            MoneyOpRow.state.in_([s.value for s in OpState if s.is_unresolved])
        )
        disputed = select(DiscrepancyRow.payment_id).where(DiscrepancyRow.resolved_at.is_(None))
        recent = (
            select(PaymentRow.id)
            .where(
                PaymentRow.transaction_id.is_not(None),
                PaymentRow.status.in_(("CHARGE", "AUTH", "REFUND")),
                or_(PaymentRow.created_at >= since, PaymentRow.updated_at >= since),
            )
            .order_by(PaymentRow.last_polled_at.is_not(None), PaymentRow.last_polled_at, PaymentRow.id)
            .limit(limit)
        )
        ids: list[int] = []
        for query in (unresolved, disputed, recent) if limit > 0 else (unresolved, disputed):
            for payment_id in self._s.scalars(query).all():
                if payment_id not in ids:
                    ids.append(payment_id)
        return ids

    def last_resolved(self, payment_id: int, kind: str) -> Discrepancy | None:
        """The payment's most recently resolved discrepancy of this kind, or None."""
        row = self._s.scalars(
            select(DiscrepancyRow)
            .where(
                DiscrepancyRow.payment_id == payment_id,
                DiscrepancyRow.kind == kind[:24],
                DiscrepancyRow.resolved_at.is_not(None),
            )
            .order_by(DiscrepancyRow.id.desc())
            .limit(1)
        ).first()
        return None if row is None else self._to(row)

    def _open_row(self, payment_id: int, kind: str) -> DiscrepancyRow | None:
        return self._s.scalars(
            select(DiscrepancyRow).where(
                DiscrepancyRow.payment_id == payment_id,
                DiscrepancyRow.kind == kind[:24],
                DiscrepancyRow.resolved_at.is_(None),
            )
        ).first()

    def _to(self, row: DiscrepancyRow) -> Discrepancy:
        return to_discrepancy(row, self._currency(row.payment_id))


def to_discrepancy(row: DiscrepancyRow, currency: str = "KZT") -> Discrepancy:
    return record_of(Discrepancy, row, currency)
