"""Issue 7, point 9: opening and closing the main window's dialogs a hundred times raises nothing and
leaves the idle lock watching the main window.

The defect: ``InputWatcher._on_focus_window_changed`` walked ``QWindow.transientParent()``. PySide6
records the returned window as a child of the dialog's window wrapper; when the dialog (About,
deleted on close) went, the main window's wrapper was marked deleted too, the main window dropped out
of the watched windows (input there no longer kept the lock away) and the next use of the wrapper
raised ``RuntimeError: Internal C++ object (PySide6.QtGui.QWindow) already deleted``.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC
from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from epay_desktop.domain import ConsoleStatus as S
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.app.flows import money_flow
from epay_desktop.ui.common.asyncqt import show_error
from epay_desktop.ui.common.asyncqt import start_action
from epay_desktop.ui.money.refund_dialog import RefundDialog
from epay_desktop.ui.session.session import Session
from epay_desktop.ui.window.main_window import MainWindow

NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
MANAGER = User(1, "Daniyar", Role.MANAGER, True, 0, None, NOW)
ROUNDS = 100


@pytest.fixture
def errors(monkeypatch):
    """Everything that reaches sys.excepthook (slots, virtual overrides, tasks) during the test."""
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: caught.append(exc))
    return caught


@pytest.fixture
def console(qtbot, aloop, fake_services, make_payment):
    fake_services.queries.add(make_payment(status=S.CHARGE))
    fake_services.users.authenticate.result = MANAGER
    window = MainWindow(
        fake_services.queries, fake_services.receipts, environment="sandbox", clock=lambda: NOW
    )
    qtbot.addWidget(window)
    session = Session(window, fake_services.users, idle_minutes=15)
    session.user_changed.connect(window.set_user)
    window.refund_requested.connect(
        lambda invoice: start_action(
            window, "refund", lambda: money_flow("refund", window, fake_services, MANAGER, invoice)
        )
    )
    window.show()
    qtbot.waitExposed(window)
    login = asyncio.ensure_future(session.log_in(), loop=aloop)
    form = session.lock_screen.form
    qtbot.waitUntil(form.isVisible)
    form.fill("Daniyar", "2222")
    qtbot.mouseClick(form.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(login.done)
    qtbot.waitUntil(lambda: window.payments_view.model.rowCount() == 1)
    return window, session


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def visible(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_about_a_hundred_times(qtbot, console, errors):
    window, session = console
    for _ in range(ROUNDS):
        window.commands.about.trigger()  # Help > About
        box = window.findChild(QMessageBox, "about_box")
        assert box is not None
        qtbot.waitUntil(lambda b=box: QApplication.focusWindow() is b.windowHandle(), timeout=2000)
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        flush_deletes()
        assert not shiboken6.isValid(box)  # deleted on close, as in the app
    assert errors == []
    assert session.watches(window)  # input in the main window still keeps the lock away
    session._idle.stop()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Down)
    assert session._idle.isActive()


def test_every_dialog_of_the_window_a_hundred_times(qtbot, console, errors):
    """About, the refund dialog (Ctrl+R), a plain-words error box, and a box over a dialog."""
    window, session = console
    table = window.payments_view.table
    table.setFocus()
    table.setCurrentIndex(window.payments_view.model.index(0, 0))
    qtbot.waitUntil(window.commands.refund.isEnabled)
    for n in range(ROUNDS):
        window.commands.refund.trigger()  # Ctrl+R
        qtbot.waitUntil(lambda: bool(visible(RefundDialog)), timeout=2000)
        dialog = visible(RefundDialog)[0]
        if n % 10 == 0:  # a dialog's own dialog: an error box over the refund dialog
            error = show_error(dialog, "The amount is too large.")
            qtbot.waitUntil(lambda e=error: QApplication.focusWindow() is e.windowHandle(), timeout=2000)
            assert session.watches(error)
            error.accept()
            flush_deletes()
        dialog.reject()
        qtbot.waitUntil(
            lambda: not visible(RefundDialog) and not window.findChildren(RefundDialog), timeout=2000
        )
        window.commands.about.trigger()
        box = window.findChild(QMessageBox, "about_box")
        box.accept()
        flush_deletes()
    assert errors == []
    assert session.watches(window)
    session._idle.stop()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Down)
    assert session._idle.isActive()
