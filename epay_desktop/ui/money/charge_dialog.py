"""Charge a held (AUTH) payment: all that is held, or part of it (at most the held amount)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain.rules import held_amount
from epay_desktop.ui.money.money_dialog import MoneyOpDialog
from epay_desktop.ui.widgets.money_edit import MoneyEdit
from epay_desktop.ui.widgets.status_badge import status_label

__all__ = ["ChargeDialog"]


class ChargeDialog(MoneyOpDialog):
    """``await ChargeDialog.ask(parent, view, actor, operations=..., users=...) -> MoneyOp | None``."""

    KIND = OpKind.CHARGE

    def build(self) -> None:
        self.setWindowTitle(self.title_for(self.tr("Charge a held payment")))
        self.held: Money = held_amount(self.payment)
        held_label = self.amount_label("held_label", self.held.format())
        full_text = self.tr("All that is held ({amount})").format(amount=self.held.format())
        partial_row = self.full_or_part(full_text, self.tr("Part of it"), MoneyEdit(self, maximum=self.held))
        note = QLabel(self.tr("Whatever is not charged goes back to the customer's card."))
        note.setWordWrap(True)
        self.body.addRow(self.tr("Held on the card"), held_label)
        self.body.addRow(self.tr("Charge"), self.full_radio)
        self.body.addRow("", partial_row)
        self.body.addRow(note)

    def retranslate(self) -> None:
        self.full_radio.setText(self.tr("All that is held ({amount})").format(amount=self.held.format()))
        super().retranslate()

    def refusal(self) -> str:
        if self.payment.status is not ConsoleStatus.AUTH:
            return self.tr(
                "Only a held (authorised) payment can be charged; this one is \u201c{status}\u201d."
            ).format(status=status_label(self.payment.status))
        return super().refusal()

    def amount(self) -> Money | None:
        return self.chosen_amount(self.held)

    def input_problem(self) -> str:
        return self.part_problem()

    def ok_text(self, amount: Money | None) -> str:
        return self.tr("Charge {amount}").format(amount=amount.format()) if amount else self.tr("Charge")

    def unknown_text(self) -> str:
        return self.tr("Checking with the bank \u2014 the charge will not be sent twice.")

    def inputs(self) -> list[QWidget]:
        return self.choice_inputs() + super().inputs()

    async def send(self, amount: Money, approval_id: str | None) -> MoneyOp:
        # the full amount goes as None ("all that is held"): the gateway's own held amount decides
        full = amount == self.held and self.full_radio.isChecked()
        return await self._operations.charge(
            self.actor, self.payment.invoice_id, None if full else amount, approval_id=approval_id
        )
