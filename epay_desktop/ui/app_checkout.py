"""The "New payment" window: the checkout screen (form -> gateway page -> result) over the main window.

A non-modal dialog owned by the main window, so the list stays usable while a customer pays and the
idle lock hides it with the rest of the window. Closing it is refused while a sale's outcome is not
known yet (the screen says why); the page itself has its own Cancel button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from .checkout_screen import CheckoutScreen
from .widgets.env_badge import EnvironmentBadge

__all__ = ["CheckoutWindow"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckoutWindow", text)


class CheckoutWindow(QDialog):
    """Hosts one :class:`CheckoutScreen` for the app's lifetime; :meth:`start_sale` shows it."""

    def __init__(
        self,
        screen: CheckoutScreen,
        parent: QWidget,
        *,
        environment_badge: str = "",
        environment: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checkout_window")
        title = _tr("New payment")
        self.setWindowTitle(f"{title} — {environment_badge}" if environment_badge else title)
        self.environment_badge = EnvironmentBadge()  # inside the window too: titles are easy to miss
        self.environment_badge.set_environment(environment)
        self.setModal(False)
        self.sale = screen
        self.refusal_label = QLabel(wordWrap=True)
        self.refusal_label.setObjectName("checkout_refusal")
        self.refusal_label.setStyleSheet("QLabel { color: #b71c1c; font-weight: 600; }")
        self.refusal_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.environment_badge)
        layout.addWidget(self.refusal_label)
        layout.addWidget(screen, 1)
        screen.sale_blocked.connect(lambda reason: self.refusal_label.hide() if not reason else None)
        self.resize(980, 860)

    def start_sale(self) -> None:
        """Show the window ready for the next sale (or the sale still being settled)."""
        if not self.sale.blocked_reason and self.sale.currentWidget() is not self.sale.view:
            self.sale.new_sale()
        self.refusal_label.hide()
        self.show()
        self.raise_()
        self.activateWindow()
        if not self.sale.blocked_reason:
            self.sale.form.focus_amount()

    def reject(self) -> None:
        """Esc / close: refused while the customer is paying or the bank has not answered yet."""
        if self.sale.blocked_reason:
            self.refusal_label.setText(
                _tr("This window stays open until the payment is settled: {why}").format(
                    why=self.sale.blocked_reason
                )
            )
            self.refusal_label.show()
            return
        super().reject()
