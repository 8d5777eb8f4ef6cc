"""Checkout web view tests: one off-the-record profile per module, one view per test, a loopback sandbox.

Pages are deleted before the profile (views at each test's end, the profile at the module's end).
The gateway client runs with ``asyncio.run`` in the test itself: the view has no async slots, so no
qasync loop is needed here.
"""

from __future__ import annotations

# QtWebEngineWidgets must be imported before pytest-qt creates the QApplication.
import PySide6.QtWebEngineWidgets  # noqa: F401  isort: skip

import asyncio
import itertools
import socket
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtWebEngineCore import QWebEngineFrame
from PySide6.QtWebEngineCore import QWebEngineProfile

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.gateway import Credentials
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import Secret
from epay_desktop.gateway import StatusResult
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox.config import TEST_CLIENT_ID
from epay_desktop.sandbox.config import TEST_CLIENT_SECRET
from epay_desktop.sandbox.config import TEST_TERMINAL_ID
from epay_desktop.ui.checkout.policy import DEFAULT_RETURN_BASE
from epay_desktop.ui.checkout.policy import hosts_of
from epay_desktop.ui.checkout.view import CheckoutView
from tests.support import card_form
from tests.support.card_form import JS_TIMEOUT_MS
from tests.support.card_form import Target

_invoices = itertools.count(100_001)


@pytest.fixture
def make_view(
    qtbot: Any, profile: QWebEngineProfile, sandbox: RunningSandbox
) -> Iterator[Callable[..., CheckoutView]]:
    views: list[CheckoutView] = []

    def make(**kwargs: Any) -> CheckoutView:
        hosts = kwargs.pop("allowed_hosts", hosts_of(sandbox.base_url))
        view = CheckoutView(profile, hosts, **kwargs)
        view.resize(1000, 900)
        view.show()
        views.append(view)
        return view

    yield make
    for view in views:  # the page (a child of the view) dies with it, before the profile
        view.close()
        shiboken6.delete(view)


@dataclass
class Checkout:
    payment_object: dict[str, Any]
    widget_url: str
    expires_at: datetime
    invoice_id: str


class Driver:
    """What the tests do to the sandbox and inside the embedded page; waits on conditions, never on time."""

    SHOWN_EXPIRY = card_form.SHOWN_EXPIRY  # how the page shows it
    APPROVED = card_form.APPROVED_CARD
    DECLINED = card_form.DECLINED_CARD
    FORM_READY = card_form.FORM_READY
    SUBMIT = card_form.SUBMIT

    def __init__(self, qtbot: Any, sandbox: RunningSandbox) -> None:
        self.qtbot = qtbot
        self.sandbox = sandbox

    def client(self) -> EpayClient:
        credentials = Credentials(TEST_CLIENT_ID, Secret(TEST_CLIENT_SECRET), TEST_TERMINAL_ID)
        return EpayClient(sandbox_endpoints(self.sandbox.base_url), credentials, timeout=10)

    def new_checkout(self, amount: str = "1500", description: str = "") -> Checkout:
        """A fresh invoice, its payment token from the sandbox, and the payment object for the widget."""
        invoice_id = f"{next(_invoices):09d}"

        async def token() -> Any:
            async with self.client() as client:
                return await client.get_payment_token(InvoiceId(invoice_id), Money.parse(amount))

        tok = asyncio.run(token())
        base = DEFAULT_RETURN_BASE
        payment_object = {
            "invoiceId": invoice_id,
            "backLink": f"{base}/ok?invoice={invoice_id}",
            "failureBackLink": f"{base}/fail?invoice={invoice_id}",
            "postLink": "",
            "language": "rus",
            "description": description or f"Заказ №{invoice_id[-4:]}: чай и кофе",
            "terminal": TEST_TERMINAL_ID,
            "amount": Money.parse(amount).to_decimal(),
            "currency": "KZT",
            "auth": tok.auth_object(),
        }
        expires_at = datetime.now(UTC) + timedelta(seconds=tok.expires_in)
        widget_url = f"{self.sandbox.base_url}/payform/payment-api.js"
        return Checkout(payment_object, widget_url, expires_at, invoice_id)

    def check_status(self, invoice_id: str) -> StatusResult:
        async def go() -> StatusResult:
            async with self.client() as client:
                return await client.check_status(InvoiceId(invoice_id))

        return asyncio.run(go())

    def run_js(self, target: Target, code: str) -> Any:
        """Evaluate ``code`` in the page or a frame and wait for its value."""
        return card_form.run_js(self.qtbot, target, code)

    def wait_js(self, target: Callable[[], Target | None], code: str, timeout: int = JS_TIMEOUT_MS) -> None:
        """Re-evaluate ``code`` every 100 ms (in whatever ``target()`` is then) until it returns true."""
        card_form.wait_js(self.qtbot, target, code, timeout)

    def fill_card(self, target: Target, pan: str, name: str = "test buyer") -> list[str]:
        """Type a test card into the hosted form (like a person would, event by event)."""
        return card_form.fill_card(self.qtbot, target, pan, name=name)

    @staticmethod
    def child_frame(view: CheckoutView) -> QWebEngineFrame | None:
        children = view.page.mainFrame().children()
        return children[0] if children else None


@pytest.fixture
def drive(qtbot: Any, sandbox: RunningSandbox) -> Driver:
    return Driver(qtbot, sandbox)


@pytest.fixture
def unused_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
