"""The REAL console's life in a test, shared by the e2e fixtures and the i18n screen walk.

Import it with importlib mode's usual trick::

    sys.path.insert(0, str(Path(__file__).parent / "drivers"))  # tests/e2e/drivers
    from live_console import running_console, refund_waiting_for_review

* :func:`running_console` ``(arun, qtbot, env, profile)``: ``open_app(env)`` on a fresh database with a
  manager (:data:`MANAGER`) and a cashier (:data:`CASHIER`), the poller running, the AppController and its
  window, nobody logged in; on leaving: dialogs a failed test left open dismissed, all shut down.
* :func:`refund_waiting_for_review`: a paid payment's refund that the bank could not confirm and that
  a manager must now review (the Review the operation command has something to act on).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtWidgets import QApplication, QDialog

from epay_desktop.app import AppContext, open_app
from epay_desktop.domain import InvoiceId, Money, OpState, Role, User
from epay_desktop.sandbox.faults import Fault
from epay_desktop.ui.app_controller import AppController, ConsoleOptions
from epay_desktop.ui.main import start_background

MANAGER, MANAGER_PIN = "Данияр", "2222"
CASHIER, CASHIER_PIN = "Айгерим", "1111"


@contextmanager
def running_console(
    arun: Callable[..., Any], qtbot: Any, env: Mapping[str, str], profile: Any
) -> Iterator[tuple[AppContext, AppController]]:
    """``(ctx, controller)`` of the console started on ``env`` (see the module's docstring)."""
    ctx: AppContext = arun(open_app(dict(env)))
    manager = arun(ctx.users.add_user(MANAGER, Role.MANAGER, MANAGER_PIN, None))
    arun(ctx.users.add_user(CASHIER, Role.CASHIER, CASHIER_PIN, manager))
    controller = AppController(ctx, profile, ConsoleOptions(idle_minutes=0, poll_interval=0.5))
    stop, poller = start_background(ctx, reconcile_every=1.0)
    running = asyncio.ensure_future(controller.run())
    try:
        yield ctx, controller
    finally:
        for widget in QApplication.topLevelWidgets():  # dialogs a failed test left open
            if isinstance(widget, QDialog) and shiboken6.isValid(widget) and widget.isVisible():
                widget.reject()
        controller.close()
        stop.set()
        qtbot.waitUntil(lambda: poller.done() and running.done(), timeout=10_000)
        arun(ctx.aclose())


def refund_waiting_for_review(console: Any, manager: User, invoice: InvoiceId, reason: str) -> None:
    """Charge the held ``invoice`` and refund 100 ₸ of it while the bank fails once (502: not applied),
    then let the quiet period end with the bank knowing nothing of it: a manager must review it.
    ``console``: ``ctx``, ``sandbox`` and ``arun`` of a running console."""
    console.arun(console.ctx.operations.charge(manager, invoice))
    console.sandbox.state.faults.add(Fault("refund", "http_status", Decimal(502), 1))  # not applied
    op = console.arun(console.ctx.operations.refund(manager, invoice, Money(10_000), reason=reason))
    assert op.state is OpState.UNKNOWN

    def needs_review(tx: Any) -> None:
        tx.operations.mark(op.id, OpState.NEEDS_REVIEW, now=console.ctx.clock())

    console.arun(console.ctx.store.run_write(needs_review))
