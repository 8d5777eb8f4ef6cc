"""A fiscal receipt refused for a reason only a person can remove (a shift past 24 hours) is in Needs
attention, opened from the View menu's action, saying what to do (issue 14 item 3; decision 0124)."""

from __future__ import annotations

from typing import Any

from epay_desktop.app import store_of
from epay_desktop.domain.fiscal_journal import FiscalKind, FiscalState
from epay_desktop.services.fiscal.journal import sale_number
from epay_desktop.ui.payments.attention_dialog import AttentionDialog
from tests.support.builders import stored_payment
from tests.support.live_console import MANAGER, MANAGER_PIN
from tests.support.windows import wait_shown

SLOW = 15_000


def test_a_fiscal_receipt_needing_a_person_is_listed_with_what_to_do(real_console: Any, qtbot: Any) -> None:
    console = real_console
    store, now = store_of(console.ctx), console.ctx.clock()
    paid = stored_payment(
        store, 500_000_090, "700", at=now, created_by=console.manager.id, description="Торт"
    )
    with store.write() as tx:
        number = sale_number(paid.invoice_id)
        tx.fiscal.add_intent(
            payment_id=paid.id,
            money_op_id=None,
            kind=FiscalKind.SALE,
            external_number=number,
            amount_minor=70000,
            now=now,
        )
        tx.fiscal.record(number, FiscalState.NEEDS_PERSON, now=now, error="ShiftOver24Hours")
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
