"""postLink / failurePostLink delivery (epay-api.md section 4), loopback only."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from epay_desktop.sandbox.cards import TEST_CARD_DECLINED
from epay_desktop.sandbox.cards import TEST_CARD_VISA
from epay_desktop.sandbox.config import TEST_CLIENT_SECRET
from epay_desktop.sandbox.config import TEST_TERMINAL_ID
from epay_desktop.sandbox.postlink import is_loopback_url

SUCCESS_FIELDS = {
    "id", "invoiceId", "amount", "currency", "terminal", "accountId", "description", "language",
    "code", "reason", "reasonCode", "reference", "approvalCode", "cardMask", "cardType", "cardId",
    "issuer", "secure", "dateTime", "name", "email", "phone", "secret_hash", "data",
}  # fmt: skip


class Receiver:
    """A tiny loopback HTTP server that queues every JSON body POSTed to it."""

    def __init__(self) -> None:
        self.bodies: queue.Queue[tuple[str, Any]] = queue.Queue()
        received = self.bodies

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers["Content-Length"]))
                received.put((self.path, json.loads(raw, parse_float=Decimal)))
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"OK")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def next(self) -> tuple[str, Any]:
        return self.bodies.get(timeout=5)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def pay(http: httpx.Client, invoice: str, pan: str, **token_fields: str) -> dict[str, Any]:
    form = {
        "grant_type": "client_credentials", "client_id": "test", "client_secret": TEST_CLIENT_SECRET,
        "terminal": TEST_TERMINAL_ID, "invoiceID": invoice, "amount": "1500.50", "currency": "KZT",
        **token_fields,
    }  # fmt: skip
    assert http.post("/oauth2/token", data=form).status_code == 200
    body = {
        "invoiceId": invoice, "pan": pan, "expiry": "12/30", "cvc": "123", "name": "IVAN IVANOV",
        "description": "order 42", "email": "buyer@example.kz", "phone": "77001234567",
        "accountId": "client-9", "cardSave": True, "data": '{"order": 42}',
    }  # fmt: skip
    response = http.post("/sandbox/pay", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_success_postlink_delivered(http, receiver) -> None:
    result = pay(
        http, "000000701", TEST_CARD_VISA,
        postLink=f"{receiver.url}/ok", failurePostLink=f"{receiver.url}/fail", secret_hash="s3cr3t",
    )  # fmt: skip
    path, body = receiver.next()
    assert path == "/ok"
    assert set(body) >= SUCCESS_FIELDS
    assert body["id"] == result["transactionId"]
    assert body["invoiceId"] == "000000701"
    assert body["amount"] == Decimal("1500.5")
    assert body["terminal"] == TEST_TERMINAL_ID
    assert (body["code"], body["reason"], body["reasonCode"]) == ("ok", "success", 0)
    assert body["secret_hash"] == "s3cr3t"
    assert body["data"] == '{"order": 42}'
    assert body["cardId"] == result["cardId"]
    assert body["cardMask"] == "440563...5096"
    assert body["secure"] == "no"
    assert (body["name"], body["email"], body["phone"]) == ("IVAN IVANOV", "buyer@example.kz", "77001234567")
    assert body["accountId"] == "client-9"


def test_failure_postlink_delivered(http, receiver) -> None:
    pay(
        http, "000000702", TEST_CARD_DECLINED,
        postLink=f"{receiver.url}/ok", failurePostLink=f"{receiver.url}/fail", secret_hash="h2",
    )  # fmt: skip
    path, body = receiver.next()
    assert path == "/fail"
    assert (body["code"], body["reasonCode"], body["secret_hash"]) == ("error", 465, "h2")
    assert "approvalCode" not in body


def delivery_result(live: Any, http: httpx.Client) -> str:
    """The first postLink delivery's result once no delivery is in flight."""
    assert live.state.postlinks.wait_delivered(timeout=5)
    [entry] = http.get("/sandbox/transactions").json()
    return str(entry["postLinks"][0]["result"])


def test_delivery_recorded_in_ledger(live, http, receiver) -> None:
    pay(http, "000000703", TEST_CARD_VISA, postLink=f"{receiver.url}/ok")
    receiver.next()
    assert delivery_result(live, http) == "HTTP 200"


def test_non_loopback_postlink_refused(live, http) -> None:
    pay(http, "000000704", TEST_CARD_VISA, postLink="http://example.com/epay/callback")
    assert delivery_result(live, http) == "refused: not a loopback address"


def test_unreachable_postlink_is_logged_not_raised(live, http) -> None:
    result = pay(http, "000000705", TEST_CARD_VISA, postLink="http://127.0.0.1:9/unreachable")
    assert result["outcome"] == "approved"
    assert delivery_result(live, http).startswith("failed")


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("http://127.0.0.1:8000/cb", True),
        ("http://127.5.6.7/cb", True),
        ("http://localhost:9/cb", True),
        ("http://[::1]:9/cb", True),
        ("https://example.com/cb", False),
        ("http://10.0.0.1/cb", False),
        ("http://127.0.0.1.nip.io/cb", False),
        ("ftp://127.0.0.1/cb", False),
        ("not a url", False),
    ],
)
def test_is_loopback_url(url, ok) -> None:
    assert is_loopback_url(url) is ok
