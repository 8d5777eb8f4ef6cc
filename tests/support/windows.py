"""The console's windows as a person meets them: what is shown on top, the login form, dialogs left open.

Used by the GUI tests that drive the real console (tests/ui, tests/e2e, tests/i18n through
``tests.support.live_console``). Every wait is on a condition, never on time.

* :func:`shown` ``(kind)``: the visible top-level windows of a kind (dialogs, message boxes...).
* :func:`wait_shown` ``(qtbot, kind)``: wait until one is shown; the first.
* :func:`log_in` ``(qtbot, controller, name, pin)``: type a name and PIN into the login form covering
  the main window, press Enter, wait until the session has that person.
* :func:`show_active` ``(qtbot, window)``: show a window and wait until it is exposed and active (keys
  and shortcuts reach the active window only).
* :func:`dismiss_dialogs`: reject every dialog still shown (what a test left open must not sit over the
  next test's widgets).
* :func:`buttons_with_icons`: a desktop whose style puts standard icons on dialog buttons (KDE, GNOME;
  the offscreen platform has none), for the span of a ``with``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QProxyStyle
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QWidget

__all__ = ["SLOW_MS", "buttons_with_icons", "dismiss_dialogs", "log_in", "show_active", "shown", "wait_shown"]

#: How long a window may take to show on a loaded two-core machine.
SLOW_MS = 15_000

W = TypeVar("W", bound=QWidget)


def shown(kind: type[W]) -> list[W]:
    """The visible top-level windows that are ``kind`` (and not deleted by Qt)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, kind) and shiboken6.isValid(w) and w.isVisible()
    ]


def wait_shown(qtbot: Any, kind: type[W], timeout: int = SLOW_MS) -> W:
    """Wait until a ``kind`` window is shown; the first of them."""
    qtbot.waitUntil(lambda: bool(shown(kind)), timeout=timeout)
    return shown(kind)[0]


def show_active(qtbot: Any, window: QWidget) -> None:
    """Show ``window``, make it the active window and wait until it is exposed and active."""
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def log_in(qtbot: Any, controller: Any, name: str, pin: str, timeout: int = SLOW_MS) -> None:
    """Type ``name`` and ``pin`` into the login form covering ``controller``'s window and press Enter, as a
    person does; wait until the session has that person."""
    form = controller.session.lock_screen.form
    qtbot.waitUntil(form.isVisible, timeout=timeout)
    form.name_edit.setText(name)  # QTest.keyClicks aborts on non-Latin text: "typed" as a paste
    form.secret_edit.clear()
    qtbot.keyClicks(form.secret_edit, pin)
    qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
    session = controller.session
    qtbot.waitUntil(lambda: session.user is not None and session.user.name == name, timeout=timeout)


def dismiss_dialogs() -> None:
    """Reject every dialog still shown."""
    for (
        widget
    ) in QApplication.topLevelWidgets():  # each looked at in turn: a rejected dialog may close others
        if isinstance(widget, QDialog) and shiboken6.isValid(widget) and widget.isVisible():
            widget.reject()


class _IconsOnButtons(QProxyStyle):
    def styleHint(self, hint: QStyle.StyleHint, *args: Any) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, *args)


@contextmanager
def buttons_with_icons() -> Iterator[None]:
    """Inside: the application's style (the same one) gives dialog buttons their standard icons, as the
    Linux desktops' themes do; after: the style by its name again."""
    name = QApplication.style().name()
    QApplication.setStyle(_IconsOnButtons(name))
    try:
        yield
    finally:
        QApplication.setStyle(name)
