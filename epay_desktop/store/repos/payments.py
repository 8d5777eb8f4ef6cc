"""Payments table: create, look up, lock, record what the gateway said, schedule polls, search.

Every method works inside the caller's transaction (``tx``) and returns frozen
:class:`~epay_desktop.domain.Payment` records. Updates go through the ORM so the row's
``version`` column is bumped and a concurrent change is detected (``StaleDataError``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import bindparam
from sqlalchemy import select

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import GatewaySnapshot
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import Payment
from epay_desktop.domain.changes import StatusChange
from epay_desktop.domain.checkout import CheckoutInput
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.payment_filter import EVERY_PAYMENT
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.store.models import MoneyOpRow
from epay_desktop.store.models import PaymentRow
from epay_desktop.store.repos.operations import to_op
from epay_desktop.store.repos.payment_list import ListCounts
from epay_desktop.store.repos.payment_list import ListCursor
from epay_desktop.store.repos.payment_list import ListQuery
from epay_desktop.store.repos.payment_list import ListSort
from epay_desktop.store.repos.payment_list import PageRequest
from epay_desktop.store.repos.payment_list import count_rows
from epay_desktop.store.repos.payment_list import cursor_at
from epay_desktop.store.repos.payment_list import fetch_page
from epay_desktop.store.repos.payment_rows import UNRESOLVED_OPS
from epay_desktop.store.repos.payment_rows import PaymentCursor
from epay_desktop.store.repos.payment_rows import to_payment
from epay_desktop.store.repos.repo import Repo
from epay_desktop.store.repos.repo import not_found

if TYPE_CHECKING:
    from epay_desktop.store.tx import Tx

__all__ = ["PaymentCursor", "PaymentRepo", "to_payment"]

_POLLED = tuple(s.value for s in ConsoleStatus if s.needs_polling)
#: Scheduled polls also cover the local marks while their token lives (their next_poll_at, decision 0018).
_SCHEDULED = _POLLED + tuple(s.value for s in ConsoleStatus if s.stopped_at_counter)
#: ... and a decline whose invoice still takes another card attempt (its next_poll_at, decision 0035).
_SCHEDULED += (ConsoleStatus.REJECT.value, ConsoleStatus.THREE_DS.value)
#: :meth:`PaymentRepo.lock_by_invoice`'s statement, built once (building it was a tenth of the work of
#: storing a status answer, issue 10 P3); read from the database even when the row is in the session
_LOCK_BY_INVOICE = (
    select(PaymentRow)
    .where(PaymentRow.invoice_id == bindparam("invoice_id"))
    .with_for_update()
    .execution_options(populate_existing=True)
)


class PaymentRepo(Repo):
    """``tx.payments``."""

    def __init__(self, tx: Tx) -> None:
        super().__init__(tx)
        #: rows locked in this transaction, kept so the update that follows finds them in the session
        #: (its identity map holds rows weakly: a dropped row was read again, issue 10 P3)
        self._locked: dict[int, PaymentRow] = {}

    # -- create / read ---------------------------------------------------------------------

    def insert(
        self,
        invoice_id: InvoiceId,
        data: CheckoutInput,
        *,
        description: str,
        register_id: str,
        created_by: int | None,
        now: datetime,
    ) -> Payment:
        """Add a payment with status NEW for the checkout ``data`` (its amount, contacts, customer id, card
        saving and page language; the cardholder's name is not stored) with ``description``, the one it
        is sent with (``data.description_for(invoice_id)``). Raises IntegrityError if the invoice id (or
        its tail) exists."""
        amount = data.amount
        row = PaymentRow(
            invoice_id=invoice_id.value,
            invoice_tail=invoice_id.tail,
            amount_minor=amount.minor,
            currency=amount.currency,
            status=ConsoleStatus.NEW.value,
            description=description,
            email=data.email,
            phone=data.phone,
            account_id=data.account_id,
            save_card=data.save_card,
            language=data.language,
            register_id=register_id,
            created_by=created_by,
            created_at=now,
            updated_at=now,
            poll_count=0,
        )
        self._s.add(row)
        self._s.flush()
        return to_payment(row)

    def get(self, payment_id: int) -> Payment:
        """The payment with this id; NotFoundError if there is none."""
        return to_payment(self._row(payment_id))

    def get_by_invoice(self, invoice_id: InvoiceId) -> Payment | None:
        """The payment with this invoice id, or None."""
        row = self._s.scalars(select(PaymentRow).where(PaymentRow.invoice_id == invoice_id.value)).first()
        return to_payment(row) if row is not None else None

    def lock_by_invoice(self, invoice_id: InvoiceId) -> Payment:
        """Read and lock the payment for the rest of the transaction; NotFoundError if missing.

        PostgreSQL: ``SELECT ... FOR UPDATE``. SQLite ignores the clause; there the Tx from
        ``Store.write()`` already holds the database write lock (``BEGIN IMMEDIATE``). The row is
        read from the database every time (``populate_existing``) and kept for the transaction, so
        an update of it that follows (:meth:`apply_snapshot`, :meth:`record_poll`) needs no second read.
        """
        row = self._s.scalars(_LOCK_BY_INVOICE, {"invoice_id": invoice_id.value}).first()
        if row is None:
            raise not_found(
                QT_TRANSLATE_NOOP("store", "There is no payment with invoice number {invoice_id}."),
                invoice_id=invoice_id,
            )
        self._locked[row.id] = row
        return to_payment(row)

    # -- updates ---------------------------------------------------------------------------

    def apply_snapshot(
        self, payment_id: int, snapshot: GatewaySnapshot, *, next_poll_at: datetime | None
    ) -> Payment:
        """Store what check-status said: status and every gateway field it filled in.

        Fields the snapshot leaves ``None`` keep their stored value. ``last_polled_at`` and
        ``updated_at`` become ``snapshot.observed_at``; ``poll_count`` goes up by one.
        """
        row = self._row(payment_id)
        row.status = snapshot.status.value
        for name in ("transaction_id", "card_mask", "card_type", "card_id", "reference", "approval_code"):
            value = getattr(snapshot, name)
            if value is not None:
                setattr(row, name, value)
        if snapshot.reason is not None:
            row.reason = snapshot.reason[:255]
        if snapshot.reason_code is not None:
            row.reason_code = snapshot.reason_code
        if snapshot.bank_time is not None:
            row.bank_time = snapshot.bank_time
        # odd values are kept while the bank sends them and cleared once it sends a readable one
        row.bank_status = snapshot.bank_status[:32] if snapshot.bank_status else None
        row.reason_code_text = snapshot.reason_code_text[:32] if snapshot.reason_code_text else None
        for name in ("amount", "org_amount", "payout_amount"):
            money: Money | None = getattr(snapshot, name)
            if money is not None:
                column = "gateway_amount_minor" if name == "amount" else f"{name}_minor"
                setattr(row, column, money.minor)
        row.last_polled_at = snapshot.observed_at
        row.updated_at = snapshot.observed_at
        row.poll_count = (row.poll_count or 0) + 1
        row.next_poll_at = next_poll_at
        self._s.flush()
        return to_payment(row)

    def set_status(self, payment_id: int, change: StatusChange, *, now: datetime) -> Payment:
        """Set a local status. ``change.next_poll_at`` replaces the schedule (None: not scheduled);
        its ``token_expires_at`` and ``reason`` change only when given. Bumps ``updated_at``.
        """
        row = self._row(payment_id)
        row.status = change.status.value
        row.next_poll_at = change.next_poll_at
        if change.token_expires_at is not None:
            row.token_expires_at = change.token_expires_at
        if change.reason is not None:
            row.reason = change.reason[:255]
        row.updated_at = now
        self._s.flush()
        return to_payment(row)

    def record_poll(
        self, payment_id: int, status: ConsoleStatus, *, now: datetime, next_poll_at: datetime | None
    ) -> Payment:
        """A check-status answer without a transaction (102/107): set status and schedule, count the poll."""
        row = self._row(payment_id)
        if row.status != status.value:
            row.status = status.value
            row.updated_at = now
        row.last_polled_at = now
        row.poll_count = (row.poll_count or 0) + 1
        row.next_poll_at = next_poll_at
        self._s.flush()
        return to_payment(row)

    def reschedule(self, payment_id: int, next_poll_at: datetime | None) -> Payment:
        """Move the next poll (back-off after a failed poll). Nothing else changes."""
        row = self._row(payment_id)
        row.next_poll_at = next_poll_at
        self._s.flush()
        return to_payment(row)

    # -- polling ---------------------------------------------------------------------------

    def due_for_poll(self, now: datetime, limit: int) -> list[Payment]:
        """Payments that may still change by themselves with ``next_poll_at <= now``, oldest due first."""
        stmt = (
            select(PaymentRow)
            .where(PaymentRow.status.in_(_SCHEDULED), PaymentRow.next_poll_at <= now)
            .order_by(PaymentRow.next_poll_at, PaymentRow.id)
            .limit(limit)
        )
        return [to_payment(row) for row in self._s.scalars(stmt)]

    def next_due_at(self) -> datetime | None:
        """The earliest ``next_poll_at`` of a payment that needs polling, or None."""
        stmt = (
            select(PaymentRow.next_poll_at)
            .where(PaymentRow.status.in_(_SCHEDULED), PaymentRow.next_poll_at.is_not(None))
            .order_by(PaymentRow.next_poll_at)
            .limit(1)
        )
        return self._s.scalars(stmt).first()

    def needing_poll(self) -> list[Payment]:
        """Every payment whose status may still change by itself, scheduled or not (start-up reconcile)."""
        stmt = select(PaymentRow).where(PaymentRow.status.in_(_POLLED)).order_by(PaymentRow.id)
        return [to_payment(row) for row in self._s.scalars(stmt)]

    # -- queries ---------------------------------------------------------------------------

    def search(
        self,
        wanted: PaymentFilter = EVERY_PAYMENT,
        *,
        limit: int = 50,
        after: PaymentCursor | None = None,
        oldest_first: bool = False,
    ) -> list[Payment]:
        """Payments matching every filter of ``wanted``, newest first (keyset order ``created_at, id``).

        ``since`` is inclusive, ``until`` exclusive. The search text matches any of: invoice id
        prefix, last four digits of the card mask, the amount in tenge (``1500`` / ``1500.50``), the
        RRN or the approval code. ``after`` continues a previous page. ``needs_attention`` keeps only
        payments whose outcome is UNKNOWN or that have an UNKNOWN / NEEDS_REVIEW money operation.
        The list's time sort (:func:`.payment_list.fetch_page`), so the same indexes serve it.
        """
        query = ListQuery(wanted, ListSort.TIME, descending=not oldest_first)
        cursor = ListCursor(ListSort.TIME, None, (after.created_at, after.id)) if after is not None else None
        rows, _more = fetch_page(self._s, query, PageRequest(limit, after=cursor))
        return [to_payment(row) for row in rows]

    def list_counts(self, query: ListQuery) -> ListCounts:
        """``COUNT(*)`` of ``query`` and per status (see :func:`.payment_list.count_rows`)."""
        return count_rows(self._s, query)

    def list_cursor_at(self, query: ListQuery, offset: int) -> ListCursor | None:
        """The cursor before row ``offset`` of the list (see :func:`.payment_list.cursor_at`)."""
        return cursor_at(self._s, query, offset)

    def open_operations(self, payments: Iterable[Payment]) -> dict[int, MoneyOp]:
        """Payment id -> its operation a person must look at (UNKNOWN / NEEDS_REVIEW), for a page of
        the list: one query, only payments that have one. At most one per payment is unresolved."""
        currency = {p.id: p.amount.currency for p in payments}
        if not currency:
            return {}
        stmt = (
            select(MoneyOpRow)
            .where(MoneyOpRow.payment_id.in_(currency), MoneyOpRow.state.in_(UNRESOLVED_OPS))
            .order_by(MoneyOpRow.created_at, MoneyOpRow.id)
        )
        return {row.payment_id: to_op(row, currency[row.payment_id]) for row in self._s.scalars(stmt)}

    def _row(self, payment_id: int) -> PaymentRow:
        return self._get(
            PaymentRow,
            payment_id,
            QT_TRANSLATE_NOOP("store", "There is no payment number {payment_id}."),
            payment_id=payment_id,
        )
