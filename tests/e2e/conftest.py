"""End-to-end: the REAL console (open_app + AppController + MainWindow) on a loopback sandbox.

Built from run_gui's own building blocks, in-process: ``open_app`` with EPAYMENT_HOME=tmp_path and
the sandbox's URLs, the poller running, the controller and its windows, one off-the-record profile
per module. Pattern A of docs/stack-notes.md: sync tests, a qasync loop marked as running, qtbot's
waits pump it; nothing ever calls loop.stop(). The customer pays INSIDE the embedded page (the
hosted form is filled with runJavaScript).
"""

from __future__ import annotations

# QtWebEngineWidgets must be imported before pytest-qt creates the QApplication.
import PySide6.QtWebEngineWidgets  # noqa: F401  isort: skip

import asyncio
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Iterator
from contextlib import AbstractContextManager
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWidgets import QDialog

from epay_desktop.app import AppContext
from epay_desktop.app import store_of
from epay_desktop.demo import demo_environ
from epay_desktop.demo import prepare_demo
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import Payment
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.ui.app.controller import AppController
from epay_desktop.ui.payments.attention_dialog import AttentionDialog
from epay_desktop.ui.payments.columns import PaymentColumn
from tests.support import card_form
from tests.support import windows
from tests.support.card_form import APPROVED_CARD
from tests.support.card_form import JS_TIMEOUT_MS
from tests.support.card_form import MASTERCARD
from tests.support.live_console import add_people
from tests.support.live_console import running_console
from tests.support.quick_pins import quick_pin_hashes
from tests.support.sandbox import SandboxControl
from tests.support.sandbox import SharedSandbox

SLOW_MS = 30_000


# -- the loop (pattern A; aloop is in tests/conftest.py) -----------------------------------------------------


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread(gui_thread_gc: None) -> None:
    """The app's rule in tests too: garbage is collected on the GUI thread only (tests/conftest.py)."""


@pytest.fixture(autouse=True)
def _quick_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    """The console hashes PINs at Argon2id's smallest cost (decision 0134)."""
    quick_pin_hashes(monkeypatch)


@pytest.fixture
def arun(aloop: qasync.QEventLoop, qtbot: Any) -> Callable[..., Any]:
    def run(coro: Coroutine[Any, Any, Any], timeout: int = SLOW_MS) -> Any:
        future = asyncio.ensure_future(coro, loop=aloop)
        qtbot.waitUntil(future.done, timeout=timeout)
        return future.result()

    return run


# -- the sandbox (the browser profile, ``profile``, is in tests/conftest.py) ------------------------------


@pytest.fixture
def sandbox(shared_sandbox: SharedSandbox, request: pytest.FixtureRequest) -> RunningSandbox:
    """The session's sandbox made fresh for this test, as the E2E shop's one-step terminal."""
    return shared_sandbox.fresh(SandboxConfig(shop_name="E2E shop"), holder=request.node.nodeid)


# -- the console -----------------------------------------------------------------------------------------


@dataclass
class Console:
    ctx: AppContext
    controller: AppController
    sandbox: RunningSandbox
    qtbot: Any
    arun: Callable[..., Any]
    #: The sandbox's control API (the customer's side): one client for the test, not one per payment
    control: SandboxControl

    @property
    def window(self) -> Any:
        return self.controller.window

    def dialogs(self, kind: type[QDialog]) -> list[QDialog]:
        return windows.shown(kind)

    def wait_dialog(self, kind: type[QDialog], timeout: int = SLOW_MS) -> Any:
        return windows.wait_shown(self.qtbot, kind, timeout)

    def run_js(self, code: str) -> Any:
        """Evaluate ``code`` in the checkout page and wait for its value."""
        return card_form.run_js(self.qtbot, self.controller.checkout_view.page, code)

    def wait_js(self, code: str, timeout: int = JS_TIMEOUT_MS) -> None:
        """Re-evaluate ``code`` in the checkout page every 100 ms until it returns true."""
        card_form.wait_js(self.qtbot, self.controller.checkout_view.page, code, timeout)

    def fill_card(self, pan: str, name: str = "test buyer") -> list[str]:
        """Type a test card into the hosted form in the embedded page, event by event."""
        return card_form.fill_card(self.qtbot, self.controller.checkout_view.page, pan, name=name)

    def open_card_page(self, amount: str) -> Any:
        """F2, the amount typed, Enter: the checkout screen showing the gateway's card form."""
        qtbot, screen = self.qtbot, self.controller.checkout
        qtbot.waitUntil(self.window.commands.new_payment.isEnabled, timeout=SLOW_MS)
        self.window.commands.new_payment.trigger()  # F2
        qtbot.waitUntil(
            lambda: self.controller.checkout_window.isVisible() and screen.currentWidget() is screen.form,
            timeout=SLOW_MS,
        )
        screen.form.amount_edit.clear()
        qtbot.keyClicks(screen.form.amount_edit, amount)
        qtbot.keyClick(screen.form.amount_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.currentWidget() is screen.view, timeout=SLOW_MS)
        self.wait_js(card_form.FORM_READY)
        return screen

    def stored(self, invoice: InvoiceId) -> Payment:
        """The payment as the database holds it."""
        payment = self.arun(store_of(self.ctx).run_read(lambda tx: tx.payments.get_by_invoice(invoice)))
        assert payment is not None
        return payment

    def listed_status(self, invoice: InvoiceId) -> str:
        """The payment's Status cell in the main window's list ("": not listed)."""
        model = self.window.payments_view.model
        row = model.row_of(invoice)
        if row is None:
            return ""
        return str(model.index(row, int(PaymentColumn.STATUS)).data(Qt.ItemDataRole.DisplayRole) or "")

    def show_detail(self, invoice: InvoiceId) -> None:
        """Select the payment's row in the list (as a click would); wait until the detail shows it."""
        view = self.window.payments_view
        row = view.model.row_of(invoice)
        assert row is not None
        view.table.selectRow(row)
        detail = self.window.detail_view
        self.qtbot.waitUntil(
            lambda: detail.view is not None and detail.view.payment.invoice_id == invoice, timeout=SLOW_MS
        )

    def scan_into_search(self, text: str, expect: list[InvoiceId]) -> None:
        """``text`` typed into the list's search box as a hand scanner types a QR code; wait until the
        list shows exactly the payments ``expect``."""
        search = self.window.payments_view.filters.search_edit
        search.setFocus()
        search.setText(text)
        model = self.window.payments_view.model

        def listed() -> list[InvoiceId | None]:  # None: a row still loading
            return [
                p.invoice_id if p is not None else None
                for p in map(model.payment_at, range(model.rowCount()))
            ]

        self.qtbot.waitUntil(lambda: listed() == expect, timeout=SLOW_MS)

    def timeline(self, *, tooltips: bool = False) -> list[str]:
        """The shown detail's timeline: each line's text (``tooltips``: and its tooltip, after a space)."""
        tree = self.window.detail_view.timeline
        items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        return [" ".join((it.text(1), it.toolTip(1))) if tooltips else it.text(1) for it in items]

    def log_in(self, name: str, pin: str) -> None:
        """Type a name and PIN into the login form covering the window and press Enter."""
        windows.log_in(self.qtbot, self.controller, name, pin, timeout=SLOW_MS)

    def ledger(self, invoice: str) -> Any:
        return next(t for t in self.sandbox.state.ledger.all() if t.invoice_id == invoice)

    def customer_pays(self, invoice: InvoiceId, pan: str = APPROVED_CARD, **extra: Any) -> dict[str, Any]:
        """The customer pays ``invoice`` with ``pan`` through the sandbox's control API (``/sandbox/pay``,
        ``extra``: more of its fields); its answer."""
        return self.control.customer_pays(invoice, pan, **extra)

    def cabinet_refund(self, invoice: InvoiceId, amount: str) -> None:
        """The merchant refunds ``amount`` of ``invoice`` in the bank's cabinet: the console does not know."""
        answer = self.control.call(
            "POST", f"/sandbox/invoices/{invoice.value}/refund", params={"amount": amount}
        )
        assert answer.status_code == 200, answer.text

    def open_attention(self) -> tuple[Any, list[str]]:
        """Needs attention from its command, once it lists a discrepancy: the dialog and each discrepancy's
        kind as listed."""
        self.window.commands.attention.trigger()
        dialog = self.wait_dialog(AttentionDialog)
        tree = dialog.discrepancy_tree
        self.qtbot.waitUntil(lambda: tree.topLevelItemCount() >= 1, timeout=SLOW_MS)
        return dialog, [tree.topLevelItem(i).text(3) for i in range(tree.topLevelItemCount())]

    def paid(self, amount: Money, expect: ConsoleStatus = ConsoleStatus.CHARGE) -> InvoiceId:
        """A payment taken by whoever is logged in and paid at once by the customer with a test card
        through the control API (``/sandbox/pay``); ``expect``: CHARGE, or AUTH on a two-step terminal."""
        user = self.controller.session.user
        assert user is not None, "log in first"
        session = self.arun(
            self.ctx.payments.create_payment(user, CheckoutRequest(amount, description="Торт"))
        )
        invoice: InvoiceId = session.payment.invoice_id
        assert self.customer_pays(invoice, MASTERCARD)["outcome"] == "approved"
        assert self.arun(self.ctx.payments.refresh_status(invoice)).status is expect
        return invoice


#: Fills the console's new database before it starts: ``prepare(arun, ctx)``.
Prepare = Callable[[Callable[..., Any], AppContext], object]


@pytest.fixture
def console_with(
    qtbot: Any,
    aloop: qasync.QEventLoop,
    arun: Callable[..., Any],
    tmp_path: Path,
    sandbox: RunningSandbox,
    profile: QWebEngineProfile,
) -> Callable[[Prepare], AbstractContextManager[Console]]:
    """``with console_with(prepare) as console``: the console on a new database ``prepare`` filled, poller
    running, nobody logged in."""

    @contextmanager
    def start(prepare: Prepare) -> Iterator[Console]:
        env = demo_environ(tmp_path / "home", sandbox.base_url)
        with (
            running_console(arun, qtbot, env, profile, prepare) as (ctx, controller),
            SandboxControl(sandbox.base_url) as control,
        ):
            yield Console(ctx, controller, sandbox, qtbot, arun, control)

    return start


@pytest.fixture
def console(console_with: Callable[[Prepare], AbstractContextManager[Console]]) -> Iterator[Console]:
    """The console on a fresh database with a manager and a cashier, poller running, nobody logged in."""
    with console_with(add_people) as started:
        yield started


@pytest.fixture
def demo_console(
    console_with: Callable[[Prepare], AbstractContextManager[Console]], sandbox: RunningSandbox
) -> Iterator[Console]:
    """The console on the demo's data (``prepare_demo``: its three people, a short history, today's open
    shift and the bank's side of it in the sandbox, decision 0115), poller running, nobody logged in."""

    def demo(arun: Callable[..., Any], ctx: AppContext) -> object:
        return arun(prepare_demo(ctx, sandbox.state, count=40, seed=15))

    with console_with(demo) as started:
        yield started
