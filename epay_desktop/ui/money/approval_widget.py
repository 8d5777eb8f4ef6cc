"""A manager's approval typed in place: the manager's name and PIN, inside the cashier's dialog.

The PIN is checked by ``UserService.approve``: wrong PINs never count towards the manager's login
lockout; they are throttled per counter and per cashier, and the service's refusal says the tries
left or how long approvals are paused (decision 0020). The approval it returns is bound to this
payment, operation and amount, single use, two minutes.

The PIN field is cleared after every attempt, right or wrong. After a refusal (:meth:`failed`) the
error shows under the PIN field, which keeps its place and gets the focus back, ready to retype;
the error goes as soon as the manager types again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Money
from epay_desktop.domain import OpKind
from epay_desktop.domain import User
from epay_desktop.ui.common.language import on_language_change
from epay_desktop.ui.widgets.form_parts import name_and_secret
from epay_desktop.ui.widgets.form_parts import text_label

if TYPE_CHECKING:
    from epay_desktop.services.people.users import UserService

__all__ = ["ApprovalWidget"]


class ApprovalWidget(QGroupBox):
    """Name + PIN of the approving manager; ``changed`` on every edit."""

    changed = Signal()
    #: the error text appeared or went (the dialog grows to keep every field readable)
    error_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Manager approval"), parent)
        self.setObjectName("approval_box")
        self.explain_label = QLabel(
            self.tr(
                "A cashier needs a manager's approval for this. The manager types their name and PIN here."
            )
        )
        self.explain_label.setWordWrap(True)
        self.manager_edit, self.pin_edit = name_and_secret(
            ("approval_manager", "approval_pin"),
            self.tr("Manager's name"),
            self.tr("Manager's PIN or password"),
        )
        self.error_label = text_label("approval_error", "error_label", hidden=True)
        form = QFormLayout(self)
        form.addRow(self.explain_label)
        form.addRow(self.tr("Manager"), self.manager_edit)
        form.addRow(self.tr("PIN"), self.pin_edit)
        form.addRow(self.error_label)
        self.manager_edit.textChanged.connect(self.changed)
        self.pin_edit.textChanged.connect(self.changed)
        # typing again (not the clearing after a try) takes the last error away
        self.manager_edit.textEdited.connect(self._on_typed)
        self.pin_edit.textEdited.connect(self._on_typed)
        self._error_text: str | Callable[[], str] = ""
        on_language_change(self, self._retranslate)  # a refusal said again in the new language

    def is_complete(self) -> bool:
        return bool(self.manager_edit.text().strip() and self.pin_edit.text())

    def missing_text(self) -> str:
        """Why the approval cannot be asked yet ('' when it can)."""
        if self.is_complete():
            return ""
        return self.tr("A manager must type their name and PIN to approve.")

    def show_error(self, message: str | Callable[[], str]) -> None:
        """Say ``message`` under the PIN ('' hides it); a function is asked again after a switch."""
        self._error_text = message
        text = message() if callable(message) else message
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.error_changed.emit()

    def _retranslate(self) -> None:
        error = self._error_text
        if callable(error) and self.has_error():
            self.error_label.setText(error())

    def has_error(self) -> bool:
        return not self.error_label.isHidden()

    def failed(self, message: str | Callable[[], str]) -> None:
        """The service refused the approval: say why under the PIN field and put the cursor back in it."""
        self.show_error(message)
        self.pin_edit.clear()
        self.focus_pin()

    def focus_pin(self) -> None:
        """Focus the PIN field (the caller re-enables the box first) with nothing left in it to delete."""
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.pin_edit.selectAll()

    def _on_typed(self, _text: str) -> None:
        if self.has_error():
            self.show_error("")

    async def approve(
        self, users: UserService, *, payment_id: int, kind: OpKind, amount: Money, requested_by: User
    ) -> str:
        """Ask the service for the approval and return its id; the service's errors propagate."""
        name, pin = self.manager_edit.text().strip(), self.pin_edit.text()
        self.pin_edit.clear()
        self.show_error("")
        approval = await users.approve(
            name, pin, payment_id=payment_id, kind=kind, amount_minor=amount.minor, requested_by=requested_by
        )
        return approval.id
