"""The payment list as a table model whose row count is the true count, paged on demand (issue 10).

``rowCount`` is ``COUNT(*)`` of the list's query (``list_counts``), so the scrollbar maps to every
matching payment. Only the pages under the viewport are read: a cell of a row not loaded shows a
placeholder and asks for its page, which comes from ``list_page`` after the page above it when
that one is loaded (a keyset seek), else from ``list_page_at`` (a scrollbar dragged to any row is
one query). A few pages are kept (least recently used go), never all rows. Sorting and filtering
happen in SQL only (:meth:`sort` re-queries; decision 0053). Every query runs off the GUI thread
through the services (the store's worker), awaited on the qasync loop.

Live updates (:meth:`apply_update`) change a loaded row in place. A new payment that matches
joins at the top when the list is newest first; in another order the list is counted and read
again where it stands (:meth:`requery`), and :attr:`requerying` lets the view find its selected
payment again. A payment whose money operation is unresolved shows that operation's badge
instead of its status (``open_operations`` of the pages, kept current by
:meth:`apply_operation_update`). Filtered to Needs attention, the list reads itself again where it stands
when a listed payment's reason may have gone (an operation settled, its status changed, a fiscal receipt
answered, a discrepancy resolved) or a receipt was refused for a person (:meth:`recheck_attention`;
decision 0151): a settled payment leaves without F5.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
from collections import OrderedDict
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import replace
from typing import TYPE_CHECKING
from typing import Any
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.payment_filter import PaymentFilter
from epay_desktop.ui.common.amounts import charge_split
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.labels import bank_reason_text
from epay_desktop.ui.common.roles import BadgeRole
from epay_desktop.ui.common.roles import KeyRole
from epay_desktop.ui.common.roles import RecordRole
from epay_desktop.ui.common.table_model import ROOT
from epay_desktop.ui.common.table_model import ColumnsModel
from epay_desktop.ui.common.table_model import Index
from epay_desktop.ui.payments.columns import HEADERS
from epay_desktop.ui.payments.columns import PaymentColumn
from epay_desktop.ui.payments.columns import alignment
from epay_desktop.ui.payments.columns import display_text
from epay_desktop.ui.payments.columns import order_key
from epay_desktop.ui.payments.columns import row_badge
from epay_desktop.ui.payments.operations_model import op_kind_label
from epay_desktop.ui.widgets.status_badge import operation_badge
from epay_desktop.ui.widgets.status_badge import status_label

if TYPE_CHECKING:  # the GUI's import graph stays free of the store until a list is queried
    from epay_desktop.services.payments.queries import ListQuery
    from epay_desktop.services.payments.queries import PaymentQueries

__all__ = ["PaymentColumn", "PaymentFilter", "PaymentsTableModel", "list_query"]

log = logging.getLogger(__name__)

_T = TypeVar("_T")
#: Operation states the list marks (the store's "needs attention" states).
_MARKED = (OpState.UNKNOWN, OpState.NEEDS_REVIEW)
#: Pages kept in memory (least recently used go first).
MAX_PAGES = 12
#: Filtered to Needs attention, the list reads itself again this long after the last change that may take
#: a payment out (a burst of events, e.g. an operation and its payment settled together, makes one read).
RECHECK_MS = 50
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
#: The roles :meth:`PaymentsTableModel.data` answers: a paint asks each cell for a dozen more (font,
#: colours, decoration, check state...), which are refused before any lookup (issue 10: the cost of
#: a paint of the viewport, P2s).
_ROLES = frozenset({_DISPLAY, _ALIGNMENT, _TOOLTIP, KeyRole, BadgeRole, RecordRole})
_COLUMNS = tuple(PaymentColumn)


def _default_cashier(user_id: int | None) -> str:
    return "" if user_id is None else f"#{user_id}"


def list_query(filter_: PaymentFilter, column: PaymentColumn, descending: bool) -> ListQuery:
    """The SQL list's query for the filter bar's filter sorted by ``column`` (same names)."""
    from epay_desktop.services.payments.queries import ListQuery
    from epay_desktop.services.payments.queries import ListSort

    return ListQuery(filter_, ListSort[column.name], descending)


@dataclass(slots=True)
class _Page:
    start: int  # the list row of payments[0]
    payments: list[Payment]
    cursor: Any  # the source's cursor after the last row (``ListPage.last``): the next page seeks from it


class PaymentsTableModel(ColumnsModel):
    """The list's rows (true count, pages on demand). ``cashier_name(user_id)`` names the Cashier column."""

    columns = PaymentColumn

    loading_changed = Signal(bool)
    page_loaded = Signal(int)  # rows of the page that just arrived
    load_failed = Signal(str)  # the source's user_message; reading stops until refresh()
    #: The list is about to be counted and read again; True when the filter changed (not the sort).
    requerying = Signal(bool)

    def __init__(
        self,
        source: PaymentQueries,
        *,
        page_size: int = 100,
        cashier_name: Callable[[int | None], str] = _default_cashier,
        max_pages: int = MAX_PAGES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._page_size = page_size
        self._max_pages = max(max_pages, 2)
        self._cashier_name = cashier_name
        self._filter = PaymentFilter()
        self._column = PaymentColumn.TIME
        self._descending = True
        self._count = 0
        self._counted = False  # the count of the current query has arrived
        self._pages: OrderedDict[int, _Page] = OrderedDict()  # start row -> page, most recent last
        self._wanted: list[int] = []  # page starts asked for (the latest first served)
        self._open: dict[int, MoneyOp] = {}  # payment id -> its UNKNOWN / NEEDS_REVIEW operation
        self._error: str | None = None
        self._generation = 0
        self._task: asyncio.Task[None] | None = None
        self._waiting: list[Payment] = []  # updates that came while the list was being counted
        self._removing = False  # rows at the end are being taken out (the list read again is shorter)
        self._recheck = QTimer(self, singleShot=True, interval=RECHECK_MS)
        self._recheck.timeout.connect(self._recheck_now)

    # -- state -----------------------------------------------------------------------------------

    @property
    def filter(self) -> PaymentFilter:
        return self._filter

    @property
    def query(self) -> ListQuery:
        return list_query(self._filter, self._column, self._descending)

    @property
    def sort_column(self) -> PaymentColumn:
        return self._column

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def generation(self) -> int:
        """Grows each time the list is counted and read again (a filter, a sort, F5, a requery)."""
        return self._generation

    @property
    def is_loading(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def counted(self) -> bool:
        """The count is known (every row of the list has its place; pages load as they show)."""
        return self._counted

    @property
    def removing_rows(self) -> bool:
        """Rows are being taken out after the list was read again: a view's current row moved by that is
        not a person's choice (the selected payment is found again by its id)."""
        return self._removing

    @property
    def loaded_rows(self) -> int:
        """How many rows are in memory (the kept pages)."""
        return sum(len(p.payments) for p in self._pages.values())

    def payment_at(self, row: int) -> Payment | None:
        """The payment at ``row`` if its page is loaded (None: not loaded yet)."""
        found = self._locate(row)
        return found[0].payments[found[1]] if found is not None else None

    def open_operation(self, payment_id: int) -> MoneyOp | None:
        """The payment's operation that waits for the bank or a manager, if the list knows one."""
        return self._open.get(payment_id)

    def row_of(self, invoice_id: InvoiceId) -> int | None:
        """Row of a loaded payment, or None (not loaded, or not in the list)."""
        return self._loaded_row(lambda p: p.invoice_id == invoice_id)

    def row_of_id(self, payment_id: int) -> int | None:
        return self._loaded_row(lambda p: p.id == payment_id)

    def _loaded_row(self, wanted: Callable[[Payment], bool]) -> int | None:
        for page in self._pages.values():
            for i, p in enumerate(page.payments):
                if wanted(p):
                    return page.start + i
        return None

    async def find_row(self, payment_id: int) -> int | None:
        """The payment's row in the list (loaded or not), asking the source; None: not listed."""
        row = self.row_of_id(payment_id)
        if row is not None:
            return row
        generation = self._generation
        row = await self._source.list_row_of(self.query, payment_id)
        if generation != self._generation or not shiboken6.isValid(self):
            return None
        return row if row is not None and row < self._count else None

    # -- queries ---------------------------------------------------------------------------------

    def set_filter(self, new_filter: PaymentFilter) -> None:
        """Show payments matching ``new_filter``: count them and read the first page."""
        changed = new_filter != self._filter
        self._filter = new_filter
        self._reset(filtered=changed)

    def refresh(self) -> None:
        """Count and read again from the top (also after a failed page)."""
        self._reset(filtered=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header clicked: the list is sorted by ``column`` in SQL and read again from the top."""
        if not 0 <= column < len(PaymentColumn):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (PaymentColumn(column), descending) == (self._column, self._descending):
            return
        self._column, self._descending = PaymentColumn(column), descending
        self._reset(filtered=False)

    def _reset(self, *, filtered: bool) -> None:
        self.requerying.emit(filtered)
        self._generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None
        self.beginResetModel()
        self._pages.clear()
        self._wanted.clear()
        self._waiting.clear()
        self._open.clear()
        self._count, self._counted, self._error = 0, False, None
        self.endResetModel()
        self._start(self._requery(self._generation, keep_rows=False))

    def requery(self) -> None:
        """Count and read the list again where it stands (rows stay put; no reset): a payment joined
        or left in an order the list cannot place it in by itself."""
        if self.is_loading and not self._counted:
            return  # a count is on its way: it will include the change
        self.requerying.emit(False)
        self._generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None
        self._wanted.clear()
        self._error = None
        self._start(self._requery(self._generation, keep_rows=True))

    def _start(self, coro: Any) -> None:
        self._task = spawn(coro, name="payments-list")
        self.loading_changed.emit(True)

    async def _requery(self, generation: int, *, keep_rows: bool) -> None:
        read = await self._current(generation, self._count_and_read(self.query, keep_rows=keep_rows))
        if read is None:
            return
        counts, start, page = read
        total = int(counts.total)
        old = self._count
        if total > old:
            self.beginInsertRows(ROOT, old, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < old:
            self._removing = True
            self.beginRemoveRows(ROOT, total, old - 1)
            self._count = total
            self.endRemoveRows()
            self._removing = False
        self._counted = True
        self._pages.clear()
        self._store(start, page)
        if keep_rows and self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, self.columnCount() - 1))
        self._task = None
        self.loading_changed.emit(False)
        self.page_loaded.emit(len(page.payments))
        waiting, self._waiting = self._waiting, []
        for payment in waiting:
            self.apply_update(payment)
        self._serve()

    async def _count_and_read(self, query: ListQuery, *, keep_rows: bool) -> tuple[Any, int, Any]:
        """The list's counts and its first page, or (``keep_rows``) the page last looked at."""
        counts = await self._source.list_counts(query)
        start = 0
        if keep_rows and self._pages:  # the page last looked at, read again where it stands
            last_seen = next(reversed(self._pages.values())).start
            start = min(last_seen, max(int(counts.total) - 1, 0))
            start -= start % self._page_size
        return counts, start, await self._read(query, start, None)

    async def _current(self, generation: int, work: Awaitable[_T]) -> _T | None:
        """What ``work`` read, while the list is still the one it was read for; None when the read
        failed (said through :meth:`_failed`) or the list changed meanwhile."""
        try:
            result = await work
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._failed(generation, exc)
            return None
        if generation != self._generation or not shiboken6.isValid(self):
            return None
        return result

    async def _read(self, query: ListQuery, start: int, cursor: Any) -> Any:
        if start == 0:
            return await self._source.list_page(query, limit=self._page_size)
        if cursor is not None:
            return await self._source.list_page(query, limit=self._page_size, after=cursor)
        return await self._source.list_page_at(query, start, limit=self._page_size)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return
        message = user_message_of(exc)
        self._task = None
        self.loading_changed.emit(False)
        if message is None:
            raise exc
        self._error = message
        self._wanted.clear()
        self.load_failed.emit(message)

    def _store(self, start: int, page: Any) -> None:
        rows = list(page.payments)[: max(self._count - start, 0)]
        opens: Mapping[int, MoneyOp] = getattr(page, "open_operations", None) or {}
        for payment_id, op in opens.items():
            if op.state in _MARKED:
                self._open.setdefault(payment_id, op)  # a live update may already be newer
        self._pages[start] = _Page(start, rows, getattr(page, "last", None))
        self._pages.move_to_end(start)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)

    # -- pages on demand -------------------------------------------------------------------------

    def _locate(self, row: int) -> tuple[_Page, int] | None:
        page = self._pages.get(row - row % self._page_size)  # where pages start unless rows joined
        if page is not None and page.start <= row < page.start + len(page.payments):
            return page, row - page.start
        for page in self._pages.values():
            if page.start <= row < page.start + len(page.payments):
                return page, row - page.start
        return None

    def _want(self, row: int) -> None:
        """The page holding ``row`` is wanted (a cell of it is shown): read it soon."""
        if self._error is not None or not self._counted:
            return
        start = row - row % self._page_size
        if start in self._wanted:
            if self._wanted[0] != start:
                self._wanted.remove(start)
                self._wanted.insert(0, start)
            return
        self._wanted.insert(0, start)
        del self._wanted[self._max_pages // 2 :]  # a fast drag: only the last few places matter
        self._serve()

    def _serve(self) -> None:
        if self.is_loading or not self._wanted or self._error is not None:
            return
        self._start(self._fetch(self._generation))

    async def _fetch(self, generation: int) -> None:
        query = self.query
        while self._wanted:
            start = self._wanted.pop(0)
            if start >= self._count or all(
                self._locate(r) is not None for r in range(start, min(start + self._page_size, self._count))
            ):
                continue  # loaded meanwhile, or no longer in the list
            above = self._pages.get(start - self._page_size)
            cursor = above.cursor if above is not None and len(above.payments) == self._page_size else None
            page = await self._current(generation, self._read(query, start, cursor))
            if page is None:
                return
            self._store(start, page)
            shown = len(page.payments)
            if shown:
                last = min(start + shown, self._count) - 1
                if last >= start:
                    self.dataChanged.emit(self.index(start, 0), self.index(last, self.columnCount() - 1))
            self.page_loaded.emit(shown)
        self._task = None
        self.loading_changed.emit(False)

    async def load_row(self, row: int) -> Payment | None:
        """Read the page holding ``row`` now if it is not loaded (Home/End, a located payment)."""
        if not 0 <= row < self._count:
            return None
        found = self.payment_at(row)
        if found is not None:
            return found
        self._want(row)
        while self.is_loading and self._task is not None:
            await asyncio.shield(self._task)
            found = self.payment_at(row)
            if found is not None:
                return found
        return self.payment_at(row)

    # -- live updates ----------------------------------------------------------------------------

    def apply_update(self, payment: Payment) -> None:
        """A payment changed or appeared: a loaded row shows it; a new one that matches joins."""
        row = self.row_of_id(payment.id)
        if row is not None:
            found = self._locate(row)
            assert found is not None
            if found[0].payments[found[1]].status is not payment.status:
                self.recheck_attention(payment.id)  # an outcome settled: it may need no one now
            found[0].payments[found[1]] = payment
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return
        if not self._filter.matches(payment, open_operation=payment.id in self._open):
            if self._filter.needs_attention and replace(self._filter, needs_attention=False).matches(payment):
                self.requery()  # a difference with the bank, a refused receipt: the store knows (0137)
            return
        if not self._counted:
            if self.is_loading:  # the count on its way may or may not include it: look again after
                self._waiting.append(payment)
            return
        new = payment.version <= 1  # just created (every later change bumps the version)
        if self._column is PaymentColumn.TIME and self._descending:
            if self._insert_in_order(payment):
                return
            if new and 0 not in self._pages:
                self._insert_at(0, payment)  # the newest of all: it goes on top, unseen
                return
        if new:
            self.requery()  # where it goes in this order is the database's to say
        # An older payment not loaded that now matches (a filter it did not match): its place is
        # among rows not read, which show it as it is when read; the count follows at the next
        # re-read (F5, a filter or a sort), as a row that stops matching stays until then.

    def _insert_in_order(self, payment: Payment) -> bool:
        """Newest first: put ``payment`` in a loaded page whose time range holds it (or on top of the
        list), moving the rows below down one. False when no loaded page can say where it goes."""
        key = order_key(payment)
        if self._count == 0:
            self._insert_at(0, payment)
            return True
        for page in self._pages.values():
            if not page.payments:
                continue
            keys = [order_key(p) for p in page.payments]
            if (page.start == 0 and key < keys[0]) or keys[0] < key < keys[-1]:
                self._insert_at(page.start + bisect.bisect_left(keys, key), payment)
                return True
        return False

    def _insert_at(self, row: int, payment: Payment) -> None:
        """Insert ``payment`` at ``row``; pages below it move down one (its own page takes it; with no
        page there the row is read from the database like any other)."""
        self.beginInsertRows(ROOT, row, row)
        moved: OrderedDict[int, _Page] = OrderedDict()
        placed = False
        for start, page in self._pages.items():
            if start <= row <= start + len(page.payments) and not placed and (start < row or start == 0):
                page.payments.insert(row - start, payment)
                moved[start] = page
                placed = True
            elif start >= row:
                moved[start + 1] = replace(page, start=start + 1)
            else:
                moved[start] = page
        if not placed and self._count == 0:  # the list was empty: it is the whole list
            moved[0] = _Page(0, [payment], None)
        self._pages = moved
        self._count += 1
        self.endInsertRows()

    def apply_operation_update(self, op: MoneyOp) -> None:
        """A money operation changed: its payment's row shows "Checking…" / "Needs review" while it
        waits, and its status again once the operation is settled."""
        known = self._open.get(op.payment_id)
        if not op.state.is_unresolved:
            self.recheck_attention(op.payment_id)  # settled: its payment may need no one now
        if op.state in _MARKED:
            self._open[op.payment_id] = op
        elif known is not None and known.id == op.id:
            del self._open[op.payment_id]
        else:
            return
        row = self.row_of_id(op.payment_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        elif op.state in _MARKED and self._filter.needs_attention:
            self.requery()  # the payment now needs attention: it joins without F5

    def apply_fiscal_update(self, record: FiscalRecord) -> None:
        """A payment's fiscal receipt was written or answered: filtered to Needs attention, a listed
        payment's receipt registered may take it out, one refused for a person may bring it in."""
        self.recheck_attention(record.payment_id, may_join=record.state is FiscalState.NEEDS_PERSON)

    def recheck_attention(self, payment_id: int, *, may_join: bool = False) -> None:
        """Filtered to Needs attention: whether ``payment_id`` needs a person may have changed (the store
        says, a Payment alone cannot). A listed one (or, ``may_join``, any) makes the list read itself
        again where it stands, soon and once for a burst; the view keeps its selected payment (0151)."""
        if self._filter.needs_attention and (may_join or self.row_of_id(payment_id) is not None):
            self._recheck.start()

    def _recheck_now(self) -> None:
        if not self._filter.needs_attention:
            return
        if self.is_loading and not self._counted:  # a reset's count may have read before the change
            self._recheck.start()
            return
        self.requery()

    # -- Qt model API ----------------------------------------------------------------------------

    def row_total(self) -> int:
        return self._count

    def header_text(self, section: int) -> str:
        return QCoreApplication.translate("PaymentsTableModel", HEADERS[PaymentColumn(section)])

    def header_alignment(self, section: int) -> Qt.AlignmentFlag:
        return alignment(PaymentColumn(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < self._count:
            return None
        found = self._locate(index.row())
        column = _COLUMNS[index.column()]
        if found is None:
            if role == _DISPLAY:
                self._want(index.row())
                if column is PaymentColumn.TIME:
                    return QCoreApplication.translate("PaymentsView", "Loading…")
                return ""
            return alignment(column) if role == _ALIGNMENT else None
        page, at = found
        if page.start in self._pages:
            self._pages.move_to_end(page.start)
        payment = page.payments[at]
        open_op = self._open.get(payment.id)
        if role == _DISPLAY:
            return display_text(payment, column, self._cashier_name, open_op)
        if role == KeyRole:
            return payment.invoice_id
        if role == BadgeRole and column is PaymentColumn.STATUS:
            return row_badge(payment, open_op)
        if role == RecordRole:
            return payment
        if role == _ALIGNMENT:
            return alignment(column)
        if role == _TOOLTIP:
            return self._tooltip(payment, column, open_op)
        return None

    def _tooltip(self, payment: Payment, column: PaymentColumn, open_op: MoneyOp | None) -> str | None:
        if column is PaymentColumn.AMOUNT:
            split = charge_split(payment)
            return split.text() if split is not None else None
        if column is not PaymentColumn.STATUS:
            return None
        # the status's words always (a long one is cut short in the badge), with the bank's reason
        label = status_label(payment.status)
        reason = bank_reason_text(payment)  # why it failed in plain words (the bank's own: the detail)
        lines = [f"{label}: {reason}" if reason else label]
        badge = operation_badge(open_op.state) if open_op is not None else None
        if open_op is not None and badge is not None:
            lines.append(
                QCoreApplication.translate("PaymentsTableModel", "{operation} of {amount}: {state}").format(
                    operation=op_kind_label(open_op.kind), amount=open_op.amount.format(), state=badge.text
                )
            )
        return "\n".join(lines)
