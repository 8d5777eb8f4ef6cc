"""With "Needs attention" on, a payment whose refund's outcome becomes unknown joins the list at once.

The real AppController, MainWindow and services over a real store. The services publish only an
OperationUpdated for the refund (the payment's own status stays CHARGE), so the list asks the store
for the payments that need attention and inserts the new one at its place in the order, showing the
operation's badge; nobody presses F5.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWebEngineCore import QWebEngineProfile

from epay_desktop.app import AppContext
from epay_desktop.app import infrastructure
from epay_desktop.app import open_app
from epay_desktop.demo import demo_environ
from epay_desktop.domain import ConsoleStatus
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import OpState
from epay_desktop.domain import Role
from epay_desktop.gateway import OutcomeUnknown
from epay_desktop.ui.app.controller import AppController
from epay_desktop.ui.payments.columns import PaymentColumn
from tests.support.live_console import MANAGER
from tests.support.live_console import MANAGER_PIN
from tests.support.live_console import controller_running
from tests.support.live_console import sale_row
from tests.support.windows import log_in

DEAD_GATEWAY = "http://127.0.0.1:9"  # nothing listens: the refund is answered below
#: Newest first in the list: 003 (checking), 002 (paid, refunded below), 001 (checking).
CHECKING_NEW, PAID, CHECKING_OLD = InvoiceId("000888003"), InvoiceId("000888002"), InvoiceId("000888001")


@pytest.fixture
def console(
    qtbot: Any,
    aloop: Any,
    arun: Any,
    tmp_path: Path,
    profile: QWebEngineProfile,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[AppContext, AppController]]:
    ctx: AppContext = arun(open_app(demo_environ(tmp_path / "home", DEAD_GATEWAY)))
    manager = arun(ctx.users.add_user(MANAGER, Role.MANAGER, MANAGER_PIN, None))
    for minutes, invoice, status in (
        (30, CHECKING_OLD, ConsoleStatus.UNKNOWN),
        (20, PAID, ConsoleStatus.CHARGE),
        (10, CHECKING_NEW, ConsoleStatus.UNKNOWN),
    ):
        paid = 250_000 if status is ConsoleStatus.CHARGE else None
        sale_row(
            ctx,
            manager,
            invoice,
            status,
            age=timedelta(minutes=minutes),
            transaction_id=f"txn-{invoice.value}",
            org_amount_minor=paid,
            gateway_amount_minor=paid,
        )

    async def refund_lost(*_args: Any, **_kwargs: Any) -> None:  # the bank's answer never arrives
        raise OutcomeUnknown("read timeout", operation="refund")

    monkeypatch.setattr(infrastructure(ctx).gateway, "refund", refund_lost)  # the client both services use
    with controller_running(arun, qtbot, ctx, profile) as controller:
        log_in(qtbot, controller, MANAGER, MANAGER_PIN)
        yield ctx, controller


def listed(controller: AppController) -> list[str]:
    model = controller.window.payments_view.model
    return [model.payment_at(row).invoice_id.value for row in range(model.rowCount())]


def test_a_refund_whose_outcome_is_lost_joins_the_needs_attention_list_without_f5(
    console: tuple[AppContext, AppController], qtbot: Any, arun: Any
) -> None:
    ctx, controller = console
    view = controller.window.payments_view
    combo = view.filters.status_combo
    combo.setCurrentIndex(combo.findData("attention"))  # the cashier's filter bar: "Needs attention"
    qtbot.waitUntil(lambda: view.model.filter.needs_attention and not view.model.is_loading, timeout=10_000)
    qtbot.waitUntil(lambda: listed(controller) == [CHECKING_NEW.value, CHECKING_OLD.value], timeout=10_000)

    manager = controller.session.user
    assert manager is not None
    op = arun(ctx.operations.refund(manager, PAID, Money(100_000), reason="customer returned the cake"))
    assert op.state is OpState.UNKNOWN  # the services publish only this operation's event

    qtbot.waitUntil(
        lambda: listed(controller) == [CHECKING_NEW.value, PAID.value, CHECKING_OLD.value], timeout=10_000
    )  # at its place in the order, no F5
    model = view.model
    row = model.row_of(PAID)
    assert row is not None
    status = model.index(row, int(PaymentColumn.STATUS)).data(Qt.ItemDataRole.DisplayRole)
    assert status == "Checking…"  # the operation's badge, not "Paid"
    assert model.open_operation(model.payment_at(row).id) is not None
