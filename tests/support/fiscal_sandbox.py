"""The fiscal sandbox for tests: served on loopback in a thread, and a small HTTP client that speaks its
API the way an integrator does (``x-api-key`` header, ``Token`` in the body, PascalCase keys)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import httpx

from epay_desktop.fiscal.webkassa import WebkassaClient
from epay_desktop.fiscal.webkassa import WebkassaConfig
from epay_desktop.gateway import Secret
from epay_desktop.gateway.retry import RetryPolicy
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.register import Receipt
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.sandbox.fiscal.server import start_in_thread
from epay_desktop.sandbox.render import dumps
from epay_desktop.services.fiscal.service import Connect
from epay_desktop.services.fiscal.service import FiscalConnection
from tests.support.sandbox import TLS

__all__ = [
    "FiscalClient",
    "card_check",
    "emptied",
    "registered",
    "running_fiscal_sandbox",
    "start_in_thread",
    "webkassa_connect",
]


def card_check(
    external: str, amount: str, *, operation: int = 2, vat: str = "16", basis: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A one-line card receipt as the console sends it (fiscal.md §1.7): RoundType 0, VAT included."""
    total = Decimal(amount)
    rate = Decimal(vat)
    tax = (total * rate / (100 + rate)).quantize(Decimal("0.01")) if rate else Decimal(0)
    body: dict[str, Any] = {
        "CashboxUniqueNumber": CASHBOX,
        "OperationType": operation,
        "Positions": [
            {
                "Count": 1,
                "Price": total,
                "TaxPercent": rate,
                "Tax": tax,
                "TaxType": 100 if rate else 0,
                "PositionName": "Оплата заказа 000123",
                "UnitCode": 5114,
            }
        ],
        "Payments": [{"Sum": total, "PaymentType": 1}],
        "RoundType": 0,
        "ExternalCheckNumber": external,
    }
    if basis is not None:
        body["ReturnBasisDetails"] = basis
    return body


class FiscalClient:
    """An integrator's calls on a fiscal sandbox at ``base_url``; ``token`` once :meth:`login` ran."""

    def __init__(self, base_url: str, *, api_key: str = API_KEY, timeout: float = 30) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=timeout, verify=TLS)
        self.api_key = api_key
        self.token = ""

    def close(self) -> None:
        self.http.close()

    def post(self, path: str, body: dict[str, Any], **headers: str) -> httpx.Response:
        """``POST path`` with the API key; ``Token`` added when logged in and the body has none."""
        payload = {"Token": self.token, **body} if self.token and "Token" not in body else body
        sent = {"x-api-key": self.api_key, "content-type": "application/json", **headers}
        if not self.api_key:
            del sent["x-api-key"]
        return self.http.post(path, content=dumps(payload), headers=sent)

    def answer(self, path: str, body: dict[str, Any], **headers: str) -> Any:
        """The JSON answer, numbers as Decimal."""
        return json.loads(self.post(path, body, **headers).text, parse_float=Decimal)

    def login(self) -> str:
        self.token = ""
        self.token = self.answer("/api/v4/Authorize", {"Login": LOGIN, "Password": PASSWORD})["Data"]["Token"]
        return self.token

    def check(self, body: dict[str, Any]) -> Any:
        return self.answer("/api/v4/check", body)

    def report(self, kind: str) -> Any:
        return self.answer(f"/api/v4/{kind}", {"CashboxUniqueNumber": CASHBOX})

    def control(self, method: str, path: str, body: object = None) -> Any:
        response = self.http.request(method, path, json=body)
        assert response.status_code < 300, response.text
        return json.loads(response.text, parse_float=Decimal)


@contextmanager
def running_fiscal_sandbox() -> Iterator[tuple[RunningFiscalSandbox, FiscalClient]]:
    """A fresh fiscal sandbox on a free loopback port and a client on it, logged in."""
    with start_in_thread() as running:
        client = FiscalClient(running.base_url)
        try:
            client.login()
            yield running, client
        finally:
            client.close()


def webkassa_connect(url: str, *, attempts: int = 3, register: str = "", vat: int | None = 16) -> Connect:
    """What ``FiscalService`` is given: a Webkassa client on the fiscal sandbox at ``url`` with the demo
    account (``attempts``: its own tries per request, no waiting between them), ``vat`` % VAT, named
    ``register`` (the register the settings name: decision 0129)."""

    async def connect() -> FiscalConnection:
        config = WebkassaConfig(
            url=url, api_key=Secret(API_KEY), login=LOGIN, password=Secret(PASSWORD), cashbox=CASHBOX
        )
        client = WebkassaClient(config, retry=RetryPolicy(attempts=attempts, base=0, cap=0), timeout=5)
        return FiscalConnection(client, vat, register)

    return connect


def registered(running: RunningFiscalSandbox) -> list[Receipt]:
    """Every receipt the sandbox's register holds, in the order registered."""
    register = running.sandbox.register
    with register.lock:
        return list(register.receipts)


def emptied(running: RunningFiscalSandbox) -> RunningFiscalSandbox:
    """``running`` emptied through its control API (``POST /sandbox/reset``): no receipts, shifts, tokens
    or faults, its clock the real time; what a test sees of a sandbox started for it alone."""
    httpx.post(f"{running.base_url}/sandbox/reset", verify=TLS).raise_for_status()
    return running
