"""The gateway client against the sandbox on a real loopback socket (uvicorn in a thread).

One sandbox per terminal kind per module; every test starts from an empty ledger with no faults armed.
Tests are synchronous and drive the async client with ``asyncio.run``: each test creates its
``EpayClient`` inside its own coroutine and closes it there.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
import pytest

from epay_desktop.domain import InvoiceId, Money
from epay_desktop.gateway import Credentials, EpayClient, RetryPolicy, Secret
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.sandbox import RunningSandbox, SandboxConfig, start_in_thread

CLIENT_ID = "test"
CLIENT_SECRET = "yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG"
TERMINAL_ID = "67e34d63-102f-4bd1-898e-370781d0074d"
CREDENTIALS = Credentials(CLIENT_ID, Secret(CLIENT_SECRET), TERMINAL_ID)

APPROVED_CARD = "4405 6397 0401 5096"
DECLINED_CARD = "4003 0327 0454 7597"  # REJECT 465
THREE_DS_CARD = "4111 1111 1111 1111"  # code 000000 approves, anything else: 3D / 473

NO_KEEPALIVE = httpx.Limits(max_keepalive_connections=0)

# 9-digit invoice ids from a counter seeded by the clock: distinct last six digits within a run, and
# unlikely to meet ids from an earlier run (reset empties the ledger anyway).
_invoice_numbers = itertools.count((int(time.time() * 1000) % 900_000) * 1000)


def new_invoice() -> InvoiceId:
    return InvoiceId.from_number(100_000_000 + next(_invoice_numbers) % 900_000_000)


def future_expiry() -> str:
    """MM/YY a year from today: always valid, never hard-coded."""
    today = date.today()
    return f"{today.month:02d}/{(today.year + 1) % 100:02d}"


async def fast_sleep(seconds: float) -> None:
    """Backoff sleeps in tests: yield to the loop, do not wait."""
    await asyncio.sleep(0)


@dataclass
class Counter:
    """Counts the HTTP requests an ``httpx.AsyncClient`` sends, by path, through an event hook."""

    requests: list[tuple[str, str]] = field(default_factory=list)

    async def on_request(self, request: httpx.Request) -> None:
        self.requests.append((request.method, request.url.path))

    def count(self, method: str, path_part: str) -> int:
        return sum(1 for m, p in self.requests if m == method and path_part in p)

    @property
    def token_calls(self) -> int:
        return self.count("POST", "/oauth2/token")


@dataclass
class Harness:
    """A running sandbox plus helpers for its control API (sync) and for building clients (async).

    Test modules cannot import this conftest (importlib mode), so the constants and helpers they need
    are reachable through the fixture.
    """

    sandbox: RunningSandbox
    #: Sync client for the control API and the customer's side (one, so tests do not pay for new ones).
    control: httpx.Client

    CLIENT_SECRET = CLIENT_SECRET
    TERMINAL_ID = TERMINAL_ID
    APPROVED_CARD = APPROVED_CARD
    DECLINED_CARD = DECLINED_CARD
    THREE_DS_CARD = THREE_DS_CARD
    new_invoice = staticmethod(new_invoice)
    future_expiry = staticmethod(future_expiry)
    Counter = Counter

    @property
    def base_url(self) -> str:
        return self.sandbox.base_url

    # -- the client under test -----------------------------------------------------------------

    def client(
        self,
        *,
        secret: str = CLIENT_SECRET,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout | float | None = None,
        retry: RetryPolicy | None = None,
    ) -> EpayClient:
        """Create inside the coroutine that uses it (``async with h.client() as client``)."""
        return EpayClient(
            sandbox_endpoints(self.base_url),
            Credentials(CLIENT_ID, Secret(secret), TERMINAL_ID),
            http=http,
            timeout=timeout,
            retry=retry or RetryPolicy(attempts=3, base=0.01, cap=0.05),
            sleep=fast_sleep,
        )

    def counting_http(self, counter: Counter, timeout: httpx.Timeout | float = 10.0) -> httpx.AsyncClient:
        """An ``httpx.AsyncClient`` for ``EpayClient(http=...)`` that records every request it sends."""
        return httpx.AsyncClient(
            timeout=timeout, follow_redirects=False, event_hooks={"request": [counter.on_request]}
        )

    # -- control API ---------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.control.request(method, path, **kwargs)

    def reset(self) -> None:
        assert self._call("POST", "/sandbox/reset").status_code == 200
        assert self._call("DELETE", "/sandbox/faults").status_code == 200

    def fault(self, operation: str, kind: str, value: float | int = 0, times: int = 1) -> None:
        body = {"operation": operation, "kind": kind, "value": value, "times": times}
        response = self._call("POST", "/sandbox/faults", json=body)
        assert response.status_code == 201, response.text

    def armed_faults(self) -> list[dict[str, Any]]:
        faults: list[dict[str, Any]] = self._call("GET", "/sandbox/faults").json()
        return faults

    def ledger(self) -> list[dict[str, Any]]:
        """``/sandbox/transactions``, amounts as Decimal (never floats)."""
        response = self._call("GET", "/sandbox/transactions")
        transactions: list[dict[str, Any]] = json.loads(response.text, parse_float=Decimal)
        return transactions

    def ledger_entry(self, invoice: InvoiceId) -> dict[str, Any]:
        matches = [t for t in self.ledger() if t["invoiceId"] == invoice.value]
        assert len(matches) == 1, matches
        return matches[0]

    def operations(self, invoice: InvoiceId, kind: str) -> list[dict[str, Any]]:
        return [op for op in self.ledger_entry(invoice)["operations"] if op["kind"] == kind]

    def issue_payment_token(self, invoice: InvoiceId, amount: Money) -> dict[str, Any]:
        """A payment token the way any merchant backend gets one (not through the client under test)."""
        form = {
            "grant_type": "client_credentials",
            "scope": "payment",
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "terminal": TERMINAL_ID,
            "invoiceID": invoice.value,
            "amount": amount.gateway_str(),
            "currency": amount.currency,
        }
        response = self._call("POST", "/oauth2/token", data=form)
        assert response.status_code == 200, response.text
        token: dict[str, Any] = response.json()
        return token

    def customer_pays(self, invoice: InvoiceId, pan: str = APPROVED_CARD, **extra: Any) -> dict[str, Any]:
        """``POST /sandbox/pay``: the customer's attempt with the latest payment token of the invoice."""
        body = {
            "invoiceId": invoice.value,
            "pan": pan,
            "expiry": future_expiry(),
            "cvc": "123",
            "name": "TEST BUYER",
            **extra,
        }
        response = self._call("POST", "/sandbox/pay", json=body)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer

    def paid(self, amount: str = "1500", pan: str = APPROVED_CARD, **extra: Any) -> tuple[InvoiceId, str]:
        """A fresh invoice paid by the customer; returns it with the gateway transaction id."""
        invoice = new_invoice()
        self.issue_payment_token(invoice, Money.parse(amount))
        answer = self.customer_pays(invoice, pan, **extra)
        return invoice, str(answer["transactionId"])


def _harness(two_step: bool) -> Iterator[Harness]:
    with (
        start_in_thread(SandboxConfig(two_step=two_step)) as running,
        # No keep-alive: on loopback, uvicorn's h11 answers a reused connection ~40 ms late (delayed ACK).
        httpx.Client(base_url=running.base_url, timeout=10, limits=NO_KEEPALIVE) as control,
    ):
        yield Harness(running, control)


@pytest.fixture(scope="module")
def _one_step_sandbox() -> Iterator[Harness]:
    yield from _harness(two_step=False)


@pytest.fixture(scope="module")
def _two_step_sandbox() -> Iterator[Harness]:
    yield from _harness(two_step=True)


@pytest.fixture
def h(_one_step_sandbox: Harness) -> Iterator[Harness]:
    """A one-step terminal (payments end in CHARGE), reset for this test."""
    _one_step_sandbox.reset()
    yield _one_step_sandbox
    _one_step_sandbox.reset()


@pytest.fixture
def h2(_two_step_sandbox: Harness) -> Iterator[Harness]:
    """A two-step terminal (payments end in AUTH), reset for this test."""
    _two_step_sandbox.reset()
    yield _two_step_sandbox
    _two_step_sandbox.reset()
