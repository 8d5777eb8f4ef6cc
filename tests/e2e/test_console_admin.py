"""The manager's screens on the REAL console and a loopback sandbox, opened the way a person does:
Settings (Ctrl+,) saved into the shop settings, console.json and the keychain; Users… adds an account
that can then log in; Export payments (CSV)… writes a paid payment to disk; the Needs attention badge
counts a refund whose answer was lost, its list opens the payment, and the manager's Review settles it
at the bank."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox

from epay_desktop.app import store_of
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.sandbox.faults import Fault
from epay_desktop.ui.payments.attention_dialog import AttentionDialog
from epay_desktop.ui.payments.export_dialog import ExportDialog
from epay_desktop.ui.settings.settings_dialog import SettingsDialog
from epay_desktop.ui.users.users_dialog import UsersDialog
from tests.support.file_dialogs import wait_file_dialog
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import trigger

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

SLOW = 30_000
LEFT = Qt.MouseButton.LeftButton
SECRET = "e2e-secret-never-shown"


def test_settings_from_the_keyboard_are_saved_where_they_belong(
    console: Any, qtbot: Any, memory: Any
) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    window = console.window
    trigger(qtbot, window, window.commands.settings)  # its shortcut, Ctrl+,
    dialog = console.wait_dialog(SettingsDialog)
    home = console.ctx.store_settings.home
    assert dialog.computer_page.folder_label.text() == str(home)
    dialog.gateway_page.client_edit.setText("e2e-client")
    qtbot.keyClicks(dialog.gateway_page.secret_edit, SECRET)
    dialog.receipts_page.name_edit.setText("ТОО E2E")
    language = dialog.receipts_page.language_combo
    language.setCurrentIndex(language.findData("en"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not console.dialogs(SettingsDialog), timeout=SLOW)
    shop = console.arun(console.ctx.shop_settings.load())
    assert shop.name == "ТОО E2E" and shop.receipt_language == "en"
    saved = json.loads((home / "console.json").read_text(encoding="utf-8"))
    assert saved["client_id"] == "e2e-client" and SECRET not in json.dumps(saved)
    assert memory.items == {("epay-desktop", "client-secret:sandbox:e2e-client"): SECRET}


def test_a_user_added_in_users_can_log_in(console: Any, qtbot: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    console.window.commands.users.trigger()
    dialog = console.wait_dialog(UsersDialog)
    admin = dialog.admin
    qtbot.waitUntil(lambda: admin.model.rowCount() == 2, timeout=SLOW)
    admin.name_edit.setText("Ерлан")
    qtbot.keyClicks(admin.pin_edit, "4444")
    qtbot.keyClicks(admin.pin_again_edit, "4444")
    qtbot.mouseClick(admin.add_button, LEFT)
    qtbot.waitUntil(lambda: admin.model.rowCount() == 3 and not admin.busy, timeout=SLOW)
    dialog.reject()
    qtbot.waitUntil(lambda: not console.dialogs(UsersDialog))
    console.controller.session.log_out()
    console.log_in("Ерлан", "4444")
    assert console.controller.session.user.role.value == "cashier"
    assert not console.window.commands.users.isEnabled()  # a cashier: disabled, with the reason
    assert "Only a manager" in console.window.commands.users.toolTip()


def test_export_writes_the_day_s_payments_to_the_chosen_file(
    console: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))  # the remembered columns and folder
    console.log_in(MANAGER, MANAGER_PIN)
    invoice = console.paid(Money(120_050))
    console.window.commands.export_csv.trigger()
    dialog = console.wait_dialog(ExportDialog)
    dialog.column_boxes["description"].setChecked(False)
    qtbot.mouseClick(dialog.export_button, LEFT)
    files = wait_file_dialog(qtbot, dialog, "export_file_dialog", timeout=SLOW)
    name_edit = files.findChild(QLineEdit, "fileNameEdit")
    target = tmp_path / "today.csv"
    name_edit.setText(str(target))
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(b.objectName() == "export_done_box" for b in console.dialogs(QMessageBox)), timeout=SLOW
    )
    box = next(b for b in console.dialogs(QMessageBox) if b.objectName() == "export_done_box")
    assert "1 payment(s)" in box.text() and str(target) in box.text()
    box.accept()
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert [(r["invoice_id"], r["amount"], r["status"]) for r in rows] == [
        (invoice.value, "1200.50", "CHARGE")
    ]
    assert "description" not in rows[0]


def test_needs_attention_badge_list_and_review_settle_a_lost_refund(console: Any, qtbot: Any) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    window = console.window
    badge = window.status_bar.attention_badge
    invoice = console.paid(Money(300_000))
    assert not badge.isVisible()
    console.sandbox.state.faults.add(Fault("refund", "http_status", Decimal(502), 1))  # not applied
    manager = console.controller.session.user
    op = console.arun(console.ctx.operations.refund(manager, invoice, Money(100_000), reason="e2e"))
    assert op.state is OpState.UNKNOWN
    qtbot.waitUntil(badge.isVisible, timeout=SLOW)  # counted when the operation's event arrived
    assert "1 need attention" in badge.text()

    # the quiet period and the status lag are over (120 s by default, decision 0039) and the
    # reconciliation found nothing at the bank: as if the refund was sent three minutes ago
    def needs_review(tx: Any) -> None:
        sent = console.ctx.clock() - timedelta(minutes=3)
        tx.operations.mark(op.id, OpState.NEEDS_REVIEW, now=console.ctx.clock(), sent_at=sent)

    console.arun(store_of(console.ctx).run_write(needs_review))
    qtbot.mouseClick(badge, LEFT)
    dialog = console.wait_dialog(AttentionDialog)
    assert dialog.tree.topLevelItem(0).text(0) == invoice.value
    qtbot.waitUntil(lambda: "manager must review" in dialog.tree.topLevelItem(0).text(4), timeout=SLOW)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.detail_view.invoice_id == invoice, timeout=SLOW)
    qtbot.waitUntil(window.commands.review.isEnabled, timeout=SLOW)
    window.commands.review.trigger()
    box = console.wait_dialog(QMessageBox)
    retry = box.button(QMessageBox.StandardButton.Retry)
    qtbot.mouseClick(retry, LEFT)

    def refunded() -> bool:
        ops = console.arun(console.ctx.queries.get_view(invoice)).operations
        return any(o.id == op.id and o.state is OpState.SUCCEEDED for o in ops)

    qtbot.waitUntil(refunded, timeout=SLOW)
    assert console.ledger(invoice.value).amount == 200_000  # 3000 - 1000 tenge: refunded once at the bank
    qtbot.waitUntil(lambda: not badge.isVisible(), timeout=SLOW)  # nothing needs attention any more
