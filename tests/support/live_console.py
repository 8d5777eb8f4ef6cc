"""The REAL console's life in a test, shared by the e2e fixtures (tests/e2e), the i18n screen walk
(tests/i18n) and the GUI tests on the real services (tests/ui): ``from tests.support.live_console import
running_console, refund_waiting_for_review``.

* :func:`add_people` ``(arun, ctx)``: the manager and the cashier every console test logs in as.
* :func:`sale_row` ``(ctx, cashier, invoice, status, **fields)``: a 2 500 tenge sale written straight into
  the store (the late-payment notice, printing and the attention list start from such sales).
* :func:`controller_running` ``(arun, qtbot, ctx, profile)``: the AppController and its window running on
  an opened ``ctx`` (its options :data:`POLLING` unless given), shut down and ``ctx`` closed on leaving.
* :func:`running_console` ``(arun, qtbot, env, profile)``: ``open_app(env)`` on a fresh database with a
  manager (:data:`MANAGER`) and a cashier (:data:`CASHIER`), the poller running, the AppController and its
  window, nobody logged in; on leaving: dialogs a failed test left open dismissed, all shut down.
* :func:`refund_waiting_for_review`: a paid payment's refund that the bank could not confirm and that
  a manager must now review (the Review the operation command has something to act on).
* :func:`open_refund` ``(qtbot, window, invoice)``: a payment opened in the main window, Ctrl+R: its Refund
  dialog.
* :func:`trigger` ``(qtbot, window, action)``: a command of the main window used as a person does (its
  shortcut, else its menu item); :func:`menu_of`: the menu bar's menu that holds an action.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Mapping
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QWidget

from epay_desktop.app import AppContext
from epay_desktop.app import open_app
from epay_desktop.app import store_of
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.domain import User
from epay_desktop.sandbox.faults import Fault
from epay_desktop.store.models import PaymentRow
from epay_desktop.ui.app.controller import AppController
from epay_desktop.ui.app.controller import ConsoleOptions
from epay_desktop.ui.app.main import start_background
from epay_desktop.ui.common.asyncqt import end_live_tasks
from epay_desktop.ui.money.refund_dialog import RefundDialog
from tests.support.windows import dismiss_dialogs
from tests.support.windows import wait_shown

MANAGER, MANAGER_PIN = "Данияр", "2222"
CASHIER, CASHIER_PIN = "Айгерим", "1111"
#: The console's options in these tests: never locks when idle, polls every half second.
POLLING = ConsoleOptions(idle_minutes=0, poll_interval=0.5)


def add_people(arun: Callable[..., Any], ctx: AppContext) -> tuple[User, User]:
    """The manager (:data:`MANAGER`) and the cashier (:data:`CASHIER`) the manager added."""
    manager: User = arun(ctx.users.add_user(MANAGER, Role.MANAGER, MANAGER_PIN, None))
    cashier: User = arun(ctx.users.add_user(CASHIER, Role.CASHIER, CASHIER_PIN, manager))
    return manager, cashier


def sale_row(
    ctx: AppContext,
    cashier: User,
    invoice: InvoiceId,
    status: ConsoleStatus,
    *,
    age: timedelta = timedelta(),
    **fields: Any,
) -> None:
    """A 2 500 tenge sale of a cake (``invoice``) made by ``cashier`` on this register ``age`` ago, in
    ``status``, written straight into the store; ``fields`` set more of the row (the bank's answer, the
    token's expiry)."""
    now = ctx.clock() - age
    with store_of(ctx).write() as tx:
        tx.session.add(
            PaymentRow(
                invoice_id=invoice.value,
                invoice_tail=invoice.tail,
                amount_minor=250_000,
                status=status.value,
                description="Торт",
                register_id=ctx.store_settings.register_id,
                created_by=cashier.id,
                created_at=now,
                updated_at=now,
                **fields,
            )
        )


@contextmanager
def controller_running(
    arun: Callable[..., Any],
    qtbot: Any,
    ctx: AppContext,
    profile: Any,
    options: ConsoleOptions = POLLING,
    timeout: int = 10_000,
) -> Iterator[AppController]:
    """The AppController of ``ctx`` running (its window shown, nobody logged in); on leaving: dialogs a
    failed test left open dismissed, the controller closed and its run ended, ``ctx`` closed."""
    controller = AppController(ctx, profile, options)
    running = asyncio.ensure_future(controller.run())
    try:
        yield controller
    finally:
        dismiss_dialogs()
        controller.close()
        qtbot.waitUntil(running.done, timeout=timeout)
        # as the console quits: a detail still loading or the badge's count ends before the store closes
        arun(end_live_tasks(), timeout=timeout)
        arun(ctx.aclose(), timeout=timeout)


@contextmanager
def running_console(
    arun: Callable[..., Any],
    qtbot: Any,
    env: Mapping[str, str],
    profile: Any,
    prepare: Callable[[Callable[..., Any], AppContext], object] = add_people,
    reconcile_every: float = 1.0,
) -> Iterator[tuple[AppContext, AppController]]:
    """``(ctx, controller)`` of the console started on ``env`` (see the module's docstring); ``prepare``
    ``(arun, ctx)`` fills the database first (the demo's data instead of the two people, say);
    ``reconcile_every``: the background reconciliation's period in seconds (the console's own is
    ``ui.app.main.RECONCILE_EVERY``; a test that waits for a reconciliation keeps it short)."""
    ctx: AppContext = arun(open_app(dict(env)))
    prepare(arun, ctx)
    stop, poller = start_background(ctx, reconcile_every=reconcile_every)
    with controller_running(arun, qtbot, ctx, profile) as controller:
        try:
            yield ctx, controller
        finally:  # the background stops before the controller closes and the context with it
            stop.set()
            qtbot.waitUntil(poller.done, timeout=10_000)


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

    console.arun(store_of(console.ctx).run_write(needs_review))


def open_refund(qtbot: Any, window: Any, invoice: InvoiceId, timeout: int = 15_000) -> Any:
    """``invoice`` opened in the main window and Ctrl+R pressed, as a person does: its Refund dialog."""
    window.open_payment(invoice)
    qtbot.waitUntil(window.commands.refund.isEnabled, timeout=timeout)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # Ctrl+R
    return wait_shown(qtbot, RefundDialog, timeout)


def menu_of(window: QWidget, action: QAction) -> QMenu | None:
    """The menu of ``window``'s menu bar that holds ``action`` (None: it is in no menu)."""
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None and action in menu.actions():
            return menu
    return None


def menu_opened_at(qtbot: Any, window: Any, action: QAction) -> QMenu:
    """Open the menu of ``window``'s menu bar that holds ``action``, its item highlighted (Enter chooses
    it, as a person does with the keyboard)."""
    menu = menu_of(window, action)
    assert menu is not None, f"{action.objectName()} has neither a shortcut nor a menu item"
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible)
    menu.setActiveAction(action)
    return menu


def trigger(qtbot: Any, window: Any, action: QAction) -> None:
    """Use ``action`` of the main window as a person would: its shortcut (typed into the payment list),
    else its menu item chosen with Enter; a disabled item is clicked (which does nothing) and the menu
    closed with Esc."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    shortcut = action.shortcut()
    if not shortcut.isEmpty():
        table = window.payments_view.table
        table.setFocus()
        qtbot.keySequence(table, shortcut)
        return
    menu = menu_opened_at(qtbot, window, action)
    if action.isEnabled():
        assert menu.activeAction() is action, f"{action.objectName()}: its menu item cannot be chosen"
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    else:  # a disabled item cannot even be highlighted; clicking it does nothing
        assert menu.activeAction() is not action
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        assert menu.isVisible()
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
