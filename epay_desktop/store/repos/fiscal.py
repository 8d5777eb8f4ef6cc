"""The fiscal journal (``tx.fiscal``): one row per fiscal registration, its intent written before the
provider is asked (decision 0124).

:meth:`FiscalRepo.add_intent` inserts with ``ON CONFLICT DO NOTHING`` and reads the row back, so two
counters writing the same sale's (or refund's) intent at once end with one row, the first one, on SQLite
and on PostgreSQL alike: the ExternalCheckNumber, the one-sale-per-payment index and the refund's id are
unique in the database itself.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.fiscal_journal import KeptReceipt
from epay_desktop.store.models import FiscalRecordRow
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.repos.repo import Repo
from epay_desktop.store.repos.repo import record_of
from epay_desktop.store.repos.repo import with_currency

__all__ = ["FiscalRepo"]

_RECORDS = with_currency(FiscalRecordRow)
_OPEN = (FiscalState.INTENT.value, FiscalState.UNKNOWN.value)
_CHARGED = (ConsoleStatus.CHARGE.value, ConsoleStatus.REFUND.value)


class FiscalRepo(Repo):
    """Fiscal records of one transaction's view, as frozen ``FiscalRecord``s."""

    def add_intent(
        self,
        *,
        payment_id: int,
        money_op_id: str | None,
        kind: FiscalKind,
        external_number: str,
        amount_minor: int,
        now: datetime,
    ) -> FiscalRecord:
        """The intent for ``external_number``: inserted unless a row for it (or for the same sale or
        refund) is there already, which is then returned as it stands."""
        values = {
            "payment_id": payment_id,
            "money_op_id": money_op_id,
            "kind": FiscalKind(kind).value,
            "external_number": external_number,
            "amount_minor": amount_minor,
            "state": FiscalState.INTENT.value,
            "attempts": 0,
            "created_at": now,
            "updated_at": now,
        }
        insert = postgresql.insert if self._tx.dialect == "postgresql" else sqlite.insert
        self._s.execute(insert(FiscalRecordRow).values(**values).on_conflict_do_nothing())
        found = (
            self.for_refund(money_op_id) if money_op_id is not None else self.sale_of(payment_id)
        ) or self.get(external_number)
        if found is None:  # the conflict was on another row's number: a derivation that collided
            raise ValueError(f"the fiscal number {external_number!r} belongs to another registration")
        return found

    def get(self, external_number: str) -> FiscalRecord | None:
        return self._one(_RECORDS.where(FiscalRecordRow.external_number == external_number))

    def sale_of(self, payment_id: int) -> FiscalRecord | None:
        """The payment's sale receipt record, or None."""
        return self._one(
            _RECORDS.where(
                FiscalRecordRow.payment_id == payment_id, FiscalRecordRow.kind == FiscalKind.SALE.value
            )
        )

    def for_refund(self, money_op_id: str) -> FiscalRecord | None:
        """The return record of refund ``money_op_id``, or None."""
        return self._one(_RECORDS.where(FiscalRecordRow.money_op_id == money_op_id))

    def list_for_payment(self, payment_id: int) -> list[FiscalRecord]:
        stmt = _RECORDS.where(FiscalRecordRow.payment_id == payment_id).order_by(FiscalRecordRow.id)
        return [_record(row, currency) for row, currency in self._s.execute(stmt)]

    def record(
        self,
        external_number: str,
        state: FiscalState,
        *,
        now: datetime,
        receipt: KeptReceipt | None = None,
        error: str | None = None,
        attempted: bool = True,
    ) -> FiscalRecord | None:
        """Move the record to ``state`` (a registered one never moves again); the receipt's fields when
        registered. Returns the record as it stands after, or None if there is none."""
        values: dict[str, object] = {
            "state": FiscalState(state).value,
            "updated_at": now,
            "last_error": error,
        }
        if attempted:
            values["attempts"] = FiscalRecordRow.attempts + 1
        if receipt is not None:  # its fields are the row's columns of the same names
            values.update(asdict(receipt))
        self._s.execute(
            update(FiscalRecordRow)
            .where(
                FiscalRecordRow.external_number == external_number,
                FiscalRecordRow.state != FiscalState.REGISTERED.value,
            )
            .values(**values)
        )
        return self.get(external_number)

    def bind(self, external_number: str, register: str, vat_percent: int | None) -> FiscalRecord | None:
        """Write the register the record is about to be asked at, and the VAT rate sent, unless it was
        bound before (decision 0129: it is then asked only there). The record as it stands after."""
        self._s.execute(
            update(FiscalRecordRow)
            .where(
                FiscalRecordRow.external_number == external_number,
                FiscalRecordRow.asked_at_register.is_(None),
                FiscalRecordRow.state != FiscalState.REGISTERED.value,
            )
            .values(asked_at_register=register, vat_percent=vat_percent)
        )
        return self.get(external_number)

    def release(self, external_number: str, *, error: str, now: datetime) -> FiscalRecord | None:
        """Unbind a record refused with ``error`` (a person found it not registered where it was asked):
        an intent again, bound to the register of its next ask. None unless it stood so."""
        done = self._s.execute(
            update(FiscalRecordRow)
            .where(
                FiscalRecordRow.external_number == external_number,
                FiscalRecordRow.state == FiscalState.NEEDS_PERSON.value,
                FiscalRecordRow.last_error == error,
            )
            .values(
                asked_at_register=None,
                vat_percent=None,
                state=FiscalState.INTENT.value,
                last_error=None,
                updated_at=now,
            )
        )
        return self.get(external_number) if getattr(done, "rowcount", 0) == 1 else None

    def open_records(
        self, *, person_tried_before: datetime | None = None, limit: int = 100
    ) -> list[FiscalRecord]:
        """Records not registered yet: intent or unknown, and those needing a person last tried before
        ``person_tried_before``; sales first, oldest first."""
        wanted: ColumnElement[bool] = FiscalRecordRow.state.in_(_OPEN)
        if person_tried_before is not None:
            wanted = or_(
                wanted,
                and_(
                    FiscalRecordRow.state == FiscalState.NEEDS_PERSON.value,
                    FiscalRecordRow.updated_at < person_tried_before,
                ),
            )
        stmt = _RECORDS.where(wanted).order_by(FiscalRecordRow.kind.desc(), FiscalRecordRow.id).limit(limit)
        return [_record(row, currency) for row, currency in self._s.execute(stmt)]

    def began_at(self) -> datetime | None:
        """When the first fiscal record was written (fiscal receipts began here), or None."""
        return self._s.scalar(select(func.min(FiscalRecordRow.created_at)))

    def unfiscalised_sales(self, since: datetime, limit: int = 100) -> list[int]:
        """Ids of payments the bank charged (CHARGE, or REFUND after it) that have no sale record (a crash
        came before the intent), sold since ``since``: a one-step payment made since then, or a two-step
        one whose charge the bank confirmed since then. Not "changed since": a status check or a refund
        touches old payments too, and a sale from before fiscal receipts began must stay outside."""
        has_sale = select(FiscalRecordRow.id).where(
            FiscalRecordRow.payment_id == PaymentRow.id, FiscalRecordRow.kind == FiscalKind.SALE.value
        )
        charged_since = select(MoneyOpRow.id).where(
            MoneyOpRow.payment_id == PaymentRow.id,
            MoneyOpRow.kind == OpKind.CHARGE.value,
            MoneyOpRow.state == OpState.SUCCEEDED.value,
            MoneyOpRow.resolved_at >= since,
        )
        sold_since = or_(PaymentRow.created_at >= since, charged_since.exists())
        stmt = (
            select(PaymentRow.id)
            .where(PaymentRow.status.in_(_CHARGED), sold_since, ~has_sale.exists())
            .order_by(PaymentRow.id)
            .limit(limit)
        )
        return list(self._s.scalars(stmt))

    def unfiscalised_refunds(self, since: datetime, limit: int = 100) -> list[str]:
        """Ids of refunds the bank confirmed since ``since`` that have no return record."""
        has_return = select(FiscalRecordRow.id).where(FiscalRecordRow.money_op_id == MoneyOpRow.id)
        stmt = (
            select(MoneyOpRow.id)
            .where(
                MoneyOpRow.kind == OpKind.REFUND.value,
                MoneyOpRow.state == OpState.SUCCEEDED.value,
                MoneyOpRow.resolved_at >= since,
                ~has_return.exists(),
            )
            .order_by(MoneyOpRow.created_at, MoneyOpRow.id)
            .limit(limit)
        )
        return list(self._s.scalars(stmt))

    def _one(self, stmt: Select[FiscalRecordRow, str]) -> FiscalRecord | None:
        found = self._s.execute(stmt.limit(1)).first()
        return _record(found[0], found[1]) if found else None


def _record(row: FiscalRecordRow, currency: str) -> FiscalRecord:
    registered = row.check_number is not None and row.registered_at is not None
    return record_of(FiscalRecord, row, currency, receipt=record_of(KeptReceipt, row) if registered else None)
