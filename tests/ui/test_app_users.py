"""The Users window opened the way a manager does (Settings menu → Users… on the REAL console: open_app +
AppController + MainWindow, real UserService on a fresh SQLite database, no gateway): reset a PIN and log
in with it, change a role, deactivate and activate again; the manager's own row says why not."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from epay_desktop.app import store_of
from epay_desktop.domain import AuthenticationFailed
from epay_desktop.domain import Role
from epay_desktop.ui.users.account_dialogs import ResetPinDialog
from epay_desktop.ui.users.account_dialogs import RoleDialog
from epay_desktop.ui.users.users_dialog import UsersDialog
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.windows import shown
from tests.support.windows import wait_shown

LEFT = Qt.MouseButton.LeftButton
SLOW = 15_000


@pytest.fixture
def console(real_console: Any) -> Any:
    """The real console, nobody logged in (tests/ui/conftest.py ``real_console``)."""
    return real_console


def open_users(console: Any, qtbot: Any) -> Any:
    """Settings menu → Users…, as the manager does; the list loaded."""
    action = console.window.commands.users
    settings_menu = next(
        m for m in console.window.menuBar().findChildren(QMenu) if m.title().replace("&", "") == "Settings"
    )
    assert action in settings_menu.actions() and action.isEnabled()
    action.trigger()
    dialog = wait_shown(qtbot, UsersDialog)
    qtbot.waitUntil(lambda: dialog.admin.model.rowCount() == 2 and not dialog.admin.busy, timeout=SLOW)
    return dialog


def select(admin: Any, name: str) -> None:
    row = next(r for r in range(admin.model.rowCount()) if admin.model.user_at(r).name == name)
    admin.table.selectRow(row)
    assert admin.selected().name == name


def reset_pin_question(console: Any, qtbot: Any, name: str) -> tuple[Any, ResetPinDialog]:
    """The manager logs in, opens Users, selects ``name`` and clicks Reset PIN: the Users window and
    the question asking for the new PIN."""
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_users(console, qtbot)
    select(dialog.admin, name)
    qtbot.mouseClick(dialog.admin.reset_button, LEFT)
    return dialog, wait_shown(qtbot, ResetPinDialog)


def close(qtbot: Any, dialog: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Close), LEFT)
    qtbot.waitUntil(lambda: not shown(UsersDialog))


def stored(console: Any, arun: Any) -> dict[str, Any]:
    return {u.name: u for u in arun(console.ctx.users.list_users(console.manager))}


def audited(console: Any, arun: Any, action: str) -> list[dict[str, Any]]:
    def work(tx: Any) -> list[dict[str, Any]]:
        return [json.loads(e.details) for e in tx.audit.entries() if e.action == action]

    return arun(store_of(console.ctx).run_read(work))


def test_the_window_says_plainly_that_changes_are_saved_at_once(console: Any, qtbot: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_users(console, qtbot)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.admin.message_label)))
    assert "Save" not in texts
    assert "Each change is saved as soon as you make it" in texts
    select(dialog.admin, MANAGER)  # one's own account: no role change, no deactivation, with the reason
    assert not dialog.admin.role_button.isEnabled()
    assert "cannot change your own role" in dialog.admin.role_button.toolTip()
    assert not dialog.admin.active_button.isEnabled()
    assert "cannot deactivate your own account" in dialog.admin.active_button.toolTip()
    close(qtbot, dialog)


def test_reset_pin_in_the_users_window_then_the_cashier_logs_in_with_it(
    console: Any, qtbot: Any, arun: Any
) -> None:
    dialog, ask = reset_pin_question(console, qtbot, CASHIER)
    admin = dialog.admin
    qtbot.keyClicks(ask.pin_edit, "12")
    assert not ask.ok_button.isEnabled() and "at least 4 digits" in ask.problem_label.text()
    qtbot.keyClicks(ask.pin_edit, "3456")
    qtbot.keyClicks(ask.pin_again_edit, "123456")
    qtbot.keyClick(ask.pin_again_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not admin.busy and "has a new PIN" in admin.message_label.text(), timeout=SLOW)
    assert "123456" not in admin.message_label.text()
    assert len(audited(console, arun, "user.password_reset")) == 1
    close(qtbot, dialog)

    console.window.commands.log_out.trigger()
    with pytest.raises(AuthenticationFailed):
        arun(console.ctx.users.authenticate(CASHIER, CASHIER_PIN))  # the old PIN is gone
    console.log_in(CASHIER, "123456")
    assert console.controller.session.user.role is Role.CASHIER


def test_change_role_in_the_users_window_takes_effect_in_the_service(
    console: Any, qtbot: Any, arun: Any
) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_users(console, qtbot)
    admin = dialog.admin
    select(admin, CASHIER)
    qtbot.mouseClick(admin.role_button, LEFT)
    ask = wait_shown(qtbot, RoleDialog)
    roles = [ask.role_combo.itemData(i) for i in range(ask.role_combo.count())]
    assert roles == ["manager"]  # a manager may not make administrators
    qtbot.mouseClick(ask.buttons.button(ask.buttons.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: not admin.busy and "is now a manager" in admin.message_label.text(), timeout=SLOW)
    assert stored(console, arun)[CASHIER].role is Role.MANAGER
    assert admin.model.index(admin.table.currentIndex().row(), 1).data() == "manager"
    assert [(d["before"], d["after"]) for d in audited(console, arun, "user.role_changed")] == [
        ("cashier", "manager")
    ]
    close(qtbot, dialog)


def test_deactivate_and_activate_again_in_the_users_window(console: Any, qtbot: Any, arun: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    dialog = open_users(console, qtbot)
    admin = dialog.admin
    select(admin, CASHIER)
    assert admin.active_button.text() == "Deactivate"
    qtbot.mouseClick(admin.active_button, LEFT)
    qtbot.waitUntil(
        lambda: not admin.busy and "can no longer log in" in admin.message_label.text(), timeout=SLOW
    )
    assert not stored(console, arun)[CASHIER].active
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        arun(console.ctx.users.authenticate(CASHIER, CASHIER_PIN))
    assert admin.selected().name == CASHIER and admin.active_button.text() == "Activate"
    qtbot.mouseClick(admin.active_button, LEFT)
    qtbot.waitUntil(lambda: not admin.busy and "is active again" in admin.message_label.text(), timeout=SLOW)
    assert stored(console, arun)[CASHIER].active
    assert admin.active_button.text() == "Deactivate"
    close(qtbot, dialog)
    console.window.commands.log_out.trigger()
    console.log_in(CASHIER, CASHIER_PIN)


def test_locking_the_console_with_the_pin_question_open_forgets_it(
    console: Any, qtbot: Any, arun: Any
) -> None:
    dialog, ask = reset_pin_question(console, qtbot, CASHIER)
    admin = dialog.admin
    qtbot.keyClicks(ask.pin_edit, "9876")
    console.window.commands.lock.trigger()  # the manager walks away: the typed PIN must not wait there
    qtbot.waitUntil(lambda: admin._question.done() and not shown(ResetPinDialog), timeout=SLOW)
    console.log_in(MANAGER, MANAGER_PIN)
    qtbot.waitUntil(lambda: bool(shown(UsersDialog)), timeout=SLOW)  # the Users window comes back ...
    assert not shown(ResetPinDialog)  # ... without the question
    assert not audited(console, arun, "user.password_reset")
    with pytest.raises(AuthenticationFailed):
        arun(console.ctx.users.authenticate(CASHIER, "9876"))
    close(qtbot, dialog)
