"""The start-up reconciliation runs behind the console's window (decision 0059), seen as a person sees it:
the real console (open_app on the sandbox, AppController, MainWindow) with pending payments, some of them
paid at the bank meanwhile, and a slow bank (the sandbox holds the check-status answers until released).
The login form is there at once, the status bar says the console is checking unfinished payments with the
bank, the list turns the paid ones Paid as the answers arrive, and the line goes when the check is done."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt

from epay_desktop.app import open_app
from epay_desktop.demo import demo_environ
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import Money
from epay_desktop.domain import Role
from epay_desktop.domain.checkout import CheckoutRequest
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.ui.app.controller import AppController
from epay_desktop.ui.app.controller import ConsoleOptions
from epay_desktop.ui.app.main import _status_line
from epay_desktop.ui.app.main import start_background
from epay_desktop.ui.common.roles import RecordRole
from tests.support.windows import dismiss_dialogs

CHECKING = "Checking unfinished payments with the bank…"
MANAGER, PIN = "Данияр", "2222"
SLOW_MS = 15_000


def _control(sandbox: RunningSandbox, method: str, path: str, **kwargs: Any) -> None:
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as http:
        assert http.request(method, path, **kwargs).status_code in (200, 201)


def test_the_login_shows_at_once_and_the_list_follows_the_start_up_check(
    qtbot: Any, aloop: Any, arun: Any, tmp_path: Any, profile: Any, memory: Any,
    monkeypatch: pytest.MonkeyPatch, sandbox: RunningSandbox,
) -> None:  # fmt: skip
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    _control(sandbox, "POST", "/sandbox/reset")
    ctx = arun(open_app(demo_environ(tmp_path / "home", sandbox.base_url)), timeout=SLOW_MS)
    manager = arun(ctx.users.add_user(MANAGER, Role.MANAGER, PIN, None))
    payments = [
        arun(ctx.payments.create_payment(manager, CheckoutRequest(Money.parse(str(100 + n))))).payment
        for n in range(6)
    ]
    today = date.today()
    for payment in payments[:3]:  # the customers paid; the console has not asked yet
        card = {"pan": "4405639704015096", "expiry": f"{today.month:02d}/{(today.year + 1) % 100:02d}"}
        _control(
            sandbox,
            "POST",
            "/sandbox/pay",
            json={"invoiceId": payment.invoice_id.value, "cvc": "123", **card},
        )
    # the bank answers check-status only when released: the start-up check takes as long as the test says
    _control(sandbox, "POST", "/sandbox/faults", json={"operation": "status", "kind": "hold", "times": 8})

    controller = AppController(ctx, profile, ConsoleOptions(idle_minutes=0))
    stop, background = start_background(ctx, reconcile_every=3600, startup=_status_line(controller))
    running = asyncio.ensure_future(controller.run())
    window = controller.window
    try:
        form = controller.session.lock_screen.form
        qtbot.waitUntil(form.isVisible, timeout=SLOW_MS)
        qtbot.waitUntil(lambda: bool(sandbox.state.faults.holds.held("status")), timeout=SLOW_MS)
        # the login form is up while the bank is still being asked: nothing stored as paid yet
        assert window.statusBar().currentMessage() == CHECKING
        stored = [arun(ctx.queries.get_view(p.invoice_id)).payment.status for p in payments]
        assert ConsoleStatus.CHARGE not in stored

        form.name_edit.setText(MANAGER)
        qtbot.keyClicks(form.secret_edit, PIN)
        qtbot.keyClick(form.secret_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: controller.session.user is not None, timeout=SLOW_MS)
        _control(sandbox, "DELETE", "/sandbox/faults")  # the bank answers now (held and later calls)

        model = window.payments_view.model

        def shown(payment: Any) -> ConsoleStatus | None:
            row = model.row_of(payment.invoice_id)
            return None if row is None else model.index(row, 0).data(RecordRole).status

        paid = lambda: [shown(p) for p in payments[:3]] == [ConsoleStatus.CHARGE] * 3  # noqa: E731
        qtbot.waitUntil(paid, timeout=SLOW_MS)  # the list follows the answers as they arrive
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=SLOW_MS)
        assert [shown(p) for p in payments[3:]] == [ConsoleStatus.PENDING] * 3
    finally:
        dismiss_dialogs()
        controller.close()
        stop.set()
        qtbot.waitUntil(lambda: background.done() and running.done(), timeout=SLOW_MS)
        arun(ctx.aclose(), timeout=SLOW_MS)
        _control(sandbox, "DELETE", "/sandbox/faults")
