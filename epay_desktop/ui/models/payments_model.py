"""The payment list as a lazily paged table model over frozen Payment snapshots.

Pages come newest first from a :class:`~epay_desktop.ui.ports.PaymentListSource` with a keyset
cursor. ``fetchMore`` never blocks: it starts a task and the rows are inserted when the page
arrives, so a million payments in the database cost only the pages scrolled through. Live
updates (:meth:`PaymentsTableModel.apply_update`) change a loaded row in place or insert a new
payment at its place in the order when it matches the filter; a row that stops matching stays
until the next refresh, so nothing jumps away from under the cashier's pointer.

A payment whose money operation is unresolved (the bank's answer was lost, or a manager must
review it) shows that operation's badge instead of its status, as the user guide promises. The
pages bring the open operations (``open_operations``), and :meth:`apply_operation_update` keeps
them current from the services' OperationUpdated events. With the "Needs attention" filter on, an
operation that starts waiting for a payment the list does not show makes that payment join at its
place at once (the services publish only the operation: the list asks the store for it).
"""

from __future__ import annotations

import asyncio
import bisect
import logging
from collections.abc import Callable, Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from epay_desktop.domain import InvoiceId, MoneyOp, OpState, Payment

from ..asyncqt import spawn, user_message_of
from ..labels import bank_reason_text
from ..ports import PaymentListSource
from ..widgets.status_badge import operation_badge, status_label
from .amounts import charge_split
from .operations_model import op_kind_label
from .payment_columns import (
    HEADERS,
    PaymentColumn,
    alignment,
    display_text,
    order_key,
    row_badge,
    sort_value,
)
from .payment_filter import PaymentFilter
from .roles import BadgeRole, KeyRole, RecordRole, SortRole

__all__ = ["PaymentColumn", "PaymentFilter", "PaymentsTableModel"]

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
#: Operation states the list marks (the store's "needs attention" states).
_MARKED = (OpState.UNKNOWN, OpState.NEEDS_REVIEW)


def _default_cashier(user_id: int | None) -> str:
    return "" if user_id is None else f"#{user_id}"


class PaymentsTableModel(QAbstractTableModel):
    """Loaded pages of the payment list. ``cashier_name(user_id)`` names the Cashier column."""

    loading_changed = Signal(bool)
    page_loaded = Signal(int)  # rows added by the page that just arrived
    load_failed = Signal(str)  # the source's user_message; fetching stops until refresh()

    def __init__(
        self,
        source: PaymentListSource,
        *,
        page_size: int = 100,
        cashier_name: Callable[[int | None], str] = _default_cashier,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._page_size = page_size
        self._cashier_name = cashier_name
        self._filter = PaymentFilter()
        self._rows: list[Payment] = []
        self._ids: set[int] = set()
        self._open: dict[int, MoneyOp] = {}  # payment id -> its UNKNOWN / NEEDS_REVIEW operation
        self._cursor: object | None = None
        self._exhausted = False
        self._error: str | None = None
        self._generation = 0
        self._task: asyncio.Task[None] | None = None
        self._waiting: list[Payment] = []  # new payments announced while a page is in flight
        self._joining: asyncio.Task[None] | None = None  # payments joining "Needs attention"
        self._join_again = False  # another operation started waiting while they were fetched

    # -- state -----------------------------------------------------------------------------------

    @property
    def filter(self) -> PaymentFilter:
        return self._filter

    @property
    def is_loading(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def exhausted(self) -> bool:
        """Every matching payment is loaded."""
        return self._exhausted

    def payment_at(self, row: int) -> Payment:
        return self._rows[row]

    def open_operation(self, payment_id: int) -> MoneyOp | None:
        """The payment's operation that waits for the bank or a manager, if the list knows one."""
        return self._open.get(payment_id)

    def row_of(self, invoice_id: InvoiceId) -> int | None:
        """Row of a loaded payment (a linear scan of the loaded rows), or None."""
        return next((r for r, p in enumerate(self._rows) if p.invoice_id == invoice_id), None)

    def set_filter(self, new_filter: PaymentFilter) -> None:
        """Show payments matching ``new_filter``: forget loaded rows and fetch the first page."""
        self._filter = new_filter
        self.refresh()

    def refresh(self) -> None:
        """Reload from the first page with the current filter (also after a failed page)."""
        self._generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()
            self.loading_changed.emit(False)
        self._task = None
        self.beginResetModel()
        self._rows, self._ids, self._waiting, self._open = [], set(), [], {}
        self._cursor, self._exhausted, self._error = None, False, None
        self.endResetModel()
        self._start_fetch()

    # -- paging ----------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and self._error is None

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if not parent.isValid():
            self._start_fetch()

    async def load_more(self) -> int:
        """Fetch the next page now (or join the fetch in flight); returns the row count after it."""
        task = self._start_fetch()
        if task is not None:
            await asyncio.shield(task)
        return len(self._rows)

    def _start_fetch(self) -> asyncio.Task[None] | None:
        if self.is_loading:
            return self._task
        if self._exhausted or self._error is not None:
            return None
        self._task = spawn(self._fetch_page(self._generation), name="payments-page")
        self.loading_changed.emit(True)
        return self._task

    async def _fetch_page(self, generation: int) -> None:
        try:
            page = await self._source.list_payments(
                **self._filter.query_args(), limit=self._page_size, after=self._cursor
            )
        except Exception as exc:
            if generation != self._generation or not shiboken6.isValid(self):
                return
            self._finish_fetch()
            message = user_message_of(exc)
            if message is None:
                raise
            self._error = message
            self.load_failed.emit(message)
            return
        if generation != self._generation or not shiboken6.isValid(self):
            return  # a newer filter or refresh made this page stale
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        # A source that knows no operations (a test's fake list) leaves ``open_operations`` out.
        opens: Mapping[int, MoneyOp] = getattr(page, "open_operations", None) or {}
        for payment_id, op in opens.items():
            if op.state in _MARKED:
                self._open.setdefault(payment_id, op)  # a live update may already be newer
        new = [p for p in page.payments if p.id not in self._ids]
        if new:
            first = len(self._rows)
            self.beginInsertRows(_ROOT, first, first + len(new) - 1)
            self._rows.extend(new)
            self._ids.update(p.id for p in new)
            self.endInsertRows()
        self._finish_fetch()
        self.page_loaded.emit(len(new))

    def _finish_fetch(self) -> None:
        self._task = None
        waiting, self._waiting = self._waiting, []
        for payment in waiting:
            self.apply_update(payment)
        self.loading_changed.emit(False)

    # -- live updates ----------------------------------------------------------------------------

    def apply_update(self, payment: Payment) -> None:
        """A payment changed or appeared: update its row, or insert it where it belongs if it matches."""
        if payment.id in self._ids:
            row = self._find(payment)
            if row is not None:
                self._rows[row] = payment
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
                return
        if not self._filter.matches(payment, open_operation=payment.id in self._open):
            return
        if self.is_loading:
            self._waiting.append(payment)
            return
        row = bisect.bisect_left(self._rows, order_key(payment), key=order_key)
        if row == len(self._rows) and not self._exhausted:
            return  # older than everything loaded: a later page brings it
        self.beginInsertRows(_ROOT, row, row)
        self._rows.insert(row, payment)
        self._ids.add(payment.id)
        self.endInsertRows()

    def apply_operation_update(self, op: MoneyOp) -> None:
        """A money operation changed: its payment's row shows "Checking…" / "Needs review" while it
        waits, and its status again once the operation is settled."""
        known = self._open.get(op.payment_id)
        if op.state in _MARKED:
            self._open[op.payment_id] = op
        elif known is not None and known.id == op.id:
            del self._open[op.payment_id]
        else:
            return
        row = next((r for r, p in enumerate(self._rows) if p.id == op.payment_id), None)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        elif op.state in _MARKED and self._filter.needs_attention:
            self._join_attention()  # the payment now needs attention: it joins without F5

    def _join_attention(self) -> None:
        """Ask the store for the payments the "Needs attention" list should show now and insert the
        ones it does not show yet at their place (one fetch at a time; a burst of events is one more)."""
        if self._joining is not None and not self._joining.done():
            self._join_again = True
            return
        self._joining = spawn(self._fetch_joining(self._generation), name="payments-attention-join")

    async def _fetch_joining(self, generation: int) -> None:
        while True:
            self._join_again = False
            # as many as are loaded and one more: the new one is then in the result whenever it
            # falls inside the loaded range (an older one comes with a later page, as always)
            limit = max(self._page_size, len(self._rows) + 1)
            try:
                page = await self._source.list_payments(**self._filter.query_args(), limit=limit, after=None)
            except Exception as exc:
                if user_message_of(exc) is None:
                    raise
                log.warning("event=attention_join_failed error=%s", type(exc).__name__)
                return  # the payment joins at the next refresh (F5)
            if generation != self._generation or not shiboken6.isValid(self):
                return  # the filter changed or the list reloaded meanwhile
            opens: Mapping[int, MoneyOp] = getattr(page, "open_operations", None) or {}
            for payment_id, op in opens.items():
                if op.state in _MARKED:
                    self._open.setdefault(payment_id, op)
            for payment in page.payments:
                if payment.id not in self._ids:
                    self.apply_update(payment)
            if not self._join_again:
                return

    def _find(self, payment: Payment) -> int | None:
        row = bisect.bisect_left(self._rows, order_key(payment), key=order_key)
        if row < len(self._rows) and self._rows[row].id == payment.id:
            return row
        # created_at should never change; if it did, fall back to a scan
        return next((r for r, p in enumerate(self._rows) if p.id == payment.id), None)

    # -- Qt model API ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(PaymentColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(PaymentColumn):
            column = PaymentColumn(section)
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("PaymentsTableModel", HEADERS[column])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return alignment(column)
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        # Not super().headerData(): in PySide6 6.12 it over-releases None for invalid results
        # and the process dies later with "none_dealloc" (reproduced with a 20-line script).
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        payment = self._rows[index.row()]
        column = PaymentColumn(index.column())
        open_op = self._open.get(payment.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(payment, column, self._cashier_name, open_op)
        if role == KeyRole:
            return payment.invoice_id
        if role == SortRole:
            return sort_value(payment, column, self._cashier_name, open_op)
        if role == BadgeRole and column is PaymentColumn.STATUS:
            return row_badge(payment, open_op)
        if role == RecordRole:
            return payment
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(column)
        if role == Qt.ItemDataRole.ToolTipRole:
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
