"""Which receipt to print for a payment that has refunds: the sale's, or one of its refunds'.

Print (Ctrl+P) on a payment with succeeded refunds asks here; the list shows the sale first, then
the refunds newest first. Enter prints the selected one; Esc prints nothing. Whether the receipt
is an original or a duplicate is the service's decision, not this dialog's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import MoneyOp
from epay_desktop.domain import Payment
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.buttons import dialog_buttons
from epay_desktop.ui.common.formatting import local_time_text
from epay_desktop.ui.common.formatting import money_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.naming import named

__all__ = ["ReceiptChoice", "ReceiptChooser"]


@dataclass(frozen=True, slots=True)
class ReceiptChoice:
    """``kind`` for ``ReceiptService.issue_receipt``; ``op`` is the refund (None for the sale)."""

    kind: str
    op: MoneyOp | None = None

    @property
    def money_op_id(self) -> str | None:
        return self.op.id if self.op is not None else None


class ReceiptChooser(QDialog):
    """A small list: "Sale receipt" and each refund; :meth:`ask` is the only entry point."""

    def __init__(self, payment: Payment, refunds: Sequence[MoneyOp], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receipt_chooser")
        self.payment = payment
        self.choice: ReceiptChoice | None = None
        self.label = label = QLabel()
        label.setWordWrap(True)
        self.list = named(QListWidget(self), "receipt_choices")
        self._choices: list[ReceiptChoice] = [ReceiptChoice("sale")]
        self._add("")
        for op in sorted(refunds, key=lambda o: (o.resolved_at or o.created_at, o.id), reverse=True):
            self._choices.append(ReceiptChoice("refund", op))
            self._add("")
        self.retranslate()
        on_language_change(self, self.retranslate)  # a switch while it is open
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons, self.print_button = dialog_buttons(
            self, QDialogButtonBox.StandardButton.Cancel, self.tr("Print"), "choose_print", self.accept
        )
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        """The title, the question and each row, composed in the language now."""
        payment = self.payment
        self.setWindowTitle(
            self.tr("Print which receipt? \u2014 invoice {invoice}, {amount}").format(
                invoice=payment.invoice_id.value, amount=money_text(payment.amount, blank_zero=False)
            )
        )
        self.label.setText(
            self.tr("Payment {invoice} has refunds. Choose the receipt to print:").format(
                invoice=payment.invoice_id.value
            )
        )
        for row, choice in enumerate(self._choices):
            op = choice.op
            if op is None:
                text = self.tr("Sale receipt: {amount}").format(
                    amount=money_text(payment.amount, blank_zero=False)
                )
            else:
                when = local_time_text(op.resolved_at or op.created_at)
                text = self.tr("Refund receipt: {amount}, {when}").format(
                    amount=money_text(op.amount, blank_zero=False), when=when
                )
            self.list.item(row).setText(text)

    def _add(self, text: str) -> None:
        QListWidgetItem(text, self.list)

    def choices(self) -> list[ReceiptChoice]:
        """What each row stands for, in the order shown."""
        return list(self._choices)

    def accept(self) -> None:
        row = self.list.currentRow()
        self.choice = self._choices[row] if 0 <= row < len(self._choices) else None
        super().accept()

    @classmethod
    async def ask(
        cls, parent: QWidget | None, payment: Payment, refunds: Sequence[MoneyOp]
    ) -> ReceiptChoice | None:
        """Show the list (``open()``, never ``exec()``); the chosen receipt, or None if cancelled."""
        dialog = cls(payment, refunds, parent)
        await run_dialog_once(dialog)
        return dialog.choice
