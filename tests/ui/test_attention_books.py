"""Needs attention shows where the books and the bank disagree, and a manager resolves it there -- on the
REAL console (open_app + AppController + MainWindow, real services on a fresh SQLite database), opened from
the main window's View menu as a person does. The status bar's badge counts their payments too, and the
list's "Needs attention" filter shows them (decision 0137)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from epay_desktop.app import store_of
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentEventKind
from epay_desktop.domain.settings_catalog import STATUS_LAG_SECONDS
from epay_desktop.ui.payments.attention_dialog import AttentionDialog
from tests.support.builders import stored_payment
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.windows import shown
from tests.support.windows import wait_shown

LEFT = Qt.MouseButton.LeftButton
SLOW = 15_000


def seed_external_refund(console: Any, arun: Any, number: int) -> tuple[InvoiceId, int]:
    """A paid payment of 1000 of which the bank refunded 250 outside the console, as the reconciliation
    records it: an EXTERNAL_REFUND event and an open discrepancy."""
    store, now = store_of(console.ctx), console.ctx.clock()
    paid = stored_payment(
        store, number, "1000", at=now, created_by=console.manager.id, description="Торт",
        gateway_amount="750", payout="250",
    )  # fmt: skip
    with store.write() as tx:
        tx.payment_events.add(paid.id, PaymentEventKind.EXTERNAL_REFUND, at=now, amount=Money.parse("250"))
        d, _new = tx.discrepancies.record(
            paid.id, "external_refund", console=None, bank=Money.parse("250"), detail="seeded", now=now
        )
    return paid.invoice_id, d.id


def open_from_the_view_menu(console: Any, qtbot: Any) -> AttentionDialog:
    window = console.window
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    [action] = [a for m in menus for a in m.actions() if a.objectName() == "action_attention"]
    qtbot.waitUntil(action.isEnabled, timeout=SLOW)
    action.trigger()
    dialog: AttentionDialog = wait_shown(qtbot, AttentionDialog)
    return dialog


def test_a_manager_sees_a_discrepancy_and_resolves_it_from_needs_attention(
    real_console: Any, qtbot: Any, arun: Any
) -> None:
    console = real_console
    invoice, number = seed_external_refund(console, arun, 600_000_010)
    console.log_in(MANAGER, MANAGER_PIN)
    badge = console.window.status_bar.attention_badge
    qtbot.waitUntil(badge.isVisible, timeout=SLOW)  # counted at log-in: the discrepancy needs a person
    assert "1 need attention" in badge.text()

    dialog = open_from_the_view_menu(console, qtbot)
    tree = dialog.discrepancy_tree
    assert tree.isVisible() and tree.topLevelItemCount() == 1
    row = tree.topLevelItem(0)
    assert row is not None
    assert (row.text(0), row.text(1)) == (str(number), invoice.value)
    assert "outside the console" in row.text(3)
    assert "250" in row.text(4) and "merchant cabinet" in row.text(4)
    assert not dialog.empty_label.isVisible()
    assert not dialog.resolve_button.isEnabled()  # say what was found first

    dialog.resolution_edit.setFocus()
    qtbot.keyClicks(dialog.resolution_edit, "Cabinet: refund 250 by head office")
    qtbot.waitUntil(dialog.resolve_button.isEnabled)
    qtbot.mouseClick(dialog.resolve_button, LEFT)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 0, timeout=SLOW)
    assert f"Discrepancy {number} resolved." in dialog.resolve_message.text()
    assert dialog.windowTitle().startswith("Needs attention (0)")  # the count in the title follows

    def stored(tx: Any) -> tuple[Any, list[str]]:
        return tx.discrepancies.get(number), [e.action for e in tx.audit.entries()]

    resolved, actions = arun(store_of(console.ctx).run_read(stored))
    assert resolved.resolution == "Cabinet: refund 250 by head office"
    assert resolved.resolved_by == console.controller.session.user.id
    assert "discrepancy.resolved" in actions
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown(AttentionDialog))
    qtbot.waitUntil(lambda: not badge.isVisible(), timeout=SLOW)  # nothing needs attention any more


def test_a_cashier_sees_the_discrepancy_but_not_the_resolve_button(
    real_console: Any, qtbot: Any, arun: Any
) -> None:
    console = real_console
    seed_external_refund(console, arun, 600_000_020)
    console.log_in(CASHIER, CASHIER_PIN)
    dialog = open_from_the_view_menu(console, qtbot)
    assert dialog.discrepancy_tree.topLevelItemCount() == 1
    assert not dialog.resolution_edit.isEnabled() and not dialog.resolve_button.isEnabled()
    assert "Only a manager can resolve" in dialog.resolve_button.toolTip()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown(AttentionDialog))


def test_the_badge_the_needs_attention_filter_and_window_show_the_same_discrepancy(
    real_console: Any, qtbot: Any, arun: Any
) -> None:
    """Decision 0137 (found walking the demo: the badge said 1 while the list's "Needs attention" filter
    showed no payment): a payment the books and the bank disagree about is what the badge counts, the
    filter lists and the window's payment list says is waiting; a search that hides it says where it is."""
    console = real_console
    invoice, _number = seed_external_refund(console, arun, 600_000_030)
    console.log_in(CASHIER, CASHIER_PIN)
    window = console.window
    badge = window.status_bar.attention_badge
    qtbot.waitUntil(badge.isVisible, timeout=SLOW)
    assert "1 need attention" in badge.text()

    view = window.payments_view
    model = view.model
    combo = view.filters.status_combo
    combo.setCurrentIndex(combo.findData("attention"))  # the cashier picks the filter
    qtbot.waitUntil(lambda: model.filter.needs_attention and not model.is_loading, timeout=SLOW)
    qtbot.waitUntil(lambda: model.row_total() == 1 and model.payment_at(0) is not None, timeout=SLOW)
    shown_payment = model.payment_at(0)
    assert shown_payment is not None and shown_payment.invoice_id == invoice
    assert not view.empty_label.isVisible()

    qtbot.mouseClick(badge, LEFT)  # the badge opens Needs attention: the same payment, and why
    dialog = wait_shown(qtbot, AttentionDialog)
    assert dialog.windowTitle().startswith("Needs attention (1)")
    row = dialog.tree.topLevelItem(0)
    assert dialog.tree.topLevelItemCount() == 1 and row is not None
    assert row.text(0) == invoice.value and "bank disagree" in row.text(4)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown(AttentionDialog))

    view.filters.search_edit.setFocus()
    qtbot.keyClicks(view.filters.search_edit, "no such payment")
    qtbot.waitUntil(lambda: model.filter.search is not None and not model.is_loading, timeout=SLOW)
    qtbot.waitUntil(view.empty_label.isVisible, timeout=SLOW)
    assert "Needs attention (Ctrl+Shift+A)" in view.empty_label.text()  # not a silent "nothing"


def test_a_manager_sets_the_status_lag_in_settings_and_the_operations_follow_it(
    real_console: Any, qtbot: Any, arun: Any
) -> None:
    """Decision 0039: the lag the console allows for is a shop setting a manager edits in Settings; it
    stretches the quiet period at once (no restart)."""
    from datetime import timedelta

    from epay_desktop.ui.settings.settings_dialog import SettingsDialog

    console = real_console
    console.log_in(MANAGER, MANAGER_PIN)
    console.window.commands.settings.trigger()
    dialog = wait_shown(qtbot, SettingsDialog)
    spin = dialog.gateway_page.lag_spin
    assert spin.value() == 120  # the safe default
    assert (spin.minimum(), spin.maximum()) == (0, 3600)
    spin.setValue(300)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not shown(SettingsDialog), timeout=SLOW)

    def saved(tx: Any) -> tuple[int, list[Any]]:
        changes = [e.details for e in tx.audit.entries() if e.action == "settings.changed"]
        return STATUS_LAG_SECONDS.read_from(tx.settings), changes

    seconds, changes = arun(store_of(console.ctx).run_read(saved))
    assert seconds == 300
    assert any(json.loads(c).get("gateway.status_lag_max_seconds") == "300" for c in changes)  # audited
    engine = console.ctx.operations._engine
    quiet = arun(store_of(console.ctx).run_read(engine.effective_quiet_period))
    assert quiet == timedelta(seconds=300)


def test_resolved_in_needs_attention_a_payment_leaves_the_filtered_list_and_the_selection_stays(
    real_console: Any, qtbot: Any, arun: Any
) -> None:
    """Decision 0151: a manager works down the list filtered to Needs attention. Resolving another
    payment's difference takes that one out at once (no F5) while the selected payment stays selected and
    shown; resolving the selected payment's own takes it out too, and its detail stays with a line saying
    it no longer needs attention, the actions still on it (no other payment is picked in its place)."""
    console = real_console
    older, _ = seed_external_refund(console, arun, 600_000_040)
    newer, _ = seed_external_refund(console, arun, 600_000_050)
    console.log_in(MANAGER, MANAGER_PIN)
    window = console.window
    view, model = window.payments_view, window.payments_view.model
    combo = view.filters.status_combo
    combo.setCurrentIndex(combo.findData("attention"))  # the manager's filter bar: "Needs attention"

    def listed() -> list[InvoiceId]:
        return [p.invoice_id for r in range(model.rowCount()) if (p := model.payment_at(r)) is not None]

    qtbot.waitUntil(lambda: model.filter.needs_attention and not model.is_loading, timeout=SLOW)
    qtbot.waitUntil(lambda: listed() == [newer, older], timeout=SLOW)
    table = view.table
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualRect(model.index(1, 0)).center())
    qtbot.waitUntil(lambda: window.detail_view.view is not None, timeout=SLOW)
    qtbot.waitUntil(lambda: window.detail_view.view.payment.invoice_id == older, timeout=SLOW)

    dialog = open_from_the_view_menu(console, qtbot)

    def resolve(invoice: InvoiceId) -> None:
        tree = dialog.discrepancy_tree
        [item] = [
            tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())
            if tree.topLevelItem(i).text(1) == invoice.value
        ]
        tree.setCurrentItem(item)
        dialog.resolution_edit.setText("Cabinet: refund 250 by head office")
        qtbot.waitUntil(dialog.resolve_button.isEnabled)
        qtbot.mouseClick(dialog.resolve_button, LEFT)

    resolve(newer)  # another payment's difference
    qtbot.waitUntil(lambda: listed() == [older] and not model.is_loading, timeout=SLOW)
    current = view.current_payment()
    assert current is not None and current.invoice_id == older  # still selected, on its new row
    assert table.currentIndex().row() == 0 and table.selectionModel().isRowSelected(0)
    assert window.detail_view.invoice_id == older and not window.detail_view.left_note.isVisible()
    assert window.current_invoice() == older

    resolve(older)  # the selected payment's own
    qtbot.waitUntil(lambda: model.row_total() == 0 and not model.is_loading, timeout=SLOW)
    qtbot.waitUntil(window.detail_view.left_note.isVisible, timeout=SLOW)
    assert "No longer needs attention" in window.detail_view.left_note.text()
    assert window.detail_view.invoice_id == older and window.detail_view.view is not None
    assert not table.currentIndex().isValid()  # no other payment was picked in its place
    assert window.current_invoice() == older  # print, refund... still act on the payment shown
    assert view.empty_label.text() == "Nothing needs attention: every payment is settled."
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown(AttentionDialog))
    assert window.detail_view.invoice_id == older and window.detail_view.left_note.isVisible()
