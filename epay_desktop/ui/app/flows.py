"""What the main window's money and receipt commands do: read -> ask (dialog) -> the service -> render.

Each flow is a thin coroutine run by the controller through ``start_action`` (one at a time per
command, errors with a ``user_message`` shown in plain words, anything else to the crash handler).
The dialogs call the services themselves; a flow only fetches what they need and refreshes after.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import Literal

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import MoneyOp
from epay_desktop.domain import OpKind
from epay_desktop.domain import OpState
from epay_desktop.domain import User
from epay_desktop.ui.common.asyncqt import ask_message
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.money.cancel_dialog import CancelDialog
from epay_desktop.ui.money.charge_dialog import ChargeDialog
from epay_desktop.ui.money.money_dialog import MoneyOpDialog
from epay_desktop.ui.money.refund_dialog import RefundDialog
from epay_desktop.ui.receipts.chooser import ReceiptChoice
from epay_desktop.ui.receipts.chooser import ReceiptChooser
from epay_desktop.ui.receipts.preview import ReceiptDialog

if TYPE_CHECKING:
    from epay_desktop.app import AppContext

__all__ = [
    "MONEY_DIALOGS",
    "money_flow",
    "print_flow",
    "refund_receipt_flow",
    "review_flow",
]

Button = QMessageBox.StandardButton
Command = Literal["refund", "cancel", "charge"]

MONEY_DIALOGS: dict[Command, type[MoneyOpDialog]] = {
    "refund": RefundDialog,
    "cancel": CancelDialog,
    "charge": ChargeDialog,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppFlows", text)


async def money_flow(
    command: Command, parent: QWidget, services: AppContext, actor: User, invoice: InvoiceId
) -> MoneyOp | None:
    """Refund / cancel / charge ``invoice`` through its dialog (a cashier's needs a manager in place)."""
    view = await services.queries.get_view(invoice)
    dialog = MONEY_DIALOGS[command]
    return await dialog.ask(parent, view, actor, operations=services.operations, users=services.users)


async def print_flow(
    parent: QWidget, services: AppContext, actor: User, invoice: InvoiceId, printer_name: str = ""
) -> None:
    """Preview a receipt, issued when printed or saved: the sale's, or (when it has succeeded refunds)
    the one the cashier picks in the chooser. A reprint is made a duplicate by the service.
    ``printer_name``: the receipt printer saved in Settings, which Print uses ("" = ask)."""
    view = await services.queries.get_view(invoice)
    refunds = [op for op in view.operations if op.kind is OpKind.REFUND and op.state is OpState.SUCCEEDED]
    choice: ReceiptChoice | None = ReceiptChoice("sale")
    if refunds:
        choice = await ReceiptChooser.ask(parent, view.payment, refunds)
    if choice is not None:
        await _issue_and_preview(parent, services, actor, invoice, choice, printer_name)


async def refund_receipt_flow(
    parent: QWidget,
    services: AppContext,
    actor: User,
    invoice: InvoiceId,
    op: MoneyOp,
    printer_name: str = "",
) -> None:
    """After a refund the bank confirmed: offer its receipt ("Print refund receipt" is the default)."""
    if op.kind is not OpKind.REFUND or op.state is not OpState.SUCCEEDED:
        return

    def title() -> str:
        return _tr("Refund done \u2014 invoice {invoice}, {amount}").format(
            invoice=invoice.value, amount=op.amount.format()
        )

    def text() -> str:
        return _tr(
            "The refund of {amount} on invoice {invoice} is done. Print the refund receipt for the customer?"
        ).format(amount=op.amount.format(), invoice=invoice.value)

    box = QMessageBox(QMessageBox.Icon.Information, title(), text(), Button.NoButton, parent)

    def retranslate() -> None:  # a language switch while the offer is open
        box.setWindowTitle(title())
        box.setText(text())

    on_language_change(box, retranslate)
    box.setObjectName("refund_receipt_offer")
    box.setTextFormat(Qt.TextFormat.PlainText)
    print_button = box.addButton(_tr("Print refund receipt"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(print_button)  # Enter prints
    clicked: list[bool] = []  # read when it finishes: closing the window deletes the box with it
    box.finished.connect(lambda _result: clicked.append(box.clickedButton() is print_button))
    await run_dialog_once(box)
    if clicked and clicked[0] and shiboken6.isValid(parent):
        await _issue_and_preview(parent, services, actor, invoice, ReceiptChoice("refund", op), printer_name)


async def _issue_and_preview(
    parent: QWidget,
    services: AppContext,
    actor: User,
    invoice: InvoiceId,
    choice: ReceiptChoice,
    printer_name: str = "",
) -> None:
    """Preview the chosen receipt; it is issued (numbered, a duplicate if printed before) only when
    the cashier prints or saves it in the dialog (decision 0022). Closing the preview issues nothing."""
    await ReceiptDialog.ask(
        parent,
        services.receipts,
        actor,
        invoice,
        choice.kind,
        money_op_id=choice.money_op_id,
        printer_name=printer_name,
        printing=services.printing,  # the register's thermal printer, when it has one (decision 0109)
    )


async def review_flow(parent: QWidget, services: AppContext, actor: User, op: MoneyOp) -> MoneyOp | None:
    """A manager decides about an operation whose outcome the bank could not confirm."""

    def text() -> str:  # made again after a language switch while the box is open
        what = {OpKind.REFUND: _tr("refund"), OpKind.CANCEL: _tr("cancel"), OpKind.CHARGE: _tr("charge")}
        return _tr(
            "The bank could not confirm whether this {what} of {amount} was applied.\n\n"
            "Retry: the console asks the bank again and re-sends it only if the bank proves it was not "
            "applied (with the same operation id, so it cannot be applied twice).\n"
            "Abandon: mark it as failed; start a new operation if the customer still needs it.\n"
            "Mark applied: the bank's merchant cabinet lists this {what}: mark it as done."
        ).format(what=what[op.kind], amount=op.amount.format())

    chosen = await ask_message(
        parent,
        _tr("Review the operation"),
        text,
        Button.Retry | Button.Abort | Button.Apply | Button.Cancel,
        icon=QMessageBox.Icon.Warning,
        default=Button.Cancel,
        labels={
            Button.Retry: _tr("&Retry"),
            Button.Abort: _tr("A&bandon"),
            Button.Apply: _tr("&Mark applied"),
        },
    )
    if chosen == Button.Retry:
        return await services.operations.review(actor, op.id, "retry")
    if chosen == Button.Abort:
        return await services.operations.review(actor, op.id, "abandon")
    if chosen == Button.Apply:
        return await services.operations.review(actor, op.id, "applied")
    return None
