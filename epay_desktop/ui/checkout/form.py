"""The new-payment form: amount, description and the optional customer fields; Enter submits.

The form checks what a person can fix at once (amount, phone, e-mail, customer id, "save card"
needs a customer id) and emits :attr:`NewPaymentForm.submitted` with a ``CheckoutRequest``.
The payment service checks everything again; its refusal is shown by the caller.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Money
from epay_desktop.domain.checkout import ACCOUNT_ID
from epay_desktop.domain.checkout import EMAIL
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.domain.checkout import normal_phone
from epay_desktop.domain.text import DESCRIPTION_MAX_BYTES
from epay_desktop.domain.text import FIELD_DESCRIPTION
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.language import page_language
from epay_desktop.ui.common.text_input import text_problem
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.widgets.money_edit import MoneyEdit

__all__ = ["NewPaymentForm", "normal_phone"]


class NewPaymentForm(QWidget):
    """Amount (required), description, phone, e-mail, customer id, save card, page language."""

    submitted = Signal(object)  # CheckoutRequest
    saved_card_requested = Signal(object)  # CheckoutRequest: pay with one of the customer's saved cards

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount_edit = MoneyEdit()
        self.amount_edit.setObjectName("amount")
        big = QFont(self.amount_edit.font())
        big.setPointSize(big.pointSize() + 8)
        self.amount_edit.setFont(big)
        self.amount_edit.setMinimumHeight(48)
        self.description_edit = QLineEdit()  # not cut at 125: a longer text is flagged (decision 0073)
        self.description_edit.setObjectName("description")
        self.description_edit.setPlaceholderText(self.tr("What is paid for (optional)"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText("+7 777 123 45 67")
        self.phone_edit.setToolTip(self.tr("Kazakhstan mobile number: +7 and 10 digits"))
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText("name@example.kz")
        self.account_edit = QLineEdit()
        self.account_edit.setPlaceholderText(self.tr("Customer id in your shop (optional)"))
        self.save_card_box = QCheckBox(self.tr("Save the card for this customer"))
        self.save_card_hint = QLabel()
        self.save_card_hint.setObjectName("save_card_hint")
        self.save_card_hint.setStyleSheet(theme.style("hint_text"))
        self.language_box = QComboBox()
        for code, name in (("rus", "Русский"), ("kaz", "Қазақша"), ("eng", "English")):
            self.language_box.addItem(name, code)
        self.error_label = text_label("form_error", "error_label")
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("blocked_reason")
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setStyleSheet(theme.style("checking_label"))
        self.blocked_label.hide()
        self.submit_button = QPushButton(self.tr("Take payment (Enter)"))
        self.submit_button.setObjectName("take_payment")
        self.submit_button.setMinimumHeight(48)
        self.submit_button.setFont(
            QFont(self.font().family(), self.font().pointSize() + 3, QFont.Weight.Bold)
        )
        self.saved_card_button = QPushButton(self.tr("Pay with a saved card\u2026"))
        self.saved_card_button.setObjectName("pay_with_saved_card")
        self.saved_card_button.hide()  # shown once the customer's saved cards are found
        self.saved_cards_note = text_label("saved_cards_note", "hint_text", hidden=True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        amount_label = QLabel(self.tr("Amount:"))
        amount_label.setFont(QFont(self.font().family(), self.font().pointSize() + 3, QFont.Weight.Bold))
        amount_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        amount_label.setMinimumHeight(self.amount_edit.minimumHeight())  # centred on the tall field
        form.addRow(amount_label, self.amount_edit)
        form.addRow(self.tr("Description:"), self.description_edit)
        form.addRow(self.tr("Phone:"), self.phone_edit)
        form.addRow(self.tr("E-mail:"), self.email_edit)
        form.addRow(self.tr("Customer id:"), self.account_edit)
        form.addRow("", self.save_card_box)
        form.addRow("", self.save_card_hint)
        form.addRow("", self.saved_cards_note)
        form.addRow(self.tr("Payment page language:"), self.language_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_card_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        title = QLabel(self.tr("New payment"))
        title.setFont(QFont(self.font().family(), self.font().pointSize() + 8, QFont.Weight.Bold))
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.blocked_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        for edit in (
            self.amount_edit,
            self.description_edit,
            self.phone_edit,
            self.email_edit,
            self.account_edit,
        ):
            edit.returnPressed.connect(self.submit)
            edit.textEdited.connect(lambda _text: self.error_label.clear())
        self.submit_button.clicked.connect(self.submit)
        self.saved_card_button.clicked.connect(self._on_saved_card_clicked)
        self.account_edit.textChanged.connect(self._update_save_card)
        self.amount_edit.refused.connect(self.error_label.setText)  # a key or paste that did not get in
        self._description_flagged = False
        self.description_edit.textChanged.connect(self._on_description_edited)
        self._blocked = ""
        self._update_save_card()

    # -- state ------------------------------------------------------------------------------------

    def set_blocked(self, reason: str) -> None:
        """Refuse new payments with ``reason`` (empty: allowed again), e.g. while a result is unknown."""
        self._blocked = reason
        self.blocked_label.setText(reason)
        self.blocked_label.setVisible(bool(reason))
        self.submit_button.setEnabled(not reason)
        self.saved_card_button.setEnabled(not reason)
        self.submit_button.setToolTip(reason)

    def set_request(self, request: CheckoutRequest | None) -> None:
        """Fill the fields from ``request`` (None: clear them for a new sale, the page in the interface's
        language: decision 0045)."""
        r = request or CheckoutRequest(Money(0), language=page_language())
        self.amount_edit.set_value(r.amount if request else None)
        self.description_edit.setText(r.description)
        self.phone_edit.setText(r.phone or "")
        self.email_edit.setText(r.email or "")
        self.account_edit.setText(r.account_id or "")
        self.save_card_box.setChecked(r.save_card)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(r.language)))
        self.error_label.clear()

    def card_owner(self) -> str | None:
        """Whose saved cards to look for: the customer id, else the phone (77771234567) when valid.

        The gateway keys saved cards by the customer id (accountId); a shop that uses the phone
        number as its customer id finds the cards by the phone alone (docs/decisions/0019).
        """
        account = self.account_edit.text().strip()
        if account:
            return account if ACCOUNT_ID.match(account) else None
        phone = self.phone_edit.text().strip()
        return normal_phone(phone) if phone else None

    def show_saved_cards(self, usable: int, note: str = "") -> None:
        """Offer "Pay with a saved card" when the customer has ``usable`` cards; ``note`` says why not."""
        self.saved_card_button.setText(
            self.tr("Pay with a saved card (%1)\u2026").replace("%1", str(usable))
            if usable
            else self.tr("Pay with a saved card\u2026")
        )
        self.saved_card_button.setVisible(usable > 0)
        self.saved_cards_note.setText(note)
        self.saved_cards_note.setVisible(bool(note))

    def has_input(self) -> bool:
        """Something was typed that Esc would throw away (amount, description or a customer field)."""
        edits = (self.amount_edit, self.description_edit, self.phone_edit, self.email_edit, self.account_edit)
        return any(edit.text().strip() for edit in edits)

    def focus_amount(self) -> None:
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    # -- reading ----------------------------------------------------------------------------------

    def request(self) -> CheckoutRequest | None:
        """The request if every field is right; else None, with the first problem shown and focused."""
        amount = self.amount_edit.value()
        if amount is None:
            return self._refuse(self.amount_edit, self.amount_edit.error_text())
        phone_text = self.phone_edit.text().strip()
        phone = normal_phone(phone_text) if phone_text else None
        if phone_text and phone is None:
            return self._refuse(self.phone_edit, self.tr("Write the phone like +7 777 123 45 67."))
        email = self.email_edit.text().strip() or None
        if email is not None and not EMAIL.match(email):
            return self._refuse(self.email_edit, self.tr("The e-mail should look like name@example.kz."))
        account = self.account_edit.text().strip() or None
        if account is not None and not ACCOUNT_ID.match(account):
            return self._refuse(
                self.account_edit,
                self.tr("The customer id may use only Latin letters, digits, '.', '_' and '-'."),
            )
        if self.save_card_box.isChecked() and account is None:
            return self._refuse(self.account_edit, self.tr("To save the card, enter the customer id."))
        description = " ".join(self.description_edit.text().split())
        problem = self.description_problem()
        if problem:
            return self._refuse(self.description_edit, problem)
        self.error_label.clear()
        return CheckoutRequest(
            amount=amount,
            description=description,
            phone=phone,
            email=email,
            account_id=account,
            save_card=self.save_card_box.isChecked() and account is not None,
            language=str(self.language_box.currentData()),
        )

    def description_problem(self) -> str:
        """Why the description cannot go to the bank (a control character, more than 125 bytes); or ""."""
        raw = self.description_edit.text()
        return text_problem(raw, FIELD_DESCRIPTION, max_chars=None) or text_problem(
            " ".join(raw.split()), FIELD_DESCRIPTION, max_chars=None, max_bytes=DESCRIPTION_MAX_BYTES
        )

    @Slot(str)
    def _on_description_edited(self, _text: str) -> None:
        """Flag a description the bank would refuse while it is typed, and clear the flag when fixed."""
        problem = self.description_problem()
        if problem:
            self.error_label.setText(problem)
            self._description_flagged = True
        elif self._description_flagged:
            self.error_label.clear()
            self._description_flagged = False

    @Slot()
    def submit(self) -> None:
        if self._blocked:
            self.error_label.setText(self._blocked)
            return
        request = self.request()
        if request is not None:
            self.submitted.emit(request)

    @Slot()
    def _on_saved_card_clicked(self) -> None:
        request = self.request()
        if request is not None:
            self.saved_card_requested.emit(request)

    def _refuse(self, widget: QWidget, message: str) -> CheckoutRequest | None:
        self.error_label.setText(message)
        widget.setFocus()
        return None

    @Slot()
    def _update_save_card(self) -> None:
        has_account = bool(self.account_edit.text().strip())
        self.save_card_box.setEnabled(has_account)
        if not has_account:
            self.save_card_box.setChecked(False)
        self.save_card_hint.setText("" if has_account else self.tr("Saving a card needs the customer id."))
