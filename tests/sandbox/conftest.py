"""Fixtures for the sandbox contract tests: an in-process sandbox with a fake clock, and the
session's loopback sandbox for what needs a real socket.

``sb`` drives the ASGI app through ``httpx.ASGITransport`` on a private event loop, so
tests stay synchronous (pytest-asyncio is not used) while background tasks such as
postLink deliveries still run on the loop between calls. ``live`` is the session's shared
sandbox made fresh for the test (tests/support/sandbox.py) and ``http`` a plain client on it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest

from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox import SandboxState
from epay_desktop.sandbox import create_app
from epay_desktop.sandbox.cards import TEST_CARD_VISA as VISA
from epay_desktop.sandbox.config import KZ_TZ
from epay_desktop.sandbox.config import TEST_CLIENT_ID
from epay_desktop.sandbox.config import TEST_CLIENT_SECRET
from epay_desktop.sandbox.config import TEST_TERMINAL_ID
from tests.support.clock import Clock
from tests.support.sandbox import TLS

EXPIRY = "12/30"

CREDENTIALS = {
    "grant_type": "client_credentials",
    "scope": "webapi usermanagement email_send verification statement statistics payment",
    "client_id": TEST_CLIENT_ID,
    "client_secret": TEST_CLIENT_SECRET,
    "terminal": TEST_TERMINAL_ID,
}


@pytest.fixture
def live(sandbox: RunningSandbox) -> RunningSandbox:
    """The session's loopback sandbox, fresh for this test (drops, delays and holds need a real socket)."""
    return sandbox


@pytest.fixture
def http(live: RunningSandbox) -> Iterator[httpx.Client]:
    """A plain HTTP client on ``live``."""
    with httpx.Client(base_url=live.base_url, timeout=30, verify=TLS) as client:
        yield client


def decimal_json(response: httpx.Response) -> Any:
    return json.loads(response.text, parse_float=Decimal)


@dataclass
class Sandbox:
    """A sandbox app plus a sync client for it."""

    state: SandboxState
    clock: Clock
    loop: asyncio.AbstractEventLoop
    client: httpx.AsyncClient

    def run(self, coro: Any) -> Any:
        return self.loop.run_until_complete(coro)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.run(self.client.request(method, path, **kwargs))

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    credentials = CREDENTIALS

    def token(self, **fields: str) -> httpx.Response:
        return self.post("/oauth2/token", data={**CREDENTIALS, **fields})

    def service_token(self) -> str:
        response = self.token()
        assert response.status_code == 200, response.text
        return str(response.json()["access_token"])

    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.service_token()}"}

    def payment_token(self, invoice: str, amount: str = "1500.50", **extra: str) -> dict[str, Any]:
        response = self.token(invoiceID=invoice, amount=amount, currency="KZT", **extra)
        assert response.status_code == 200, response.text
        return dict(response.json())

    def pay(self, invoice: str, pan: str = VISA, **extra: Any) -> httpx.Response:
        body = {
            "invoiceId": invoice,
            "pan": pan,
            "expiry": EXPIRY,
            "cvc": "123",
            "name": "TEST PAYER",
            **extra,
        }
        return self.post("/sandbox/pay", json=body)

    def paid(self, invoice: str, amount: str = "1500.50", pan: str = VISA, **extra: Any) -> str:
        """Issue a token and pay it; returns the transaction id."""
        self.payment_token(invoice, amount)
        response = self.pay(invoice, pan, **extra)
        assert response.status_code == 200, response.text
        return str(response.json()["transactionId"])

    def status(self, invoice: str) -> dict[str, Any]:
        response = self.get(f"/check-status/payment/transaction/{invoice}", headers=self.auth())
        assert response.status_code == 200, response.text
        return dict(decimal_json(response))

    def txn(self, invoice: str) -> dict[str, Any]:
        return dict(self.status(invoice)["transaction"])

    def op(self, txn_id: str, kind: str, **params: str) -> httpx.Response:
        return self.post(f"/operation/{txn_id}/{kind}", params=params, headers=self.auth())


@pytest.fixture
def credentials() -> dict[str, str]:
    return dict(CREDENTIALS)


@pytest.fixture
def make_sandbox() -> Iterator[Callable[..., Sandbox]]:
    made: list[Sandbox] = []

    def make(**config: Any) -> Sandbox:
        clock = Clock(datetime(2026, 3, 2, 10, 0, 0, 123456, tzinfo=KZ_TZ))
        state = SandboxState(SandboxConfig(clock=clock, **config))
        loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(app=create_app(state))
        client = httpx.AsyncClient(transport=transport, base_url="http://sandbox.test")
        sandbox = Sandbox(state, clock, loop, client)
        made.append(sandbox)
        return sandbox

    yield make
    for sandbox in made:
        sandbox.run(sandbox.client.aclose())
        pending = [t for t in asyncio.all_tasks(sandbox.loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            sandbox.run(asyncio.gather(*pending, return_exceptions=True))
        sandbox.loop.close()


@pytest.fixture
def sb(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox()


@pytest.fixture
def sb2(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    """A two-step terminal with a one-hour hold."""
    return make_sandbox(two_step=True, hold_seconds=3600)
