"""A fiscal receipt refused for a reason only a person can remove (a shift past 24 hours) is in Needs
attention, opened from the View menu's action, saying what to do (issue 14 item 3; decision 0124)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from epay_desktop.app import store_of
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.ui.payments.attention_dialog import AttentionDialog
from tests.support import fiscal_register as register
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.windows import wait_shown

SLOW = 15_000


def test_a_fiscal_receipt_needing_a_person_is_listed_with_what_to_do(real_console: Any, qtbot: Any) -> None:
    console = real_console
    paid, number = register.sale_asked(console, 500_000_090)
    with store_of(console.ctx).write() as tx:
        tx.fiscal.record(number, FiscalState.NEEDS_PERSON, now=console.ctx.clock(), error="ShiftOver24Hours")
    console.log_in(MANAGER, MANAGER_PIN)
    badge = console.window.status_bar.attention_badge
    qtbot.waitUntil(lambda: "1 need attention" in badge.text(), timeout=SLOW)

    console.window.commands.attention.trigger()
    dialog = wait_shown(qtbot, AttentionDialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=SLOW)
    item = dialog.tree.topLevelItem(0)
    assert item.text(0) == paid.invoice_id.value
    assert "Fiscal receipt of 700" in item.text(4) and "more than 24 hours" in item.text(4)
    assert "close the shift (Z report)" in item.text(4)
    dialog.reject()


def test_a_receipt_held_at_the_previous_register_is_registered_here_by_a_manager(
    real_console: Any, qtbot: Any, arun: Any, memory: Any, fiscal_sandbox: RunningFiscalSandbox
) -> None:
    """Decision 0129: sent to the cash register the settings named before, no answer: held, and Needs
    attention says what to do. A cashier sees "Register here…" greyed, its tooltip saying only a manager
    may, and a click on it sends nothing; the manager's (confirmed) registers it at today's."""
    console = real_console
    ctx = console.ctx
    settings = register.webkassa(fiscal_sandbox)
    arun(ctx.fiscal_setup.save(console.manager, settings, api_key=API_KEY, password=PASSWORD), timeout=SLOW)
    _paid, number = register.sale_asked(console, 500_000_091)
    with store_of(ctx).write() as tx:  # asked at the previous register, no answer
        tx.fiscal.bind(number, "webkassa:SWK00000009", 16)
        tx.fiscal.record(number, FiscalState.UNKNOWN, now=ctx.clock(), error="FiscalOutcomeUnknown")
    (held,) = arun(ctx.fiscal.reconcile(), timeout=SLOW)
    assert held.state is FiscalState.NEEDS_PERSON and register.registered(fiscal_sandbox) == []
    console.log_in(CASHIER, CASHIER_PIN)

    console.window.commands.attention.trigger()
    dialog = wait_shown(qtbot, AttentionDialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=SLOW)
    assert number in dialog.tree.topLevelItem(0).text(4)
    button = dialog.register_here_button
    assert button.isVisible() and not button.isEnabled()  # greyed for a cashier...
    assert button.toolTip() == "Only a manager can send a fiscal receipt to another cash register."  # ...why
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.register_here_current() is None  # what its click runs refuses too: nothing is asked
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert register.registered(fiscal_sandbox) == [] and not dialog.resolve_message.isVisible()
    [record] = arun(ctx.fiscal.records_of(_paid.id), timeout=SLOW)
    assert record.state is FiscalState.NEEDS_PERSON  # nothing registered, still held for a manager
    with store_of(ctx).read() as tx:
        assert tx.audit.about(f"fiscal:{number}", "fiscal.register_here") == []
    dialog.reject()
    console.window.commands.switch_user.trigger()
    console.log_in(MANAGER, MANAGER_PIN)

    console.window.commands.attention.trigger()
    dialog = wait_shown(qtbot, AttentionDialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=SLOW)
    said = dialog.tree.topLevelItem(0).text(4)
    assert "cash register webkassa SWK00000009 and no answer came" in said and number in said
    assert dialog.register_here_button.isVisible() and dialog.register_here_button.isEnabled()
    qtbot.mouseClick(dialog.register_here_button, Qt.MouseButton.LeftButton)
    box = wait_shown(qtbot, QMessageBox)
    assert number in box.text() and "SWK00000009" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is registered at the current" in dialog.resolve_message.text(), timeout=SLOW)
    assert register.registered(fiscal_sandbox) == [number]
    assert dialog.tree.topLevelItem(0).text(4) == "Settled meanwhile."
    assert not dialog.register_here_button.isEnabled()
    dialog.reject()
