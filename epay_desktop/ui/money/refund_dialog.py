"""Refund a paid payment, fully or in part, with a reason; a cashier gets a manager's approval in place.

The remaining amount the dialog shows is sent as ``expected_remaining``: if someone else refunded
meanwhile, the service refuses (StaleRemaining) and the dialog shows the new remainder instead
of refunding against a stale screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import StaleRemaining
from epay_desktop.domain.rules import MIN_REFUND_MINOR
from epay_desktop.domain.rules import captured_amount
from epay_desktop.domain.text import FIELD_REASON
from epay_desktop.domain.text import TEXT_MAX_CHARS
from epay_desktop.ui.common.labels import REFUND_REASONS
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.text_input import text_problem
from epay_desktop.ui.money.money_dialog import MoneyOpDialog
from epay_desktop.ui.widgets.money_edit import MoneyEdit
from epay_desktop.ui.widgets.status_badge import status_label

__all__ = ["REASONS", "RefundDialog"]

_CONTEXT = "RefundDialog"

#: (code sent to the service, label), shared with the detail panel's timeline. "other" needs a few words.
REASONS = REFUND_REASONS
MIN_REFUND = Money(MIN_REFUND_MINOR)
_OTHER_PREFIX = "other: "
#: The reason stored is "other: <what was typed>"; the service takes TEXT_MAX_CHARS in all.
_OTHER_MAX_CHARS = TEXT_MAX_CHARS - len(_OTHER_PREFIX)


class RefundDialog(MoneyOpDialog):
    """``await RefundDialog.ask(parent, view, actor, operations=..., users=...) -> MoneyOp | None``."""

    KIND = OpKind.REFUND

    def build(self) -> None:
        self.setWindowTitle(self.title_for(self.tr("Refund")))
        view = self.view
        self.remaining: Money = view.remaining
        self.remaining_label = self.amount_label("remaining_label")
        partial_row = self.full_or_part("", self.tr("Part of it"), MoneyEdit(self, minimum=MIN_REFUND))
        self.reason_combo = named(QComboBox(), "reason_combo")
        for code, label in REASONS:
            self.reason_combo.addItem(self.translate(label), code)
        self.other_edit = named(QLineEdit(), "other_edit")
        self.other_edit.setPlaceholderText(self.tr("Why is the money returned?"))
        self.other_edit.hide()
        self.body.addRow(self.tr("Paid"), QLabel(captured_amount(self.payment).format()))
        self.body.addRow(self.tr("Refunded so far"), QLabel(view.refunded.format()))
        self.body.addRow(self.tr("Remaining"), self.remaining_label)
        self.body.addRow(self.tr("Refund"), self.full_radio)
        self.body.addRow("", partial_row)
        self.body.addRow(self.tr("Reason"), self.reason_combo)
        self.body.addRow("", self.other_edit)
        self._set_remaining(self.remaining)
        self.reason_combo.currentIndexChanged.connect(self._on_reason_changed)
        self.other_edit.textChanged.connect(lambda _t: self.update_state())

    @staticmethod
    def translate(text: str) -> str:
        return QCoreApplication.translate(_CONTEXT, text)

    def retranslate(self) -> None:
        self._set_remaining(self.remaining)
        super().retranslate()

    def _set_remaining(self, remaining: Money) -> None:
        self.remaining = remaining
        self.remaining_label.setText(remaining.format())
        self.full_radio.setText(self.tr("All that remains ({amount})").format(amount=remaining.format()))
        self.amount_edit.set_maximum(remaining)

    def _on_reason_changed(self, _index: int) -> None:
        other = self.reason_combo.currentData() == "other"
        self.other_edit.setVisible(other)
        if other:
            self.other_edit.setFocus()
        self.update_state()

    # -- hooks -----------------------------------------------------------------------------------

    def refusal(self) -> str:
        if self.payment.status is not ConsoleStatus.CHARGE:
            return self.tr("Only a paid payment can be refunded; this one is \u201c{status}\u201d.").format(
                status=status_label(self.payment.status)
            )
        if self.remaining.minor == 0:
            return self.tr("Nothing remains to refund on this payment.")
        if self.remaining < MIN_REFUND:
            return self.tr("Only {amount} remains: the bank refuses refunds below {minimum}.").format(
                amount=self.remaining.format(), minimum=MIN_REFUND.format()
            )
        return super().refusal()

    def amount(self) -> Money | None:
        return self.chosen_amount(self.remaining)

    def input_problem(self) -> str:
        if problem := self.part_problem():
            return problem
        if self.reason_combo.currentData() == "other":
            if not self.other_edit.text().strip():
                return self.tr("Describe the reason for the refund.")
            # refused, not cut, and never a control character (it is printed later: decision 0073)
            return text_problem(self.other_edit.text().strip(), FIELD_REASON, max_chars=_OTHER_MAX_CHARS)
        return ""

    def reason(self) -> str:
        code = str(self.reason_combo.currentData())
        return f"{_OTHER_PREFIX}{self.other_edit.text().strip()}" if code == "other" else code

    def ok_text(self, amount: Money | None) -> str:
        return self.tr("Refund {amount}").format(amount=amount.format()) if amount else self.tr("Refund")

    def unknown_text(self) -> str:
        return self.tr("Checking with the bank \u2014 the refund will not be sent twice.")

    def inputs(self) -> list[QWidget]:
        return [*self.choice_inputs(), self.reason_combo, self.other_edit, *super().inputs()]

    async def send(self, amount: Money, approval_id: str | None) -> MoneyOp:
        return await self._operations.refund(
            self.actor,
            self.payment.invoice_id,
            amount,
            reason=self.reason(),
            expected_remaining=self.remaining,
            approval_id=approval_id,
        )

    def handle_error(self, exc: BaseException, message: str) -> None:
        if isinstance(exc, StaleRemaining):
            self._set_remaining(Money(exc.current_remaining_minor, self.remaining.currency))
        super().handle_error(exc, message)
