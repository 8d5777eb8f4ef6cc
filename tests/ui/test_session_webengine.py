"""Session + a real QtWebEngine page: watching input never crashes the process, and typing into the
page keeps the idle lock away.

The session used to watch input with an application-wide event filter; PySide then wrapped QtQuick's
and QtWebEngine's internal objects as a checkout page took the focus and the process died (SIGSEGV).
These tests load real pages in watched windows and drive real (window-level) input into them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from collections.abc import Iterator
from datetime import UTC
from datetime import datetime
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.checkout.policy import DEFAULT_RETURN_BASE
from epay_desktop.ui.checkout.view import CheckoutView
from epay_desktop.ui.session.session import Session

pytestmark = pytest.mark.browser
LEFT = Qt.MouseButton.LeftButton
CASHIER = User(1, "Aigerim", Role.CASHIER, True, 0, None, datetime(2026, 1, 15, 9, 0, tzinfo=UTC))
#: One text field over the whole page (a click anywhere focuses it) that notes the input it saw.
PAGE = """<!doctype html><html><body style="margin:0;overflow:hidden">
<textarea id="field" autofocus style="box-sizing:border-box;width:100vw;height:100vh"></textarea>
<script>
  window.seen = [];
  ["mousemove", "keydown"].forEach(function (kind) {
    addEventListener(kind, function () { if (seen.indexOf(kind) < 0) seen.push(kind); });
  });
</script></body></html>"""
KEYS = (Qt.Key.Key_K, Qt.Key.Key_Z, Qt.Key.Key_T)


@pytest.fixture
def window(qtbot: Any) -> Iterator[QMainWindow]:
    win = QMainWindow()
    win.resize(900, 640)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    shiboken6.delete(win)  # its pages go with it, before the module's profile


@pytest.fixture
def session(window: QMainWindow, fake_services: Any, aloop: Any, qtbot: Any) -> Session:
    """A session on ``window`` with the cashier logged in (the idle timer running)."""
    fake_services.users.authenticate.result = CASHIER
    s = Session(window, fake_services.users, idle_minutes=15)
    task = asyncio.ensure_future(s.log_in(), loop=aloop)
    s.lock_screen.form.fill("Aigerim", "1111")
    qtbot.mouseClick(s.lock_screen.form.login_button, LEFT)
    qtbot.waitUntil(task.done)
    assert s.user == CASHIER and not s.is_locked
    return s


def wait_js(
    qtbot: Any, page: QWebEnginePage, code: str, expected: str, before: Callable[[], None] = lambda: None
) -> None:
    """Evaluate ``code`` (a string expression) in the page until it returns ``expected``; ``before()``
    runs before each evaluation."""
    last: list[Any] = []

    def check() -> bool:
        if not last or last[-1] is not None:  # one evaluation at a time
            if last and last[-1] == expected:
                return True
            before()
            last.append(None)
            page.runJavaScript(code, 0, lambda value: last.__setitem__(-1, value))
        return False

    qtbot.waitUntil(check, timeout=10_000)


def drive_input(qtbot: Any, session: Session, host: QWidget, web: QWidget, page: QWebEnginePage) -> None:
    """Move the mouse over the page, click into it and type, as a person would: through the window."""
    top = host.window()
    handle = top.windowHandle()
    centre = web.mapTo(top, web.rect().center())
    top.activateWindow()  # keys go to the focused widget of the active window only
    qtbot.waitUntil(top.isActiveWindow)
    session._idle.stop()
    qtbot.mouseMove(handle, centre)
    assert session._idle.isActive()  # the mouse over the page is activity
    wait_js(qtbot, page, "seen.join()", "mousemove")  # and the page saw it
    session._idle.stop()
    qtbot.mouseClick(handle, LEFT, pos=centre)
    assert session._idle.isActive()
    qtbot.waitUntil(lambda: web.isAncestorOf(QApplication.focusWidget()))
    # Chromium takes the keyboard a moment after Qt gave the view the focus: Shift until a key arrives
    wait_js(qtbot, page, "seen.join()", "mousemove,keydown", lambda: qtbot.keyClick(handle, Qt.Key.Key_Shift))
    session._idle.stop()
    for key in KEYS:
        qtbot.keyClick(handle, key)
    assert session._idle.isActive()  # so is typing into it
    assert session._idle.remainingTime() > 14 * 60_000
    wait_js(qtbot, page, "document.getElementById('field').value", "kzt")


def test_typing_into_a_checkout_page_in_the_new_payment_window(
    qtbot: Any, session: Session, window: QMainWindow, profile: QWebEngineProfile
) -> None:
    """The checkout browser (hardened profile, own page class) in a dialog of the window: the set-up
    that crashed with the application-wide filter."""
    dialog = QDialog(window)
    dialog.resize(800, 600)
    view = CheckoutView(profile, {"127.0.0.1"}, parent=dialog)
    QVBoxLayout(dialog).addWidget(view)
    session.watch(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(view.page.loadFinished, timeout=15_000) as loaded:
        view.page.show_local(PAGE, DEFAULT_RETURN_BASE + "/idle-test")
    assert loaded.args == [True]
    assert session.watches(dialog)
    drive_input(qtbot, session, dialog, view.web, view.page)
    session.lock()  # and the lock still hides the window with the page
    assert not dialog.isVisible() and session.lock_screen.isVisible()


def test_a_page_set_with_set_html_in_the_session_window(
    qtbot: Any, session: Session, window: QMainWindow
) -> None:
    view = QWebEngineView()
    window.setCentralWidget(view)
    with qtbot.waitSignal(view.loadFinished, timeout=15_000) as loaded:
        view.setHtml(PAGE, QUrl("http://localhost/"))
    assert loaded.args == [True]
    drive_input(qtbot, session, window, view, view.page())
