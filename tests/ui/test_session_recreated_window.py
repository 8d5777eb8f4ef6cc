"""The idle lock keeps watching a window whose QWindow Qt replaced (found under Xvfb + openbox: adding a
QtWebEngine view to a window recreates its native window on X11, and input there stopped counting)."""

from __future__ import annotations

import asyncio
from datetime import UTC
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMainWindow

from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.session.session import Session

CASHIER = User(1, "Aigerim", Role.CASHIER, True, 0, None, datetime(2026, 1, 15, 9, 0, tzinfo=UTC))


def test_a_window_given_a_new_qwindow_is_still_watched(qtbot, aloop, fake_services):
    window = QMainWindow()
    window.setCentralWidget(QLabel("payments"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    fake_services.users.authenticate.result = CASHIER
    session = Session(window, fake_services.users, idle_minutes=15)
    login = asyncio.ensure_future(session.log_in(), loop=aloop)
    session.lock_screen.form.fill("Aigerim", "1111")
    qtbot.mouseClick(session.lock_screen.form.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(login.done)
    first = window.windowHandle()

    window.destroy()  # what Qt does itself when the window needs another kind of surface
    window.create()
    window.show()
    qtbot.waitExposed(window)
    assert window.windowHandle() is not first
    assert session.watches(window)
    session._idle.stop()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert session._idle.isActive()
    session.lock()  # and shortcuts are blocked there while locked, as before
    assert session.is_locked
