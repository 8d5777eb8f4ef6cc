"""The lock screen: an opaque panel over the whole window with the login form on it.

Shown by :class:`~epay_desktop.ui.session.session.Session` when nobody is logged in (the login form) and
when the console is locked (the same user's PIN unlocks; "Log in as someone else" switches).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.ui.common import theme
from epay_desktop.ui.session.login import DemoLogin
from epay_desktop.ui.session.login import LoginForm

if TYPE_CHECKING:
    from epay_desktop.services.people.users import UserService

__all__ = ["LockScreen"]


class LockScreen(QFrame):
    """An opaque panel over the whole window: unlock with the same PIN, or log in as someone else."""

    switch_requested = Signal()

    def __init__(self, window: QWidget, users: UserService, *, demo_users: Sequence[DemoLogin] = ()) -> None:
        super().__init__(window)
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        self.setStyleSheet(theme.style("lock_screen"))
        card = QFrame(self)
        card.setObjectName("lock_card")
        card.setFixedWidth(420)
        card.installEventFilter(self)  # its height follows its wrapped texts (see eventFilter)
        self._card = card
        self.form = LoginForm(users, demo_users=demo_users, parent=card)
        self.switch_button = QPushButton(self.tr("Log in as someone else"))
        self.switch_button.setObjectName("switch_user_button")
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(self.switch_requested)
        self._locked_user: User | None = None  # None: the login form; else the unlock form
        self.form.retranslated.connect(self._retranslate)  # a language switch: the texts of this mode
        inner = QVBoxLayout(card)
        inner.setContentsMargins(12, 12, 12, 16)
        inner.addWidget(self.form)
        self.form.main_layout.addWidget(self.switch_button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        window.installEventFilter(self)
        self.hide()

    def set_environment(self, environment: str | None) -> None:
        """The SANDBOX/TEST badge on the form, at login and when locked alike (none in production)."""
        self.form.set_environment(environment)

    def show_unlock(self, user: User) -> None:
        """Locked: the same user's PIN unlocks; "Log in as someone else" switches."""
        self._locked_user = user
        self._unlock_texts(user)
        self.form.set_fixed_user(user.name)
        self.switch_button.show()
        self._cover()

    def _unlock_texts(self, user: User) -> None:
        self.form.title_label.setText(self.tr("The console is locked"))
        self.form.hint_label.setText(
            self.tr("{name}, enter your PIN or password to continue.").format(name=user.name)
        )
        self.form.login_button.setText(self.tr("Unlock"))

    def show_login(self) -> None:
        """Nobody logged in (start, switch user, log out): the normal login form."""
        self._locked_user = None
        self._login_texts()
        self.form.set_fixed_user(None)
        self.switch_button.hide()
        self._cover()

    def _login_texts(self) -> None:
        self.form.title_label.setText(self.tr("Log in to the ePay console"))
        self.form.hint_label.setText(self.tr("Enter your name and your PIN or password."))
        self.form.login_button.setText(self.tr("Log in"))

    def _retranslate(self) -> None:
        """The form re-translated its own texts; this mode's title, hint and button on top."""
        self.switch_button.setText(self.tr("Log in as someone else"))
        if self._locked_user is not None:
            self._unlock_texts(self._locked_user)
        else:
            self._login_texts()

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.form.focus_first_empty()

    def fit_card(self) -> None:
        """The card as tall as its texts need at its width: a wrapped hint or error (longer in
        Kazakh and Russian) must not squeeze the buttons under it (a box layout gives a widget its
        size hint's height, which does not know a word-wrapped label's second line)."""
        needed = self._card.heightForWidth(self._card.width())
        if needed > 0 and needed != self._card.minimumHeight():
            self._card.setMinimumHeight(needed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._card and event.type() == QEvent.Type.LayoutRequest:
            self.fit_card()
            return False
        parent = self.parentWidget()
        if (
            watched is parent
            and parent is not None
            and event.type() == QEvent.Type.Resize
            and self.isVisible()
        ):
            self.setGeometry(parent.rect())
        return False
