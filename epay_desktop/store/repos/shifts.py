"""Shifts (``tx.shifts``): open, close, list; and what a shift's reports sum, in SQL (decision 0107).

Numbers are gap-free per register like receipts': counter ``shift.<register_id>`` is advanced in the
write transaction that inserts the shift, so both commit together or neither does. One open shift
per register is the database's rule (the partial unique index ``uq_shifts_one_open``), not only a
check: two counters opening at the same moment on a shared PostgreSQL both pass the check, and the
second insert fails on the index (its counter value is rolled back with it); on SQLite
``Store.write()`` holds the write lock, so the second sees the first's shift.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import SQLColumnExpression
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import union
from sqlalchemy.exc import IntegrityError

from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.domain.shifts import OutsideOperation
from epay_desktop.domain.shifts import Shift
from epay_desktop.domain.shifts import ShiftAlreadyOpen
from epay_desktop.domain.shifts import ShiftLine
from epay_desktop.store.models import UNRESOLVED_OP_STATES
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.models import ShiftRow
from epay_desktop.store.models import UserRow
from epay_desktop.store.repos.payment_rows import to_payment
from epay_desktop.store.repos.repo import Repo
from epay_desktop.store.repos.repo import record_of
from epay_desktop.store.repos.takings import OP_FIGURE
from epay_desktop.store.repos.takings import PAID_STATUSES
from epay_desktop.store.repos.takings import sale_or_hold

__all__ = ["ShiftRepo"]


class ShiftRepo(Repo):
    """``tx.shifts``: every method returns frozen :class:`~epay_desktop.domain.shifts.Shift` records."""

    def open(self, register_id: str, opened_by: int, now: datetime) -> Shift:
        """Open the register's next shift. Raises ShiftAlreadyOpen when one is open (also when another
        counter opened one a moment ago), RuntimeError outside ``Store.write()``."""
        current = self.current(register_id)
        if current is not None:
            raise ShiftAlreadyOpen.at(register_id, current.number)
        number = self._tx.counters.next(f"shift.{register_id}")
        row = ShiftRow(register_id=register_id, number=number, opened_at=now, opened_by=opened_by)
        self._s.add(row)
        try:
            self._s.flush()
        except IntegrityError as exc:  # another counter's shift committed between the check and here
            if "uq_shifts_one_open" in str(exc.orig) or "shifts.register_id" in str(exc.orig):
                raise ShiftAlreadyOpen.at(register_id, number - 1) from None
            raise
        return _shift(row)

    def current(self, register_id: str, *, for_update: bool = False) -> Shift | None:
        """The register's open shift, or None (row-locked on PostgreSQL if ``for_update``)."""
        stmt = select(ShiftRow).where(ShiftRow.register_id == register_id, ShiftRow.closed_at.is_(None))
        if for_update:
            stmt = stmt.with_for_update()
        row = self._s.scalars(stmt.execution_options(populate_existing=True)).first()
        return _shift(row) if row is not None else None

    def get(self, shift_id: int) -> Shift:
        """The shift with this id; NotFoundError if there is none."""
        return _shift(self._row(shift_id))

    def close(
        self,
        shift_id: int,
        *,
        closed_by: int,
        requested_by: int | None,
        now: datetime,
        anchor: tuple[int, str] | None,
        z_report: str,
    ) -> Shift:
        """Close the shift and keep its Z report and audit anchor (count, head hash), in the caller's
        write transaction. Raises ValueError when it is already closed."""
        row = self._row(shift_id)
        if row.closed_at is not None:
            raise ValueError(f"shift {shift_id} is already closed")
        row.closed_at = now
        row.closed_by = closed_by
        row.close_requested_by = requested_by
        row.audit_count, row.audit_hash = anchor if anchor is not None else (None, None)
        row.z_report = z_report
        self._s.flush()
        return _shift(row)

    def z_report(self, shift_id: int) -> str | None:
        """The stored Z report (JSON) of a closed shift; None while it is open."""
        return self._row(shift_id).z_report

    def last_anchor(self) -> tuple[int, str] | None:
        """The audit anchor (count, head hash) printed on the most recent Z report of any register."""
        found = self._s.execute(
            select(ShiftRow.audit_count, ShiftRow.audit_hash)
            .where(ShiftRow.audit_count.is_not(None))
            .order_by(ShiftRow.closed_at.desc(), ShiftRow.id.desc())
            .limit(1)
        ).first()
        if found is None or found[0] is None or found[1] is None:
            return None
        return int(found[0]), str(found[1])

    def recent(self, register_id: str | None, limit: int) -> list[Shift]:
        """The newest ``limit`` shifts (of one register, or of all), newest first."""
        stmt = select(ShiftRow).order_by(ShiftRow.opened_at.desc(), ShiftRow.id.desc()).limit(limit)
        if register_id is not None:
            stmt = stmt.where(ShiftRow.register_id == register_id)
        return [_shift(row) for row in self._s.scalars(stmt)]

    def open_elsewhere(self, register_id: str) -> list[str]:
        """The other registers with a shift open now, by name (the fiscal register's shift is closed by
        the last of them to close: decision 0126)."""
        stmt = (
            select(ShiftRow.register_id)
            .where(ShiftRow.closed_at.is_(None), ShiftRow.register_id != register_id)
            .order_by(ShiftRow.register_id)
        )
        return list(self._s.scalars(stmt))

    # -- what a shift holds ---------------------------------------------------------------------

    def lines(self, register_id: str, start: datetime, end: datetime) -> list[ShiftLine]:
        """The shift's figures summed in the database, per kind, cashier and card brand: the paid
        payments created at ``register_id`` in ``[start, end)`` (one-step sales, or holds: a payment
        the bank holds, cancelled or let expire, or one the console charged or cancelled), and the
        SUCCEEDED operations asked at that register whose intent was made in that time (decision 0119:
        a refund at another counter counts there)."""
        kind = sale_or_hold()
        brand = func.coalesce(PaymentRow.card_type, "")
        payments = (
            select(kind, PaymentRow.created_by, brand, func.count(), func.sum(PaymentRow.amount_minor))
            .where(
                PaymentRow.register_id == register_id,
                PaymentRow.created_at >= start,
                PaymentRow.created_at < end,
                PaymentRow.status.in_(PAID_STATUSES),
            )
            .group_by(kind, PaymentRow.created_by, brand)
        )
        ops = (
            self._ops(register_id, start, end)
            .with_only_columns(
                MoneyOpRow.kind,
                MoneyOpRow.requested_by,
                brand,
                func.count(),
                func.sum(MoneyOpRow.amount_minor),
            )
            .where(MoneyOpRow.state == OpState.SUCCEEDED.value)
            .group_by(MoneyOpRow.kind, MoneyOpRow.requested_by, brand)
        )
        found = [
            ShiftLine(FigureKind(k), cashier, brand_name, int(count), int(total or 0))
            for k, cashier, brand_name, count, total in self._s.execute(payments)
        ]
        found += [
            ShiftLine(OP_FIGURE[k], cashier, brand_name, int(count), int(total or 0))
            for k, cashier, brand_name, count, total in self._s.execute(ops)
        ]
        return found

    def unresolved_ops(self, register_id: str, start: datetime, end: datetime) -> int:
        """How many of the shift's money operations have no known outcome yet."""
        stmt = (
            self._ops(register_id, start, end)
            .with_only_columns(func.count())
            .where(MoneyOpRow.state.in_(UNRESOLVED_OP_STATES))
        )
        return int(self._s.scalar(stmt) or 0)

    def payments(self, register_id: str, start: datetime, end: datetime) -> list[Payment]:
        """Every payment of the shift: created at the register in ``[start, end)``, or one with an
        operation asked at the register in that time (another counter's sale refunded here: decision
        0119); in id order. The two kinds are found by their own indexes and united, then read by key."""
        created = select(PaymentRow.id).where(
            PaymentRow.register_id == register_id,
            PaymentRow.created_at >= start,
            PaymentRow.created_at < end,
        )
        with_ops = self._ops(register_id, start, end).with_only_columns(MoneyOpRow.payment_id)
        stmt = select(PaymentRow).where(PaymentRow.id.in_(union(created, with_ops))).order_by(PaymentRow.id)
        return [to_payment(row) for row in self._s.scalars(stmt)]

    def outside_since(self, shift: Shift) -> datetime | None:
        """Where the time before ``shift`` that no shift of its register covered begins (decision
        0145): the close of the register's previous shift; for its first, the opening of the shop's
        first shift (a counter that kept none while others did). None: the shop's first shift (before
        it nobody worked in shifts), or no time between (the previous one closed as this opened)."""
        previous = self._s.scalar(
            select(ShiftRow.closed_at)
            .where(ShiftRow.register_id == shift.register_id, ShiftRow.number < shift.number)
            .order_by(ShiftRow.number.desc())
            .limit(1)
        )
        if previous is None:
            previous = self._s.scalar(select(func.min(ShiftRow.opened_at)).where(ShiftRow.id != shift.id))
        return previous if previous is not None and previous < shift.opened_at else None

    def outside_operations(self, register_id: str, start: datetime, end: datetime) -> list[OutsideOperation]:
        """The charges, cancels and refunds asked at ``register_id`` in ``[start, end)`` that moved
        money or may have (SUCCEEDED, or no known outcome yet), oldest first, with who asked them."""
        stmt = (
            self._ops(register_id, start, end)
            .join(UserRow, UserRow.id == MoneyOpRow.requested_by)
            .with_only_columns(
                PaymentRow.invoice_id,
                MoneyOpRow.kind,
                MoneyOpRow.amount_minor,
                MoneyOpRow.created_at,
                UserRow.name,
                MoneyOpRow.state,
            )
            .where(MoneyOpRow.state.in_((OpState.SUCCEEDED.value, *UNRESOLVED_OP_STATES)))
            .order_by(MoneyOpRow.created_at, MoneyOpRow.id)
        )
        return [
            OutsideOperation(invoice, kind, int(amount), at, name, state)
            for invoice, kind, amount, at, name, state in self._s.execute(stmt)
        ]

    def outside_lines(self, start: datetime, end: datetime) -> list[ShiftLine]:
        """What moved in ``[start, end)`` at any register while none of its shifts was open, once the
        shop worked in shifts (from its first shift's opening; decision 0145), summed per kind as a
        shift's figures (``cashier_id`` None, ``brand`` ""): the day at a glance marks it. Each row's
        register is tested against the (few) shifts by one correlated ``NOT EXISTS``."""
        first = select(func.min(ShiftRow.opened_at)).scalar_subquery()
        kind = sale_or_hold()
        payments = (
            select(kind, func.count(), func.sum(PaymentRow.amount_minor))
            .where(
                PaymentRow.created_at >= start,
                PaymentRow.created_at < end,
                PaymentRow.created_at >= first,
                PaymentRow.status.in_(PAID_STATUSES),
                ~_covered(PaymentRow.register_id, PaymentRow.created_at),
            )
            .group_by(kind)
        )
        register = func.coalesce(MoneyOpRow.register_id, PaymentRow.register_id)
        ops = (
            select(MoneyOpRow.kind, func.count(), func.sum(MoneyOpRow.amount_minor))
            .join(PaymentRow, PaymentRow.id == MoneyOpRow.payment_id)
            .where(
                MoneyOpRow.created_at >= start,
                MoneyOpRow.created_at < end,
                MoneyOpRow.created_at >= first,
                MoneyOpRow.state == OpState.SUCCEEDED.value,
                ~_covered(register, MoneyOpRow.created_at),
            )
            .group_by(MoneyOpRow.kind)
        )
        found = [
            ShiftLine(FigureKind(k), None, "", int(n), int(t or 0)) for k, n, t in self._s.execute(payments)
        ]
        found += [ShiftLine(OP_FIGURE[k], None, "", int(n), int(t or 0)) for k, n, t in self._s.execute(ops)]
        return found

    def _ops(self, register_id: str, start: datetime, end: datetime) -> Select[MoneyOpRow]:
        """The operations asked at ``register_id`` in ``[start, end)``: by their own register, or (made
        before migration 0011) their payment's (decision 0119). The time range is the index's
        (``ix_money_ops_created_at``); each is joined to its payment by key."""
        return (
            select(MoneyOpRow)
            .join(PaymentRow, PaymentRow.id == MoneyOpRow.payment_id)
            .where(
                func.coalesce(MoneyOpRow.register_id, PaymentRow.register_id) == register_id,
                MoneyOpRow.created_at >= start,
                MoneyOpRow.created_at < end,
            )
        )

    def _row(self, shift_id: int) -> ShiftRow:
        return self._get(
            ShiftRow,
            shift_id,
            QT_TRANSLATE_NOOP("store", "There is no shift with id {shift_id}."),
            shift_id=shift_id,
        )


def _covered(register: SQLColumnExpression[str], at: SQLColumnExpression[datetime]) -> ColumnElement[bool]:
    """A shift of ``register`` was open at ``at`` (opened then or before, not closed yet then)."""
    return exists().where(
        ShiftRow.register_id == register,
        ShiftRow.opened_at <= at,
        or_(ShiftRow.closed_at.is_(None), ShiftRow.closed_at > at),
    )


def _shift(row: ShiftRow) -> Shift:
    return record_of(Shift, row)
