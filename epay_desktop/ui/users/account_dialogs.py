"""Small questions the Users window asks before changing an account: a new PIN (typed twice, never
shown) and a new role. Each ``ask`` returns the answer, or None when the manager cancels; the change
itself is made by the Users window through the user service."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.services.people.passwords import WeakSecret
from epay_desktop.services.people.passwords import check_secret
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.naming import named
from epay_desktop.ui.session.login import role_text
from epay_desktop.ui.widgets.form_parts import text_label

__all__ = ["ResetPinDialog", "RoleDialog", "say_problem", "secret_problem"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("UserAccountDialogs", text)


def secret_problem(secret: str, again: str) -> str:
    """What is wrong with a new PIN/password typed twice ('' when it can be used): the service's own
    rules (``check_secret``: a PIN has at least 4 digits, a password at least 8 characters)."""
    if not secret:
        return _tr("Type the new PIN or password.")
    try:
        check_secret(secret)
    except WeakSecret as exc:
        return user_message_of(exc) or _tr("This PIN or password cannot be used.")
    if not again:
        return _tr("Type the PIN or password again in Repeat it.")
    if secret != again:
        return _tr("The two PINs or passwords are not the same.")
    return ""


def say_problem(label: QLabel, problem: str, *typed_in: QLineEdit) -> None:
    """Show ``problem`` (why the form's button is greyed) in ``label`` once something is typed into
    ``typed_in``: an empty form needs no scolding, a PIN too short is said, not only in a tooltip."""
    label.setText(problem if any(edit.text() for edit in typed_in) else "")


class ResetPinDialog(QDialog):
    """A new PIN or password for ``name``, typed twice; OK only when it can be used."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName("reset_pin_dialog")
        self.setWindowTitle(_tr("Reset the PIN of {name}").format(name=name))
        self.pin_edit = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "reset_pin_edit")
        self.pin_again_edit = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "reset_pin_again_edit")
        for edit in (self.pin_edit, self.pin_again_edit):
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no copy/paste of the PIN
        self.problem_label = text_label("reset_pin_problem", "error_text")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_tr("Set the new PIN"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        intro = QLabel(
            _tr(
                "{name} logs in with the new PIN or password from now on; a lock after wrong tries is "
                "cleared too. Tell it to them in person."
            ).format(name=name),
            wordWrap=True,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(_tr("New PIN or password"), self.pin_edit)
        form.addRow(_tr("Repeat it"), self.pin_again_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.pin_edit.textChanged.connect(self._update)
        self.pin_again_edit.textChanged.connect(self._update)
        self._update()

    def problem(self) -> str:
        return secret_problem(self.pin_edit.text(), self.pin_again_edit.text())

    def _update(self) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(not problem)
        self.ok_button.setToolTip(problem)
        say_problem(self.problem_label, problem, self.pin_edit, self.pin_again_edit)

    def accept(self) -> None:
        if not self.problem():  # Enter in a field must not pass a PIN that cannot be used
            super().accept()

    @classmethod
    async def ask(cls, parent: QWidget | None, name: str) -> str | None:
        """The new PIN/password for ``name``, or None if cancelled. The fields are cleared at once."""
        dialog = cls(parent, name)
        accepted = await run_dialog_once(dialog) == QDialog.DialogCode.Accepted
        secret = dialog.pin_edit.text() if accepted and shiboken6.isValid(dialog) else None
        if shiboken6.isValid(dialog):
            dialog.pin_edit.clear()
            dialog.pin_again_edit.clear()
        return secret


class RoleDialog(QDialog):
    """Another role for ``user``, chosen from ``roles`` (those the manager may give)."""

    def __init__(self, parent: QWidget | None, user: User, roles: list[Role]) -> None:
        super().__init__(parent)
        self.setObjectName("role_dialog")
        self.setWindowTitle(_tr("Change the role of {name}").format(name=user.name))
        self.role_combo = named(QComboBox(), "change_role_combo")
        for role in roles:
            self.role_combo.addItem(role_text(role), role.value)
        intro = QLabel(
            _tr(
                "{name} is a {role} now. The new role takes effect at once, also if they are logged in."
            ).format(name=user.name, role=role_text(user.role)),
            wordWrap=True,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(
            _tr(
                "A cashier takes payments; a manager also refunds, charges, cancels, approves and "
                "manages users; an administrator also manages administrators."
            ),
            wordWrap=True,
        )
        hint.setStyleSheet(theme.style("note_text"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Change role"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_tr("New role"), self.role_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def chosen(self) -> Role:
        return Role(self.role_combo.currentData())

    @classmethod
    async def ask(cls, parent: QWidget | None, user: User, roles: list[Role]) -> Role | None:
        """The role chosen for ``user``, or None if cancelled."""
        dialog = cls(parent, user, roles)
        accepted = await run_dialog_once(dialog) == QDialog.DialogCode.Accepted
        return dialog.chosen() if accepted and shiboken6.isValid(dialog) else None
