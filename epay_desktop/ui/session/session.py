"""Who is at the counter: the current user, switching user, and the idle lock.

The lock only hides the window behind :class:`LockScreen` (an opaque panel with the login form);
nothing stops.
The poller, the reconciler, the event bridge and any money operation already sent keep running,
so payments and refunds in flight are still settled and the list is current when someone unlocks.

While locked (or while nobody is logged in) the window's menu shortcuts do nothing, and dialogs
the window had open are hidden: the same user gets them back on unlock; a different user's
login closes them (a dialog still sending an operation ignores that and finishes by itself).

Activity is key, mouse, wheel or touch input in a watched window (:meth:`Session.watch`; the
session's own window and its dialogs are watched by themselves), never an application-wide event
filter: that one segfaults the process when QtWebEngine loads a page (see :mod:`.activity`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import User
from epay_desktop.ui.session.activity import InputWatcher
from epay_desktop.ui.session.lock_screen import LockScreen
from epay_desktop.ui.session.login import DemoLogin

if TYPE_CHECKING:
    from epay_desktop.services.people.users import UserService

__all__ = ["DEFAULT_IDLE_MINUTES", "LockScreen", "Session"]

DEFAULT_IDLE_MINUTES = 15


class Session(QObject):
    """The logged-in user of one window. Signals: ``user_changed(User | None)``, ``lock_changed(bool)``.

    ``idle_minutes``: lock after this long without keyboard, mouse or touch input in a watched
    window (0: never).
    ``demo_users``: listed with their PINs on the login/lock screen (demo mode only).
    """

    user_changed = Signal(object)  # User | None
    lock_changed = Signal(bool)  # True: the window is covered

    def __init__(
        self,
        window: QWidget,
        users: UserService,
        *,
        idle_minutes: float = DEFAULT_IDLE_MINUTES,
        demo_users: Sequence[DemoLogin] = (),
    ) -> None:
        super().__init__(window)
        self._window = window
        self._user: User | None = None
        self._covered = False
        self._hidden_dialogs: list[QDialog] = []
        self._waiters: list[asyncio.Future[User]] = []
        self.lock_screen = LockScreen(window, users, demo_users=demo_users)
        self.lock_screen.form.logged_in.connect(self._on_logged_in)
        self.lock_screen.switch_requested.connect(self.switch_user)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.lock)
        self._input = InputWatcher(self, self._restart_idle, lambda: self._covered)
        self._input.watch(window)
        self.set_idle_minutes(idle_minutes)

    # -- state -----------------------------------------------------------------------------------

    @property
    def user(self) -> User | None:
        """Who is logged in (also while the screen is locked); None before the first login."""
        return self._user

    @property
    def is_locked(self) -> bool:
        """Whether the window is covered (locked, switching user or nobody logged in)."""
        return self._covered

    def idle_interval_ms(self) -> int:
        return self._idle.interval()

    def set_idle_minutes(self, minutes: float) -> None:
        """Lock after ``minutes`` without input; 0 turns the idle lock off. Applies at once."""
        self._idle.setInterval(max(0, int(minutes * 60_000)))
        self._restart_idle()

    def watch(self, widget: QWidget) -> None:
        """Input in ``widget``'s top-level window keeps the lock away; its shortcuts stop while locked.

        For top-level windows the session guards besides its own (the "New payment" window);
        dialogs of a watched window are watched as soon as they get the focus.
        """
        self._input.watch(widget)

    def watches(self, widget: QWidget) -> bool:
        """Whether input in ``widget``'s top-level window counts as activity."""
        return self._input.watches(widget)

    # -- commands --------------------------------------------------------------------------------

    async def log_in(self) -> User:
        """Cover the window with the login form and return whoever logs in."""
        future: asyncio.Future[User] = asyncio.get_event_loop().create_future()
        self._waiters.append(future)
        self._user = None
        self.lock_screen.show_login()
        self._set_covered(True)
        return await future

    def lock(self) -> None:
        """Cover the window; the same user's PIN unlocks it. Nothing stops running underneath."""
        if self._user is None or self._covered:
            return
        _close_menus()
        self._hide_dialogs()
        self.lock_screen.show_unlock(self._user)
        self._set_covered(True)

    def switch_user(self) -> None:
        """Back to the login form without closing the window; the next login becomes the user."""
        _close_menus()
        self._hide_dialogs()
        self.lock_screen.show_login()
        self._set_covered(True)

    def log_out(self) -> None:
        """Forget the user and show the login form; the window's dialogs are closed."""
        _close_menus()
        self._hide_dialogs()
        self._close_hidden_dialogs()
        had_user = self._user is not None
        self._user = None
        self.lock_screen.show_login()
        self._set_covered(True)
        if had_user:
            self.user_changed.emit(None)

    # -- internals -------------------------------------------------------------------------------

    def _on_logged_in(self, user: User) -> None:
        same = self._user is not None and self._user.id == user.id
        self._user = user
        if same:
            for dialog in self._hidden_dialogs:
                if shiboken6.isValid(dialog):
                    dialog.show()
            self._hidden_dialogs.clear()
        else:
            self._close_hidden_dialogs()
        self.lock_screen.hide()
        self._set_covered(False)
        if not same:
            self.user_changed.emit(user)
        waiters, self._waiters = self._waiters, []
        for future in waiters:
            if not future.done():
                future.set_result(user)

    def _set_covered(self, covered: bool) -> None:
        changed = covered != self._covered
        self._covered = covered
        self._restart_idle()
        if changed:
            self.lock_changed.emit(covered)

    def _restart_idle(self) -> None:
        if self._user is not None and not self._covered and self._idle.interval() > 0:
            self._idle.start()
        else:
            self._idle.stop()

    def _belongs_to_window(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self._window:
                return True
            parent = parent.parentWidget()
        return False

    def _hide_dialogs(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and self._belongs_to_window(widget):
                widget.hide()
                self._hidden_dialogs.append(widget)
                widget.finished.connect(lambda _r, d=widget: self._forget_dialog(d))

    def _forget_dialog(self, dialog: QDialog) -> None:
        """A hidden dialog finished by itself (its operation ended): never show it again."""
        if dialog in self._hidden_dialogs:
            self._hidden_dialogs.remove(dialog)

    def _close_hidden_dialogs(self) -> None:
        dialogs, self._hidden_dialogs = self._hidden_dialogs, []
        for dialog in dialogs:
            if shiboken6.isValid(dialog):
                dialog.reject()


def _close_menus() -> None:
    """An open menu would stay above the lock screen, and a click on it would still act."""
    popup = QApplication.activePopupWidget()
    while popup is not None:
        popup.close()
        following = QApplication.activePopupWidget()
        popup = None if following is popup else following
