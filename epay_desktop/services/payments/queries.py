"""Reading payments: one payment with its money operations, pages of the list, CSV export.

Lists use keyset pagination: a page never repeats or skips a row when new payments arrive while
someone is paging. ``list_payments`` pages newest first (today's list, CSV export); ``list_page``,
``list_position`` and ``list_counts`` serve the list in any of its sorts and orders, both ways, with
a jump to any row and its true row count (issue 10, decision 0050). Exports carry amounts as decimal text
(``1500.50``) and never more of a card number than the gateway's mask.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from pathlib import Path

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import NotFoundError
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import PaymentEvent
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg
from epay_desktop.domain.payment_filter import EVERY_PAYMENT
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.safe_files import check_target
from epay_desktop.safe_files import write_file_safely
from epay_desktop.store.db import Store
from epay_desktop.store.repos.payment_list import ListCounts
from epay_desktop.store.repos.payment_list import ListCursor
from epay_desktop.store.repos.payment_list import ListQuery
from epay_desktop.store.repos.payment_list import ListSort
from epay_desktop.store.repos.payment_list import PageRequest
from epay_desktop.store.repos.payment_list import read_page
from epay_desktop.store.repos.payment_list import read_page_at
from epay_desktop.store.repos.payment_list import row_index
from epay_desktop.store.repos.payments import PaymentCursor
from epay_desktop.store.tx import Tx

__all__ = [
    "ATTENTION_CAP",
    "CSV_COLUMNS",
    "ListCounts",
    "ListCursor",
    "ListPage",
    "ListQuery",
    "ListSort",
    "PageRequest",
    "PaymentCursor",
    "PaymentFilter",
    "PaymentPage",
    "PaymentQueries",
    "PaymentView",
    "payment_by_invoice",
    "refundable",
]

_CHARGED = (ConsoleStatus.CHARGE, ConsoleStatus.REFUND)

CSV_COLUMNS = (
    "invoice_id",
    "created_at_utc",
    "status",
    "amount",
    "gateway_amount",
    "refunded",
    "currency",
    "card_mask",
    "card_type",
    "rrn",
    "approval_code",
    "reason_code",
    "reason",
    "description",
    "transaction_id",
    "register_id",
    "cashier",  # the name of who took it, as the list shows (decision 0143)
)

#: :meth:`PaymentQueries.attention_count` stops counting here (a badge shows "99+").
ATTENTION_CAP = 100
_ATTENTION = PaymentFilter(needs_attention=True)


@dataclass(frozen=True, slots=True)
class PaymentView:
    """A payment with its operations. ``refunded`` = Σ SUCCEEDED refunds recorded here;
    ``remaining`` = what may still be refunded (0 unless the payment is CHARGE)."""

    payment: Payment
    operations: list[MoneyOp]
    refunded: Money
    remaining: Money
    status: ConsoleStatus
    #: What the bank did beyond the row (payment_events, oldest first): card attempts the console saw
    #: end (decision 0035) and refunds made outside this console.
    events: list[PaymentEvent] = field(default_factory=list)
    #: Its fiscal receipts (the sale's, each refund's return) as the fiscal journal has them (decision 0124).
    fiscal: list[FiscalRecord] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PaymentPage:
    """One page of a list; pass ``next_cursor`` as ``after`` for the next page (None: last page).
    ``open_operations``: payment id -> its UNKNOWN / NEEDS_REVIEW operation (the list marks them)."""

    payments: list[Payment]
    next_cursor: PaymentCursor | None
    open_operations: Mapping[int, MoneyOp] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ListPage:
    """A page of :meth:`PaymentQueries.list_page`, in list order.

    ``more``: rows lie beyond the page in the direction it was read (after it for a first page or
    ``after=``; before it for ``before=`` or ``from_end``). ``first`` / ``last``: cursors at the
    page's first and last rows (None when empty): ``before=first`` reads the page above,
    ``after=last`` the page below. ``open_operations`` as in :class:`PaymentPage`."""

    query: ListQuery
    payments: list[Payment]
    more: bool
    open_operations: Mapping[int, MoneyOp] = field(default_factory=dict)

    @property
    def first(self) -> ListCursor | None:
        return ListCursor.of(self.query.sort, self.payments[0]) if self.payments else None

    @property
    def last(self) -> ListCursor | None:
        return ListCursor.of(self.query.sort, self.payments[-1]) if self.payments else None


def refundable(payment: Payment, refunded: Money) -> Money:
    """Captured amount minus refunds, by the larger of our records and the gateway's payout. Pure.

    Captured = the gateway's current amount + its payout (holds for one-step payments and for
    partial charges on two-step terminals). Zero for anything not charged.
    """
    zero = Money.zero(payment.amount.currency)
    # REFUND too: the gateway may say it after a partial refund; the amounts decide (issue 8)
    if payment.status not in (ConsoleStatus.CHARGE, ConsoleStatus.REFUND) or payment.gateway_amount is None:
        return zero
    payout = payment.payout_amount or zero
    captured = payment.gateway_amount + payout
    taken = max(refunded, payout)
    return captured - taken if taken <= captured else zero


class PaymentQueries:
    """Read-only queries over the store (plus the CSV file written by :meth:`export_csv`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def invoice_of(self, payment_id: int) -> InvoiceId:
        """The invoice of the payment stored under ``payment_id``. Raises NotFoundError."""
        return await self._store.run_read(lambda tx: tx.payments.get(payment_id).invoice_id)

    async def get_view(self, invoice_id: InvoiceId) -> PaymentView:
        """The payment, its operations (oldest first) and the refund totals. Raises NotFoundError."""
        return await self._store.run_read(lambda tx: _view(tx, invoice_id))

    async def list_payments(
        self, wanted: PaymentFilter = EVERY_PAYMENT, *, limit: int = 50, after: PaymentCursor | None = None
    ) -> PaymentPage:
        """A newest-first page of payments matching every filter of ``wanted`` (``since`` inclusive,
        ``until`` exclusive).

        The search text matches the invoice id prefix, last 4 digits of the card, the amount in tenge
        (``1500`` or ``1500.50``), the RRN or the approval code. ``needs_attention`` keeps only
        payments a person must look at: outcome UNKNOWN, a money operation UNKNOWN or
        NEEDS_REVIEW, a fiscal receipt refused for a person, or an open discrepancy with the bank
        (combined with the other filters; decision 0137). No side effects.
        """
        if limit < 1:
            raise ValueError("limit must be positive")

        def page(tx: Tx) -> tuple[list[Payment], dict[int, MoneyOp]]:
            found = tx.payments.search(wanted, limit=limit + 1, after=after)
            return found, tx.payments.open_operations(found[:limit])

        rows, opens = await self._store.run_read(page)
        more = len(rows) > limit
        rows = rows[:limit]
        return PaymentPage(rows, PaymentCursor.after(rows[-1]) if more else None, opens)

    async def list_page(
        self,
        query: ListQuery,
        *,
        limit: int = 100,
        after: ListCursor | None = None,
        before: ListCursor | None = None,
        from_end: bool = False,
    ) -> ListPage:
        """A page of the list sorted and filtered in SQL (any sort, both orders; decision 0050).

        No cursor: the first page; ``from_end``: the last page; ``after`` / ``before``: the page
        below / above a cursor (``ListPage.last`` / ``.first``, or :meth:`list_position`). Each page
        is one index seek whatever its depth. Raises ValueError for a cursor of another sort, a
        limit below 1 or both cursors.
        """
        asked = PageRequest(limit, after, before, from_end)

        def page(tx: Tx) -> tuple[list[Payment], bool, dict[int, MoneyOp]]:
            flagged: set[int] = set()  # the page's payments with an open operation, found by its query
            rows, more = read_page(tx.session, query, asked, open_operations=flagged)
            return rows, more, _open_operations(tx, rows, flagged)

        rows, more, opens = await self._store.run_read(page)
        return ListPage(query, rows, more, opens)

    async def list_counts(self, query: ListQuery) -> ListCounts:
        """How many payments the list holds (``COUNT(*)``; the true row count), and per status."""
        return await self._store.run_read(lambda tx: tx.payments.list_counts(query))

    async def list_position(self, query: ListQuery, offset: int) -> ListCursor | None:
        """The cursor to pass as ``after`` so that a page starts at row ``offset`` (0-based) of the
        list: a scrollbar dragged anywhere. None for row 0 (read the first page) or past the end
        (``offset`` greater than the row count)."""
        if offset < 0:
            raise ValueError("offset must not be negative")
        return await self._store.run_read(lambda tx: tx.payments.list_cursor_at(query, offset))

    async def list_page_at(self, query: ListQuery, offset: int, *, limit: int = 100) -> ListPage:
        """The page starting at row ``offset`` (0-based) of the list, in one read (a scrollbar dragged
        anywhere is one call): the index walked to that row from the nearer end when the list's
        length is known without counting (decision 0057), then one page. Empty past the end."""
        if offset < 0:
            raise ValueError("offset must not be negative")

        def page(tx: Tx) -> tuple[list[Payment], bool, dict[int, MoneyOp]]:
            flagged: set[int] = set()
            rows, more = read_page_at(tx.session, query, offset, limit, open_operations=flagged)
            return rows, more, _open_operations(tx, rows, flagged)

        rows, more, opens = await self._store.run_read(page)
        return ListPage(query, rows, more, opens)

    async def list_row_of(self, query: ListQuery, payment_id: int) -> int | None:
        """The 0-based row of payment ``payment_id`` in the list, None when the list does not hold it
        (the list finds its selected payment again after a re-sort)."""
        return await self._store.run_read(lambda tx: row_index(tx.session, query, payment_id))

    async def attention_count(self, cap: int = ATTENTION_CAP) -> int:
        """How many payments need a person (``list_payments`` of the attention filter), at most ``cap``:
        the status bar's badge, so it says what the list's "Needs attention" filter shows over all days
        (a payment with an open discrepancy and an unresolved operation counts once; decision 0137).

        Capped so a badge refreshed on every event stays cheap; ``cap`` means "cap or more".
        """
        if cap < 1:
            raise ValueError("cap must be positive")
        rows = await self._store.run_read(lambda tx: tx.payments.search(_ATTENTION, limit=cap))
        return len(rows)

    async def export_csv(
        self,
        path: Path,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        columns: Sequence[str] | None = None,
    ) -> int:
        """Write payments created in [since, until) to ``path`` as CSV (UTF-8, oldest first).

        ``columns``: which of :data:`CSV_COLUMNS` to write, in that table's order (None: all).
        Amounts are decimal tenge text (``1500.50``), never floats. Atomic: a temporary file in
        the same folder is fsynced and renamed over ``path`` (then the folder is fsynced), so
        readers see the old file or the complete new one; a failed write leaves no temporary
        file behind. Returns the number of rows. Raises ValueError (no or unknown columns),
        UnsafeFilePath (a link, pipe, device or folder at ``path``, or no usable folder: refused before
        the payments are read) and OSError (the disk is full).
        """
        chosen = _chosen_columns(columns)
        check_target(path)
        return await self._store.run(_export, self._store, Path(path), since, until, chosen)


def _open_operations(tx: Tx, rows: list[Payment], flagged: set[int]) -> dict[int, MoneyOp]:
    """The open operations of the page's payments that its query flagged (none: no query at all)."""
    return tx.payments.open_operations([p for p in rows if p.id in flagged]) if flagged else {}


def payment_by_invoice(tx: Tx, invoice_id: InvoiceId) -> Payment:
    """The payment with ``invoice_id``; NotFoundError saying there is none (a read, no lock)."""
    payment = tx.payments.get_by_invoice(invoice_id)
    if payment is None:
        raise NotFoundError(
            msg(
                "payments",
                QT_TRANSLATE_NOOP("payments", "There is no payment with invoice number {invoice_id}."),
                invoice_id=invoice_id,
            )
        )
    return payment


def _view(tx: Tx, invoice_id: InvoiceId) -> PaymentView:
    payment = payment_by_invoice(tx, invoice_id)
    ops = tx.operations.list_for_payment(payment.id)
    refunded = Money.zero(payment.amount.currency)
    for op in ops:
        if op.kind is OpKind.REFUND and op.state is OpState.SUCCEEDED:
            refunded = refunded + op.amount
    events = tx.payment_events.for_payment(payment.id)
    fiscal = tx.fiscal.list_for_payment(payment.id)
    return PaymentView(payment, ops, refunded, refundable(payment, refunded), payment.status, events, fiscal)


def _csv_row(p: Payment, names: Mapping[int, str]) -> list[str]:
    def money(value: Money | None) -> str:
        return value.plain() if value is not None else ""

    return [
        p.invoice_id.value,
        p.created_at.isoformat(),
        p.status.value,
        p.amount.plain(),
        money(p.gateway_amount),
        money(p.payout_amount),
        p.amount.currency,
        p.card_mask or "",
        p.card_type or "",
        p.reference or "",
        p.approval_code or "",
        "" if p.reason_code is None else str(p.reason_code),
        _cell(p.reason or ""),
        _cell(p.description),
        p.transaction_id or "",
        p.register_id,
        _cell(names.get(p.created_by, "") if p.created_by is not None else ""),
    ]


def _cell(text: str) -> str:
    """Free text that a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _chosen_columns(columns: Sequence[str] | None) -> list[int]:
    """Indexes into :data:`CSV_COLUMNS` of the wanted columns, in the table's order."""
    if columns is None:
        return list(range(len(CSV_COLUMNS)))
    unknown = sorted(set(columns) - set(CSV_COLUMNS))
    if unknown:
        raise ValueError(f"unknown CSV column(s): {', '.join(unknown)}")
    if not columns:
        raise ValueError("choose at least one CSV column")
    wanted = set(columns)
    return [i for i, name in enumerate(CSV_COLUMNS) if name in wanted]


def _export(
    store: Store, path: Path, since: datetime | None, until: datetime | None, chosen: list[int]
) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([CSV_COLUMNS[i] for i in chosen])
    period = PaymentFilter(since=since, until=until)
    count, cursor = 0, None
    with store.read() as tx:  # one transaction: a consistent snapshot of the period
        names = {user.id: user.name for user in tx.users.list()}  # a shop's few people
        while True:
            rows = tx.payments.search(period, limit=500, after=cursor, oldest_first=True)
            for payment in rows:
                row = _csv_row(payment, names)
                writer.writerow([row[i] for i in chosen])
            count += len(rows)
            if len(rows) < 500:
                break
            cursor = PaymentCursor.after(rows[-1])
    write_file_safely(path, buffer.getvalue().encode("utf-8"))
    return count
