"""Pay with one of a customer's saved cards: find the customer's cards, pick one, charge it.

The panel only reads input and calls ``services.payments.saved_cards.SavedCardService``;
the result screen shows the outcome from the stored status, like a widget payment. When the gateway asks
for 3-D Secure (``secure3D``), the panel hands the payment and the issuer's form on
(``issuer_check_needed``): the checkout browser opens the issuer's page (docs/decisions/0040).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.ui.checkout.policy import could_be_issuer
from epay_desktop.ui.checkout.policy import safe_for_log
from epay_desktop.ui.checkout.result import card_text
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import action_slot
from epay_desktop.ui.common.asyncqt import ask_message
from epay_desktop.ui.widgets.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from epay_desktop.domain.checkout import CheckoutRequest
    from epay_desktop.services.payments.saved_cards import SavedCardService

__all__ = ["SavedCardPanel"]


log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SavedCardPanel", text)


#: Why a cashier's "Deactivate card" is disabled (docs/decisions/0019).
MANAGER_ONLY = QT_TRANSLATE_NOOP(
    "SavedCardPanel", "Only a manager can deactivate a saved card. Ask a manager to log in."
)


class SavedCardPanel(QWidget):
    """Customer id -> "Show cards" -> pick a card -> "Charge the card"; a manager may deactivate one."""

    paid = Signal(object)  # Payment, as the service stored it (approved, declined, unknown...)
    #: 3-D Secure: (Payment still unsettled, the issuer's form to post in the checkout browser).
    issuer_check_needed = Signal(object, object)
    deactivated = Signal(str)  # the customer id whose card a manager deactivated
    back_requested = Signal()

    def __init__(
        self, cards: SavedCardService, user: Callable[[], User], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._cards, self._user = cards, user
        self.request: CheckoutRequest | None = None
        title = QLabel(self.tr("Pay with a saved card"))
        title.setFont(QFont(self.font().family(), self.font().pointSize() + 8, QFont.Weight.Bold))
        self.amount_label = QLabel()
        self.amount_label.setFont(QFont(self.font().family(), self.font().pointSize() + 4, QFont.Weight.Bold))
        self.account_edit = QLineEdit()
        self.account_edit.setPlaceholderText(self.tr("Customer id"))
        self.find_button = QPushButton(self.tr("Show cards"))
        self.card_list = QListWidget()
        self.card_list.setObjectName("cards")
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)
        self.pay_button = QPushButton(self.tr("Charge the card"))
        self.pay_button.setMinimumHeight(48)
        self.pay_button.setEnabled(False)
        self.deactivate_button = QPushButton(self.tr("Deactivate card\u2026"))
        self.deactivate_button.setObjectName("deactivate_card")
        self.deactivate_button.setEnabled(False)
        self.deactivate_note = QLabel()
        self.deactivate_note.setObjectName("deactivate_note")
        self.deactivate_note.setWordWrap(True)
        self.deactivate_note.setStyleSheet(theme.style("hint_text"))
        back = self.back_button = QPushButton(self.tr("Back"))
        row = QHBoxLayout()
        row.addWidget(self.account_edit, 1)
        row.addWidget(self.find_button)
        form = QFormLayout()
        form.addRow(self.tr("Amount:"), self.amount_label)
        form.addRow(self.tr("Customer id:"), row)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(self.deactivate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pay_button, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.card_list, 1)
        layout.addWidget(self.info_label)
        layout.addWidget(self.deactivate_note)
        layout.addLayout(buttons)
        self.find_button.clicked.connect(self.on_find_button_clicked)
        self.account_edit.returnPressed.connect(self.find_button.click)
        self.pay_button.clicked.connect(self.on_pay_button_clicked)
        self.deactivate_button.clicked.connect(self.on_deactivate_button_clicked)
        self.card_list.currentItemChanged.connect(lambda *_: self._update_pay())
        self.card_list.itemActivated.connect(lambda _item: self.pay_button.click())
        back.clicked.connect(self.back_requested)

    def start(self, request: CheckoutRequest) -> None:
        """Begin for ``request`` (amount, description...); lists the cards at once if the id is known."""
        self.request = request
        self.amount_label.setText(request.amount.format())
        self.account_edit.setText(request.account_id or "")
        self.card_list.clear()
        self.info_label.clear()
        self._update_pay()
        if request.account_id:
            self.find_button.click()
        else:
            self.account_edit.setFocus()

    @action_slot(busy=("pay_button", "deactivate_button"), after="_update_pay")
    async def on_find_button_clicked(self) -> None:
        await self._list_cards()

    async def _list_cards(self) -> None:
        account = self.account_edit.text().strip()
        self.card_list.clear()
        if not account:
            self.info_label.setText(self.tr("Enter the customer id first."))
            return
        self.info_label.setText(self.tr("Looking for the customer's cards\u2026"))
        cards = await self._cards.list_cards(account)
        for card in cards:
            item = QListWidgetItem(" \u2014 ".join(p for p in (card_text(card.mask), card.payer_name) if p))
            item.setData(Qt.ItemDataRole.UserRole, card.id)
            if not card.payment_available:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr("The bank does not allow payments with this card."))
            self.card_list.addItem(item)
        usable = [
            i
            for i in range(self.card_list.count())
            if self.card_list.item(i).flags() & Qt.ItemFlag.ItemIsEnabled
        ]
        if usable:
            self.card_list.setCurrentRow(usable[0])
            self.card_list.setFocus()
        self.info_label.setText(
            self.tr("Choose the card and press Enter.")
            if usable
            else self.tr("This customer has no saved cards.")
        )

    @action_slot(busy=("find_button", "pay_button"), after="_update_pay")
    async def on_deactivate_button_clicked(self) -> None:
        """Manager: forget the chosen card at the bank after a confirmation, then list the cards again."""
        item = self.card_list.currentItem()
        if item is None or not self._user().role.can_move_money:
            return
        card_name = item.text()
        answer = await ask_message(
            self,
            self.tr("Deactivate the saved card?"),
            lambda: self.tr(  # made again after a language switch while the question is open
                "%1 will no longer be offered for this customer's payments. The customer can save it "
                "again with a new payment."
            ).replace("%1", card_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            default=QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        account = self.account_edit.text().strip()
        await self._cards.deactivate_card(self._user(), account, str(item.data(Qt.ItemDataRole.UserRole)))
        await self._list_cards()
        self.info_label.setText(self.tr("The card %1 was deactivated.").replace("%1", card_name))
        self.deactivated.emit(account)

    @action_slot(busy=("find_button", "deactivate_button"), after="_update_pay")
    async def on_pay_button_clicked(self) -> None:
        item = self.card_list.currentItem()
        request = self.request
        if item is None or request is None:
            return
        self.info_label.setText(self.tr("Charging the card\u2026"))
        customer = replace(request, account_id=self.account_edit.text().strip())  # as typed on the panel
        charge = await self._cards.charge_saved_card(
            self._user(), str(item.data(Qt.ItemDataRole.UserRole)), customer
        )
        self.info_label.clear()
        form = charge.secure3d
        if form is not None and could_be_issuer(form.action):
            self.issuer_check_needed.emit(charge.payment, form)
            return
        if form is not None:  # not https (nor loopback http): never opened; the bank's status decides
            log.warning("event=saved_card_secure3d_refused action=%s", safe_for_log(form.action))
        self.paid.emit(charge.payment)

    def _update_pay(self) -> None:
        item = self.card_list.currentItem()
        self.pay_button.setEnabled(item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled))
        manager = self._user().role.can_move_money
        self.deactivate_button.setEnabled(manager and item is not None)
        why = "" if manager else _tr(MANAGER_ONLY)
        self.deactivate_button.setToolTip(why)
        self.deactivate_note.setText(why if item is not None else "")
        self.deactivate_note.setVisible(bool(self.deactivate_note.text()))
