"""UsersAdmin and UsersModel: roles a manager may manage, unlock, reset PIN, change role, (de)activate,
each button's reason when disabled, the busy indicator; qtmodeltester."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from types import SimpleNamespace

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from epay_desktop.domain import PermissionDenied
from epay_desktop.domain import Role
from epay_desktop.ui.common.asyncqt import busy_indicator
from epay_desktop.ui.common.roles import KeyRole
from epay_desktop.ui.common.roles import RecordRole
from epay_desktop.ui.users.account_dialogs import ResetPinDialog
from epay_desktop.ui.users.account_dialogs import RoleDialog
from epay_desktop.ui.users.users_admin import UsersAdmin
from epay_desktop.ui.users.users_admin import UsersModel

LEFT = Qt.MouseButton.LeftButton
NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


def test_users_model(qtmodeltester, cashier, manager):
    model = UsersModel(clock=lambda: NOW)
    locked = replace(cashier, locked_until=datetime(2026, 1, 15, 10, 0, tzinfo=UTC))
    model.set_users([manager, locked, replace(cashier, id=9, name="Old", active=False)])
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(1, 2).data() == "locked until 15.01.2026 15:00"  # Kazakhstan time
    assert model.index(2, 2).data() == "deactivated"
    assert model.index(1, 1).data() == "cashier"
    assert model.index(0, 0).data(KeyRole) == manager.name and model.index(0, 0).data(RecordRole) == manager


def _admin_widget(qtbot, async_stub, actor, users):
    ports = SimpleNamespace(
        list_users=async_stub(result=users),
        add_user=async_stub(),
        unlock=async_stub(),
        set_active=async_stub(),
        reset_password=async_stub(),
        set_role=async_stub(),
    )
    widget = UsersAdmin(ports, actor, clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.show()
    widget.reload()
    qtbot.waitUntil(lambda: widget.model.rowCount() == len(users))
    return widget, ports


def _select(widget, row):
    widget.table.selectionModel().select(
        widget.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_unlock_and_deactivate(qtbot, aloop, async_stub, manager, cashier):
    locked = replace(cashier, locked_until=datetime(2026, 1, 15, 10, 0, tzinfo=UTC))
    widget, ports = _admin_widget(qtbot, async_stub, manager, [manager, locked])
    _select(widget, 0)
    assert not widget.active_button.isEnabled()  # not oneself
    assert not widget.unlock_button.isEnabled()
    assert widget.unlock_button.toolTip() == "This account is not locked."
    _select(widget, 1)
    assert widget.unlock_button.isEnabled() and widget.unlock_button.toolTip() == ""
    qtbot.mouseClick(widget.unlock_button, LEFT)
    qtbot.waitUntil(lambda: bool(ports.unlock.calls) and not widget.busy)
    assert ports.unlock.calls == [((manager, "Айгерим"), {})]
    assert widget.message_label.text() == "Айгерим is unlocked and can log in again."
    _select(widget, 1)
    qtbot.mouseClick(widget.active_button, LEFT)
    qtbot.waitUntil(lambda: bool(ports.set_active.calls) and not widget.busy)
    assert ports.set_active.calls == [((manager, "Айгерим", False), {})]


def test_manager_cannot_touch_an_admin_and_refusals_show(qtbot, aloop, async_stub, manager, admin, cashier):
    widget, ports = _admin_widget(qtbot, async_stub, manager, [admin, cashier])
    _select(widget, 0)
    assert not widget.active_button.isEnabled()
    ports.set_active.error = PermissionDenied("You cannot deactivate your own account.")
    _select(widget, 1)
    qtbot.mouseClick(widget.active_button, LEFT)
    qtbot.waitUntil(lambda: widget.message_label.text() == "You cannot deactivate your own account.")


def test_admin_may_add_admins(qtbot, aloop, async_stub, admin):
    widget, _ports = _admin_widget(qtbot, async_stub, admin, [admin])
    roles = [widget.role_combo.itemData(i) for i in range(widget.role_combo.count())]
    assert roles == ["cashier", "manager", "admin"]


def test_a_lock_that_ran_out_is_not_shown_and_needs_no_unlock(
    qtbot, aloop, async_stub, manager, cashier, admin
):
    expired = replace(cashier, locked_until=datetime(2026, 1, 15, 9, 0, tzinfo=UTC), failed_attempts=10)
    locked_admin = replace(admin, locked_until=datetime(2026, 1, 15, 10, 0, tzinfo=UTC))
    widget, _ports = _admin_widget(qtbot, async_stub, manager, [manager, expired, locked_admin])
    assert widget.model.index(1, 2).data() == "active"
    _select(widget, 1)
    assert not widget.unlock_button.isEnabled()
    _select(widget, 2)  # a manager may not touch an admin, locked or not
    assert not widget.unlock_button.isEnabled()
    assert widget.unlock_button.toolTip() == "Only an administrator can unlock an administrator."


def _shown(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_buttons_say_why_they_are_disabled(qtbot, aloop, async_stub, manager, admin, cashier):
    widget, _ports = _admin_widget(qtbot, async_stub, manager, [manager, admin, cashier])
    buttons = (widget.unlock_button, widget.reset_button, widget.role_button, widget.active_button)
    assert not any(b.isEnabled() for b in buttons)  # nothing selected
    assert {b.toolTip() for b in buttons} == {"Select a user in the list."}
    _select(widget, 0)  # oneself
    assert widget.reset_button.isEnabled()
    assert not widget.role_button.isEnabled() and "your own role" in widget.role_button.toolTip()
    assert not widget.active_button.isEnabled() and "your own account" in widget.active_button.toolTip()
    _select(widget, 1)  # an admin: a manager may not touch it
    assert not widget.reset_button.isEnabled() and not widget.role_button.isEnabled()
    assert widget.role_button.toolTip() == "Only an administrator can change an administrator's account."
    _select(widget, 2)
    assert all(b.isEnabled() for b in buttons[1:]) and all(b.toolTip() == "" for b in buttons[1:])


def test_reset_pin_asks_twice_checks_the_rules_and_never_shows_the_pin(
    qtbot, aloop, async_stub, manager, cashier
):
    widget, ports = _admin_widget(qtbot, async_stub, manager, [manager, cashier])
    _select(widget, 1)
    qtbot.mouseClick(widget.reset_button, LEFT)
    qtbot.waitUntil(lambda: bool(_shown(ResetPinDialog)))
    dialog = _shown(ResetPinDialog)[0]
    assert dialog.windowTitle() == "Reset the PIN of Айгерим"
    assert dialog.pin_edit.echoMode() == dialog.pin_edit.EchoMode.Password
    assert dialog.pin_again_edit.echoMode() == dialog.pin_again_edit.EchoMode.Password
    assert not dialog.ok_button.isEnabled() and dialog.problem_label.text() == ""
    qtbot.keyClicks(dialog.pin_edit, "12")
    assert not dialog.ok_button.isEnabled()
    assert "PIN needs at least 4 digits" in dialog.problem_label.text()
    qtbot.keyClicks(dialog.pin_edit, "34")
    qtbot.keyClicks(dialog.pin_again_edit, "1235")
    assert dialog.problem_label.text() == "The two PINs or passwords are not the same."
    qtbot.keyClick(dialog.pin_again_edit, Qt.Key.Key_Return)  # Enter does not pass a mismatch
    assert dialog.isVisible() and not ports.reset_password.calls
    qtbot.keyClick(dialog.pin_again_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.pin_again_edit, "4")
    assert dialog.ok_button.isEnabled() and dialog.problem_label.text() == ""
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: bool(ports.reset_password.calls) and not widget.busy)
    assert ports.reset_password.calls == [((manager, "Айгерим", "1234"), {})]
    assert widget.message_label.text() == "Айгерим has a new PIN and can log in with it now."
    assert "1234" not in widget.message_label.text()
    assert widget.selected() == cashier  # the changed account stays selected


def test_reset_pin_cancelled_changes_nothing(qtbot, aloop, async_stub, manager, cashier):
    widget, ports = _admin_widget(qtbot, async_stub, manager, [manager, cashier])
    _select(widget, 1)
    qtbot.mouseClick(widget.reset_button, LEFT)
    qtbot.waitUntil(lambda: bool(_shown(ResetPinDialog)))
    dialog = _shown(ResetPinDialog)[0]
    qtbot.keyClicks(dialog.pin_edit, "4321")
    qtbot.keyClicks(dialog.pin_again_edit, "4321")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not _shown(ResetPinDialog) and widget._question.done())
    assert not ports.reset_password.calls and widget.message_label.text() == ""


def test_change_role_offers_only_what_the_manager_may_give(qtbot, aloop, async_stub, manager, cashier):
    widget, ports = _admin_widget(qtbot, async_stub, manager, [manager, cashier])
    ports.set_role.result = replace(cashier, role=Role.MANAGER)
    _select(widget, 1)
    qtbot.mouseClick(widget.role_button, LEFT)
    qtbot.waitUntil(lambda: bool(_shown(RoleDialog)))
    dialog = _shown(RoleDialog)[0]
    assert [dialog.role_combo.itemData(i) for i in range(dialog.role_combo.count())] == ["manager"]
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: bool(ports.set_role.calls) and not widget.busy)
    assert ports.set_role.calls == [((manager, "Айгерим", Role.MANAGER), {})]
    assert widget.message_label.text() == "Айгерим is now a manager."


def test_admin_changes_a_managers_role_and_refusals_show_in_words(qtbot, aloop, async_stub, admin, manager):
    widget, ports = _admin_widget(qtbot, async_stub, admin, [admin, manager])
    ports.set_role.error = PermissionDenied("The role “manager” may not give the role “admin”.")
    _select(widget, 1)
    qtbot.mouseClick(widget.role_button, LEFT)
    qtbot.waitUntil(lambda: bool(_shown(RoleDialog)))
    dialog = _shown(RoleDialog)[0]
    assert [dialog.role_combo.itemData(i) for i in range(dialog.role_combo.count())] == ["cashier", "admin"]
    dialog.role_combo.setCurrentIndex(1)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), LEFT)
    qtbot.waitUntil(
        lambda: widget.message_label.text() == "The role “manager” may not give the role “admin”."
    )
    assert ports.set_role.calls == [((admin, "Данияр", Role.ADMIN), {})]


def test_activate_a_deactivated_account_and_the_busy_indicator(qtbot, aloop, async_stub, manager, cashier):
    gone = replace(cashier, active=False)
    widget, ports = _admin_widget(qtbot, async_stub, manager, [manager, gone])
    _select(widget, 1)
    assert widget.active_button.text() == "Activate" and widget.active_button.isEnabled()
    ports.set_active.hold()
    qtbot.mouseClick(widget.active_button, LEFT)
    qtbot.waitUntil(lambda: busy_indicator().active)  # the service is slow: the busy cursor shows
    assert widget.busy and not widget.active_button.isEnabled() and not widget.reset_button.isEnabled()
    assert widget.reset_button.toolTip() == "Wait until the change being saved is done."
    ports.list_users.result = [manager, cashier]
    ports.set_active.release()
    qtbot.waitUntil(lambda: not widget.busy and not busy_indicator().active)
    assert ports.set_active.calls == [((manager, "Айгерим", True), {})]
    assert widget.message_label.text() == "Айгерим is active again."
    assert widget.active_button.text() == "Deactivate"  # still selected, now active


def test_closing_the_window_with_a_question_open_changes_nothing(qtbot, aloop, async_stub, manager, cashier):
    widget, ports = _admin_widget(qtbot, async_stub, manager, [manager, cashier])
    _select(widget, 1)
    qtbot.mouseClick(widget.reset_button, LEFT)
    qtbot.waitUntil(lambda: bool(_shown(ResetPinDialog)))
    widget.hide()  # the Users window closes (e.g. the console locks)
    qtbot.waitUntil(lambda: not _shown(ResetPinDialog) and widget._question.done())
    assert not ports.reset_password.calls


def test_the_two_questions_open_and_close_a_hundred_times(
    qtbot, aloop, async_stub, manager, cashier, monkeypatch
):
    """Issue 7 point 9 for the Users window's own questions: nothing reaches the crash handler,
    nothing is changed, and no question window is left behind."""
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: caught.append(exc))
    widget, ports = _admin_widget(qtbot, async_stub, manager, [manager, cashier])
    _select(widget, 1)
    for round_ in range(100):
        button, kind = (
            (widget.reset_button, ResetPinDialog) if round_ % 2 else (widget.role_button, RoleDialog)
        )
        qtbot.mouseClick(button, LEFT)
        qtbot.waitUntil(lambda kind=kind: bool(_shown(kind)))
        qtbot.keyClick(_shown(kind)[0], Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda kind=kind: not _shown(kind) and widget._question.done())
    qtbot.waitUntil(
        lambda: not [w for w in QApplication.topLevelWidgets() if isinstance(w, ResetPinDialog | RoleDialog)]
    )
    assert caught == [] and not ports.reset_password.calls and not ports.set_role.calls
