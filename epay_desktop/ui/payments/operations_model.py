"""A payment's money operations (charge, cancel, refund) as a small table, oldest first.

The detail panel loads them from ``PaymentView.operations`` and passes live
``operation_updated`` signals to :meth:`OperationsModel.apply_update`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt

from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.roles import BadgeRole
from epay_desktop.ui.common.roles import KeyRole
from epay_desktop.ui.common.roles import RecordRole
from epay_desktop.ui.common.roles import SortRole
from epay_desktop.ui.common.table_model import ROOT
from epay_desktop.ui.common.table_model import ColumnsModel
from epay_desktop.ui.common.table_model import Index
from epay_desktop.ui.common.table_model import cell_alignment
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP
from epay_desktop.ui.widgets.status_badge import Badge
from epay_desktop.ui.widgets.status_badge import Tone

__all__ = ["OperationColumn", "OperationsModel", "op_kind_label", "op_state_badge", "op_state_label"]

_CONTEXT = "Operations"


class OperationColumn(IntEnum):
    TIME = 0
    KIND = 1
    AMOUNT = 2
    STATE = 3
    BY = 4
    NOTE = 5


_HEADERS = {
    OperationColumn.TIME: QT_TRANSLATE_NOOP("Operations", "Time"),
    OperationColumn.KIND: QT_TRANSLATE_NOOP("Operations", "Operation"),
    OperationColumn.AMOUNT: QT_TRANSLATE_NOOP("Operations", "Amount"),
    OperationColumn.STATE: QT_TRANSLATE_NOOP("Operations", "Result"),
    OperationColumn.BY: QT_TRANSLATE_NOOP("Operations", "By"),
    OperationColumn.NOTE: QT_TRANSLATE_NOOP("Operations", "Note"),
}
_KINDS = {
    OpKind.CHARGE: QT_TRANSLATE_NOOP("Operations", "Charge"),
    OpKind.CANCEL: QT_TRANSLATE_NOOP("Operations", "Cancellation"),
    OpKind.REFUND: QT_TRANSLATE_NOOP("Operations", "Refund"),
}
_STATES: dict[OpState, tuple[str, Tone]] = {
    OpState.SENDING: (QT_TRANSLATE_NOOP("Operations", "Sending…"), Tone.GREY),
    OpState.SUCCEEDED: (QT_TRANSLATE_NOOP("Operations", "Done"), Tone.GREEN),
    OpState.FAILED: (QT_TRANSLATE_NOOP("Operations", "Not done"), Tone.RED),
    OpState.UNKNOWN: (QT_TRANSLATE_NOOP("Operations", "Checking…"), Tone.PURPLE),
    OpState.NEEDS_REVIEW: (QT_TRANSLATE_NOOP("Operations", "Needs a manager"), Tone.PINK),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def op_kind_label(kind: OpKind) -> str:
    return _tr(_KINDS[OpKind(kind)])


def op_state_label(state: OpState) -> str:
    return _tr(_STATES[OpState(state)][0])


def op_state_badge(state: OpState) -> Badge:
    return Badge(op_state_label(state), _STATES[OpState(state)][1])


def _order(op: MoneyOp) -> tuple[Any, str]:
    return (op.created_at, op.id)


def _default_user(user_id: int | None) -> str:
    return "" if user_id is None else f"#{user_id}"


class OperationsModel(ColumnsModel):
    """Operations of one payment; ``user_name(user_id)`` names requesters and approvers."""

    columns = OperationColumn

    def __init__(
        self, *, user_name: Callable[[int | None], str] = _default_user, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._user_name = user_name
        self._payment_id: int | None = None
        self._ops: list[MoneyOp] = []

    @property
    def payment_id(self) -> int | None:
        return self._payment_id

    def operation_at(self, row: int) -> MoneyOp:
        return self._ops[row]

    def set_operations(self, payment_id: int | None, ops: Sequence[MoneyOp]) -> None:
        """Show ``ops`` of payment ``payment_id`` (None: show nothing)."""
        self.beginResetModel()
        self._payment_id = payment_id
        self._ops = sorted((op for op in ops if op.payment_id == payment_id), key=_order)
        self.endResetModel()

    def apply_update(self, op: MoneyOp) -> None:
        """An operation of the shown payment changed or started; others are ignored."""
        if op.payment_id != self._payment_id:
            return
        for row, known in enumerate(self._ops):
            if known.id == op.id:
                self._ops[row] = op
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(OperationColumn) - 1))
                return
        row = bisect.bisect_right(self._ops, _order(op), key=_order)
        self.beginInsertRows(ROOT, row, row)
        self._ops.insert(row, op)
        self.endInsertRows()

    # -- Qt model API ----------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._ops)

    def header_text(self, section: int) -> str:
        return _tr(_HEADERS[OperationColumn(section)])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ops):
            return None
        op = self._ops[index.row()]
        column = OperationColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(op, column)
        if role == KeyRole:
            return op.id
        if role == SortRole:
            return self._sort_value(op, column)
        if role == BadgeRole and column is OperationColumn.STATE:
            return op_state_badge(op.state)
        if role == RecordRole:
            return op
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return cell_alignment(column is OperationColumn.AMOUNT)
        return None

    def _display(self, op: MoneyOp, column: OperationColumn) -> str:
        match column:
            case OperationColumn.TIME:
                return local_time_text(op.created_at)
            case OperationColumn.KIND:
                return op_kind_label(op.kind)
            case OperationColumn.AMOUNT:
                return op.amount.format()
            case OperationColumn.STATE:
                return op_state_label(op.state)
            case OperationColumn.BY:
                by = self._user_name(op.requested_by)
                if op.approved_by is not None:
                    by = _tr("{requester}, approved by {approver}").format(
                        requester=by, approver=self._user_name(op.approved_by)
                    )
                return by
            case OperationColumn.NOTE:
                return op.gateway_message or op.reason or ""
        return ""

    def _sort_value(self, op: MoneyOp, column: OperationColumn) -> Any:
        if column is OperationColumn.TIME:
            return op.created_at.timestamp()
        if column is OperationColumn.AMOUNT:
            return op.amount.minor
        return self._display(op, column)
