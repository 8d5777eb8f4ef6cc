"""Every QAction of the main window, for a cashier and for a manager, on the real console (issue 7,
point 4): each enabled action opens its dialog or does its work, each disabled one says why.

The actions are found at run time (the window's ``action_*`` QActions, every menu of the menu bar
and every tool bar); an action this test has no expectation for fails it ("add an expectation for
action_X"), so a new command cannot ship untested. Actions are used the way a person does: a
shortcut when the action has one, otherwise the menu, opened and the item chosen with the keyboard.
Every window or dialog opened on the way is checked for a duplicated title (point 6).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QToolBar
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.ui.audit.anchor_dialog import AuditAnchorDialog
from epay_desktop.ui.checkout.window import CheckoutWindow
from epay_desktop.ui.common.asyncqt import is_busy
from epay_desktop.ui.common.titles import product_name
from epay_desktop.ui.common.titles import shown_title
from epay_desktop.ui.dashboard.window import DayDialog
from epay_desktop.ui.money.cancel_dialog import CancelDialog
from epay_desktop.ui.money.charge_dialog import ChargeDialog
from epay_desktop.ui.money.refund_dialog import RefundDialog
from epay_desktop.ui.payments.attention_dialog import AttentionDialog
from epay_desktop.ui.payments.export_dialog import ExportDialog
from epay_desktop.ui.receipts.preview import ReceiptDialog
from epay_desktop.ui.settings.printers_dialog import PrintersDialog
from epay_desktop.ui.settings.settings_dialog import SettingsDialog
from epay_desktop.ui.shifts.close_dialog import CloseShiftDialog
from epay_desktop.ui.shifts.history import ShiftHistoryDialog
from epay_desktop.ui.users.users_dialog import UsersDialog
from epay_desktop.ui.window.shortcuts import ShortcutsDialog
from epay_desktop.ui.window.user_guide import UserGuideWindow
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import refund_waiting_for_review
from tests.support.live_console import trigger
from tests.support.sandbox import SharedSandbox

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

SLOW = 30_000
LOGINS = {Role.CASHIER: (CASHIER, CASHIER_PIN), Role.MANAGER: (MANAGER, MANAGER_PIN)}


@pytest.fixture
def sandbox(shared_sandbox: SharedSandbox, request: pytest.FixtureRequest) -> RunningSandbox:
    """A two-step terminal: payments end held (AUTH), so Charge and Cancel have something to act on."""
    return shared_sandbox.fresh(
        SandboxConfig(shop_name="E2E shop", two_step=True), holder=request.node.nodeid
    )


# -- finding the actions -----------------------------------------------------------------------------


def window_actions(window: QWidget) -> dict[str, QAction]:
    """Every command of the window: its ``action_*`` QActions and whatever its menus and tool bars hold."""
    found = {a.objectName(): a for a in window.findChildren(QAction) if a.objectName().startswith("action_")}

    def walk(actions: list[QAction], where: str) -> None:
        for action in actions:
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu().actions(), f"{where} > {action.text()}")
                continue
            name = action.objectName()
            assert name, f"the item {action.text()!r} in {where} has no objectName: name it action_<what>"
            found[name] = action

    walk(window.menuBar().actions(), "the menu bar")
    for bar in window.findChildren(QToolBar):
        walk(bar.actions(), f"the tool bar {bar.objectName() or bar.windowTitle()}")
    return found


# -- the walk ----------------------------------------------------------------------------------------


@dataclass
class Walk:
    console: Any
    qtbot: Any
    role: Role
    paid: InvoiceId
    held: InvoiceId
    review: InvoiceId
    titles: list[str] = field(default_factory=list)
    manager: Any = None  # the manager account: opens and closes shifts as another counter would

    @property
    def window(self) -> Any:
        return self.console.window

    def shift(self, wanted: bool) -> None:
        """This register's shift open (``wanted``) or not, as another counter of it could leave it, and
        the window has read it so."""
        ctx, arun = self.console.ctx, self.console.arun
        current = arun(ctx.shifts.current())
        if wanted and current is None:
            arun(ctx.shifts.open(self.manager))
        elif not wanted and current is not None:
            arun(ctx.shifts.close(self.manager), timeout=SLOW)
        self.console.controller.shifts.refresh()

        def read() -> bool:
            state = self.window.shift_state
            return state.known and (state.shift is not None) == wanted and not state.busy

        self.qtbot.waitUntil(read, timeout=SLOW)

    def use(self, action: QAction) -> None:
        """Trigger ``action`` as a person would: its shortcut, else its menu item chosen with Enter."""
        trigger(self.qtbot, self.window, action)

    def select(self, invoice: InvoiceId) -> None:
        window = self.window
        window.payments_view.search_edit.clear()
        view = window.payments_view
        self.qtbot.waitUntil(lambda: view.model.row_of(invoice) is not None, timeout=SLOW)
        view.table.setFocus()
        view.select_invoice(invoice)
        self.qtbot.waitUntil(
            lambda: (
                window.detail_view.view is not None and window.detail_view.view.payment.invoice_id == invoice
            ),
            timeout=SLOW,
        )
        self.qtbot.waitUntil(lambda: window.current_invoice() == invoice, timeout=SLOW)

    def opens(self, kind: type[QWidget], close: Callable[[Any], None] | None = None, name: str = "") -> Any:
        """The action opened a visible ``kind`` (named ``name``): record its title, then close it."""

        def shown() -> list[QWidget]:
            return [
                w for w in QApplication.topLevelWidgets()
                if isinstance(w, kind) and shiboken6.isValid(w) and w.isVisible()
                and (not name or w.objectName() == name)
            ]  # fmt: skip

        self.qtbot.waitUntil(lambda: bool(shown()), timeout=SLOW)
        widget = shown()[0]
        self.titles.append(widget.windowTitle())
        shut = close or (lambda w: w.reject())

        def closed() -> bool:  # a dialog still loading (Users) refuses to close until it has loaded
            if shiboken6.isValid(widget) and widget.isVisible():
                shut(widget)
            return not shiboken6.isValid(widget) or not widget.isVisible()

        self.qtbot.waitUntil(closed, timeout=SLOW)
        self.settle()
        return widget

    def settle(self) -> None:
        """Wait until no command of the window is still running."""
        tasks = getattr(self.window, "_epay_action_tasks", {})
        self.qtbot.waitUntil(lambda: not any(is_busy(self.window, name) for name in tasks), timeout=SLOW)

    def relogin(self) -> None:
        name, pin = LOGINS[self.role]
        self.console.log_in(name, pin)
        self.qtbot.waitUntil(lambda: not self.console.controller.session.is_locked, timeout=SLOW)


# What each action does when it is enabled (the check runs after the action was used) and, per role,
# the reason a disabled one must give. ``select``: the payment selected before the action is used.


def _refund(w: Walk) -> None:
    dialog = w.opens(RefundDialog)
    assert dialog.view.payment.invoice_id == w.paid


def _cancel(w: Walk) -> None:
    assert w.opens(CancelDialog).view.payment.invoice_id == w.held


def _charge(w: Walk) -> None:
    assert w.opens(ChargeDialog).view.payment.invoice_id == w.held


def _print(w: Walk) -> None:
    receipt = w.opens(ReceiptDialog)
    assert receipt.pdf.startswith(b"%PDF")


def _new_payment(w: Walk) -> None:
    window = w.opens(CheckoutWindow)
    assert window.sale.currentWidget() is window.sale.form


def _refresh(w: Walk) -> None:
    with w.qtbot.waitSignal(w.window.payments_view.reloaded, timeout=SLOW):
        pass  # the list reloaded from its first page
    assert w.window.payments_view.model.row_of(w.paid) is not None


def _find(w: Walk) -> None:
    w.qtbot.waitUntil(w.window.payments_view.search_edit.hasFocus)


def _covered(w: Walk) -> None:
    session = w.console.controller.session
    w.qtbot.waitUntil(lambda: session.is_locked and session.lock_screen.isVisible(), timeout=SLOW)
    w.relogin()


def _logged_out(w: Walk) -> None:
    session = w.console.controller.session
    w.qtbot.waitUntil(lambda: session.user is None and session.lock_screen.isVisible(), timeout=SLOW)
    w.relogin()


def _review(w: Walk) -> None:
    w.opens(QMessageBox)  # Retry / Abandon / Cancel: closed with Esc = Cancel, nothing decided
    assert w.titles[-1] == "Review the operation"


def _check_bank(w: Walk) -> None:
    """Checked with the bank (check-status only): one line in the status bar, then enabled again."""
    bar = w.window.statusBar()
    w.qtbot.waitUntil(lambda: bar.currentMessage().startswith("Checked with the bank"), timeout=SLOW)
    w.settle()
    w.qtbot.waitUntil(w.window.commands.check_bank.isEnabled, timeout=SLOW)


def _dashboard(w: Walk) -> None:
    """The day's figures loaded, then closed: two holds charged today (2 500 and 900 tenge) are the
    takings; the refund waiting for a manager's review is not, and is the one operation waiting."""
    seen: list[tuple[str, str]] = []

    def close_when_loaded(dialog: DayDialog) -> None:
        if dialog.glance is not None:
            seen.append((dialog.summary_table.item(0, 1).text(), dialog.unresolved_label.text()))
            dialog.reject()

    w.opens(DayDialog, close_when_loaded)
    assert seen == [(Money(340_000).format(), "Money operations waiting for an outcome: 1")]


def _shift_open(w: Walk) -> None:
    """One confirmation (Open shift), then the status bar says which shift is open since when."""
    w.opens(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    assert w.titles[-1] == "Open shift"
    label = w.window.status_bar.shift_label
    w.qtbot.waitUntil(lambda: label.isVisible() and " open since " in label.text(), timeout=SLOW)


def _shift_x(w: Walk) -> None:
    w.opens(QMessageBox)  # whether to compare with the bank: closed with Esc, no report made
    assert w.titles[-1] == "X report"


def _shift_close(w: Walk) -> None:
    """The close step: a manager confirms; a cashier's manager types their name and PIN in it."""
    dialog = w.opens(CloseShiftDialog)
    assert dialog.needs_manager is (w.role is Role.CASHIER)


def _fiscal_register(w: Walk) -> None:
    """No fiscal register is set up here: the command says where a manager sets one up (the window itself:
    tests/ui/test_fiscal_register_from_menu.py)."""
    said: list[str] = []
    w.opens(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    assert w.titles[-1] == "Fiscal register" and "Fiscal register tab" in said[-1]


def _shortcuts(w: Walk) -> None:
    """The keys of the window's menus (tests/ui/test_keyboard_shortcuts.py checks the list itself)."""
    assert w.opens(ShortcutsDialog).listed()


def _user_guide(w: Walk) -> None:
    """The guide in the console's language (tests/ui/test_user_guide.py checks the guide itself)."""
    assert w.opens(UserGuideWindow).sections()


def _about(w: Walk) -> None:
    w.opens(QMessageBox, lambda box: box.accept(), name="about_box")


@dataclass(frozen=True)
class Expect:
    check: Callable[[Walk], None]
    select: str = "paid"  # "paid", "held" or "review" (a refund the bank could not confirm)
    disabled: dict[Role, str] = field(default_factory=dict)  # role -> the reason it must give
    shift: bool | None = None  # this register's shift open (True) or not (False) before it is used


MANAGERS_ONLY = "Only a manager or an administrator"
EXPECTED: dict[str, Expect] = {
    "action_new_payment": Expect(_new_payment),
    "action_refund": Expect(_refund),
    "action_cancel": Expect(_cancel, select="held"),
    "action_charge": Expect(_charge, select="held"),
    "action_review": Expect(
        _review, select="review", disabled={Role.CASHIER: "Only a manager can review an operation."}
    ),
    "action_print_receipt": Expect(_print),
    "action_refresh": Expect(_refresh),
    "action_check_bank": Expect(_check_bank),
    "action_find": Expect(_find),
    "action_switch_user": Expect(_covered),
    "action_lock": Expect(_covered),
    "action_log_out": Expect(_logged_out),
    "action_settings": Expect(lambda w: w.opens(SettingsDialog), disabled={Role.CASHIER: MANAGERS_ONLY}),
    "action_users": Expect(lambda w: w.opens(UsersDialog), disabled={Role.CASHIER: MANAGERS_ONLY}),
    "action_printers": Expect(lambda w: w.opens(PrintersDialog), disabled={Role.CASHIER: MANAGERS_ONLY}),
    "action_export_csv": Expect(lambda w: w.opens(ExportDialog), disabled={Role.CASHIER: MANAGERS_ONLY}),
    "action_audit_anchor": Expect(
        lambda w: w.opens(AuditAnchorDialog), disabled={Role.CASHIER: MANAGERS_ONLY}
    ),
    "action_backup_now": Expect(
        lambda w: w.opens(QMessageBox, lambda box: box.accept(), name="backup_done_box"),
        disabled={Role.CASHIER: MANAGERS_ONLY},
    ),
    "action_attention": Expect(lambda w: w.opens(AttentionDialog)),
    "action_dashboard": Expect(_dashboard, disabled={Role.CASHIER: MANAGERS_ONLY}),
    "action_shift_open": Expect(_shift_open, shift=False),
    "action_shift_x": Expect(_shift_x, shift=True),
    "action_shift_close": Expect(_shift_close, shift=True),
    "action_shift_history": Expect(lambda w: w.opens(ShiftHistoryDialog)),
    "action_fiscal_register": Expect(_fiscal_register),
    "action_shortcuts": Expect(_shortcuts),
    "action_user_guide": Expect(_user_guide),
    "action_about": Expect(_about),
}
#: Also disabled, with the reason, when the selected payment does not allow them.
NOT_FOR_A_HELD_PAYMENT = {"action_refund": "charge or cancel it instead of a refund"}
NOT_FOR_A_PAID_PAYMENT = {"action_cancel": "Only a held payment", "action_charge": "Only a held payment"}


def waiting_for_review(console: Any, amount: Money) -> InvoiceId:
    """A paid payment whose refund the bank could not confirm and a manager must now review."""
    invoice = console.paid(amount, ConsoleStatus.AUTH)
    refund_waiting_for_review(console, console.controller.session.user, invoice, reason="e2e")
    return invoice


def assert_says_why(action: QAction, reason: str) -> None:
    name = action.objectName()
    assert not action.isEnabled(), f"{name} should be disabled here"
    assert reason in action.toolTip(), f"{name}: tooltip {action.toolTip()!r} does not say {reason!r}"
    assert reason in action.statusTip(), f"{name}: status tip {action.statusTip()!r} does not say {reason!r}"


@pytest.mark.parametrize("role", [Role.CASHIER, Role.MANAGER], ids=["cashier", "manager"])
def test_every_action_of_the_main_window_works_or_says_why(console: Any, qtbot: Any, role: Role) -> None:
    console.log_in(MANAGER, MANAGER_PIN)
    held = console.paid(Money(120_000), ConsoleStatus.AUTH)
    paid = console.paid(Money(250_000), ConsoleStatus.AUTH)
    manager = console.controller.session.user
    console.arun(console.ctx.operations.charge(manager, paid))  # now paid (CHARGE)
    review = waiting_for_review(console, Money(90_000))
    if role is Role.CASHIER:
        console.controller.session.log_out()
        console.log_in(CASHIER, CASHIER_PIN)
    window = console.window
    window.refresh()
    walk = Walk(console, qtbot, role, paid, held, review, manager=manager)
    walk.titles.append(window.windowTitle())

    actions = window_actions(window)
    unknown = sorted(set(actions) - set(EXPECTED))
    assert not unknown, "add an expectation for " + ", ".join(unknown) + " in " + __name__
    for name, action in sorted(actions.items()):
        expect = EXPECTED[name]
        walk.select({"held": held, "review": review}.get(expect.select, paid))
        if expect.shift is not None:
            walk.shift(expect.shift)
        reason = expect.disabled.get(role)
        if reason is not None:
            assert_says_why(action, reason)
            walk.use(action)  # the shortcut or menu item does nothing
            assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
            continue
        qtbot.waitUntil(action.isEnabled, timeout=SLOW)
        assert "\n" not in action.toolTip() or role is Role.CASHIER, f"{name}: {action.toolTip()!r}"
        walk.use(action)
        expect.check(walk)
        walk.settle()

    # the payment decides too: a held payment cannot be refunded, a paid one not charged or cancelled
    walk.select(held)
    for name, why in NOT_FOR_A_HELD_PAYMENT.items():
        assert_says_why(actions[name], why)
    walk.select(paid)
    for name, why in NOT_FOR_A_PAID_PAYMENT.items():
        assert_says_why(actions[name], why)

    # no title names the product twice (Qt appends it to titles that do not end with it)
    for title in walk.titles:
        assert shown_title(title).count(product_name()) == 1, title


# -- issue 7, point 9: every dialog of the main window opened and closed a hundred times ------------------

#: A hundred rounds of every dialog on the real console take over three minutes on 2 cores (the receipt
#: preview renders its PDF each time, the day at a glance draws its charts): a soak, so the hundred run in
#: the long profile (EPAY_STRESS=long: ``./scripts/stress.sh tests/e2e/test_console_every_action.py``),
#: the normal run does ten (a dialog that breaks the main window's wrapper does so at its first close).
#: tests/ui/test_dialogs_many_times.py opens its dialogs a hundred times in every run (the fast version).
#: EPAY_DIALOG_ROUNDS sets the rounds outright (5 for a quick local run).
ROUNDS = int(os.environ.get("EPAY_DIALOG_ROUNDS", "100" if os.environ.get("EPAY_STRESS") == "long" else "10"))
ON_THE_PAID_PAYMENT = (
    "action_about", "action_refund", "action_print_receipt", "action_settings", "action_users",
    "action_export_csv", "action_attention", "action_new_payment", "action_audit_anchor", "action_printers",
    "action_dashboard", "action_shift_history", "action_shortcuts", "action_user_guide",
)  # fmt: skip
ON_THE_HELD_PAYMENT = ("action_cancel", "action_charge")
ON_THE_REVIEWED_PAYMENT = ("action_review",)


def test_every_dialog_a_hundred_times_raises_nothing(
    console: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: errors.append(exc))
    console.log_in(MANAGER, MANAGER_PIN)
    held = console.paid(Money(120_000), ConsoleStatus.AUTH)
    paid = console.paid(Money(250_000), ConsoleStatus.AUTH)
    console.arun(console.ctx.operations.charge(console.controller.session.user, paid))
    review = waiting_for_review(console, Money(90_000))
    window = console.window
    window.refresh()
    walk = Walk(console, qtbot, Role.MANAGER, paid, held, review)
    actions = window_actions(window)
    opening = set(ON_THE_PAID_PAYMENT) | set(ON_THE_HELD_PAYMENT) | set(ON_THE_REVIEWED_PAYMENT)
    known = {
        "action_refresh",
        "action_check_bank",
        "action_find",
        "action_switch_user",
        "action_lock",
        "action_log_out",
        # a real copy of the database each time and one message box: opened once in the walk above and
        # by tests/ui/test_backup_now_from_menu.py, not a hundred times
        "action_backup_now",
        # what they open depends on this register's shift (open, or not): opened in the walk above and
        # by tests/ui/test_shifts_from_menu.py and tests/e2e/test_console_shifts.py
        "action_shift_open",
        "action_shift_x",
        "action_shift_close",
        # without a fiscal register it says so in a message box: opened in the walk above; the window
        # itself, on the fiscal sandbox, by tests/ui/test_fiscal_register_from_menu.py
        "action_fiscal_register",
    }
    missing = sorted(set(actions) - opening - known)
    assert not missing, (
        "open these in the hundred-times test too (or list them as not opening a dialog): "
        + ", ".join(missing)
    )
    groups = ((paid, ON_THE_PAID_PAYMENT), (held, ON_THE_HELD_PAYMENT), (review, ON_THE_REVIEWED_PAYMENT))
    for invoice, names in groups:
        walk.select(invoice)
        for _ in range(ROUNDS):
            for name in names:
                qtbot.waitUntil(actions[name].isEnabled, timeout=SLOW)
                actions[name].trigger()
                EXPECTED[name].check(walk)
    assert errors == []
    session = console.controller.session
    assert session.watches(window)  # the idle lock still sees input in the main window
    session.set_idle_minutes(15)
    session._idle.stop()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Down)
    assert session._idle.isActive()
