"""A sale stopped at the counter that the bank then reports paid: told on the main window (decision 0026).

A sale the cashier cancelled (CASHIER_CANCEL) or whose payment page failed (PAGE_FAILED) is still
checked with the bank until its token expires, and a late CHARGE or AUTH replaces the mark
(decision 0018): the customer had pressed Pay just before. By then the cashier may have taken cash
instead. Changing the list row is not enough: :class:`LatePaymentNotice` is a strip across the top
of the main window (a dock with no title bar that the user cannot move, float or close; non-modal:
the counter keeps working)
with one red line per such payment, saying what happened and what to do, an "Open payment" button
and "Dismiss". The taskbar entry flashes (``QApplication.alert``) in case another window is in front.
:class:`SaleLateNotice` is the same notice as a strip inside the "New payment" window, over the sale.

It listens to ``EventBridge.payment_changed`` (``PaymentUpdated`` with the status before the bank's
answer was stored, read in the same transaction).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDockWidget
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain.rules import captured_amount
from epay_desktop.domain.rules import held_amount
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.widgets.form_parts import text_label

__all__ = ["LatePaymentNotice", "SaleLateNotice", "late_payment_text"]

log = logging.getLogger(__name__)

_CONTEXT = "LatePaymentNotice"
#: The words of the strip inside the "New payment" window keep that window's translations.
_IN_WINDOW = "CheckoutWindow"
#: The marks a counter sets on an unpaid sale (decision 0018) ...
STOPPED = frozenset({ConsoleStatus.CASHIER_CANCEL, ConsoleStatus.PAGE_FAILED})
#: ... and the bank's answers that mean the customer's card paid after all.
PAID = frozenset({ConsoleStatus.CHARGE, ConsoleStatus.AUTH})


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def is_late_payment(previous: ConsoleStatus | None, payment: Payment) -> bool:
    """The bank reports paid (CHARGE/AUTH) a sale the counter had stopped (CASHIER_CANCEL/PAGE_FAILED)."""
    return previous in STOPPED and payment.status in PAID


def late_payment_text(previous: ConsoleStatus, payment: Payment) -> str:
    """What happened and what to do, in one sentence pair the cashier cannot misread."""
    held = payment.status is ConsoleStatus.AUTH
    amount: Money = held_amount(payment) if held else captured_amount(payment)
    if previous is ConsoleStatus.CASHIER_CANCEL:
        what = _tr("which was cancelled at the counter")
    else:
        what = _tr("whose payment page failed at the counter")
    if held:
        text = _tr(
            "Invoice {invoice}, {amount}, {what}, was AUTHORISED (held) on the customer's card after all. "
            "Do not take the money again; cancel the hold if the customer paid another way."
        )
    else:
        text = _tr(
            "Invoice {invoice}, {amount}, {what}, was PAID by the customer's card after all. "
            "Do not take the money again; refund it if the customer paid another way."
        )
    return text.format(invoice=payment.invoice_id.value, amount=amount.format(), what=what)


class _Line(QFrame):
    """One late payment: the sentence, Open payment, Dismiss."""

    def __init__(self, invoice: InvoiceId, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.invoice = invoice
        self.setObjectName("late_payment")
        self.setStyleSheet(theme.style("late_payment"))
        self.label = text_label("late_payment_text")
        self.label.setText("\u26a0  " + text)
        self.open_button = QPushButton(_tr("Open payment"))
        self.open_button.setObjectName("late_payment_open")
        self.dismiss_button = QPushButton(_tr("Dismiss"))
        self.dismiss_button.setObjectName("late_payment_dismiss")
        self.dismiss_button.setToolTip(_tr("Hide this notice (the payment stays in the list)."))
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)


class LatePaymentNotice(QDockWidget):
    """The strip of late-payment lines at the top of ``window``; hidden while it has none.

    A dock, not a tool bar: it holds no commands (the window's tool bars list commands only)."""

    open_requested = Signal(object)  # InvoiceId: "Open payment" was pressed
    shown = Signal(str)  # the sentence of a late payment just added or refreshed (for other windows)
    #: after a language switch: {sentence as it was: sentence in the new language} (for other windows)
    retranslated = Signal(dict)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(_tr("Payments made after a cancel"), window)
        self.setObjectName("late_payment_notice")
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)  # no move, float, close
        self.setAllowedAreas(Qt.DockWidgetArea.TopDockWidgetArea)
        self.setTitleBarWidget(QWidget(self))  # the lines say it all
        self.toggleViewAction().setVisible(False)  # not in the window's context menu: it cannot be hidden
        self._window = window
        self._box = QWidget(self)
        self._lines_layout = QVBoxLayout(self._box)
        self._lines_layout.setContentsMargins(4, 4, 4, 4)
        self._lines_layout.setSpacing(4)
        self.setWidget(self._box)
        self.lines: dict[InvoiceId, _Line] = {}
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self)
        self.hide()
        self._said: dict[InvoiceId, tuple[ConsoleStatus, Payment]] = {}
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        """After a language switch: each sentence (invoice, amount, what happened) in the new words."""
        changed: dict[str, str] = {}
        for invoice, line in self.lines.items():
            previous, payment = self._said[invoice]
            old, new = line.label.text().removeprefix("\u26a0  "), late_payment_text(previous, payment)
            line.label.setText("\u26a0  " + new)
            changed[old] = new
        if changed:
            self.retranslated.emit(changed)

    @Slot(object)
    def on_payment_changed(self, event: PaymentUpdated) -> None:
        if is_late_payment(event.previous, event.payment) and event.previous is not None:
            self.add(event.previous, event.payment)

    def add(self, previous: ConsoleStatus, payment: Payment) -> None:
        """Show (or refresh) the line for ``payment``, flash the window, log the fact."""
        invoice = payment.invoice_id
        text = late_payment_text(previous, payment)
        log.warning(
            "event=late_payment_after_counter_stop invoice=%s was=%s now=%s",
            invoice,
            previous,
            payment.status,
        )
        self._said[invoice] = (previous, payment)
        line = self.lines.get(invoice)
        if line is not None:
            line.label.setText("\u26a0  " + text)
        else:
            line = _Line(invoice, text, self._box)
            line.open_button.clicked.connect(lambda _=False, i=invoice: self.open_requested.emit(i))
            line.dismiss_button.clicked.connect(lambda _=False, i=invoice: self.dismiss(i))
            self._lines_layout.addWidget(line)
            self.lines[invoice] = line
        self.show()
        QApplication.alert(self._window)
        self.shown.emit(text)

    def dismiss(self, invoice: InvoiceId) -> None:
        line = self.lines.pop(invoice, None)
        self._said.pop(invoice, None)
        if line is not None:
            self._lines_layout.removeWidget(line)
            line.deleteLater()
        if not self.lines:
            self.hide()

    def texts(self) -> list[str]:
        """The sentences shown, in order (without the warning sign)."""
        return [line.label.text().removeprefix("\u26a0  ") for line in self.lines.values()]


class SaleLateNotice(QFrame):
    """The same notices inside the "New payment" window: red lines over the sale the cashier is taking.

    Its words are the window's (translation context ``CheckoutWindow``); the lines are the main window's.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("checkout_late_payment")
        self.setStyleSheet(theme.style("checkout_late_payment"))
        self.label = text_label("checkout_late_payment_text")
        self.dismiss_button = QPushButton(QCoreApplication.translate(_IN_WINDOW, "Dismiss"))
        self.dismiss_button.setObjectName("checkout_late_payment_dismiss")
        self.dismiss_button.setToolTip(
            QCoreApplication.translate(_IN_WINDOW, "Hide it here; the main window keeps the notice.")
        )
        self.dismiss_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.texts: list[str] = []
        self.hide()

    def add(self, text: str) -> None:
        if text not in self.texts:
            self.texts.append(text)
        self.label.setText("\n".join(f"\u26a0  {line}" for line in self.texts))
        self.show()
        window = self.window()
        if window.isVisible():
            QApplication.alert(window)

    def retranslate(self, sentences: dict[str, str]) -> None:
        """After a language switch: the same notices in the new words (from the main window's)."""
        if self.texts:
            self.texts = [sentences.get(text, text) for text in self.texts]
            self.label.setText("\n".join(f"\u26a0  {line}" for line in self.texts))

    def clear(self) -> None:
        self.texts.clear()
        self.label.clear()
        self.hide()
