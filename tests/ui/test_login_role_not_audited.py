"""Issue 11, roles that files cannot forge, at the GUI's login screen: after one SQL UPDATE making a
cashier a manager, typing the cashier's name and PIN is refused with the service's sentence and
nobody is logged in (decision 0075)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import update

from epay_desktop.app import store_of
from epay_desktop.store.models import UserRow
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.windows import SLOW_MS


def test_one_sql_update_making_a_cashier_a_manager_is_refused_at_the_login_screen(qtbot, arun, real_console):
    def forge(tx) -> None:
        tx.session.execute(update(UserRow).where(UserRow.name == CASHIER).values(role="manager"))

    arun(store_of(real_console.ctx).run_write(forge))
    session = real_console.controller.session
    form = session.lock_screen.form
    qtbot.waitUntil(form.isVisible, timeout=SLOW_MS)
    form.name_edit.setText(CASHIER)
    qtbot.keyClicks(form.secret_edit, CASHIER_PIN)
    qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not the one a manager gave it" in form.error_label.text(), timeout=SLOW_MS)
    assert form.error_label.isVisible()
    assert session.user is None
    assert form.secret_edit.text() == ""
