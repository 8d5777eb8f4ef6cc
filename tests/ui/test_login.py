"""LoginForm / LoginDialog: one check per click, the service's words for wrong PINs and locks, demo users."""

from __future__ import annotations

import asyncio
from datetime import UTC
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QPushButton

from epay_desktop.domain import AccountLocked
from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.ui.session.login import DemoLogin
from epay_desktop.ui.session.login import LoginDialog
from epay_desktop.ui.session.login import LoginForm

LEFT = Qt.MouseButton.LeftButton
T0 = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
CASHIER = User(1, "Aigerim", Role.CASHIER, True, 0, None, T0)


def _dialog(qtbot, aloop, users, **kw):
    task = asyncio.ensure_future(LoginDialog.ask(None, users, **kw), loop=aloop)
    found: list[LoginDialog] = []

    def visible() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible)
    return task, found[0]


def test_login_returns_the_user(qtbot, aloop, fake_services):
    fake_services.users.authenticate.result = CASHIER
    task, dialog = _dialog(qtbot, aloop, fake_services.users)
    form = dialog.form
    assert not form.login_button.isEnabled()
    qtbot.keyClicks(form.name_edit, "Aigerim")
    assert not form.login_button.isEnabled()
    qtbot.keyClicks(form.secret_edit, "1111")
    assert form.login_button.isEnabled()
    qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(task.done)
    assert task.result() == CASHIER
    assert fake_services.users.authenticate.calls == [(("Aigerim", "1111"), {})]
    assert form.demo_box is None  # not demo mode: no PINs anywhere


def test_wrong_pin_and_locked_account_show_the_service_message(qtbot, aloop, fake_services):
    auth = fake_services.users.authenticate
    auth.error = AuthenticationFailed("Wrong user name or password/PIN.")
    task, dialog = _dialog(qtbot, aloop, fake_services.users)
    form = dialog.form
    form.fill("Aigerim", "0000")
    qtbot.mouseClick(form.login_button, LEFT)
    qtbot.waitUntil(form.error_label.isVisible)
    assert form.error_label.text() == "Wrong user name or password/PIN."
    assert form.secret_edit.text() == ""
    locked = "Too many wrong passwords/PINs: this account is locked until 15.01.2026 14:30."
    auth.error = AccountLocked(locked)
    qtbot.keyClicks(form.secret_edit, "1234")
    qtbot.mouseClick(form.login_button, LEFT)
    qtbot.waitUntil(lambda: form.error_label.text() == locked)
    assert not task.done()
    dialog.reject()
    qtbot.waitUntil(task.done)
    assert task.result() is None


def test_double_click_checks_once(qtbot, aloop, fake_services):
    auth = fake_services.users.authenticate
    auth.result = CASHIER
    auth.hold()
    form = LoginForm(fake_services.users)
    qtbot.addWidget(form)
    form.fill("Aigerim", "1111")
    qtbot.mouseClick(form.login_button, LEFT)
    qtbot.waitUntil(lambda: len(auth.calls) == 1)
    assert not form.login_button.isEnabled()
    form.submit()
    qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(form.logged_in) as signal:
        auth.release()
    assert signal.args == [CASHIER]
    assert len(auth.calls) == 1


def test_demo_mode_lists_demo_users_and_fills_them_in(qtbot, aloop, fake_services):
    demo = [DemoLogin("Aigerim", "1111", Role.CASHIER), DemoLogin("Daniyar", "2222", Role.MANAGER)]
    form = LoginForm(fake_services.users, demo_users=demo)
    qtbot.addWidget(form)
    form.show()
    buttons = [b for b in form.findChildren(QPushButton) if b.objectName() == "demo_user"]
    assert [b.text() for b in buttons] == ["Aigerim (cashier): PIN 1111", "Daniyar (manager): PIN 2222"]
    qtbot.mouseClick(buttons[1], LEFT)
    assert (form.name_edit.text(), form.secret_edit.text()) == ("Daniyar", "2222")
    assert form.login_button.isEnabled()
