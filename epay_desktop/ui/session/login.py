"""Logging in: a name + PIN/password form, the login dialog, and the lock screen laid over the window.

The form calls ``UserService.authenticate`` once per click (the button disables itself while it
runs) and shows the service's own sentence for a wrong PIN or a locked account. In demo mode the
demo users and their PINs are listed under the form; a click fills them in. Nothing else ever shows
a PIN.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.common import theme
from epay_desktop.ui.common.asyncqt import busy_indicator
from epay_desktop.ui.common.asyncqt import run_dialog_once
from epay_desktop.ui.common.asyncqt import spawn
from epay_desktop.ui.common.asyncqt import user_message_of
from epay_desktop.ui.common.language import LANGUAGES
from epay_desktop.ui.common.language import NATIVE_NAMES
from epay_desktop.ui.common.language import current_language
from epay_desktop.ui.common.language import settle_language_after_login
from epay_desktop.ui.common.language import translations
from epay_desktop.ui.widgets.env_badge import EnvironmentBadge
from epay_desktop.ui.widgets.form_parts import name_and_secret
from epay_desktop.ui.widgets.form_parts import text_label

if TYPE_CHECKING:
    from epay_desktop.services.people.users import UserService

__all__ = ["DemoLogin", "LanguageSelector", "LoginDialog", "LoginForm", "role_text"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Login", text)


def role_text(role: Role) -> str:
    """A role in the interface language."""
    names = {Role.CASHIER: _tr("cashier"), Role.MANAGER: _tr("manager"), Role.ADMIN: _tr("administrator")}
    return names.get(Role(role), str(role))


class LanguageSelector(QWidget):
    """Қазақша / Русский / English: each in its own language, no flags; a click switches the
    interface at once (``language.translations().switch``)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("language_selector")
        self.buttons: dict[str, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        for code in LANGUAGES:
            button = QPushButton(NATIVE_NAMES[code])  # never translated: each reader finds their own
            button.setObjectName(f"language_{code}")
            button.setCheckable(True)
            button.setFlat(True)
            button.setAutoDefault(False)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet(theme.style("language_button"))  # chosen: underlined, not bold (fits)
            button.clicked.connect(lambda _=False, c=code: self.choose(c))
            self._group.addButton(button)
            self.buttons[code] = button
            row.addWidget(button)
        self.show_current()

    def choose(self, code: str) -> None:
        """Switch the interface to ``code`` (kk/ru/en)."""
        if code != current_language():
            translations().switch(code)
        self.show_current()
        self.chosen.emit(code)

    def show_current(self) -> None:
        self.buttons[current_language()].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.show_current()


@dataclass(frozen=True, slots=True)
class DemoLogin:
    """A demo user shown on the login screen in demo mode only."""

    name: str
    pin: str
    role: Role


class LoginForm(QWidget):
    """Name + PIN/password and a "Log in" button; emits ``logged_in(User)`` after a successful check."""

    logged_in = Signal(object)  # User
    retranslated = Signal()  # after the texts were set again in the new language (LanguageChange)

    def __init__(
        self, users: UserService, *, demo_users: Sequence[DemoLogin] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._users = users
        self._task: asyncio.Task[None] | None = None
        translations()  # from here on every text of the form can be re-translated (language.py)
        self._demo_users = tuple(demo_users)
        self._demo_buttons: list[QPushButton] = []
        self._language_chosen = False  # the selector was used since the last login
        self.language_selector = LanguageSelector()
        self.language_selector.chosen.connect(self._on_language_chosen)
        self.environment_badge = EnvironmentBadge()  # SANDBOX / TEST; hidden in production
        self.title_label = QLabel(self.tr("Log in to the ePay console"))
        self.title_label.setStyleSheet("QLabel { font-size: 18px; font-weight: 600; }")
        self.hint_label = QLabel(self.tr("Enter your name and your PIN or password."))
        self.hint_label.setWordWrap(True)
        self.name_edit, self.secret_edit = name_and_secret(
            ("login_name", "login_secret"), self.tr("Your name"), self.tr("PIN or password")
        )
        self.error_label = text_label("login_error", "error_label", hidden=True)
        # e.g. the database check that a log-in waits for (show_notice)
        self.notice_label = text_label("login_notice", hidden=True)
        self._notice_text: str | Callable[[], str] = ""
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("login_button")
        self.login_button.setDefault(True)
        self.name_label = QLabel(self.tr("User"))
        self.secret_label = QLabel(self.tr("PIN or password"))
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.secret_label, self.secret_edit)
        self.main_layout = layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.language_selector)
        layout.addWidget(self.environment_badge)
        layout.addWidget(self.title_label)
        layout.addWidget(self.hint_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.login_button)
        self.demo_box = self._demo_box(demo_users) if demo_users else None
        if self.demo_box is not None:
            layout.addWidget(self.demo_box)
        self.name_edit.textChanged.connect(self._update_button)
        self.secret_edit.textChanged.connect(self._update_button)
        self.name_edit.returnPressed.connect(self.secret_edit.setFocus)
        self.secret_edit.returnPressed.connect(self.submit)
        self.login_button.clicked.connect(self.submit)
        self._update_button()

    def _demo_box(self, demo_users: Sequence[DemoLogin]) -> QFrame:
        box = QFrame()
        box.setObjectName("demo_box")
        box.setStyleSheet(theme.style("demo_box"))
        column = QVBoxLayout(box)
        column.addWidget(QLabel(self.tr("Demo mode: sandbox gateway, no real money.")))
        column.addWidget(QLabel(self.tr("Demo users (click to fill in):")))
        for demo in demo_users:
            button = QPushButton(self._demo_text(demo))
            button.setObjectName("demo_user")
            button.setFlat(True)
            button.setAutoDefault(False)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(self.tr("Click to fill in this user"))
            button.clicked.connect(lambda _=False, d=demo: self.fill(d.name, d.pin))
            column.addWidget(button)
            self._demo_buttons.append(button)
        return box

    def _demo_text(self, demo: DemoLogin) -> str:
        return self.tr("{name} ({role}): PIN {pin}").format(
            name=demo.name, role=role_text(demo.role), pin=demo.pin
        )

    # -- language ----------------------------------------------------------------------------------

    def _on_language_chosen(self, _code: str) -> None:
        self._language_chosen = True
        self.focus_first_empty()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Every text of the form again in the interface language now (then ``retranslated``)."""
        self.title_label.setText(self.tr("Log in to the ePay console"))
        self.hint_label.setText(self.tr("Enter your name and your PIN or password."))
        self.name_edit.setPlaceholderText(self.tr("Your name"))
        self.secret_edit.setPlaceholderText(self.tr("PIN or password"))
        self.login_button.setText(self.tr("Log in"))
        self.name_label.setText(self.tr("User"))
        self.secret_label.setText(self.tr("PIN or password"))
        for button, demo in zip(self._demo_buttons, self._demo_users, strict=True):
            button.setText(self._demo_text(demo))
            button.setToolTip(self.tr("Click to fill in this user"))
        if callable(self._notice_text):
            self.notice_label.setText(self._notice_text())
        error = getattr(self, "_error_text", "")
        if callable(error) and not self.error_label.isHidden():  # a refused login, in the new words
            self.error_label.setText(error())
        self.retranslated.emit()

    # -- state -----------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def set_environment(self, environment: str | None) -> None:
        """Show the big SANDBOX/TEST badge on the form (nothing in production)."""
        self.environment_badge.set_environment(environment)

    def fill(self, name: str, secret: str = "") -> None:
        self.name_edit.setText(name)
        self.secret_edit.setText(secret)
        (self.login_button if secret else self.secret_edit).setFocus()

    def set_fixed_user(self, name: str | None) -> None:
        """Lock-screen mode: the name is shown but cannot be edited (None: editable again)."""
        self.name_edit.setText(name or "")
        self.name_edit.setReadOnly(name is not None)
        self.secret_edit.clear()
        self.show_error("")

    def focus_first_empty(self) -> None:
        (self.secret_edit if self.name_edit.text().strip() else self.name_edit).setFocus()

    def show_error(self, message: str | Callable[[], str]) -> None:
        """Say ``message`` under the form ('' hides it); a function is asked again after a switch."""
        self._error_text = message
        text = message() if callable(message) else message
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def show_notice(self, message: str | Callable[[], str]) -> None:
        """Say ``message`` above the button, not as an error ('' hides it); a function is asked again
        after a language switch."""
        self._notice_text = message
        text = message() if callable(message) else message
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def _update_button(self) -> None:
        ready = bool(self.name_edit.text().strip() and self.secret_edit.text()) and not self.busy
        self.login_button.setEnabled(ready)

    # -- the one action --------------------------------------------------------------------------

    def submit(self) -> None:
        """Check the name and PIN once; a second press while checking does nothing."""
        if self.busy or not (self.name_edit.text().strip() and self.secret_edit.text()):
            return
        self._task = spawn(self._authenticate(self.name_edit.text().strip(), self.secret_edit.text()))
        busy_indicator().track(self._task, self)  # checking a PIN can take a moment (key stretching)
        self._update_button()

    async def _authenticate(self, name: str, secret: str) -> None:
        self.show_error("")
        try:
            user = await self._users.authenticate(name, secret)
        except Exception as exc:
            message = user_message_of(exc)
            if message is None:
                raise
            refused, said = exc, message
            if shiboken6.isValid(self):
                self.show_error(lambda: user_message_of(refused) or said)  # said again after a switch
                self.secret_edit.clear()
                self.secret_edit.setFocus()
            return
        finally:
            if shiboken6.isValid(self):
                self._task = None
                self._update_button()
        self.secret_edit.clear()
        self.show_error("")
        settle_language_after_login(user.name, chosen_here=self._language_chosen)
        self._language_chosen = False
        self.logged_in.emit(user)


class LoginDialog(QDialog):
    """The login form in a dialog; :meth:`ask` is the only entry point."""

    def __init__(
        self,
        users: UserService,
        *,
        demo_users: Sequence[DemoLogin] = (),
        environment: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        # Qt adds " — ePay Desktop" (ui/common/titles.py); retranslated by language.Translations (the
        # title is exactly tr()'s text)
        self.setWindowTitle(self.tr("Log in"))
        self.user: User | None = None
        self.form = LoginForm(users, demo_users=demo_users, parent=self)
        self.form.set_environment(environment)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.form.logged_in.connect(self._done)
        self.setMinimumWidth(420)

    def _done(self, user: User) -> None:
        self.user = user
        self.accept()

    def reject(self) -> None:
        if not self.form.busy:
            super().reject()

    @classmethod
    async def ask(
        cls,
        parent: QWidget | None,
        users: UserService,
        *,
        demo_users: Sequence[DemoLogin] = (),
        environment: str | None = None,
    ) -> User | None:
        """Show the dialog (``open()``, never ``exec()``); the user who logged in, or None if closed."""
        dialog = cls(users, demo_users=demo_users, environment=environment, parent=parent)
        dialog.form.focus_first_empty()
        await run_dialog_once(dialog)
        return dialog.user
