"""Cancel a held (AUTH) payment: the whole hold is released; nothing is charged."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain.rules import held_amount
from epay_desktop.ui.money.money_dialog import MoneyOpDialog
from epay_desktop.ui.widgets.status_badge import status_label

__all__ = ["CancelDialog"]


class CancelDialog(MoneyOpDialog):
    """``await CancelDialog.ask(parent, view, actor, operations=..., users=...) -> MoneyOp | None``."""

    KIND = OpKind.CANCEL

    def build(self) -> None:
        self.setWindowTitle(self.title_for(self.tr("Cancel a held payment")))
        self.held: Money = held_amount(self.payment)
        held_label = self.amount_label("held_label", self.held.format())
        self.confirm_label = confirm = QLabel(self._confirm_text())
        confirm.setObjectName("confirm_label")
        confirm.setWordWrap(True)
        self.body.addRow(self.tr("Held on the card"), held_label)
        self.body.addRow(confirm)

    def _confirm_text(self) -> str:
        return self.tr(
            "The whole hold of {amount} is released to the customer's card. Nothing is charged, "
            "and this cannot be undone."
        ).format(amount=self.held.format())

    def retranslate(self) -> None:
        self.confirm_label.setText(self._confirm_text())
        super().retranslate()

    def refusal(self) -> str:
        if self.payment.status is not ConsoleStatus.AUTH:
            hint = ""
            if self.payment.status is ConsoleStatus.CHARGE:
                hint = " " + self.tr("A paid payment is refunded instead.")
            return (
                self.tr(
                    "Only a held (authorised) payment can be cancelled; this one is \u201c{status}\u201d."
                ).format(status=status_label(self.payment.status))
                + hint
            )
        return super().refusal()

    def amount(self) -> Money | None:
        return self.held

    def ok_text(self, amount: Money | None) -> str:
        return (
            self.tr("Release {amount}").format(amount=amount.format())
            if amount
            else self.tr("Release the hold")
        )

    def unknown_text(self) -> str:
        return self.tr("Checking with the bank \u2014 the cancellation will not be sent twice.")

    async def send(self, amount: Money, approval_id: str | None) -> MoneyOp:
        return await self._operations.cancel(self.actor, self.payment.invoice_id, approval_id=approval_id)
