"""Settings > Back up the database now (issue 11, deliverable 1; decision 0067), as a person reaches it:
a manager chooses it from the menu and gets a checked, private copy in the backups folder and a message
naming it; a cashier finds it disabled, saying why."""

from __future__ import annotations

import sqlite3
import stat

import shiboken6
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QMessageBox

from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.windows import SLOW_MS


def _done_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, QMessageBox)
            and shiboken6.isValid(widget)
            and widget.isVisible()
            and widget.objectName() == "backup_done_box"
        ):
            return widget
    return None


def test_a_manager_backs_up_from_the_menu_and_a_cashier_cannot(qtbot, real_console) -> None:
    real_console.log_in(MANAGER, MANAGER_PIN)
    bar = real_console.window.menuBar()
    menus = {m.title().replace("&", ""): m for m in bar.findChildren(QMenu)}
    action = next(a for a in menus["Settings"].actions() if a.objectName() == "action_backup_now")
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: _done_box() is not None, timeout=SLOW_MS)
    box = _done_box()
    assert box is not None
    home = real_console.ctx.store_settings.home
    made = list((home / "backups").glob("manual-*.db"))
    assert len(made) == 1 and str(made[0]) in box.text()
    assert stat.S_IMODE(made[0].stat().st_mode) == 0o600
    connection = sqlite3.connect(made[0])
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("SELECT count(*) FROM users").fetchone()[0] == 2
    finally:
        connection.close()
    box.accept()

    real_console.controller.session.log_out()
    real_console.log_in(CASHIER, CASHIER_PIN)
    assert not action.isEnabled()
    assert "Only a manager or an administrator can back up the database." in action.toolTip()
