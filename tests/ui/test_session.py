"""Session: login over the window, idle lock, unlock, switch user; work keeps running while locked.

Input is sent to the window's ``QWindow`` (``qtbot.keyClick(window.windowHandle(), ...)``), the way a
real keyboard and mouse deliver it: the session watches windows, not the application, and QTest's
widget overloads skip the window and hand the event straight to the widget.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC
from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeyEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.services.events import PaymentUpdated
from epay_desktop.ui.app.bridge import EventBridge
from epay_desktop.ui.payments.list_model import PaymentsTableModel
from epay_desktop.ui.session.session import Session

LEFT = Qt.MouseButton.LeftButton
T0 = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
CASHIER = User(1, "Aigerim", Role.CASHIER, True, 0, None, T0)
MANAGER = User(2, "Daniyar", Role.MANAGER, True, 0, None, T0)


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    win.setCentralWidget(QLabel("payments"))
    win.resize(800, 500)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def session(window, fake_services, aloop, qtbot):
    fake_services.users.authenticate.result = CASHIER
    s = Session(window, fake_services.users, idle_minutes=15)
    task = asyncio.ensure_future(s.log_in(), loop=aloop)
    qtbot.waitUntil(s.lock_screen.isVisible)
    assert s.is_locked and s.user is None
    form = s.lock_screen.form
    form.fill("Aigerim", "1111")
    qtbot.mouseClick(form.login_button, LEFT)
    qtbot.waitUntil(task.done)
    assert task.result() == CASHIER
    return s


def test_login_covers_the_window_until_someone_logs_in(session, window):
    assert session.user == CASHIER
    assert not session.is_locked and not session.lock_screen.isVisible()
    assert session.idle_interval_ms() == 15 * 60_000


def test_idle_lock_and_unlock_with_the_same_pin(qtbot, session, window, fake_services):
    changes: list[object] = []
    session.user_changed.connect(changes.append)
    with qtbot.waitSignal(session.lock_changed) as locked:
        session.set_idle_minutes(0.0005)  # 30 ms without input
    assert locked.args == [True]
    lock = session.lock_screen
    assert lock.isVisible() and lock.geometry() == window.rect()
    assert lock.form.name_edit.isReadOnly() and lock.form.name_edit.text() == "Aigerim"
    session.set_idle_minutes(15)
    fake_services.users.authenticate.calls.clear()
    qtbot.keyClicks(lock.form.secret_edit, "1111")
    with qtbot.waitSignal(session.lock_changed) as unlocked:
        qtbot.keyClick(lock.form.secret_edit, Qt.Key.Key_Return)
    assert unlocked.args == [False]
    assert fake_services.users.authenticate.calls == [(("Aigerim", "1111"), {})]
    assert changes == []  # the same user: no user change
    assert not lock.isVisible()


def test_key_and_mouse_input_restart_the_idle_timer(qtbot, session, window):
    assert session.watches(window)
    session._idle.stop()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert session._idle.isActive()
    session._idle.stop()
    qtbot.mouseMove(window.windowHandle(), QPoint(40, 40))
    assert session._idle.isActive()
    session._idle.stop()
    qtbot.mouseClick(window.windowHandle(), LEFT, pos=QPoint(60, 60))
    assert session._idle.isActive()
    session.lock()
    qtbot.mouseMove(window.windowHandle(), QPoint(80, 80))
    assert not session._idle.isActive()  # locked: input does not count


def test_no_application_wide_event_filter(qtbot, session):
    """Events to other objects never reach the session (an app-wide filter crashes with QtWebEngine)."""
    session._idle.stop()
    stranger = QObject()
    QCoreApplication.sendEvent(
        stranger, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    )
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    qtbot.keyClick(other.windowHandle(), Qt.Key.Key_A)
    assert not session.watches(other)
    assert not session._idle.isActive()


def test_dialogs_of_the_window_are_watched_when_they_get_the_focus(qtbot, session, window):
    dialog = QDialog(window)
    edit = QLineEdit(dialog)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: session.watches(dialog))
    session._idle.stop()
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_B)
    assert edit.text() == "b"
    assert session._idle.isActive()


def test_watch_another_top_level_window(qtbot, session):
    other = QWidget()  # not shown yet, not a child of the window
    qtbot.addWidget(other)
    session.watch(other)
    session.watch(other)  # twice is harmless
    other.show()
    qtbot.waitExposed(other)
    assert session.watches(other)
    session._idle.stop()
    qtbot.keyClick(other.windowHandle(), Qt.Key.Key_A)
    assert session._idle.isActive()


def test_switch_user_from_the_lock_screen(qtbot, session, fake_services):
    changes: list[object] = []
    session.user_changed.connect(changes.append)
    session.lock()
    lock = session.lock_screen
    qtbot.mouseClick(lock.switch_button, LEFT)
    assert not lock.form.name_edit.isReadOnly() and lock.form.name_edit.text() == ""
    fake_services.users.authenticate.result = MANAGER
    lock.form.fill("Daniyar", "2222")
    qtbot.mouseClick(lock.form.login_button, LEFT)
    qtbot.waitUntil(lambda: changes == [MANAGER])
    assert session.user == MANAGER and not session.is_locked


def test_switch_user_and_log_out_commands(qtbot, session):
    changes: list[object] = []
    session.user_changed.connect(changes.append)
    session.switch_user()
    assert session.is_locked and session.lock_screen.isVisible()
    session.log_out()
    assert changes == [None] and session.user is None
    session.lock()  # nobody to lock for: stays on the login form
    assert not session.lock_screen.form.name_edit.isReadOnly()


def test_menu_shortcuts_do_nothing_while_locked(qtbot, session, window):
    action = QAction("New payment", window)
    action.setShortcut(QKeySequence(Qt.Key.Key_F2))
    window.addAction(action)
    fired: list[bool] = []
    action.triggered.connect(lambda: fired.append(True))
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    handle = window.windowHandle()
    qtbot.keyClick(handle, Qt.Key.Key_F2)
    assert fired == [True]
    session.lock()
    qtbot.keyClick(handle, Qt.Key.Key_F2)
    assert fired == [True]
    secret = session.lock_screen.form.secret_edit
    assert secret.hasFocus()
    for key in (Qt.Key.Key_1,) * 4:  # typing still reaches the lock screen's form
        qtbot.keyClick(handle, key)
    assert secret.text() == "1111"
    with qtbot.waitSignal(session.lock_changed):
        qtbot.keyClick(handle, Qt.Key.Key_Return)
    qtbot.keyClick(handle, Qt.Key.Key_F2)
    assert fired == [True, True]


def test_an_open_menu_closes_when_the_console_locks(qtbot, session, window):
    menu = QMenu(window)
    menu.addAction(QAction("Refund", menu))
    menu.popup(window.mapToGlobal(QPoint(20, 20)))
    qtbot.waitUntil(menu.isVisible)
    session.lock()
    assert not menu.isVisible()


def test_dialogs_hide_while_locked_and_come_back_for_the_same_user(qtbot, session, window, fake_services):
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.open()
    session.lock()
    assert not dialog.isVisible()
    lock = session.lock_screen
    lock.form.fill("Aigerim", "1111")
    qtbot.mouseClick(lock.form.login_button, LEFT)
    qtbot.waitUntil(dialog.isVisible)
    session.lock()
    qtbot.mouseClick(lock.switch_button, LEFT)
    fake_services.users.authenticate.result = MANAGER
    lock.form.fill("Daniyar", "2222")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(lock.form.login_button, LEFT)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_payment_updates_still_arrive_while_locked(
    qtbot, session, fake_services, fake_payments, make_payment
):
    payment = make_payment(status=ConsoleStatus.PENDING)
    fake_payments.add(payment)
    model = PaymentsTableModel(fake_payments)
    model.refresh()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    bridge = EventBridge(fake_services.events)
    bridge.payment_updated.connect(model.apply_update)
    received: list[object] = []
    bridge.payment_updated.connect(received.append)
    session.lock()
    assert session.is_locked
    paid = replace(payment, status=ConsoleStatus.CHARGE, version=2)
    fake_services.events.publish(PaymentUpdated(paid))  # what the poller does when the customer paid
    qtbot.waitUntil(lambda: model.payment_at(0).status is ConsoleStatus.CHARGE)
    assert received == [paid]
    assert session.is_locked  # nothing was shown behind the lock
    bridge.close()
