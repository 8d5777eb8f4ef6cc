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
import json
import sys
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import qasync
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWidgets import QApplication, QDialog

from epay_desktop.app import AppContext
from epay_desktop.demo import demo_environ
from epay_desktop.domain import ConsoleStatus, InvoiceId, Money
from epay_desktop.sandbox import RunningSandbox, SandboxConfig, start_in_thread
from epay_desktop.ui.app.controller import AppController

sys.path.insert(0, str(Path(__file__).parent / "drivers"))
from live_console import running_console

JS_TIMEOUT_MS = 20_000
SLOW_MS = 30_000
FUTURE = f"12{(date.today().year + 3) % 100:02d}"  # typed as digits; the page inserts the slash
APPROVED_CARD = "4405639704015096"
DECLINED_CARD = "4003032704547597"


# -- the loop (pattern A; aloop is in tests/conftest.py) -----------------------------------------------------


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread(gui_thread_gc: None) -> None:
    """The app's rule in tests too: garbage is collected on the GUI thread only (tests/conftest.py)."""


@pytest.fixture
def arun(aloop: qasync.QEventLoop, qtbot: Any) -> Callable[..., Any]:
    def run(coro: Coroutine[Any, Any, Any], timeout: int = SLOW_MS) -> Any:
        future = asyncio.ensure_future(coro, loop=aloop)
        qtbot.waitUntil(future.done, timeout=timeout)
        return future.result()

    return run


# -- the sandbox (the browser profile, ``profile``, is in tests/conftest.py) ------------------------------


@pytest.fixture(scope="module")
def sandbox() -> Iterator[RunningSandbox]:
    with start_in_thread(SandboxConfig(shop_name="E2E shop")) as running:
        yield running


FILL = """
(function (card) {
  function type(id, value) {
    var input = document.getElementById(id);
    input.focus();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return input.value;
  }
  var typed = ["pan", "expiry", "cvc", "name"].map(function (id) { return type(id, card[id]); });
  document.activeElement.blur();
  return JSON.stringify(typed);
})(%s)
"""
FORM_READY = "!!document.querySelector('form.pay-form') && document.readyState === 'complete'"
SUBMIT = "document.querySelector('form.pay-form button[type=submit]').click(); true"


# -- the console -----------------------------------------------------------------------------------------


@dataclass
class Console:
    ctx: AppContext
    controller: AppController
    sandbox: RunningSandbox
    qtbot: Any
    arun: Callable[..., Any]

    @property
    def window(self) -> Any:
        return self.controller.window

    def dialogs(self, kind: type[QDialog]) -> list[QDialog]:
        return [
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, kind) and shiboken6.isValid(w) and w.isVisible()
        ]  # fmt: skip

    def wait_dialog(self, kind: type[QDialog], timeout: int = SLOW_MS) -> Any:
        self.qtbot.waitUntil(lambda: bool(self.dialogs(kind)), timeout=timeout)
        return self.dialogs(kind)[0]

    def run_js(self, code: str) -> Any:
        box: list[Any] = []
        self.controller.checkout_view.page.runJavaScript(code, box.append)
        self.qtbot.waitUntil(lambda: bool(box), timeout=JS_TIMEOUT_MS)
        return box[0]

    def wait_js(self, code: str, timeout: int = JS_TIMEOUT_MS) -> None:
        """Re-evaluate ``code`` in the checkout page every 100 ms until it returns true."""
        done: list[bool] = []
        page = self.controller.checkout_view.page

        def kick() -> None:
            page.runJavaScript(code, lambda value: done.append(True) if value is True else None)

        timer = QTimer()
        timer.setInterval(100)
        timer.timeout.connect(kick)
        timer.start()
        kick()
        try:
            self.qtbot.waitUntil(lambda: bool(done), timeout=timeout)
        finally:
            timer.stop()

    def fill_card(self, pan: str) -> list[str]:
        """Type a test card into the hosted form in the embedded page, event by event."""
        card = {"pan": pan, "expiry": FUTURE, "cvc": "321", "name": "test buyer"}
        typed: list[str] = json.loads(self.run_js(FILL % json.dumps(card)))
        return typed

    def log_in(self, name: str, pin: str) -> None:
        """Type a name and PIN into the login form covering the window and press Enter."""
        form = self.controller.session.lock_screen.form
        self.qtbot.waitUntil(form.isVisible, timeout=SLOW_MS)
        form.name_edit.setText(name)  # QTest.keyClicks aborts on non-Latin text: "typed" as a paste
        self.qtbot.keyClicks(form.secret_edit, pin)
        self.qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
        session = self.controller.session
        self.qtbot.waitUntil(lambda: session.user is not None and session.user.name == name, timeout=SLOW_MS)

    def ledger(self, invoice: str) -> Any:
        return next(t for t in self.sandbox.state.ledger.all() if t.invoice_id == invoice)

    def paid(self, amount: Money, expect: ConsoleStatus = ConsoleStatus.CHARGE) -> InvoiceId:
        """A payment taken by whoever is logged in and paid at once by the customer with a test card
        through the control API (``/sandbox/pay``); ``expect``: CHARGE, or AUTH on a two-step terminal."""
        user = self.controller.session.user
        assert user is not None, "log in first"
        session = self.arun(self.ctx.payments.create_payment(user, amount, description="Торт"))
        invoice: InvoiceId = session.payment.invoice_id
        answer = httpx.post(
            f"{self.sandbox.base_url}/sandbox/pay",
            json={"invoiceId": invoice.value, "pan": "5522042705066736", "expiry": "12/35", "cvc": "123"},
            timeout=10,
        )
        assert answer.json()["outcome"] == "approved"
        assert self.arun(self.ctx.payments.refresh_status(invoice)).status is expect
        return invoice


@pytest.fixture
def console(
    qtbot: Any,
    aloop: qasync.QEventLoop,
    arun: Callable[..., Any],
    tmp_path: Path,
    sandbox: RunningSandbox,
    profile: QWebEngineProfile,
) -> Iterator[Console]:
    """The console on a fresh database with a manager and a cashier, poller running, nobody logged in."""
    sandbox.state.faults.clear()
    env = demo_environ(tmp_path / "home", sandbox.base_url)
    with running_console(arun, qtbot, env, profile) as (ctx, controller):
        yield Console(ctx, controller, sandbox, qtbot, arun)
