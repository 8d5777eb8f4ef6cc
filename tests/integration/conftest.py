"""The gateway client against the sandbox on a real loopback socket (uvicorn in a thread).

The session's shared sandbox (tests/support/sandbox.py), made fresh for every test: an empty ledger,
no faults armed, no tokens issued.
Tests are synchronous and drive the async client with ``asyncio.run``: each test creates its
``EpayClient`` inside its own coroutine and closes it there.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from typing import Any

import httpx
import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.gateway import Credentials
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import RetryPolicy
from epay_desktop.gateway import Secret
from epay_desktop.gateway.config import sandbox_endpoints
from epay_desktop.sandbox import RunningSandbox
from tests.support.merchant import CLIENT_ID
from tests.support.merchant import CLIENT_SECRET
from tests.support.merchant import TERMINAL_ID
from tests.support.sandbox import APPROVED_CARD
from tests.support.sandbox import DECLINED_CARD
from tests.support.sandbox import THREE_DS_CARD
from tests.support.sandbox import TLS
from tests.support.sandbox import SandboxControl
from tests.support.sandbox import future_expiry

# 9-digit invoice ids from a counter seeded by the clock: distinct last six digits within a run, and
# unlikely to meet ids from an earlier run (reset empties the ledger anyway).
_invoice_numbers = itertools.count((int(time.time() * 1000) % 900_000) * 1000)


def new_invoice() -> InvoiceId:
    return InvoiceId.from_number(100_000_000 + next(_invoice_numbers) % 900_000_000)


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


class Harness(SandboxControl):
    """A fresh sandbox, its control API (sync, from :class:`SandboxControl`) and helpers for building
    clients (async).

    Test modules cannot import this conftest (importlib mode), so the constants and helpers they need
    are reachable through the fixture.
    """

    CLIENT_SECRET = CLIENT_SECRET
    TERMINAL_ID = TERMINAL_ID
    APPROVED_CARD = APPROVED_CARD
    DECLINED_CARD = DECLINED_CARD
    THREE_DS_CARD = THREE_DS_CARD
    new_invoice = staticmethod(new_invoice)
    future_expiry = staticmethod(future_expiry)
    Counter = Counter

    def __init__(self, sandbox: RunningSandbox) -> None:
        super().__init__(sandbox.base_url)
        self.sandbox = sandbox

    @property
    def control(self) -> httpx.Client:
        """The sync HTTP client on the sandbox, for control-API calls without a method here."""
        return self.http

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
            timeout=timeout, follow_redirects=False, event_hooks={"request": [counter.on_request]}, verify=TLS
        )

    # -- the merchant's and the customer's side --------------------------------------------------

    def paid(self, amount: str = "1500", pan: str = APPROVED_CARD, **extra: Any) -> tuple[InvoiceId, str]:
        """A fresh invoice paid by the customer; returns it with the gateway transaction id."""
        invoice = new_invoice()
        self.issue_payment_token(invoice, Money.parse(amount))
        answer = self.customer_pays(invoice, pan, **extra)
        return invoice, str(answer["transactionId"])


@pytest.fixture
def h(sandbox: RunningSandbox) -> Iterator[Harness]:
    """A one-step terminal (payments end in CHARGE), fresh for this test."""
    with Harness(sandbox) as harness:
        yield harness


@pytest.fixture
def h2(two_step_sandbox: RunningSandbox) -> Iterator[Harness]:
    """A two-step terminal (payments end in AUTH), fresh for this test."""
    with Harness(two_step_sandbox) as harness:
        yield harness
