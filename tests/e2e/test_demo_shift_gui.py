"""The demo's open shift worked through the main window's Shift menu (issue 13's done-when; decision 0115):
the REAL console on the demo's data (``demo_console``: its people, today's shift and the bank's side of it
in the sandbox), the cashier's X report with the bank check showing the seeded differences, a sale paid
in the checkout's card page, the close with the manager's PIN, and the Z report window's figures equal to
the sandbox ledger's, the merchant cabinet's refunds listed as still open in the books.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QTableWidget

from epay_desktop.app import AppContext
from epay_desktop.demo import bank_only
from epay_desktop.demo import prepare_demo
from epay_desktop.demo import use_fiscal_sandbox
from epay_desktop.demo.fiscal import seed_demo_fiscal
from epay_desktop.domain import Money
from epay_desktop.domain.shifts import FigureKind
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.services.demo_fiscal import TYPED_AT_THE_REGISTER
from epay_desktop.services.demo_shift import CABINET_REFUND
from epay_desktop.services.demo_shift import PAID_LATE
from epay_desktop.ui.checkout.result import Outcome
from epay_desktop.ui.shifts.close_dialog import CloseShiftDialog
from epay_desktop.ui.shifts.report_page import signed_money_text
from epay_desktop.ui.shifts.report_view import ShiftReportDialog
from tests.support.card_form import APPROVED_CARD
from tests.support.card_form import SUBMIT
from tests.support.demo_app import ledger_figures
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import trigger
from tests.support.windows import shown
from tests.support.windows import wait_shown

LEFT = Qt.MouseButton.LeftButton
SLOW = 60_000  # the bank check asks about every payment of the shift


def _column(dialog: ShiftReportDialog, table_name: str, column: int) -> list[str]:
    """The texts of one column of a table the report window shows ([] when it shows no such table)."""
    table = dialog.findChild(QTableWidget, table_name)
    if table is None:
        return []
    return [table.item(row, column).text() for row in range(table.rowCount())]


def _listed_invoices(dialog: ShiftReportDialog) -> set[str]:
    """Every invoice the report window lists as differing from the bank or open in the books."""
    return set(_column(dialog, "bank_differences", 0)) | set(_column(dialog, "bank_open_in_books", 0))


def _answer_box(qtbot: Any, title: str, button: QMessageBox.StandardButton) -> None:
    def boxes() -> list[QMessageBox]:
        return [b for b in shown(QMessageBox) if b.windowTitle() == title]

    qtbot.waitUntil(lambda: bool(boxes()), timeout=SLOW)
    qtbot.mouseClick(boxes()[0].button(button), LEFT)


def test_the_demo_shift_x_reported_worked_and_closed_from_the_shift_menu(
    demo_console: Any, qtbot: Any
) -> None:
    console = demo_console
    seeded = bank_only(console.ctx.store_settings.home)  # the bank's side, as the mirror reads it
    console.log_in(CASHIER, CASHIER_PIN)
    window, commands = console.window, console.window.commands

    # Shift > X report, with the bank check: the demo's differences on screen
    qtbot.waitUntil(commands.shift_x.isEnabled, timeout=SLOW)
    trigger(qtbot, window, commands.shift_x)
    _answer_box(qtbot, "X report", QMessageBox.StandardButton.Yes)  # Check with the bank
    x_window = wait_shown(qtbot, ShiftReportDialog, SLOW)
    x = x_window.report
    assert x.kind.value == "X" and x.bank is not None and x.opened_by_name == CASHIER
    assert _listed_invoices(x_window) == {e.invoice_id for e in seeded}
    x_window.accept()
    qtbot.waitUntil(lambda: not x_window.isVisible())

    # one more sale: the customer pays in the checkout's card page
    screen = console.open_card_page("5430")
    console.fill_card(APPROVED_CARD)
    console.run_js(SUBMIT)
    qtbot.waitUntil(lambda: screen.result.outcome is Outcome.APPROVED, timeout=SLOW)
    sold = console.ledger(screen.payment.invoice_id.value)
    qtbot.mouseClick(screen.result.done_button, LEFT)
    qtbot.keyClick(console.controller.checkout_window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not console.controller.checkout_window.isVisible(), timeout=SLOW)

    # Shift > Close shift: the cashier asks, the manager signs in with the PIN; the Z report is shown
    qtbot.waitUntil(commands.shift_close.isEnabled, timeout=SLOW)
    trigger(qtbot, window, commands.shift_close)
    dialog = wait_shown(qtbot, CloseShiftDialog)
    dialog.approval.manager_edit.setText(MANAGER)
    qtbot.keyClicks(dialog.approval.pin_edit, MANAGER_PIN)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    z_window = wait_shown(qtbot, ShiftReportDialog, SLOW)
    z = z_window.report
    assert z.kind.value == "Z" and z.closed_by_name == MANAGER and z.anchor is not None

    # its figures, as the window shows them, are the sandbox ledger's for the shift
    ledger = ledger_figures(console.sandbox.state, z.shift.opened_at, z.until)
    shown_counts = _column(z_window, "totals", 1)
    shown_amounts = _column(z_window, "totals", 2)
    for row, (kind, (count, tiyn)) in enumerate(
        [
            (FigureKind.SALES, ledger.sales),
            (FigureKind.HOLDS, ledger.holds),
            (FigureKind.CHARGES, ledger.charges),
            (FigureKind.CANCELS, ledger.cancels),
            (FigureKind.REFUNDS, ledger.refunds),
        ]
    ):
        assert z.totals.figures[row].kind is kind
        assert (shown_counts[row], shown_amounts[row]) == (str(count), Money(tiyn).format()), kind
    assert z.totals.net_minor == ledger.net and shown_amounts[-1] == Money(ledger.net).format()
    assert z.shift.opened_at <= sold.created < z.until and sold.org_amount == 543_000  # among them
    # ... and the bank's refunds made in its merchant cabinet are what the Z lists as still open
    cabinet = {e.invoice_id for e in seeded if e.kind == CABINET_REFUND}
    assert set(_column(z_window, "bank_open_in_books", 0)) == cabinet
    assert ledger.cabinet[1] == sum(e.amount.minor for e in seeded if e.kind == CABINET_REFUND)
    # the Bank column beside the console's is the ledger's; the difference is the cabinet's refunds
    charged, refunded = ledger.sales[1] + ledger.charges[1], ledger.refunds[1] + ledger.cabinet[1]
    assert _column(z_window, "bank_totals", 2) == [
        signed_money_text(charged),
        signed_money_text(refunded),
        signed_money_text(charged - refunded),
    ]
    assert _column(z_window, "bank_totals", 3) == [
        signed_money_text(0),
        signed_money_text(ledger.cabinet[1]),
        signed_money_text(-ledger.cabinet[1]),
    ]
    # ... and the sale the console called expired, which the X's check corrected, is still listed
    late = next(e.invoice_id for e in seeded if e.kind == PAID_LATE)
    assert late in _column(z_window, "bank_found_earlier", 0)
    assert all(_column(z_window, "bank_found_earlier", 4))  # when each was found
    z_window.accept()
    assert console.arun(console.ctx.shifts.current()) is None


@pytest.fixture
def fiscal_demo_console(
    console_with: Callable[..., AbstractContextManager[Any]],
    sandbox: RunningSandbox,
    fiscal_sandbox: RunningFiscalSandbox,
) -> Iterator[tuple[Any, RunningFiscalSandbox]]:
    """The demo console as ``--demo`` starts it with its fiscal register (decision 0126): the demo's
    data, the fiscal sandbox configured and given the demo shift's receipts and mismatches."""

    def demo(arun: Callable[..., Any], ctx: AppContext) -> object:
        arun(prepare_demo(ctx, sandbox.state, count=40, seed=15))
        arun(use_fiscal_sandbox(ctx, fiscal_sandbox.base_url))
        return arun(seed_demo_fiscal(ctx))

    with console_with(demo) as started:
        yield started, fiscal_sandbox


def test_the_three_way_close_from_the_shift_menu_lists_the_fiscal_mismatches_and_the_registers_z(
    fiscal_demo_console: tuple[Any, RunningFiscalSandbox], qtbot: Any
) -> None:
    console, fiscal = fiscal_demo_console
    console.log_in(MANAGER, MANAGER_PIN)
    window, commands = console.window, console.window.commands

    qtbot.waitUntil(commands.shift_close.isEnabled, timeout=SLOW)
    trigger(qtbot, window, commands.shift_close)
    dialog = wait_shown(qtbot, CloseShiftDialog)
    assert "fiscal register" in dialog.intro_label.text()  # the manager is told the register's Z may follow
    qtbot.mouseClick(dialog.ok_button, LEFT)  # a manager closes it: nothing more to ask
    z_window = wait_shown(qtbot, ShiftReportDialog, SLOW)
    z = z_window.report

    assert z.fiscal is not None and z.fiscal.register is not None and z.fiscal.register.closed
    kinds = {m.external_number: m.kind for m in z.fiscal.mismatches}
    assert sorted(kinds.values()) == ["amount", "needs_person", "unexplained"]  # one of each, seeded
    assert TYPED_AT_THE_REGISTER[0] in kinds
    # on screen: each mismatch by its receipt's number, and the register's Z report beside the console's
    assert set(_column(z_window, "fiscal_mismatches", 1)) == set(kinds)
    assert _column(z_window, "fiscal_register", 1)[:3] == [
        str(z.fiscal.register.documents),
        str(z.fiscal.register.sales_count),
        str(z.fiscal.register.returns_count),
    ]
    assert _column(z_window, "totals", 0)  # the console's own Z report is there as always
    closed = fiscal.sandbox.register.shift(z.fiscal.register.shift_number)  # by the register's Z
    assert closed.closed is not None and closed.z_number
    z_window.accept()
    assert console.arun(console.ctx.shifts.current()) is None
