"""The result of a card payment, in plain words: approved, declined, expired, or "checking with the bank".

What is shown comes only from the payment's stored status (i.e. from check-status); the checkout
page's "customer finished" is never an outcome. Decline codes become a short sentence a cashier
can read to the customer (:func:`~epay_desktop.ui.common.labels.decline_text`).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Payment
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.labels import decline_text
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.widgets.status_badge import StatusBadge

__all__ = ["Outcome", "ResultView", "card_text", "decline_text", "outcome_of"]


class Outcome(Enum):
    APPROVED = "approved"
    DECLINED = "declined"
    EXPIRED = "expired"
    CHECKING = "checking"  # the customer finished or the answer was lost: only the bank can say
    WAITING = "waiting"  # the customer has not paid yet
    PAGE_FAILED = "page_failed"
    CANCELLED = "cancelled"  # the cashier cancelled the sale before the customer paid
    OTHER = "other"  # a final status that is none of the above (cancelled, refunded)


_BY_STATUS = {
    ConsoleStatus.CHARGE: Outcome.APPROVED,
    ConsoleStatus.AUTH: Outcome.APPROVED,
    ConsoleStatus.VERIFIED: Outcome.APPROVED,
    ConsoleStatus.REJECT: Outcome.DECLINED,
    ConsoleStatus.FAILED: Outcome.DECLINED,
    ConsoleStatus.THREE_DS: Outcome.DECLINED,
    ConsoleStatus.EXPIRED: Outcome.EXPIRED,
    ConsoleStatus.UNKNOWN: Outcome.CHECKING,
    ConsoleStatus.NEW: Outcome.WAITING,
    ConsoleStatus.PENDING: Outcome.WAITING,
    ConsoleStatus.FINGERPRINT: Outcome.WAITING,
    ConsoleStatus.PAGE_FAILED: Outcome.PAGE_FAILED,
    ConsoleStatus.CASHIER_CANCEL: Outcome.CANCELLED,
}


def outcome_of(status: ConsoleStatus) -> Outcome:
    return _BY_STATUS.get(status, Outcome.OTHER)


def card_text(card_mask: str | None, card_type: str | None = None) -> str:
    """``VISA •••• 5096`` from the gateway's mask ``440563...5096``; never more than four digits."""
    if not card_mask:
        return ""
    tail = "".join(ch for ch in card_mask if ch.isdigit())[-4:]
    return " ".join(part for part in (card_type or "", f"\u2022\u2022\u2022\u2022 {tail}") if part)


#: The title's colour role per outcome (resources/theme/colors.json).
_TONE = {
    Outcome.APPROVED: "outcome_approved",
    Outcome.DECLINED: "outcome_declined",
    Outcome.EXPIRED: "outcome_expired",
    Outcome.CHECKING: "outcome_checking",
    Outcome.PAGE_FAILED: "outcome_declined",
}
#: The panel behind the title and message: the outcome is seen from across the counter.
_PANEL = {
    Outcome.APPROVED: ("panel_approved", "panel_approved_border"),
    Outcome.DECLINED: ("panel_declined", "panel_declined_border"),
    Outcome.EXPIRED: ("panel_expired", "panel_expired_border"),
    Outcome.CHECKING: ("panel_checking", "panel_checking_border"),
    Outcome.PAGE_FAILED: ("panel_declined", "panel_declined_border"),
}


class ResultView(QWidget):
    """One payment's result with the next step: print (approved) or try again (declined / expired)."""

    print_requested = Signal()
    try_again_requested = Signal()
    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome: Outcome | None = None
        self.payment: Payment | None = None
        self._printed: InvoiceId | None = None  # the sale whose receipt was issued here (decision 0142)
        self._note: str | Callable[[], str] = ""
        on_language_change(self, self._retranslate)
        self.title = QLabel()
        self.title.setObjectName("result_title")
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.title.setFont(font)
        self.badge = StatusBadge()
        self.badge.setObjectName("result_badge")
        self.message = text_label("result_message")
        big = QFont(self.message.font())
        big.setPointSize(big.pointSize() + 3)
        self.message.setFont(big)
        self.amount = QLabel()
        self.amount.setFont(font)
        self.card, self.approval, self.invoice = QLabel(), QLabel(), QLabel()
        for label in (self.card, self.approval, self.invoice):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setFont(big)
        details = self.details = QFormLayout()
        details.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        details.setHorizontalSpacing(16)
        for text, value in (
            (self.tr("Amount:"), self.amount),
            (self.tr("Card:"), self.card),
            (self.tr("Approval code:"), self.approval),
            (self.tr("Invoice:"), self.invoice),
        ):
            label = QLabel(text)
            label.setFont(big)
            label.setStyleSheet(theme.style("hint_text"))
            details.addRow(label, value)
        self.print_button = QPushButton(self.tr("Print receipt (Enter)"))
        self.print_button.setObjectName("print_receipt")
        self.print_button.setMinimumHeight(56)
        self.print_button.setFont(big)
        self.try_again_button = QPushButton(self.tr("Try again"))
        self.try_again_button.setMinimumHeight(56)
        self.try_again_button.setFont(big)
        self.done_button = QPushButton(self.tr("New sale"))
        self.done_button.setObjectName("new_sale")
        self.done_button.setMinimumHeight(56)
        self.done_button.setFont(big)
        self.badge.setFont(big)
        self.blocked_note = QLabel()
        self.blocked_note.setObjectName("blocked_note")
        self.blocked_note.setWordWrap(True)
        self.blocked_note.setFont(big)
        self.blocked_note.setStyleSheet(theme.style("blocked_note"))
        self.try_again_button.setObjectName("try_again")
        self.setStyleSheet(theme.style("result_buttons"))
        buttons = self._buttons = QHBoxLayout()
        buttons.addWidget(self.print_button, 2)
        buttons.addWidget(self.try_again_button, 1)
        buttons.addWidget(self.done_button, 1)
        self.panel = QFrame()
        self.panel.setObjectName("result_panel")
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        panel_layout = QVBoxLayout(self.panel)
        panel_layout.setContentsMargins(20, 16, 20, 16)
        panel_layout.setSpacing(8)
        panel_layout.addLayout(head)
        panel_layout.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(18)
        layout.addWidget(self.panel)
        layout.addLayout(details)
        layout.addStretch(1)
        layout.addWidget(self.blocked_note)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_requested)
        self.try_again_button.clicked.connect(self.try_again_requested)
        self.done_button.clicked.connect(self.done_requested)

    def show_payment(
        self, payment: Payment, outcome: Outcome | None = None, note: str | Callable[[], str] = ""
    ) -> None:
        """Show ``payment`` as ``outcome`` (default: from its status); ``note`` replaces the message
        (a function when it is composed: it is made again after a language switch)."""
        outcome = outcome or outcome_of(payment.status)
        self.payment, self.outcome, self._note = payment, outcome, note
        note = note() if callable(note) else note
        self.badge.set_status(payment.status)
        self.title.setText(self._title(outcome))
        self.title.setStyleSheet(theme.style("result_title", fg=_TONE.get(outcome, "text_neutral")))
        background, border = _PANEL.get(outcome, ("panel_neutral", "panel_neutral_border"))
        self.panel.setStyleSheet(theme.style("result_panel", bg=background, border=border))
        self.message.setText(note or self._message(payment, outcome))
        self.amount.setText(payment.amount.format())
        self.card.setText(card_text(payment.card_mask, payment.card_type))
        self.approval.setText(payment.approval_code or "")
        self.details.setRowVisible(1, bool(self.card.text()))
        self.details.setRowVisible(2, bool(self.approval.text()))
        self.invoice.setText(payment.invoice_id.value)
        approved = outcome is Outcome.APPROVED
        retry = outcome in (Outcome.DECLINED, Outcome.EXPIRED, Outcome.PAGE_FAILED)
        self.print_button.setVisible(approved)
        self.try_again_button.setVisible(retry)
        self.try_again_button.setEnabled(retry)
        self.done_button.setVisible(outcome is not Outcome.CHECKING)
        checking = outcome is Outcome.CHECKING
        self.blocked_note.setVisible(checking)
        self.blocked_note.setText(
            self.tr(
                "A new charge for this sale is blocked until the bank answers, "
                "so the customer is not charged twice."
            )
            if checking
            else ""
        )
        printed = approved and self._printed == payment.invoice_id
        self.print_button.setText(self.tr("Reprint receipt") if printed else self.tr("Print receipt (Enter)"))
        self.done_button.setText(self.tr("New sale (Enter)") if printed else self.tr("New sale"))
        retry_or_done = self.try_again_button if retry else self.done_button
        self._make_default(self.print_button if approved and not printed else retry_or_done)

    def receipt_closed(self, issued: bool) -> None:
        """The receipt window of the approved sale shown closed: once a receipt was issued (printed or
        saved), Enter starts the next sale and Print says Reprint; closed without one, Enter still prints
        (decision 0142). Its own busy state had moved the keyboard to "New sale" either way."""
        if self.payment is None or self.outcome is not Outcome.APPROVED:
            return
        if issued:
            self._printed = self.payment.invoice_id
        self.show_payment(self.payment, self.outcome, self._note)

    def _make_default(self, default: QPushButton) -> None:
        """``default`` is the one button Enter presses, has the keyboard when shown, and looks it: the
        widest, in its colour (the style sheet's ``:default``; "Reprint receipt" stayed the big green
        one once Enter started the next sale, found walking the demo)."""
        for button in (self.print_button, self.try_again_button, self.done_button):
            button.setDefault(button is default)
            self._buttons.setStretchFactor(button, 2 if button is default else 1)
        if default.isVisible():
            default.setFocus()

    def _retranslate(self) -> None:
        """After a language switch: the title and the message composed for the payment shown."""
        if self.payment is None or self.outcome is None:
            return
        note = self._note() if callable(self._note) else self._note
        self.title.setText(self._title(self.outcome))
        self.message.setText(note or self._message(self.payment, self.outcome))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Enter presses the main button (Print receipt when approved): no dialog owns ``default`` here."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            for button in (self.print_button, self.try_again_button, self.done_button):
                if button.isDefault() and button.isVisible() and button.isEnabled():
                    button.click()
                    return
        super().keyPressEvent(event)

    def _title(self, outcome: Outcome) -> str:
        return {
            Outcome.APPROVED: "\u2713 " + self.tr("Payment approved"),
            Outcome.DECLINED: "\u2715 " + self.tr("Payment declined"),
            Outcome.EXPIRED: self.tr("The payment window expired"),
            Outcome.CHECKING: self.tr("Checking with the bank\u2026"),
            Outcome.WAITING: self.tr("Waiting for the customer\u2026"),
            Outcome.PAGE_FAILED: self.tr("The payment page is not available"),
            Outcome.CANCELLED: self.tr("Cancelled by the cashier"),
        }.get(outcome, self.tr("Payment finished"))

    def _message(self, payment: Payment, outcome: Outcome) -> str:
        if outcome is Outcome.APPROVED and self._printed == payment.invoice_id:
            return self.tr(
                "The money was taken from the card and the receipt is issued. Enter starts the next sale."
            )
        if outcome is Outcome.APPROVED:
            return self.tr("The money was taken from the card. Print the receipt for the customer.")
        if outcome is Outcome.DECLINED:
            return decline_text(
                payment.reason_code, payment.status, payment.reason, code_text=payment.reason_code_text
            )
        if outcome is Outcome.EXPIRED:
            return self.tr(
                "The customer did not pay in time. Nothing was charged. Try again to start a new payment."
            )
        if outcome is Outcome.CHECKING:
            return self.tr(
                "The bank has not confirmed the result yet. Keep the customer here: the console keeps asking."
            )
        if outcome is Outcome.PAGE_FAILED:
            return self.tr(
                "The bank's payment page could not be opened, so the customer could not pay. The console "
                "keeps checking with the bank until the payment time is over. Try again to start a new "
                "payment."
            )
        if outcome is Outcome.CANCELLED:
            return self.tr(
                "The sale was cancelled at the counter. The console keeps checking with the bank until "
                "the payment time is over, in case the customer had already paid."
            )
        return self.tr("Status: %1").replace("%1", self.badge.text())
