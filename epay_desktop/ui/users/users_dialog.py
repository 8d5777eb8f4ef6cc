"""The "Users…" window (managers and admins): the account list and its actions (``UsersAdmin``: add,
unlock, reset PIN, change role, deactivate/activate).

Changes to accounts are made by the user service as each button is clicked, so the window has
only a Close button. A cashier is refused with a message box before anything is loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import show_error
from epay_desktop.ui.users.users_admin import UserAdminPort
from epay_desktop.ui.users.users_admin import UsersAdmin

__all__ = ["UsersDialog"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("UsersDialog", text)


class UsersDialog(QDialog):
    """Hosts :class:`UsersAdmin`; :meth:`ask` is the entry point."""

    def __init__(self, parent: QWidget | None, actor: User, users: UserAdminPort) -> None:
        super().__init__(parent)
        self.setObjectName("users_dialog")
        self.setWindowTitle(_tr("Users"))
        self.setMinimumSize(560, 520)
        self.admin = UsersAdmin(users, actor, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.admin, 1)
        layout.addWidget(self.buttons)

    def reject(self) -> None:
        if not self.admin.busy:  # a change being saved finishes first (its result is shown here)
            super().reject()

    @classmethod
    async def ask(cls, parent: QWidget | None, actor: User, users: UserAdminPort) -> None:
        """Show the users of the shop to ``actor`` until they close the window."""
        if not actor.role.can_move_money:
            show_error(parent, _tr("Only a manager or an administrator can manage users."))
            return
        dialog = cls(parent, actor, users)
        dialog.admin.reload()
        await run_dialog_once(dialog)
