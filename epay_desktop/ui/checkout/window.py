"""The "New payment" window: the checkout screen (form -> gateway page -> result) over the main window.

A non-modal dialog owned by the main window, so the list stays usable while a customer pays and the
idle lock hides it with the rest of the window. Closing it is refused while a sale's outcome is not
known yet (the screen says why); Esc asks before it cancels a sale whose page is open or throws a typed
sale away (docs/decisions/0019); the page itself has its own Cancel button.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.ui.checkout.late_payment_notice import SaleLateNotice
from epay_desktop.ui.checkout.screen import CheckoutScreen
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import ask_message
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.screen_fit import size_for_screen
from epay_desktop.ui.widgets.env_badge import EnvironmentBadge
from epay_desktop.ui.widgets.form_parts import text_label
from epay_desktop.ui.window.status_bar import environment_badge

__all__ = ["CheckoutWindow"]

StandardButton = QMessageBox.StandardButton


#: The window's size on a large screen (the gateway's page needs about this); smaller screens get less.
PREFERRED_SIZE = QSize(980, 860)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckoutWindow", text)


class CheckoutWindow(QDialog):
    """Hosts one :class:`CheckoutScreen` for the app's lifetime; :meth:`start_sale` shows it."""

    def __init__(
        self,
        screen: CheckoutScreen,
        parent: QWidget,
        *,
        environment: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checkout_window")
        self._environment = environment
        self.environment_badge = EnvironmentBadge()  # inside the window too: titles are easy to miss
        self.retitle()
        self.setModal(False)
        self.sale = screen
        self.refusal_label = QLabel(wordWrap=True)
        self.refusal_label.setObjectName("checkout_refusal")
        self.refusal_label.setStyleSheet(theme.style("error_label"))
        self.refusal_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.environment_badge)
        layout.addWidget(self.refusal_label)
        layout.addWidget(screen, 1)
        screen.sale_blocked.connect(lambda reason: self.refusal_label.hide() if not reason else None)
        # Esc while the customer's page has the focus: the page's browser keeps every key it is given,
        # so QDialog's own Esc never sees it. A window shortcut is asked before the focused widget.
        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.escape_shortcut.activated.connect(self.reject)
        self.late_notice = SaleLateNotice(self)
        layout.insertWidget(1, self.late_notice)
        # A declined attempt while the page stays open for another (decision 0035): said above the page,
        # where the cashier looks, in words the cashier can repeat to the customer.
        self.attempt_label = text_label("checkout_attempt_note", "attempt_note", hidden=True)
        layout.insertWidget(layout.indexOf(screen), self.attempt_label)
        screen.attempt_note.connect(self._show_attempt_note)
        self._sized = False

    def retitle(self) -> None:
        """Title and badge in the current language ("New payment — SANDBOX"; production: no word);
        called again after a language switch."""
        title = _tr("New payment")
        badge, _tip, loud = environment_badge(self._environment or "")
        self.setWindowTitle(f"{title} — {badge}" if self._environment and loud else title)
        self.environment_badge.set_environment(self._environment)

    def _show_attempt_note(self, text: str) -> None:
        self.attempt_label.setText(text)
        self.attempt_label.setVisible(bool(text))
        if text and self.isVisible():
            QApplication.alert(self)  # the cashier may be looking at the main window

    def show_late_payment(self, text: str) -> None:
        """A sale stopped at the counter was paid after all (decision 0026): said here too, because
        this window usually stands in front of the main window's notice while the next sale is taken."""
        self.late_notice.add(text)

    def start_sale(self) -> None:
        """Show the window ready for the next sale (or the sale still being settled)."""
        if not self.sale.blocked_reason and self.sale.currentWidget() is not self.sale.view:
            self.sale.new_sale()
        self.refusal_label.hide()
        if not self._sized:  # the first time only: later the window keeps the size the cashier gave it
            self.resize(size_for_screen(self, PREFERRED_SIZE))
            self._sized = True
        self.show()
        self.raise_()
        self.activateWindow()
        if not self.sale.blocked_reason:
            self.sale.form.focus_amount()

    def reject(self) -> None:
        """Esc / close (docs/decisions/0019).

        On the customer's page: asks whether to cancel the sale (the page's Cancel, recorded as
        cancelled by the cashier). On the saved-card panel: back to the form. While the bank has not
        answered: refused, saying why. On a filled form: asks before throwing the typed sale away.
        Otherwise the window closes at once.
        """
        screen = self.sale
        if any(box.isVisible() for box in self.findChildren(QMessageBox)):
            return  # a question is open: Esc answers it, not this window
        if screen.currentWidget() is screen.view and screen.view.cancel_button.isEnabled():
            spawn(self._ask_cancel_sale(), name="checkout-ask-cancel")
            return
        if screen.saved_panel is not None and screen.currentWidget() is screen.saved_panel:
            screen.saved_panel.back_button.click()  # one step back: the typed sale is on the form
            return
        if screen.blocked_reason:
            self.refusal_label.setText(
                _tr("This window stays open until the payment is settled: {why}").format(
                    why=screen.blocked_reason
                )
            )
            self.refusal_label.show()
            return
        if screen.currentWidget() is screen.form and screen.form.has_input():
            spawn(self._ask_discard(), name="checkout-ask-discard")
            return
        super().reject()

    async def _ask(
        self,
        title: str,
        text: str,
        buttons: StandardButton,
        *,
        default: StandardButton,
        icon: QMessageBox.Icon = QMessageBox.Icon.Question,
        labels: dict[StandardButton, str] | None = None,
    ) -> StandardButton | None:
        """The button pressed in a question over this window; None when the window was closed with the
        console before or while asking (nothing is done then)."""
        if not shiboken6.isValid(self) or not self.isVisible():
            return None
        answer = await ask_message(self, title, text, buttons, icon=icon, default=default, labels=labels)
        return answer if shiboken6.isValid(self) else None

    async def _ask_cancel_sale(self) -> None:
        answer = await self._ask(
            _tr("Cancel this sale?"),
            _tr(
                "The customer's payment page is open. Cancel the sale? If the customer has already "
                "paid, the console will still show the bank's answer."
            ),
            StandardButton.Yes | StandardButton.No,
            default=StandardButton.No,
        )
        if answer == StandardButton.Yes and self.sale.currentWidget() is self.sale.view:
            self.sale.view.cancel_button.click()  # the same path as the page's Cancel button

    async def _ask_discard(self) -> None:
        answer = await self._ask(
            _tr("Discard this sale?"),
            _tr("The amount and details you typed will be lost. Close the new payment anyway?"),
            StandardButton.Discard | StandardButton.Cancel,
            icon=QMessageBox.Icon.Warning,
            default=StandardButton.Cancel,
            # each button says what it does: a bare "Cancel" (ru "Отмена", kk "Бас тарту") under "Discard
            # this sale?" (kk "Бұл сатудан бас тарту керек пе?") reads as the discard itself
            labels={
                StandardButton.Discard: _tr("Discard the sale"),
                StandardButton.Cancel: _tr("Keep the sale"),
            },
        )
        if answer == StandardButton.Discard and not self.sale.blocked_reason:
            self.sale.new_sale()  # the next F2 starts from an empty form
            super().reject()
