"""Needs attention: the payments a person must look at, and what each is waiting for.

A payment is listed when its outcome is UNKNOWN or one of its money operations is UNKNOWN (the
bank's answer was lost; the console keeps checking) or NEEDS_REVIEW (a manager decides). The
list comes from ``PaymentQueries.list_payments(needs_attention=True)``, the same query as the
main list's "Needs attention" filter. Choosing a row (Enter, double-click, Open) returns its
invoice; the main window then shows it in the detail panel, where a manager can Review.
"""

from __future__ import annotations

import asyncio
from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from epay_desktop.domain import ConsoleStatus, InvoiceId, MoneyOp, OpKind, OpState

from ..asyncqt import run_dialog
from ..models.formatting import local_time_text, money_text
from ..ports import PaymentDetailSource, PaymentListSource, PaymentViewLike
from ..widgets.status_badge import status_label
from . import named

__all__ = ["ATTENTION_LIMIT", "AttentionDialog", "attention_text"]

#: The list shows this many payments at most (newest first); the rest after these are settled.
ATTENTION_LIMIT = 200


def _tr(text: str) -> str:
    return QCoreApplication.translate("AttentionDialog", text)


class AttentionSource(PaymentListSource, PaymentDetailSource, Protocol):
    """``PaymentQueries``: the list and each payment's operations."""


def _kind(op: MoneyOp) -> str:
    return {
        OpKind.REFUND: _tr("Refund"),
        OpKind.CANCEL: _tr("Cancel"),
        OpKind.CHARGE: _tr("Charge"),
    }.get(op.kind, str(op.kind.value))


def attention_text(view: PaymentViewLike) -> str:
    """What the payment waits for, in one or two sentences."""
    lines: list[str] = []
    if view.payment.status is ConsoleStatus.UNKNOWN:
        lines.append(_tr("The bank has not confirmed the payment's outcome yet; the console keeps asking."))
    for op in view.operations:
        amount = money_text(op.amount, blank_zero=False)
        if op.state is OpState.NEEDS_REVIEW:
            lines.append(
                _tr("{kind} of {amount}: the bank could not confirm it; a manager must review it.").format(
                    kind=_kind(op), amount=amount
                )
            )
        elif op.state is OpState.UNKNOWN:
            lines.append(
                _tr("{kind} of {amount}: the bank's answer was lost; the console is checking.").format(
                    kind=_kind(op), amount=amount
                )
            )
    return "\n".join(lines) or _tr("Settled meanwhile.")


class AttentionDialog(QDialog):
    """The list; :meth:`ask` loads it and returns the chosen invoice (or None)."""

    def __init__(self, parent: QWidget | None, views: list[PaymentViewLike]) -> None:
        super().__init__(parent)
        self.setObjectName("attention_dialog")
        self.setWindowTitle(_tr("Needs attention ({count})").format(count=len(views)))
        self.resize(760, 420)
        self.chosen: InvoiceId | None = None
        self.tree = named(QTreeWidget(), "attention_list")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [_tr("Invoice"), _tr("Created"), _tr("Amount"), _tr("Status"), _tr("Waiting for")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for view in views:
            p = view.payment
            item = QTreeWidgetItem(
                [
                    p.invoice_id.value,
                    local_time_text(p.created_at),
                    money_text(p.amount, blank_zero=False),
                    status_label(view.status),
                    attention_text(view),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, p.invoice_id)
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self.empty_label = named(
            QLabel(_tr("Nothing needs attention: every payment and operation is settled.")), "empty_label"
        )
        self.empty_label.setVisible(not views)
        self.tree.setVisible(bool(views))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = named(
            self.buttons.addButton(_tr("Open payment"), QDialogButtonBox.ButtonRole.AcceptRole), "open_button"
        )
        self.open_button.setDefault(True)
        self.buttons.accepted.connect(self.open_current)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemActivated.connect(lambda *_: self.open_current())
        self.tree.currentItemChanged.connect(lambda *_: self._update())
        self.hint_label = named(
            QLabel(_tr("Choose a payment to see it; a manager reviews an operation from there.")),
            "hint_label",
        )
        self.hint_label.setVisible(bool(views))  # nothing to choose: the empty text says it all
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label, 1)  # in the list's place, not under a blank gap
        layout.addWidget(self.buttons)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
            self.tree.setFocus()
        self._update()

    def _update(self) -> None:
        self.open_button.setEnabled(self.tree.currentItem() is not None)

    def open_current(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        self.chosen = item.data(0, Qt.ItemDataRole.UserRole)
        self.accept()

    @classmethod
    async def ask(cls, parent: QWidget | None, queries: AttentionSource) -> InvoiceId | None:
        """Load what needs attention, show it; the invoice chosen, or None (closed)."""
        page = await queries.list_payments(needs_attention=True, limit=ATTENTION_LIMIT)
        views = list(await asyncio.gather(*(queries.get_view(p.invoice_id) for p in page.payments)))
        dialog = cls(parent, views)
        try:
            await run_dialog(dialog)
            return dialog.chosen
        finally:
            if shiboken6.isValid(dialog):
                dialog.deleteLater()
