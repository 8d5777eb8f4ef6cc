"""Charge a held (AUTH) payment: all that is held, or part of it (at most the held amount)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from epay_desktop.domain import ConsoleStatus, Money, MoneyOp, OpKind, User
from epay_desktop.domain.rules import held_amount
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.money.money_dialog import MoneyOpDialog
from epay_desktop.ui.ports import MoneyOperationsPort, PaymentViewLike, UserPort
from epay_desktop.ui.widgets.money_edit import MoneyEdit
from epay_desktop.ui.widgets.status_badge import status_label

__all__ = ["ChargeDialog"]


class ChargeDialog(MoneyOpDialog):
    """``await ChargeDialog.ask(parent, view, actor, operations=..., users=...) -> MoneyOp | None``."""

    KIND = OpKind.CHARGE

    def __init__(
        self,
        parent: QWidget | None,
        view: PaymentViewLike,
        actor: User,
        operations: MoneyOperationsPort,
        users: UserPort,
    ) -> None:
        super().__init__(parent, view, actor, operations, users)
        self.setWindowTitle(self.title_for(self.tr("Charge a held payment")))
        self.held: Money = held_amount(self.payment)
        held_label = named(QLabel(self.held.format()), "held_label")
        held_label.setStyleSheet("QLabel { font-weight: 700; font-size: 15px; }")
        full_text = self.tr("All that is held ({amount})").format(amount=self.held.format())
        self.full_radio = named(QRadioButton(full_text), "full_radio")
        self.partial_radio = named(QRadioButton(self.tr("Part of it")), "partial_radio")
        self.full_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.full_radio)
        group.addButton(self.partial_radio)
        self.amount_edit = MoneyEdit(self, maximum=self.held)
        self.amount_edit.setObjectName("amount_edit")
        self.amount_edit.setEnabled(False)
        partial_row = QWidget()
        row = QHBoxLayout(partial_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.partial_radio)
        row.addWidget(self.amount_edit, 1)
        note = QLabel(self.tr("Whatever is not charged goes back to the customer's card."))
        note.setWordWrap(True)
        self.body.addRow(self.tr("Held on the card"), held_label)
        self.body.addRow(self.tr("Charge"), self.full_radio)
        self.body.addRow("", partial_row)
        self.body.addRow(note)
        self.partial_radio.toggled.connect(self._on_partial_toggled)
        self.amount_edit.value_changed.connect(lambda _v: self.update_state())

    def retranslate(self) -> None:
        self.full_radio.setText(self.tr("All that is held ({amount})").format(amount=self.held.format()))
        super().retranslate()

    def _on_partial_toggled(self, partial: bool) -> None:
        self.amount_edit.setEnabled(partial)
        if partial:
            self.amount_edit.setFocus()
        self.update_state()

    def refusal(self) -> str:
        if self.payment.status is not ConsoleStatus.AUTH:
            return self.tr(
                "Only a held (authorised) payment can be charged; this one is \u201c{status}\u201d."
            ).format(status=status_label(self.payment.status))
        return super().refusal()

    def amount(self) -> Money | None:
        return self.amount_edit.value() if self.partial_radio.isChecked() else self.held

    def input_problem(self) -> str:
        if self.partial_radio.isChecked() and self.amount_edit.value() is None:
            return self.amount_edit.error_text()
        return ""

    def ok_text(self, amount: Money | None) -> str:
        return self.tr("Charge {amount}").format(amount=amount.format()) if amount else self.tr("Charge")

    def unknown_text(self) -> str:
        return self.tr("Checking with the bank \u2014 the charge will not be sent twice.")

    def inputs(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.full_radio, self.partial_radio]
        if self.partial_radio.isChecked():
            widgets.append(self.amount_edit)
        return widgets + super().inputs()

    async def send(self, amount: Money, approval_id: str | None) -> MoneyOp:
        # the full amount goes as None ("all that is held"): the gateway's own held amount decides
        full = amount == self.held and self.full_radio.isChecked()
        return await self._operations.charge(
            self.actor, self.payment.invoice_id, None if full else amount, approval_id=approval_id
        )
