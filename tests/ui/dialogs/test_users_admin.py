"""UsersAdmin and UsersModel: roles a manager may manage, unlock, deactivate; qtmodeltester."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from types import SimpleNamespace

from PySide6.QtCore import QItemSelectionModel, Qt

from epay_desktop.domain import PermissionDenied
from epay_desktop.ui.dialogs.users_admin import UsersAdmin, UsersModel
from epay_desktop.ui.models.roles import KeyRole, RecordRole

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
