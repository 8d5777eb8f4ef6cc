"""A driver that opens every screen and dialog a person can reach in the REAL console (issue 9, point 4).

Used by the tests that look at every screen in every language (texts that do not go through ``tr()``,
labels clipped at 1024x768). Import it as ``tests.i18n.screens``; its fixtures reach every test module
in tests/i18n through tests/i18n/conftest.py::

    from tests.i18n.screens import Screen, every_screen

    def test_x(screens_console, qtbot):
        for screen in every_screen(screens_console, qtbot):
            ...  # screen.widget is shown now; it is closed when the loop asks for the next one

API (stable; screens are only ever added):

* :class:`Screen` ``(name, widget, kind)``: ``name`` says what a person sees ("Refund dialog",
  "main window: payment detail"...); ``widget`` the window, dialog, message box or the lock screen
  panel (a child of the main window that covers it); ``kind`` one of ``"window"``, ``"dialog"``,
  ``"message"``, ``"lock"``.
* :func:`every_screen` ``(console, qtbot) -> Iterator[Screen]``: starts at the login screen of a
  console nobody has logged in to, logs in as the manager, sets up payments in several statuses
  (through the services and the sandbox's control API), and opens each screen the way a person does
  (menu item or shortcut, button, double click, Esc). The screen is open while the generator is
  suspended and closed when it resumes. The caller may switch the language meanwhile with
  :func:`switch_language` (the dialogs hidden by the lock come back); the driver never finds a widget
  by its text, so it works in any language, from the first screen on.
* :func:`switch_language` ``(console, qtbot, lang)``: the person's way: lock (Ctrl+L), click
  Қазақша/Русский/English on the lock screen, unlock with the PIN. On the login screen: the click only.
* :func:`choose_language_at_login` ``(console, qtbot, lang)``: the selector on the login screen before
  anyone logs in (to walk every screen "fresh" in a language).
* Fixtures: ``screens_sandbox`` (the session's sandbox made fresh: a two-step terminal, so held payments
  exist), ``screens_console`` (a fresh console per test, on the module's off-the-record browser
  ``profile`` of tests/conftest.py).

Every screen: the login screen (and its answer to a wrong PIN), the main window (payments in several
statuses, a refunded payment's detail with its timeline, the filters with a custom period), the lock
screen (unlock mode), New payment (its form, the customer's page with the console's shell around it, a
declined attempt's note, the result after a paid and after a declined sale, the saved-card panel and its
"Deactivate the saved card?" question), the "Discard this sale?" and "Cancel this sale?" questions,
Refund, the refund receipt offer, Cancel, Charge, the receipt chooser, the receipt preview, Settings
(each tab), Users (a refusal too) and its Reset PIN / Change role dialogs, Export with its file dialog
and "Export done" box, Needs attention, Day at a glance (each tab), Review the operation (and its Retry
while the bank does not answer), the main window after Check with the bank, Keyboard shortcuts, User
guide, About;
the Shift menu (Open shift's question, the status bar with the shift open, the X report's question, the
bank check's progress, Close shift and a close stopped during the check; the X report's window, Shift
history and a Z report opened from it); Shift > Fiscal register… (none set up; then on the fiscal
sandbox, the shift past 24 hours: the status bar's badge, the window, its X report, the Z's question and
its Z report; the shift's X report with the fiscal register's check, a receipt typed at the register
listed); then as the cashier: the main window (the manager's commands disabled, saying why), a Refund
a manager approves (and a refused approval), Close shift with a manager's PIN, the notice of a sale
cancelled at the counter but paid after all, on New payment and the main window.
"""

from __future__ import annotations

# QtWebEngineWidgets must be imported before pytest-qt creates the QApplication (stack-notes 14).
import PySide6.QtWebEngineWidgets  # noqa: F401  isort: skip

import asyncio
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget

from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox.faults import MAX_FAULT_HOLD
from epay_desktop.sandbox.faults import Fault
from epay_desktop.ui.app.main import RECONCILE_EVERY
from tests.support.card_form import DECLINED_CARD  # REJECT, reasonCode 465: the page stays open
from tests.support.card_form import MASTERCARD as APPROVED_CARD
from tests.support.file_dialogs import wait_file_dialog
from tests.support.fiscal_sandbox import FiscalClient
from tests.support.fiscal_sandbox import card_check
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import refund_waiting_for_review
from tests.support.live_console import running_console
from tests.support.live_console import trigger
from tests.support.sandbox import NO_KEEPALIVE
from tests.support.sandbox import SharedSandbox

__all__ = [
    "MANAGER",
    "MANAGER_PIN",
    "Screen",
    "ScreensConsole",
    "choose_language_at_login",
    "every_screen",
    "screens_console",
    "screens_sandbox",
    "switch_language",
]

SLOW = 30_000
SAVED_CARD_ACCOUNT = "cust-701"


@dataclass(frozen=True)
class Screen:
    """One screen while it is shown: ``kind`` is "window", "dialog", "message" or "lock"."""

    name: str
    widget: QWidget
    kind: str = "dialog"


# -- the console ---------------------------------------------------------------------------------


@dataclass
class ScreensConsole:
    """The real console (open_app + AppController + MainWindow) on the module's sandbox."""

    ctx: Any
    controller: Any
    sandbox: RunningSandbox
    qtbot: Any
    loop: asyncio.AbstractEventLoop
    pins: dict[str, str]
    #: The customer's side (the sandbox's control API): one client for the test, not one per payment
    http: httpx.Client

    @property
    def window(self) -> Any:
        return self.controller.window

    @property
    def session(self) -> Any:
        return self.controller.session

    def arun(self, coro: Coroutine[Any, Any, Any], timeout: int = SLOW) -> Any:
        future = asyncio.ensure_future(coro, loop=self.loop)
        self.qtbot.waitUntil(future.done, timeout=timeout)
        return future.result()

    def log_in(self, name: str, pin: str) -> None:
        """Type a name and PIN into the login form covering the window and press Enter."""
        form = self.session.lock_screen.form
        self.qtbot.waitUntil(form.isVisible, timeout=SLOW)
        if not form.name_edit.isReadOnly():
            form.name_edit.setText(name)  # QTest.keyClicks aborts on non-Latin text: "typed" as a paste
        form.secret_edit.clear()
        self.qtbot.keyClicks(form.secret_edit, pin)
        self.qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
        session = self.session
        self.qtbot.waitUntil(
            lambda: session.user is not None and session.user.name == name and not session.is_locked,
            timeout=SLOW,
        )

    def pay(self, invoice: InvoiceId, pan: str = APPROVED_CARD, **extra: Any) -> str:
        """The customer pays ``invoice`` through the sandbox's control API; returns the outcome."""
        body = {"invoiceId": invoice.value, "pan": pan, "expiry": "12/35", "cvc": "123", **extra}
        answer = self.http.post("/sandbox/pay", json=body)
        return str(answer.json().get("outcome", answer.text))

    def paid(self, amount: Money, description: str = "Торт", **fields: Any) -> InvoiceId:
        """A payment taken by whoever is logged in and paid at once (held: a two-step terminal)."""
        user = self.session.user
        assert user is not None, "log in first"
        session = self.arun(
            self.ctx.payments.create_payment(user, CheckoutRequest(amount, description=description, **fields))
        )
        invoice: InvoiceId = session.payment.invoice_id
        extra = {"accountId": fields["account_id"], "cardSave": True} if fields.get("save_card") else {}
        assert self.pay(invoice, **extra) == "approved"
        assert self.arun(self.ctx.payments.refresh_status(invoice)).status is ConsoleStatus.AUTH
        return invoice

    def declined(self, amount: Money) -> InvoiceId:
        """A payment whose every card attempt the bank declined (REJECT)."""
        user = self.session.user
        session = self.arun(
            self.ctx.payments.create_payment(user, CheckoutRequest(amount, description="Сок"))
        )
        invoice: InvoiceId = session.payment.invoice_id
        assert self.pay(invoice, DECLINED_CARD) == "declined"
        assert self.arun(self.ctx.payments.refresh_status(invoice)).status is ConsoleStatus.REJECT
        return invoice


@pytest.fixture
def screens_sandbox(shared_sandbox: SharedSandbox, request: pytest.FixtureRequest) -> RunningSandbox:
    """A two-step terminal: payments end held (AUTH), so Charge and Cancel have something to act on."""
    return shared_sandbox.fresh(SandboxConfig(shop_name="Дүкен", two_step=True), holder=request.node.nodeid)


@pytest.fixture
def screens_console(
    qtbot: Any,
    aloop: Any,
    tmp_path: Path,
    screens_sandbox: RunningSandbox,
    profile: Any,
    memory: Any,
    gui_thread_gc: None,
) -> Iterator[ScreensConsole]:
    """The console on a fresh database with a manager and a cashier, poller running, nobody logged in."""
    from epay_desktop.demo import demo_environ
    from epay_desktop.ui.common.language import translations

    def arun(coro: Coroutine[Any, Any, Any], timeout: int = SLOW) -> Any:
        future = asyncio.ensure_future(coro, loop=aloop)
        qtbot.waitUntil(future.done, timeout=timeout)
        return future.result()

    env = demo_environ(tmp_path / "home", screens_sandbox.base_url)
    try:
        # the console's own reconciliation period: nothing here waits for one, and at the tests' usual
        # second its status checks cost a walk an eighth to a fifth of its CPU time (decision 0155)
        with (
            running_console(arun, qtbot, env, profile, reconcile_every=RECONCILE_EVERY) as (ctx, controller),
            httpx.Client(base_url=screens_sandbox.base_url, timeout=10, limits=NO_KEEPALIVE) as http,
        ):
            pins = {MANAGER: MANAGER_PIN, CASHIER: CASHIER_PIN}
            yield ScreensConsole(ctx, controller, screens_sandbox, qtbot, aloop, pins, http)
    finally:
        translations().reset()


# -- a person's ways -------------------------------------------------------------------------------


def choose_language_at_login(console: ScreensConsole, qtbot: Any, lang: str) -> None:
    """Click Қазақша / Русский / English on the login (or lock) screen."""
    form = console.session.lock_screen.form
    qtbot.waitUntil(form.isVisible, timeout=SLOW)
    button = form.language_selector.buttons[lang]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(button.isChecked)


def switch_language(console: ScreensConsole, qtbot: Any, lang: str) -> None:
    """Switch the interface language as a person does with a screen open: lock (Ctrl+L; while a
    dialog holds the window, the idle lock), click the language on the lock screen, unlock with the
    PIN (the dialogs the lock hid come back). On the login or lock screen itself: just the click."""
    session = console.session
    if session.is_locked:
        choose_language_at_login(console, qtbot, lang)
        return
    user = session.user
    assert user is not None
    if QApplication.activeModalWidget() is None:
        use(console, qtbot, "action_lock")
    else:  # a dialog holds the window (its menus and Ctrl+L): the idle lock is what covers it
        session.set_idle_minutes(0.001)
        qtbot.waitUntil(lambda: session.is_locked, timeout=SLOW)
        session.set_idle_minutes(0)
    qtbot.waitUntil(lambda: session.is_locked and session.lock_screen.isVisible(), timeout=SLOW)
    choose_language_at_login(console, qtbot, lang)
    console.log_in(user.name, console.pins[user.name])


def use(console: ScreensConsole, qtbot: Any, name: str) -> None:
    """Trigger the main window's action ``name`` as a person would, once it is enabled: its shortcut,
    else its menu item chosen with the keyboard (``live_console.trigger``)."""
    window = console.window
    action: QAction = window.findChild(QAction, name)
    assert action is not None, f"the main window has no {name}"
    qtbot.waitUntil(action.isEnabled, timeout=SLOW)
    trigger(qtbot, window, action)


def _shown(kind: type[QWidget], name: str = "") -> list[QWidget]:
    return [
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, kind) and shiboken6.isValid(w) and w.isVisible()
        and (not name or w.objectName() == name)
    ]  # fmt: skip


def _wait_shown(qtbot: Any, kind: type[QWidget], name: str = "") -> Any:
    qtbot.waitUntil(lambda: bool(_shown(kind, name)), timeout=SLOW)
    return _shown(kind, name)[0]


def _wait_gone(qtbot: Any, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget) or not widget.isVisible(), timeout=SLOW)


def _close(qtbot: Any, widget: QWidget, how: Callable[[Any], object] | None = None) -> None:
    """Close a dialog as Esc would (a dialog still loading refuses until it has loaded)."""

    def closed() -> bool:
        if shiboken6.isValid(widget) and widget.isVisible():
            (how or (lambda w: w.reject()))(widget)
        return not shiboken6.isValid(widget) or not widget.isVisible()

    qtbot.waitUntil(closed, timeout=SLOW)


def _settle(console: ScreensConsole, qtbot: Any) -> None:
    """No command of the main window still running (a dialog's flow ends after it closed)."""
    from epay_desktop.ui.common.asyncqt import is_busy

    window = console.window
    tasks = getattr(window, "_epay_action_tasks", {})
    qtbot.waitUntil(lambda: not any(is_busy(window, name) for name in tasks), timeout=SLOW)


def _opened(
    console: ScreensConsole,
    qtbot: Any,
    action: str,
    opens: type[QWidget],
    name: str,
    kind: str = "dialog",
    how: Callable[[Any], object] | None = None,
) -> Iterator[Screen]:
    """Use ``action``, wait for the dialog or box of class ``opens`` it shows and show it as the
    screen ``name``; then close it (Esc, or ``how``) and wait until the command that opened it ended."""
    use(console, qtbot, action)
    widget = _wait_shown(qtbot, opens)
    yield Screen(name, widget, kind)
    _close(qtbot, widget, how)
    _settle(console, qtbot)


def _button_opens(qtbot: Any, button: QWidget, opens: type[QWidget], name: str) -> Iterator[Screen]:
    """Click ``button`` once it is enabled, show the dialog of class ``opens`` it opens as the screen
    ``name``, then close it (Esc)."""
    qtbot.waitUntil(button.isEnabled, timeout=SLOW)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = _wait_shown(qtbot, opens)
    yield Screen(name, dialog)
    _close(qtbot, dialog)


def _select(console: ScreensConsole, qtbot: Any, invoice: InvoiceId) -> None:
    """Click the payment's row in the list (the detail follows)."""
    window = console.window
    view = window.payments_view
    view.search_edit.clear()
    qtbot.waitUntil(lambda: view.model.row_of(invoice) is not None, timeout=SLOW)
    view.table.setFocus()
    view.select_invoice(invoice)
    qtbot.waitUntil(lambda: window.current_invoice() == invoice, timeout=SLOW)
    detail = window.detail_view
    qtbot.waitUntil(
        lambda: detail.view is not None and detail.view.payment.invoice_id == invoice, timeout=SLOW
    )


def _waiting_for_review(console: ScreensConsole, amount: Money) -> InvoiceId:
    """A paid payment whose refund the bank could not confirm and a manager must now review."""
    invoice = console.paid(amount)
    refund_waiting_for_review(console, console.session.user, invoice, reason="wrong_amount")
    return invoice


@dataclass
class _Data:
    held: InvoiceId
    paid: InvoiceId
    refunded: InvoiceId
    declined: InvoiceId
    review: InvoiceId


def _set_up_payments(console: ScreensConsole) -> _Data:
    manager = console.session.user
    held = console.paid(Money(120_000))
    paid = console.paid(Money(250_000))
    console.arun(console.ctx.operations.charge(manager, paid))  # now paid (CHARGE)
    refunded = console.paid(Money(480_000))
    console.arun(console.ctx.operations.charge(manager, refunded))
    console.arun(console.ctx.operations.refund(manager, refunded, Money(80_000), reason="customer_request"))
    declined = console.declined(Money(35_000))
    review = _waiting_for_review(console, Money(90_000))
    console.paid(Money(10_000), account_id=SAVED_CARD_ACCOUNT, save_card=True)  # a saved card
    return _Data(held, paid, refunded, declined, review)


# -- the walk ----------------------------------------------------------------------------------------


def every_screen(console: ScreensConsole, qtbot: Any) -> Iterator[Screen]:
    """Open every screen a person can reach, one at a time (see the module doc)."""
    session = console.session
    window = console.window
    lock = session.lock_screen

    # the login screen (nobody logged in yet)
    qtbot.waitUntil(lambda: lock.isVisible() and lock.form.isVisible(), timeout=SLOW)
    yield Screen("login screen", lock, "lock")
    form = lock.form
    form.name_edit.setText(MANAGER)  # typed as a paste (QTest cannot type Cyrillic)
    qtbot.keyClicks(form.secret_edit, "9999")  # a wrong PIN
    qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.error_label.isHidden() and not form.busy, timeout=SLOW)
    yield Screen("login screen: a wrong PIN", lock, "lock")
    console.log_in(MANAGER, MANAGER_PIN)
    data = _set_up_payments(console)
    window.refresh()
    view = window.payments_view
    qtbot.waitUntil(lambda: view.model.row_of(data.review) is not None, timeout=SLOW)

    # the main window: the list in several statuses, a refunded payment's detail and timeline
    _select(console, qtbot, data.refunded)
    qtbot.waitUntil(lambda: window.detail_view.timeline.topLevelItemCount() > 0, timeout=SLOW)
    yield Screen("main window: payment list and a refunded payment's detail", window, "window")

    # the filters: a custom period shows the two dates
    filters = view.filters
    custom = filters.period_combo.findData("custom")
    if custom >= 0:
        filters.period_combo.setFocus()
        filters.period_combo.setCurrentIndex(custom)
        qtbot.waitUntil(filters.date_from.isVisible, timeout=SLOW)
    yield Screen("main window: filters with a custom period", window, "window")
    if custom >= 0:
        filters.period_combo.setCurrentIndex(0)
    _select(console, qtbot, data.declined)
    yield Screen("main window: a declined payment's detail", window, "window")

    # the lock screen (unlock mode)
    use(console, qtbot, "action_lock")
    qtbot.waitUntil(lambda: session.is_locked and lock.isVisible(), timeout=SLOW)
    yield Screen("lock screen (locked)", lock, "lock")
    if session.is_locked:
        console.log_in(MANAGER, MANAGER_PIN)

    yield from _new_payment_screens(console, qtbot)
    yield from _payment_dialogs(console, qtbot, data)
    yield from _manager_screens(console, qtbot, data)
    yield from _shift_screens(console, qtbot)
    yield from _shift_report_screens(console, qtbot)
    yield from _fiscal_register_screens(console, qtbot)
    yield from _cashier_screens(console, qtbot, data)


def _shift_screens(console: ScreensConsole, qtbot: Any) -> Iterator[Screen]:
    """The Shift menu (decision 0112): Open shift's question, the status bar saying the shift is open, the
    X report's question, the bank check's progress (the bank kept silent by the hold fault) and what a
    close stopped during it says; the cashier's close step is in :func:`_cashier_screens`."""
    from epay_desktop.ui.shifts.bank_progress import BankCheckDialog
    from epay_desktop.ui.shifts.close_dialog import CloseShiftDialog

    window = console.window
    ok, yes = QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Yes
    use(console, qtbot, "action_shift_open")
    question = _wait_shown(qtbot, QMessageBox)
    yield Screen("Open shift: the question", question, "message")
    _close(qtbot, question, lambda b: b.button(ok).click())
    label = window.status_bar.shift_label
    qtbot.waitUntil(lambda: label.isVisible() and window.shift_state.shift is not None, timeout=SLOW)
    _settle(console, qtbot)
    yield Screen("main window: a shift open (status bar)", window, "window")

    console.paid(Money(120_000))  # a payment of the shift: the bank is asked about it
    faults = console.sandbox.state.faults
    faults.add(Fault("status", "hold", Decimal(MAX_FAULT_HOLD), 100))
    use(console, qtbot, "action_shift_x")
    question = _wait_shown(qtbot, QMessageBox)
    yield Screen("X report: compare with the bank?", question, "message")
    if shiboken6.isValid(question) and question.isVisible():
        question.button(yes).click()
        checking = _wait_shown(qtbot, BankCheckDialog)
        qtbot.waitUntil(lambda: checking.progress_bar.maximum() == 1, timeout=SLOW)
        yield Screen("X report: checking with the bank", checking)
        _close(qtbot, checking, lambda d: d.cancel_button.click())
    _settle(console, qtbot)

    use(console, qtbot, "action_shift_close")
    close = _wait_shown(qtbot, CloseShiftDialog)
    yield Screen("Close shift (manager)", close)
    if shiboken6.isValid(close) and close.isVisible():
        close.ok_button.click()
        checking = _wait_shown(qtbot, BankCheckDialog)
        qtbot.waitUntil(lambda: checking.progress_bar.maximum() == 1, timeout=SLOW)
        yield Screen("Close shift: checking with the bank", checking)
        _close(qtbot, checking, lambda d: d.cancel_button.click())
        stays = _wait_shown(qtbot, QMessageBox)
        yield Screen("Close shift: stopped, the shift stays open", stays, "message")
        _close(qtbot, stays, lambda b: b.accept())
    faults.clear()
    _settle(console, qtbot)


def _shift_report_screens(console: ScreensConsole, qtbot: Any) -> Iterator[Screen]:
    """The shift's reports (decision 0113): the X report's window (figures only); then, the shift closed
    with its Z report, a hold charged and part refunded between the shifts, and the next one opened
    (through the service: the cashier's screens close it), Shift history with the open shift chosen (no Z
    report yet, said), its X report from there (what moved outside any shift: decision 0145), a closed one,
    and that one's Z report opened from it (the bank check, the audit anchor)."""
    from epay_desktop.ui.shifts.history import ShiftHistoryDialog
    from epay_desktop.ui.shifts.report_view import ShiftReportDialog

    use(console, qtbot, "action_shift_x")
    question = _wait_shown(qtbot, QMessageBox)
    _close(qtbot, question, lambda b: b.button(QMessageBox.StandardButton.No).click())  # figures only
    x = _wait_shown(qtbot, ShiftReportDialog)
    yield Screen("X report", x)
    _close(qtbot, x)
    _settle(console, qtbot)
    manager = console.session.user
    console.arun(console.ctx.shifts.close(manager))
    between = console.paid(Money(240_000))  # between the shifts: the next one's reports show it apart (0145)
    console.arun(console.ctx.operations.charge(manager, between))
    console.arun(console.ctx.operations.refund(manager, between, Money(40_000), reason="customer_request"))
    console.arun(console.ctx.shifts.open(manager))
    use(console, qtbot, "action_shift_history")
    history = _wait_shown(qtbot, ShiftHistoryDialog)
    yield Screen("Shift history: the open shift chosen", history)
    history.table.selectRow(0)  # the open shift: Show the X report
    qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    yield from _report_part(qtbot, "report_outside", "X report: outside any shift")
    qtbot.waitUntil(history.open_button.isEnabled, timeout=SLOW)  # the history is free again
    history.table.selectRow(1)
    yield Screen("Shift history: a closed shift chosen", history)
    qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    z = _wait_shown(qtbot, ShiftReportDialog)
    yield Screen("Z report from the shift history", z)
    _close(qtbot, z)
    _close(qtbot, history)
    _settle(console, qtbot)


def _fiscal_register_screens(console: ScreensConsole, qtbot: Any) -> Iterator[Screen]:
    """Shift > Fiscal register… (decision 0127): without a fiscal register, where to set one up; then, on
    the fiscal sandbox with its shift past 24 hours (a sale's receipt refused), the status bar's badge, the
    window, its X report, the Z's question and the Z report; the fiscal register is set back to none."""
    from epay_desktop.sandbox.fiscal.account import API_KEY
    from epay_desktop.sandbox.fiscal.account import CASHBOX
    from epay_desktop.sandbox.fiscal.account import LOGIN
    from epay_desktop.sandbox.fiscal.account import PASSWORD
    from epay_desktop.sandbox.fiscal.server import start_in_thread
    from epay_desktop.services.fiscal.setup import FiscalSecrets
    from epay_desktop.services.fiscal.setup import FiscalSettings
    from epay_desktop.ui.shifts.fiscal_register import FiscalRegisterDialog

    yield from _opened(
        console, qtbot, "action_fiscal_register", QMessageBox, "Fiscal register: none", "message"
    )
    ctx, window, manager = console.ctx, console.window, console.session.user
    setup = ctx.fiscal_setup
    with start_in_thread() as fiscal:
        setup.use_for_session(FiscalSecrets(API_KEY, PASSWORD))
        webkassa = FiscalSettings("webkassa", fiscal.base_url, LOGIN, CASHBOX, vat_rate="16", vat_payer="yes")
        console.arun(setup.save(manager, webkassa))
        console.arun(ctx.fiscal.forget())
        for expire in (True, False):  # the first sale opens the register's shift; the second is refused
            invoice = console.paid(Money(150_000))
            console.arun(ctx.operations.charge(manager, invoice))
            console.arun(ctx.fiscal.drain())
            if expire:
                httpx.post(f"{fiscal.base_url}/sandbox/shift/expire", timeout=10).raise_for_status()
        console.controller.fiscal.refresh()
        qtbot.waitUntil(window.status_bar.fiscal_badge.isVisible, timeout=SLOW)
        yield Screen("main window: the fiscal shift over 24 hours (status bar)", window, "window")
        use(console, qtbot, "action_fiscal_register")
        dialog = _wait_shown(qtbot, FiscalRegisterDialog)
        qtbot.waitUntil(lambda: dialog.reads >= 1 and not dialog.busy, timeout=SLOW)
        yield Screen("Fiscal register: the shift past 24 hours", dialog)
        if shiboken6.isValid(dialog) and dialog.isVisible():
            qtbot.mouseClick(dialog.x_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.report is not None and not dialog.busy, timeout=SLOW)
            yield Screen("Fiscal register: X report", dialog)
        if shiboken6.isValid(dialog) and dialog.isVisible():
            qtbot.mouseClick(dialog.z_button, Qt.MouseButton.LeftButton)
            question = _wait_shown(qtbot, QMessageBox)
            yield Screen("Fiscal register: close the shift?", question, "message")
            _close(qtbot, question, lambda b: b.button(QMessageBox.StandardButton.Ok).click())
            qtbot.waitUntil(lambda: dialog.closed is not None and not dialog.busy, timeout=SLOW)
            yield Screen("Fiscal register: Z report", dialog)
        _close(qtbot, dialog)
        _settle(console, qtbot)
        yield from _three_way_screens(console, qtbot, fiscal.base_url)
        console.arun(setup.save(manager, FiscalSettings.defaults()))  # the screens after: no fiscal register
        console.arun(ctx.fiscal.forget())


def _three_way_screens(console: ScreensConsole, qtbot: Any, fiscal_url: str) -> Iterator[Screen]:
    """The X report with the fiscal register's check (decision 0126): a receipt typed at the register by
    hand listed with what to do, and the register's own X report; its part scrolled into view."""
    register = FiscalClient(fiscal_url)
    try:
        register.login()
        assert "Errors" not in register.check(card_check("webkassa-manual-0001", "5000"))
    finally:
        register.close()
    use(console, qtbot, "action_shift_x")
    question = _wait_shown(qtbot, QMessageBox)
    _close(qtbot, question, lambda b: b.button(QMessageBox.StandardButton.No).click())  # figures only
    yield from _report_part(qtbot, "report_fiscal", "X report: the fiscal register's check")
    _settle(console, qtbot)


def _report_part(qtbot: Any, part: str, title: str) -> Iterator[Screen]:
    """The shift report's window being shown, scrolled to its part ``part`` (a group box), as the screen
    ``title``; then closed."""
    from PySide6.QtWidgets import QGroupBox

    from epay_desktop.ui.shifts.report_view import ShiftReportDialog

    report = _wait_shown(qtbot, ShiftReportDialog)
    box = report.page.findChild(QGroupBox, part)
    assert box is not None, f"the report has no part {part}"
    report.page_scroll.ensureWidgetVisible(box)
    yield Screen(title, report)
    _close(qtbot, report)


def _cashier_screens(console: ScreensConsole, qtbot: Any, data: _Data) -> Iterator[Screen]:
    """A cashier: the manager's commands disabled and saying why; a refund a manager approves; the close
    of a shift, with a manager's name and PIN."""
    from epay_desktop.ui.money.refund_dialog import RefundDialog
    from epay_desktop.ui.shifts.close_dialog import CloseShiftDialog

    use(console, qtbot, "action_switch_user")
    console.log_in(CASHIER, CASHIER_PIN)
    _select(console, qtbot, data.paid)
    yield Screen("main window (cashier)", console.window, "window")
    use(console, qtbot, "action_refund")
    dialog = _wait_shown(qtbot, RefundDialog)
    qtbot.waitUntil(lambda: dialog.approval is not None and dialog.approval.isVisible(), timeout=SLOW)
    yield Screen("Refund (cashier): a manager approves", dialog)
    if shiboken6.isValid(dialog) and dialog.isVisible():  # a wrong PIN: the approval says so
        dialog.approval.manager_edit.setText(MANAGER)
        qtbot.keyClicks(dialog.approval.pin_edit, "0000")
        qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=SLOW)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.approval.has_error() and not dialog.busy, timeout=SLOW)
        yield Screen("Refund (cashier): the approval refused", dialog)
    _close(qtbot, dialog)
    _settle(console, qtbot)
    # the shift _shift_screens opened: a cashier's close asks for a manager's name and PIN
    yield from _opened(console, qtbot, "action_shift_close", CloseShiftDialog, "Close shift (cashier)")
    yield from _late_payment_screens(console, qtbot)


def _late_payment_screens(console: ScreensConsole, qtbot: Any) -> Iterator[Screen]:
    """A sale the cashier cancelled at the counter is paid after all (decision 0026): the notice over
    the main window and over the New payment window."""
    checkout, screen = console.controller.checkout_window, console.controller.checkout
    use(console, qtbot, "action_new_payment")
    qtbot.waitUntil(lambda: checkout.isVisible() and screen.currentWidget() is screen.form, timeout=SLOW)
    screen.form.amount_edit.clear()
    qtbot.keyClicks(screen.form.amount_edit, "2500")
    qtbot.keyClick(screen.form.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: screen.currentWidget() is screen.view and screen.payment is not None, timeout=SLOW
    )
    invoice = screen.payment.invoice_id
    qtbot.keyClick(checkout, Qt.Key.Key_Escape)  # the customer changed their mind... or so it seemed
    box = _wait_shown(qtbot, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: screen.currentWidget() is not screen.view, timeout=SLOW)
    assert console.pay(invoice) == "approved"  # the customer had pressed Pay just before
    notice = console.controller.late_payments
    qtbot.waitUntil(lambda: notice.isVisible() and checkout.late_notice.isVisible(), timeout=SLOW)
    yield Screen("New payment: paid after a cancel at the counter", checkout, "window")
    qtbot.keyClick(checkout, Qt.Key.Key_Escape)  # the cancelled sale is back on the form: throw it away
    box = _wait_shown(qtbot, QMessageBox)
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not checkout.isVisible(), timeout=SLOW)
    yield Screen("main window: paid after a cancel at the counter", console.window, "window")


def _new_payment_screens(console: ScreensConsole, qtbot: Any) -> Iterator[Screen]:
    checkout = console.controller.checkout_window
    screen = console.controller.checkout
    form = screen.form

    def open_form() -> None:
        use(console, qtbot, "action_new_payment")
        qtbot.waitUntil(lambda: checkout.isVisible() and screen.currentWidget() is form, timeout=SLOW)

    def type_amount(amount: str) -> None:
        form.amount_edit.clear()
        qtbot.keyClicks(form.amount_edit, amount)

    def submit() -> InvoiceId:
        qtbot.keyClick(form.amount_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: screen.currentWidget() is screen.view and screen.payment is not None, timeout=SLOW
        )
        invoice: InvoiceId = screen.payment.invoice_id
        return invoice

    open_form()
    yield Screen("New payment", checkout, "window")

    # Esc on a filled form asks before throwing the sale away
    type_amount("1500")
    qtbot.keyClick(checkout, Qt.Key.Key_Escape)
    box = _wait_shown(qtbot, QMessageBox)
    yield Screen("New payment: discard this sale?", box, "message")
    _close(qtbot, box, lambda b: b.button(QMessageBox.StandardButton.Cancel).click())
    qtbot.waitUntil(checkout.isVisible)

    # the saved-card panel: the customer's id has a saved card
    if screen.saved_panel is not None:
        qtbot.keyClicks(form.account_edit, SAVED_CARD_ACCOUNT)
        qtbot.waitUntil(form.saved_card_button.isVisible, timeout=SLOW)
        qtbot.mouseClick(form.saved_card_button, Qt.MouseButton.LeftButton)
        panel = screen.saved_panel
        qtbot.waitUntil(
            lambda: screen.currentWidget() is panel and panel.pay_button.isEnabled(), timeout=SLOW
        )
        yield Screen("New payment: pay with a saved card", checkout, "window")
        qtbot.waitUntil(panel.deactivate_button.isEnabled, timeout=SLOW)  # a manager may
        qtbot.mouseClick(panel.deactivate_button, Qt.MouseButton.LeftButton)
        box = _wait_shown(qtbot, QMessageBox)
        yield Screen("New payment: deactivate the saved card?", box, "message")
        _close(qtbot, box, lambda b: b.button(QMessageBox.StandardButton.Cancel).click())
        qtbot.waitUntil(panel.pay_button.isEnabled, timeout=SLOW)
        qtbot.keyClick(checkout, Qt.Key.Key_Escape)  # one step back to the form
        qtbot.waitUntil(lambda: screen.currentWidget() is form, timeout=SLOW)
        form.account_edit.clear()

    # the customer's page in the console's shell
    invoice = submit()
    yield Screen("New payment: the customer's page", checkout, "window")

    # Esc on the page asks before cancelling the sale
    qtbot.keyClick(checkout, Qt.Key.Key_Escape)
    box = _wait_shown(qtbot, QMessageBox)
    yield Screen("New payment: cancel this sale?", box, "message")
    _close(qtbot, box, lambda b: b.button(QMessageBox.StandardButton.No).click())

    # the customer pays (control API): the result after a paid sale
    assert console.pay(invoice) == "approved"
    result = screen.result
    qtbot.waitUntil(lambda: screen.currentWidget() is result and result.outcome is not None, timeout=SLOW)
    yield Screen("New payment: result after a paid sale", checkout, "window")

    # New sale: declined once (the page stays open, the note says so), then until no attempt is left
    qtbot.mouseClick(result.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.currentWidget() is form, timeout=SLOW)
    type_amount("700")
    invoice = submit()
    assert console.pay(invoice, DECLINED_CARD) == "declined"
    qtbot.waitUntil(
        lambda: bool(checkout.attempt_label.text()) and checkout.attempt_label.isVisible(), timeout=SLOW
    )
    yield Screen("New payment: a declined attempt, the page stays open", checkout, "window")
    for _attempt in range(5):  # each decline waits until the console has seen it (the note changes)
        if screen.currentWidget() is result:
            break
        note = checkout.attempt_label.text()
        if console.pay(invoice, DECLINED_CARD) != "declined":  # the page closed: no attempt left
            break
        qtbot.waitUntil(
            lambda note=note: screen.currentWidget() is result or checkout.attempt_label.text() != note,
            timeout=SLOW,
        )
    qtbot.waitUntil(lambda: screen.currentWidget() is result and result.outcome is not None, timeout=SLOW)
    yield Screen("New payment: result after a declined sale", checkout, "window")

    qtbot.mouseClick(result.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.currentWidget() is form, timeout=SLOW)
    qtbot.keyClick(checkout, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not checkout.isVisible(), timeout=SLOW)


def _payment_dialogs(console: ScreensConsole, qtbot: Any, data: _Data) -> Iterator[Screen]:
    from epay_desktop.ui.money.cancel_dialog import CancelDialog
    from epay_desktop.ui.money.charge_dialog import ChargeDialog
    from epay_desktop.ui.money.refund_dialog import RefundDialog
    from epay_desktop.ui.receipts.chooser import ReceiptChooser
    from epay_desktop.ui.receipts.preview import ReceiptDialog

    # Refund (Ctrl+R) on a paid payment; then a refund the bank confirms, and its receipt offer
    _select(console, qtbot, data.paid)
    use(console, qtbot, "action_refund")
    dialog = _wait_shown(qtbot, RefundDialog)
    yield Screen("Refund", dialog)
    if shiboken6.isValid(dialog) and dialog.isVisible():
        qtbot.mouseClick(dialog.partial_radio, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.amount_edit.isEnabled)
        dialog.amount_edit.clear()
        qtbot.keyClicks(dialog.amount_edit, "100")
        qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=SLOW)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        box = _wait_shown(qtbot, QMessageBox, "refund_receipt_offer")
        yield Screen("Refund done: print the refund receipt?", box, "message")
        _close(qtbot, box)  # Not now
    _settle(console, qtbot)

    # Cancel and Charge on a held payment (two-step)
    _select(console, qtbot, data.held)
    yield from _opened(console, qtbot, "action_cancel", CancelDialog, "Cancel hold")
    yield from _opened(console, qtbot, "action_charge", ChargeDialog, "Charge")

    # Print receipt (Ctrl+P) on a payment with refunds: the chooser, then the preview
    _select(console, qtbot, data.refunded)
    use(console, qtbot, "action_print_receipt")
    chooser = _wait_shown(qtbot, ReceiptChooser)
    yield Screen("Print receipt: which receipt", chooser)
    if shiboken6.isValid(chooser) and chooser.isVisible():
        chooser.accept()  # the sale's receipt (the first choice)
    preview = _wait_shown(qtbot, ReceiptDialog)
    qtbot.waitUntil(lambda: bool(preview.pdf), timeout=SLOW)
    yield Screen("Receipt preview", preview)
    _close(qtbot, preview)
    _settle(console, qtbot)


def _manager_screens(console: ScreensConsole, qtbot: Any, data: _Data) -> Iterator[Screen]:
    from epay_desktop.ui.dashboard.window import DayDialog
    from epay_desktop.ui.payments.attention_dialog import AttentionDialog
    from epay_desktop.ui.payments.export_dialog import ExportDialog
    from epay_desktop.ui.settings.printer_form import PrinterForm
    from epay_desktop.ui.settings.printers_dialog import PrintersDialog
    from epay_desktop.ui.settings.settings_dialog import SettingsDialog
    from epay_desktop.ui.users.account_dialogs import ResetPinDialog
    from epay_desktop.ui.users.account_dialogs import RoleDialog
    from epay_desktop.ui.users.users_dialog import UsersDialog
    from epay_desktop.ui.window.shortcuts import ShortcutsDialog
    from epay_desktop.ui.window.user_guide import UserGuideWindow

    window = console.window

    # Settings (Ctrl+,): each tab
    use(console, qtbot, "action_settings")
    settings = _wait_shown(qtbot, SettingsDialog)
    for i in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(i)
        yield Screen(f"Settings: tab {i + 1}", settings)
        if not shiboken6.isValid(settings) or not settings.isVisible():
            break
    _close(qtbot, settings)
    _settle(console, qtbot)

    # Users: the list, then Reset PIN… and Change role… on the cashier
    use(console, qtbot, "action_users")
    users = _wait_shown(qtbot, UsersDialog)
    admin = users.findChild(QWidget, "users_table").parentWidget()
    qtbot.waitUntil(lambda: admin.model.rowCount() >= 2, timeout=SLOW)
    yield Screen("Users", users)
    admin.name_edit.setText(CASHIER)  # typed as a paste (QTest cannot type Cyrillic); she exists
    qtbot.keyClicks(admin.pin_edit, "5555")
    qtbot.keyClicks(admin.pin_again_edit, "5555")
    qtbot.waitUntil(admin.add_button.isEnabled, timeout=SLOW)
    qtbot.mouseClick(admin.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(admin.message_label.text()) and not admin.busy, timeout=SLOW)
    yield Screen("Users: a refusal", users)
    row = next(r for r in range(admin.model.rowCount()) if admin.model.user_at(r).name == CASHIER)
    admin.table.selectRow(row)
    yield from _button_opens(qtbot, admin.reset_button, ResetPinDialog, "Users: reset PIN")
    asked = admin._question  # the question's coroutine ends a moment after its dialog closed
    qtbot.waitUntil(lambda: asked is None or asked.done(), timeout=SLOW)
    yield from _button_opens(qtbot, admin.role_button, RoleDialog, "Users: change role")
    _close(qtbot, users)
    _settle(console, qtbot)

    # Receipt printers: the shop's list (none yet) and the form of a new one (decision 0109)
    use(console, qtbot, "action_printers")
    printers = _wait_shown(qtbot, PrintersDialog)
    yield Screen("Receipt printers", printers)
    if shiboken6.isValid(printers) and printers.isVisible():
        yield from _button_opens(qtbot, printers.add_button, PrinterForm, "Receipt printers: add")
    _close(qtbot, printers)
    _settle(console, qtbot)

    # Export payments (CSV), and the box that says it is done
    use(console, qtbot, "action_export_csv")
    export = _wait_shown(qtbot, ExportDialog)
    yield Screen("Export payments (CSV)", export)
    if shiboken6.isValid(export) and export.isVisible():
        qtbot.waitUntil(export.export_button.isEnabled, timeout=SLOW)
        qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
        files = wait_file_dialog(qtbot, export, "export_file_dialog", timeout=SLOW)
        yield Screen("Export payments (CSV): choose the file", files)
        name_edit = files.findChild(QLineEdit, "fileNameEdit")
        name_edit.setText(str(Path(console.ctx.store_settings.home) / "payments.csv"))
        qtbot.keyClick(name_edit, Qt.Key.Key_Return)
        done = _wait_shown(qtbot, QMessageBox, "export_done_box")
        yield Screen("Export done", done, "message")
        _close(qtbot, done, lambda b: b.accept())
    _close(qtbot, export)
    _settle(console, qtbot)

    # Needs attention
    yield from _opened(console, qtbot, "action_attention", AttentionDialog, "Needs attention")

    # Day at a glance (Ctrl+Shift+D): each tab once its figures are shown
    use(console, qtbot, "action_dashboard")
    day = _wait_shown(qtbot, DayDialog)
    qtbot.waitUntil(lambda: day.glance is not None, timeout=SLOW)
    for i in range(day.tabs.count()):
        day.tabs.setCurrentIndex(i)
        yield Screen(f"Day at a glance: tab {i + 1}", day)
    _close(qtbot, day)
    _settle(console, qtbot)

    # Review the operation (a refund the bank could not confirm)
    _select(console, qtbot, data.review)
    yield from _opened(
        console, qtbot, "action_review", QMessageBox, "Review the operation", "message",
        lambda b: b.button(QMessageBox.StandardButton.Cancel).click(),
    )  # fmt: skip

    # Retry while the bank does not answer: the console says it could not, in a box
    faults = console.sandbox.state.faults
    faults.add(Fault("status", "http_status", Decimal(502), 1000))
    faults.add(Fault("refund", "http_status", Decimal(502), 1000))
    use(console, qtbot, "action_review")
    box = _wait_shown(qtbot, QMessageBox)
    box.button(QMessageBox.StandardButton.Retry).click()
    error = _wait_shown(qtbot, QMessageBox, "user_error_box")
    yield Screen("Review: the bank did not answer", error, "message")
    _close(qtbot, error, lambda b: b.accept())
    faults.clear()
    _settle(console, qtbot)

    # Check with the bank (Shift+F5): its answer is one line in the status bar
    _select(console, qtbot, data.paid)
    use(console, qtbot, "action_check_bank")
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bool(bar.currentMessage()), timeout=SLOW)
    _settle(console, qtbot)
    yield Screen("main window: after Check with the bank", window, "window")

    # Help > Keyboard shortcuts (F1): the keys of the window's menus, by menu
    use(console, qtbot, "action_shortcuts")
    keys = _wait_shown(qtbot, ShortcutsDialog)
    yield Screen("Keyboard shortcuts", keys)
    _close(qtbot, keys)

    # Help > User guide (Shift+F1): the guide in the console's language (decision 0153)
    use(console, qtbot, "action_user_guide")
    guide = _wait_shown(qtbot, UserGuideWindow)
    yield Screen("User guide", guide)
    _close(qtbot, guide)

    # About
    use(console, qtbot, "action_about")
    about = _wait_shown(qtbot, QMessageBox, "about_box")
    yield Screen("About", about, "message")
    _close(qtbot, about, lambda b: b.accept())
