"""What refund, charge and cancel dialogs share: the payment header, the manager approval for a
cashier, OK that explains why it is disabled, one run per click, errors in plain words inside.

The window title names the operation, the payment's invoice and amount (the payment is the one
the flow fetched fresh from the service). Messages appear BELOW the inputs and the dialog grows
to fit them: no input moves or shrinks when an error or hint comes or goes.

Outcomes of the operation (the service returns the MoneyOp as it stands):
SUCCEEDED closes the dialog with it; FAILED (the bank said no) shows the bank's reason and stays
open; UNKNOWN / NEEDS_REVIEW / SENDING show "Checking with the bank -- it will not be sent twice"
and the dialog closes with that result. Errors raised before anything was sent (rules, approval,
permission, stale remaining amount) show inside the dialog. Where the shop works in shifts and this
register has none open, the dialog says so as its refusal when it opens, and asks again before a
manager approves and before anything is sent (decision 0132).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from typing import Any
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Money
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import Payment
from epay_desktop.domain import User
from epay_desktop.domain.shifts import ShiftRequired
from epay_desktop.services.money_ops.engine import OutcomeNotRecorded
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.formatting import card_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.common.screen_fit import needed_height
from epay_desktop.ui.common.work_dialog import WorkDialog
from epay_desktop.ui.money.approval_widget import ApprovalWidget
from epay_desktop.ui.widgets.money_edit import MoneyEdit
from epay_desktop.ui.widgets.status_badge import StatusBadge

if TYPE_CHECKING:
    from epay_desktop.services.money_ops.operations import MoneyOperations
    from epay_desktop.services.payments.queries import PaymentView
    from epay_desktop.services.people.users import UserService

__all__ = ["MoneyOpDialog"]

D = TypeVar("D", bound="MoneyOpDialog")
_UNKNOWN_STYLE = "unknown_outcome"  # the theme's style of "Checking with the bank"


#: The narrowest a money dialog gets; a longer title widens it (:meth:`MoneyOpDialog.showEvent`).
MIN_WIDTH = 440
#: What a title bar takes besides the title: its buttons (menu, minimise, maximise, close) and margins.
TITLE_BAR_EXTRA = 4 * 24 + 24


class MoneyOpDialog(WorkDialog[MoneyOp]):
    """Base of the three money dialogs; subclasses add their inputs (:meth:`build`) and the hooks."""

    KIND: OpKind = OpKind.REFUND
    #: "All of it" / "part of it: [amount]", for the dialogs that offer the choice (:meth:`full_or_part`).
    full_radio: QRadioButton
    partial_radio: QRadioButton
    amount_edit: MoneyEdit

    def __init__(
        self,
        parent: QWidget | None,
        view: PaymentView,
        actor: User,
        operations: MoneyOperations,
        users: UserService,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.payment: Payment = view.payment
        self.actor = actor
        self._operations = operations
        self._users = users
        self._refocus_pin = False
        self._unknown_said: Callable[[], str] | None = None  # why the outcome is unknown, when not the bank
        self._no_shift: Callable[[], str] | None = None  # the shop's rules want an open shift here (0132)
        self.setMinimumWidth(MIN_WIDTH)
        self.body = QFormLayout()
        self.approval = None if actor.role.can_move_money else ApprovalWidget(self)
        self.buttons = QDialogButtonBox()
        self.ok_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok_button")
        self.cancel_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        self._header()
        layout.addLayout(self.body)
        if self.approval is not None:
            layout.addWidget(self.approval)
            self.approval.changed.connect(self.update_state)
            self.approval.error_changed.connect(self._fit_height)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)  # spare height goes here, never into (or between) the inputs above
        layout.addWidget(self.buttons)
        on_language_change(self, self.retranslate)  # a switch while open (behind the lock screen too)
        self.build()

    def build(self) -> None:
        """Hook: add the operation's title and inputs to ``self.body`` (called once, last in __init__)."""
        raise NotImplementedError

    def amount_label(self, name: str, text: str = "") -> QLabel:
        """The amount the operation is about (held, remaining), in bold."""
        label = named(QLabel(text), name)
        label.setStyleSheet("QLabel { font-weight: 700; font-size: 15px; }")
        return label

    def full_or_part(self, full_text: str, part_text: str, amount_edit: MoneyEdit) -> QWidget:
        """Make ``full_radio`` (checked), ``partial_radio`` and ``amount_edit`` (enabled with "part");
        returns the row "part of it: [amount]" to add under the full choice."""
        self.full_radio = named(QRadioButton(full_text), "full_radio")
        self.partial_radio = named(QRadioButton(part_text), "partial_radio")
        self.full_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.full_radio)
        group.addButton(self.partial_radio)
        self.amount_edit = named(amount_edit, "amount_edit")
        amount_edit.setEnabled(False)
        partial_row = QWidget()
        row = QHBoxLayout(partial_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.partial_radio)
        row.addWidget(amount_edit, 1)
        self.partial_radio.toggled.connect(self._on_partial_toggled)
        amount_edit.value_changed.connect(lambda _v: self.update_state())
        return partial_row

    def _on_partial_toggled(self, partial: bool) -> None:
        self.amount_edit.setEnabled(partial)
        if partial:
            self.amount_edit.setFocus()
        self.update_state()

    def chosen_amount(self, full: Money) -> Money | None:
        """``full``, or the part typed (None while it is not valid)."""
        return self.amount_edit.value() if self.partial_radio.isChecked() else full

    def part_problem(self) -> str:
        """Why the part typed is not valid ('' when "all of it" is chosen or the part is fine)."""
        if self.partial_radio.isChecked() and self.amount_edit.value() is None:
            return self.amount_edit.error_text()
        return ""

    def choice_inputs(self) -> list[QWidget]:
        """The full/part choice's widgets that take input now."""
        widgets: list[QWidget] = [self.full_radio, self.partial_radio]
        if self.partial_radio.isChecked():
            widgets.append(self.amount_edit)
        return widgets

    def showEvent(self, event: QShowEvent) -> None:
        """Wide enough for a window manager's title bar to show the whole title (invoice and amount):
        it draws it in bold, with the application's name after it, and elides the middle otherwise."""
        font = QFont(self.font())
        font.setBold(True)
        shown = f"{self.windowTitle()} \u2014 {QApplication.applicationDisplayName()}"
        self.setMinimumWidth(max(MIN_WIDTH, QFontMetrics(font).horizontalAdvance(shown) + TITLE_BAR_EXTRA))
        super().showEvent(event)

    def title_for(self, operation: str) -> str:
        """``Refund — invoice 275079626, 12 500,00 ₸``: what is done to which payment."""
        self._operation = operation  # the title is made again in a new language (retranslate)
        return self.tr("{operation} \u2014 invoice {invoice}, {amount}").format(
            operation=operation, invoice=self.payment.invoice_id.value, amount=self.payment.amount.format()
        )

    def _fit_height(self) -> None:
        """Grow (never shrink) to the height the layout needs at the current width: a wrapped message
        gets its lines and every input keeps its height."""
        need = needed_height(self)  # None only while __init__ is still building the layout
        if need is not None and self.height() < need:
            self.resize(self.width(), need)

    def _header(self) -> None:
        badge = StatusBadge()
        badge.set_status(self.payment.status)
        badge_row = QHBoxLayout()
        badge_row.addWidget(badge)
        badge_row.addStretch(1)
        invoice = QLabel(self.payment.invoice_id.value)
        invoice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addRow(self.tr("Invoice"), invoice)
        self.body.addRow(self.tr("Status"), badge_row)
        card = card_text(self.payment.card_mask)
        if card:
            self.body.addRow(self.tr("Card"), QLabel(card))

    def retranslate(self) -> None:
        """After a language switch: the texts composed with amounts and names, in the new words
        (the plain ones are translated by ui/common/language.py); subclasses add their own."""
        operation = getattr(self, "_operation", "")
        if operation:
            self.setWindowTitle(self.title_for(translations().translated(operation) or operation))
        error = getattr(self, "_error_text", "")
        if callable(error) and not self.error_label.isHidden():
            self.error_label.setText(error())
        if self.ok_button.isHidden():  # only Close is left (the outcome is being checked)
            self.cancel_button.setText(self.tr("Close"))
        self.update_state()  # OK's label (Qt's own LanguageChange puts "OK" back) and the hint

    # -- hooks for subclasses --------------------------------------------------------------------

    def refusal(self) -> str:
        """Why this operation is not possible at all for this payment ('' when it is)."""
        if self._no_shift is not None:
            return self._no_shift()
        unresolved = any(op.state.is_unresolved for op in self.view.operations)
        if unresolved:
            return self.tr(
                "Another operation on this payment is still being checked with the bank. Wait for it."
            )
        return ""

    def amount(self) -> Money | None:
        """The amount to send, or None while the input is not valid."""
        raise NotImplementedError

    def input_problem(self) -> str:
        """Why the input is not valid yet ('' when it is)."""
        return ""

    def ok_text(self, amount: Money | None) -> str:
        raise NotImplementedError

    def unknown_text(self) -> str:
        raise NotImplementedError

    async def send(self, amount: Money, approval_id: str | None) -> MoneyOp:
        raise NotImplementedError

    def handle_error(self, exc: BaseException, message: str) -> None:
        """Show a refusal raised before sending; subclasses may adjust their inputs first."""
        self.show_error(lambda: user_message_of(exc) or message)  # said again in a new language

    # -- state -----------------------------------------------------------------------------------

    def show_error(self, message: str | Callable[[], str]) -> None:
        """Say ``message`` under the inputs ('' hides it); a function is asked again after a switch."""
        self._error_text = message
        text = message() if callable(message) else message
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self._fit_height()

    def update_state(self) -> None:
        """Enable OK only for valid input, and say why it is disabled."""
        if self.result_value is not None:
            return
        refusal = self.refusal()
        problem = refusal or self.input_problem()
        if not problem and self.approval is not None:
            problem = self.approval.missing_text()
        amount = None if refusal else self.amount()
        self.ok_button.setText(self.ok_text(amount))
        self.ok_button.setEnabled(not problem and not self.busy)
        self.ok_button.setToolTip(problem)
        self.hint_label.setText(problem)
        # after a refused approval its own error says what to do; the hint would only repeat it
        box = self.approval
        repeats = box is not None and box.has_error() and problem == box.missing_text()
        self.hint_label.setVisible(bool(problem) and not repeats)
        for widget in self.inputs():
            widget.setEnabled(not refusal and not self.busy)
        self._fit_height()

    def inputs(self) -> list[QWidget]:
        """Widgets to disable while the operation runs (or when it is not possible)."""
        return [self.approval] if self.approval is not None else []

    # -- the one action --------------------------------------------------------------------------

    def submit(self) -> None:
        """Run the operation once: a second click (or Enter) while it runs does nothing."""
        amount = self.amount()
        if self.busy or not self.ok_button.isEnabled() or amount is None:
            return
        self.cancel_button.setEnabled(False)
        self.start(self._run(amount))

    async def _run(self, amount: Money) -> None:
        op: MoneyOp | None = None
        try:
            if not await self.shift_open():  # before a manager approves: no approval given in vain
                return
            approval_id = None
            if self.approval is not None:
                approval_id = await self._approve(amount)
                if approval_id is None:
                    return
            op = await self.send(amount, approval_id)
        except OutcomeNotRecorded as exc:  # sent, its answer not in the books: an unknown outcome (0070)
            op, not_recorded, said = exc.op, exc, exc.user_message
            self._unknown_said = lambda: user_message_of(not_recorded) or said
        except Exception as exc:
            message = user_message_of(exc)
            if message is None:
                raise
            if shiboken6.isValid(self):
                self.handle_error(exc, message)
        finally:
            if shiboken6.isValid(self):
                self.cancel_button.setEnabled(True)
                if op is not None:
                    self._finish(op)
                self.work_ended()
                if self._refocus_pin and self.approval is not None:  # enabled again by update_state
                    self._refocus_pin = False
                    self.approval.focus_pin()

    async def shift_open(self) -> bool:
        """Whether the operation may run as far as the shop's shift rule goes; else the refusal says
        to open a shift first (Shift > Open shift), OK stays disabled and nothing is asked or sent."""
        try:
            await self._operations.require_shift(self.payment.invoice_id, self.KIND)
        except ShiftRequired as exc:
            refused, said = exc, user_message_of(exc) or str(exc)
            self._no_shift = lambda: user_message_of(refused) or said  # said again in a new language
            return False
        self._no_shift = None
        return True

    async def _approve(self, amount: Money) -> str | None:
        assert self.approval is not None
        try:
            return await self.approval.approve(
                self._users,
                payment_id=self.payment.id,
                kind=self.KIND,
                amount=amount,
                requested_by=self.actor,
            )
        except Exception as exc:
            message = user_message_of(exc)
            if message is None:
                raise
            refused, said = exc, message

            def again() -> str:  # the refusal in the language now (a switch while it is shown)
                return user_message_of(refused) or said

            if shiboken6.isValid(self):
                self.approval.failed(again)
                self._refocus_pin = True
            return None

    def _finish(self, op: MoneyOp) -> None:
        if op.state is OpState.SUCCEEDED:
            self.close_with(op)
        elif op.state is OpState.FAILED:
            self.show_error(
                lambda: self.tr("The bank refused it: {reason}").format(
                    reason=op.gateway_message or self.tr("no reason given")
                )
            )
        else:  # UNKNOWN, NEEDS_REVIEW, SENDING: never send again; the reconciler settles it
            self.result_value = op
            self.error_label.setStyleSheet(theme.style(_UNKNOWN_STYLE))
            self.show_error(self._unknown_said or self.unknown_text)
            self.ok_button.hide()
            self.hint_label.hide()
            for widget in self.inputs():
                widget.setEnabled(False)
            self.cancel_button.setText(self.tr("Close"))
            self.cancel_button.setDefault(True)
            self.cancel_button.setFocus()

    @classmethod
    async def ask(
        cls: type[D],
        parent: QWidget | None,
        view: PaymentView,
        actor: User,
        *,
        operations: MoneyOperations,
        users: UserService,
        **options: Any,
    ) -> MoneyOp | None:
        """Show the dialog (``open()``); the operation it ran (SUCCEEDED or still being checked), or None."""
        dialog = cls(parent, view, actor, operations, users, **options)
        await dialog.shift_open()  # refused at once, before anyone types a PIN, where a shift is needed
        dialog.update_state()
        return await dialog.answer()
