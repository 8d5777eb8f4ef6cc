"""Issue 11, the audit anchor in the GUI (decision 0076): a manager opens Settings > Audit log anchor…,
sees the anchor of the verified log to keep off the PC, and checks a kept anchor against the log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from sqlalchemy import delete
from sqlalchemy import update

from epay_desktop.app import store_of
from epay_desktop.services.audit import AuditAnchor
from epay_desktop.store.models import AuditRow
from epay_desktop.store.models import UserRow
from epay_desktop.ui.audit.anchor_dialog import AuditAnchorDialog
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.windows import SLOW_MS
from tests.support.windows import wait_shown

LEFT = Qt.MouseButton.LeftButton


def _dialog(qtbot) -> AuditAnchorDialog:
    return wait_shown(qtbot, AuditAnchorDialog)


def test_a_manager_sees_the_anchor_and_a_kept_one_finds_a_cut_log(qtbot, arun, real_console) -> None:
    real_console.log_in(MANAGER, MANAGER_PIN)
    bar = real_console.window.menuBar()
    menus = {
        m.title().replace("&", ""): [a.objectName() for a in m.actions()] for m in bar.findChildren(QMenu)
    }
    assert "action_audit_anchor" in menus["Settings"]
    real_console.window.commands.audit_anchor.trigger()
    dialog = _dialog(qtbot)
    line = dialog.anchor_edit.text()
    anchor = AuditAnchor.parse(line)
    assert line.startswith("audit ") and anchor.count >= 3  # two users added and a log-in
    assert f"{anchor.count} entries" in dialog.status_label.text()
    dialog.kept_edit.setText(line)
    qtbot.mouseClick(dialog.check_button, LEFT)
    qtbot.waitUntil(lambda: "matches the anchor" in dialog.result_label.text(), timeout=SLOW_MS)

    def cut(tx) -> None:
        tx.session.execute(delete(AuditRow).where(AuditRow.seq >= anchor.count))

    arun(store_of(real_console.ctx).run_write(cut))
    qtbot.mouseClick(dialog.check_button, LEFT)
    cut_said = "The log was cut: the anchor has"
    qtbot.waitUntil(lambda: cut_said in dialog.result_label.text(), timeout=SLOW_MS)
    dialog.kept_edit.setText("not an anchor")
    qtbot.keyClick(dialog.kept_edit, Qt.Key.Key_Return)  # Enter in the field checks it, as a person expects
    qtbot.waitUntil(lambda: "not an anchor" in dialog.result_label.text(), timeout=SLOW_MS)
    assert dialog.isVisible()  # and does not close the window
    dialog.reject()


def test_a_cashier_cannot_open_the_anchor(qtbot, real_console) -> None:
    real_console.log_in(CASHIER, CASHIER_PIN)
    action = real_console.window.commands.audit_anchor
    assert not action.isEnabled()
    assert "Only a manager or an administrator can see the audit log's anchor" in action.toolTip()


def test_an_account_made_a_manager_by_sql_is_named_in_the_anchor_window(qtbot, arun, real_console) -> None:
    """Issue 11: one SQL UPDATE made a cashier a manager and the log still read "intact"; the manager's
    anchor window now names the account the audit log does not back (the chain itself is intact)."""
    real_console.log_in(MANAGER, MANAGER_PIN)

    def promote(tx) -> None:
        tx.session.execute(update(UserRow).where(UserRow.name == CASHIER).values(role="manager"))

    arun(store_of(real_console.ctx).run_write(promote))
    real_console.window.commands.audit_anchor.trigger()
    dialog = _dialog(qtbot)
    assert dialog.accounts_label.isVisible()
    said = dialog.accounts_label.text()
    assert (
        "no audited decision gave" in said and f"{CASHIER}: manager in the database, audited cashier" in said
    )
    assert "The audit log is intact" in dialog.status_label.text()  # the chain is; the account is not
    dialog.reject()
