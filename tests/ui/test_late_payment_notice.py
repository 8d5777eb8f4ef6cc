"""A sale stopped at the counter that the bank then reports paid is told on the real main window.

The real AppController, MainWindow and services over a real store (no gateway reached: check-status
answers as the bank would, through ``PaymentService.refresh_status``, the poller's own call). The
cashier cancelled the sale at the counter (CASHIER_CANCEL) or its page failed (PAGE_FAILED); the
customer had pressed Pay just before, so the bank's next answer is CHARGE (or AUTH on a two-step
terminal). A red strip across the top of the main window says so in words, with the invoice and the
amount, until dismissed; "Open payment" shows it in the detail panel (decision 0026).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
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
from epay_desktop.domain import User
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway.status import parse_transaction
from epay_desktop.ui.app.controller import AppController
from epay_desktop.ui.checkout.late_payment_notice import LatePaymentNotice
from tests.support.live_console import CASHIER
from tests.support.live_console import CASHIER_PIN
from tests.support.live_console import add_people
from tests.support.live_console import controller_running
from tests.support.live_console import sale_row
from tests.support.windows import log_in

INVOICE = InvoiceId("000777002")
DEAD_GATEWAY = "http://127.0.0.1:9"  # nothing listens: check-status is answered below


class Counter:
    def __init__(self, ctx: AppContext, controller: AppController, cashier: User, arun: Any) -> None:
        self.ctx, self.controller, self.cashier, self.arun = ctx, controller, cashier, arun
        self.bank_says = "NEW"  # what check-status answers for INVOICE

    @property
    def notice(self) -> LatePaymentNotice:
        return self.controller.late_payments

    async def check_status(self, invoice: InvoiceId) -> StatusFound:
        data = {
            "id": "tx-777002",
            "invoiceID": invoice.value,
            "currency": "KZT",
            "statusName": self.bank_says,
            "amount": Decimal("2500"),
            "orgAmount": Decimal("2500"),
            "payoutAmount": Decimal("0"),
            "cardMask": "440563...5096",
        }
        return StatusFound(parse_transaction(data))

    def poll(self) -> None:
        """What the poller does for a payment whose token still lives."""
        self.arun(self.ctx.payments.refresh_status(INVOICE))


@pytest.fixture
def counter(
    qtbot: Any,
    aloop: Any,
    arun: Any,
    tmp_path: Path,
    profile: QWebEngineProfile,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Counter]:
    ctx: AppContext = arun(open_app(demo_environ(tmp_path / "home", DEAD_GATEWAY)))
    _manager, cashier = add_people(arun, ctx)
    expires = ctx.clock() + timedelta(minutes=20)  # a sale whose page is open: the customer has the token
    sale_row(ctx, cashier, INVOICE, ConsoleStatus.PENDING, token_expires_at=expires)
    with controller_running(arun, qtbot, ctx, profile) as controller:
        c = Counter(ctx, controller, cashier, arun)
        monkeypatch.setattr(infrastructure(ctx).gateway, "check_status", c.check_status)
        log_in(qtbot, controller, CASHIER, CASHIER_PIN)
        yield c


def plain(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def test_a_sale_cancelled_at_the_counter_then_paid_is_told_on_the_main_window(
    counter: Counter, qtbot: Any
) -> None:
    window = counter.controller.window
    counter.arun(counter.ctx.payments.stop_at_counter(counter.cashier, INVOICE, ConsoleStatus.CASHIER_CANCEL))
    counter.poll()  # the bank has nothing yet: the mark stays, no notice
    assert not counter.notice.isVisible() and counter.notice.lines == {}

    counter.bank_says = "CHARGE"  # the customer had pressed Pay just before the cashier's cancel
    counter.poll()
    qtbot.waitUntil(counter.notice.isVisible, timeout=5000)
    assert counter.notice.parent() is window
    assert window.dockWidgetArea(counter.notice) == Qt.DockWidgetArea.TopDockWidgetArea
    top = counter.notice.mapTo(window, counter.notice.rect().topLeft()).y()
    assert top <= window.centralWidget().geometry().top()  # above the list and the detail
    [text] = counter.notice.texts()
    assert plain(text) == (
        "Invoice 000777002, 2 500,00 ₸, which was cancelled at the counter, was PAID by the customer's card "
        "after all. Do not take the money again; refund it if the customer paid another way."
    )
    assert counter.notice.toggleViewAction().isVisible() is False  # cannot be switched off from a menu

    line = counter.notice.lines[INVOICE]
    qtbot.mouseClick(line.open_button, Qt.MouseButton.LeftButton)  # Open payment
    qtbot.waitUntil(
        lambda: window.detail_view.view is not None and window.detail_view.view.payment.invoice_id == INVOICE,
        timeout=10_000,
    )
    assert window.detail_view.view.payment.status is ConsoleStatus.CHARGE
    assert counter.notice.isVisible()  # still there until the cashier dismisses it

    counter.poll()  # the poller's next answers (still CHARGE) add nothing
    assert len(counter.notice.lines) == 1
    qtbot.mouseClick(line.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not counter.notice.isVisible(), timeout=5000)
    assert counter.notice.lines == {}


def test_a_failed_page_then_held_says_cancel_the_hold(counter: Counter, qtbot: Any) -> None:
    counter.arun(counter.ctx.payments.stop_at_counter(counter.cashier, INVOICE, ConsoleStatus.PAGE_FAILED))
    counter.bank_says = "AUTH"  # a two-step terminal: the money is held
    counter.poll()
    qtbot.waitUntil(counter.notice.isVisible, timeout=5000)
    [text] = counter.notice.texts()
    assert plain(text) == (
        "Invoice 000777002, 2 500,00 ₸, whose payment page failed at the counter, was AUTHORISED (held) "
        "on the customer's card after all. Do not take the money again; cancel the hold if the customer "
        "paid another way."
    )


def test_an_ordinary_sale_paid_on_its_page_shows_no_notice(counter: Counter, qtbot: Any) -> None:
    counter.bank_says = "CHARGE"
    with qtbot.waitSignal(counter.controller.bridge.payment_changed, timeout=5000) as heard:
        counter.poll()
    assert heard.args[0].previous is ConsoleStatus.PENDING  # the event carries the status before
    assert heard.args[0].payment.status is ConsoleStatus.CHARGE
    assert not counter.notice.isVisible() and counter.notice.lines == {}


def test_the_new_payment_window_in_front_says_it_too(counter: Counter, qtbot: Any) -> None:
    """The cashier cancelled, pressed F2 for the next customer: the New payment window stands in front
    of the main window's strip, so it carries the same sentence until dismissed there."""
    window = counter.controller.window
    counter.arun(counter.ctx.payments.stop_at_counter(counter.cashier, INVOICE, ConsoleStatus.CASHIER_CANCEL))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F2)  # the next sale
    checkout = counter.controller.checkout_window
    qtbot.waitUntil(checkout.isVisible, timeout=5000)
    assert not checkout.late_notice.isVisible()

    counter.bank_says = "CHARGE"
    counter.poll()
    qtbot.waitUntil(checkout.late_notice.isVisible, timeout=5000)
    assert [plain(t) for t in checkout.late_notice.texts] == [plain(t) for t in counter.notice.texts()]
    assert "000777002" in checkout.late_notice.label.text()
    assert "PAID" in checkout.late_notice.label.text()

    qtbot.mouseClick(checkout.late_notice.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not checkout.late_notice.isVisible(), timeout=5000)
    assert counter.notice.isVisible()  # the main window keeps its line until dismissed there


def test_the_new_payment_window_fits_a_small_screen() -> None:
    from PySide6.QtCore import QSize

    from epay_desktop.ui.checkout.window import PREFERRED_SIZE
    from epay_desktop.ui.common.screen_fit import fitted_size

    small = fitted_size(PREFERRED_SIZE, QSize(1024, 768 - 40))  # a 1024x768 screen with a task bar
    assert small.width() <= 1024 - 16 and small.height() <= 728 - 40
    assert fitted_size(PREFERRED_SIZE, QSize(1920, 1040)) == PREFERRED_SIZE
