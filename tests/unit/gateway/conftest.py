"""Shared fakes for the gateway client tests: endpoints, credentials, clock, sleep, rng, respx router."""

from __future__ import annotations

import asyncio
import copy
import ssl
import sys
from collections.abc import Coroutine
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from typing import TypeVar

import httpx
import pytest
import respx

from epay_desktop.gateway import DEFAULT_TIMEOUT
from epay_desktop.gateway import Credentials
from epay_desktop.gateway import Endpoints
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import RetryPolicy
from epay_desktop.gateway import Secret
from tests.support.merchant import TERMINAL_ID

T = TypeVar("T")

_TLS = ssl.create_default_context()

OAUTH_URL = "https://oauth.example.test/epay2/oauth2/token"
API_URL = "https://api.example.test/api"
ENDPOINTS = Endpoints(
    oauth_url=OAUTH_URL, api_url=API_URL, widget_url="https://pay.example.test/payform/payment-api.js"
)
CLIENT_SECRET = "yF587AV9-very-secret-VALUE-1234"
TERMINAL = TERMINAL_ID
CREDENTIALS = Credentials(client_id="test", client_secret=Secret(CLIENT_SECRET), terminal_id=TERMINAL)
SERVICE_TOKEN = "SERVICETOKEN_DCEB8O_ZM5U7SO"
PAYMENT_TOKEN = "PAYMENTTOKEN_IRPNGDU_PBYMXB"
TX_ID = "af2089fe-43b1-47eb-a61f-c78dd196e18d"
INVOICE = "205218074"

TRANSACTION: dict[str, Any] = {
    "id": TX_ID,
    "createdDate": "2022-11-15T03:52:17.289853+06:00",
    "invoiceID": INVOICE,
    "amount": 12.22,
    "amountBonus": 0,
    "payoutAmount": 10,
    "orgAmount": 22.22,
    "approvalCode": "170243",
    "data": '{"custom_id":"1"}',
    "currency": "KZT",
    "terminal": "98120001",
    "terminalID": TERMINAL,
    "accountID": "acc-1",
    "description": "Order 1",
    "language": "RU",
    "cardMask": "440563...5096",
    "cardType": "VISA",
    "issuer": "Halyk",
    "reference": "027980238029",
    "reason": "success",
    "reasonCode": "0",
    "intReference": "INT1",
    "secure": True,
    "secureDetails": "",
    "statusID": "7",
    "statusName": "CHARGE",
    "name": "IVAN",
    "email": "a@b.kz",
    "phone": "77771234567",
    "cardID": "card-uuid",
    "xlsRRN": "xls1",
    "ip": "1.2.3.4",
    "ipCountry": "KZ",
    "ipCity": "Almaty",
    "ipRegion": "ALA",
    "ipDistrict": "Medeu",
    "ipLatitude": 43.25,
    "ipLongitude": 76.95,
}


def transaction(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(TRANSACTION)
    data.update(changes)
    return data


def status_body(**changes: Any) -> dict[str, Any]:
    return {"resultCode": "100", "resultMessage": "SUCCESS", "transaction": transaction(**changes)}


def token_body(access_token: str = SERVICE_TOKEN, expires_in: object = 7200) -> dict[str, Any]:
    return {
        "access_token": access_token,
        "expires_in": expires_in,
        "refresh_token": "",
        "scope": "webapi usermanagement email_send verification statement statistics payment",
        "token_type": "Bearer",
    }


def status_url(invoice: str = INVOICE) -> str:
    return f"{API_URL}/check-status/payment/transaction/{invoice}"


def operation_url(name: str, tx_id: str = TX_ID) -> str:
    return f"{API_URL}/operation/{tx_id}/{name}"


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class RecordingSleep:
    """Records requested delays instead of sleeping."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


class ScriptedRng:
    """``uniform(a, b)`` returns ``a + fraction * (b - a)`` and records the bounds."""

    def __init__(self, fraction: float = 1.0) -> None:
        self.fraction = fraction
        self.bounds: list[tuple[float, float]] = []

    def uniform(self, a: float, b: float) -> float:
        self.bounds.append((a, b))
        return a + self.fraction * (b - a)


def make_client(
    *,
    clock: FakeClock | None = None,
    sleep: RecordingSleep | None = None,
    rng: ScriptedRng | None = None,
    retry: RetryPolicy | None = None,
) -> EpayClient:
    """A client on a fresh httpx client that reuses one TLS context (building one costs ~20 ms)."""
    return EpayClient(
        ENDPOINTS,
        CREDENTIALS,
        http=httpx.AsyncClient(verify=_TLS, timeout=DEFAULT_TIMEOUT, follow_redirects=False),
        clock=clock or FakeClock(),
        sleep=sleep or RecordingSleep(),
        rng=rng or ScriptedRng(),
        retry=retry,
    )


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


@pytest.fixture
def gw() -> Iterator[respx.MockRouter]:
    """A respx router with the token endpoint answering a service token."""
    with respx.mock(assert_all_called=False) as router:
        router.post(OAUTH_URL, name="token").respond(json=token_body())
        yield router


@pytest.fixture
def h() -> ModuleType:
    """This module, so tests can reach the helpers above (importlib mode puts no test dir on sys.path)."""
    return sys.modules[__name__]
