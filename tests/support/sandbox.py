"""The sandbox the tests talk to: ONE loopback sandbox per test session (per xdist worker), made fresh
for every test, and a client for its control API.

``SharedSandbox.fresh(config)`` empties the ledger, the saved cards, the 3-D Secure challenges, the
armed faults and the issued tokens, and gives the running server the test's ``SandboxConfig`` (terminal
kind, shop name, clock, status lag, ...), so a test sees what a sandbox started for it alone would
show, without paying ~0.3 s for a server start. The fixtures ``sandbox`` (one-step terminal) and
``two_step_sandbox`` in tests/conftest.py hand it out; a test module that needs another configuration
overrides ``sandbox`` with ``shared_sandbox.fresh(SandboxConfig(...))``. Only a test that needs a
server of its own (the 3-D Secure page on the gateway's origin, two sandboxes at once, a server it
stops) starts one with ``epay_desktop.sandbox.start_in_thread``; a test of the sandbox's command line
runs one in a child process with :func:`sandbox_process`.

``SandboxControl`` is the synchronous control-API client (faults, ledger, the customer's payment)
that the service, integration and CLI tests share.
"""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any
from typing import Final
from typing import Protocol

import httpx

from epay_desktop.domain import Money
from epay_desktop.sandbox import RunningSandbox
from epay_desktop.sandbox import SandboxConfig
from epay_desktop.sandbox import start_in_thread
from tests.support.merchant import CLIENT_ID
from tests.support.merchant import CLIENT_SECRET
from tests.support.merchant import TERMINAL_ID

__all__ = [
    "APPROVED_CARD",
    "DECLINED_CARD",
    "NO_KEEPALIVE",
    "THREE_DS_CARD",
    "TLS",
    "CardForm",
    "SandboxControl",
    "SharedSandbox",
    "call_sandbox",
    "future_expiry",
    "sandbox_process",
    "shared_sandbox",
]

#: The sandbox's test cards (docs/sandbox.md): approved; declined (REJECT 465); 3-D Secure (code 000000).
APPROVED_CARD: Final = "4405639704015096"
DECLINED_CARD: Final = "4003032704547597"
THREE_DS_CARD: Final = "4111111111111111"

#: No keep-alive: on loopback, uvicorn's h11 answers a reused connection ~40 ms late (delayed ACK).
NO_KEEPALIVE: Final = httpx.Limits(max_keepalive_connections=0)
#: One default (verifying) TLS context for every test client: building one per client costs ~40 ms of CPU.
TLS: Final = ssl.create_default_context()


def future_expiry() -> str:
    """MM/YY a year from today: always valid, never hard-coded."""
    today = date.today()
    return f"{today.month:02d}/{(today.year + 1) % 100:02d}"


class CardForm(HTMLParser):
    """The ``action`` and the ``<input>`` values of the hosted payment page's card form, read from the
    page's HTML (``CardForm.read(page.text)``), for a test that pays on the page with plain httpx."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.inputs: dict[str, str] = {}
        self._in_form = False

    @classmethod
    def read(cls, html: str) -> CardForm:
        form = cls()
        form.feed(html)
        return form

    def filled(self, pan: str = APPROVED_CARD, name: str = "TEST BUYER") -> dict[str, str]:
        """The form's fields with a card typed in (valid expiry, CVC 123)."""
        return {**self.inputs, "pan": pan, "expiry": future_expiry(), "cvc": "123", "name": name}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "form" and "pay-form" in attributes.get("class", ""):
            self._in_form, self.action = True, attributes.get("action")
        elif tag == "input" and self._in_form and attributes.get("name"):
            self.inputs[attributes["name"]] = attributes.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False


class _Invoice(Protocol):
    @property
    def value(self) -> str: ...


def _invoice_text(invoice: str | _Invoice) -> str:
    return invoice if isinstance(invoice, str) else invoice.value


class SharedSandbox:
    """A sandbox server started once; :meth:`fresh` makes it new for the next test."""

    def __init__(self, running: RunningSandbox) -> None:
        self.running = running
        self._holder: str | None = None

    def fresh(self, config: SandboxConfig | None = None, *, holder: str = "") -> RunningSandbox:
        """The server with an empty state and ``config`` (default: a one-step terminal).

        ``holder`` names the test asking (the fixtures pass its node id): one test cannot hold the
        shared server twice, e.g. as a one-step and a two-step terminal at once: it would silently get
        the last configuration, so that is refused (start a second server with ``start_in_thread``).
        """
        config = config or SandboxConfig()
        if config.acs_same_origin:
            raise ValueError(
                "the shared sandbox serves the ACS on its own origin: start_in_thread for this one"
            )
        if holder and holder == self._holder:
            raise RuntimeError(
                f"{holder} asks for the shared sandbox twice: start a second one with start_in_thread"
            )
        self._holder = holder or None
        self.running.state.reconfigure(config)
        return self.running


@contextmanager
def shared_sandbox() -> Iterator[SharedSandbox]:
    """Start the session's sandbox (a daemon thread on free loopback ports); stop it at the end."""
    with start_in_thread(SandboxConfig()) as running:
        yield SharedSandbox(running)


class SandboxControl:
    """Synchronous calls to a sandbox's control API (``/sandbox/...``: no token, loopback only) and the
    customer's side of a payment. Amounts come back as ``Decimal`` (never floats)."""

    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self.base_url = base_url
        #: The underlying client, for calls the methods below do not cover.
        self.http = httpx.Client(base_url=base_url, timeout=timeout, limits=NO_KEEPALIVE, verify=TLS)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SandboxControl:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.request(method, path, **kwargs)

    # -- faults ---------------------------------------------------------------------------------------

    def fault(self, operation: str, kind: str, value: float | int = 0, times: int = 1) -> None:
        """Arm a fault (docs/sandbox.md): ``operation`` fails or is slowed ``times`` times."""
        body = {"operation": operation, "kind": kind, "value": value, "times": times}
        response = self.call("POST", "/sandbox/faults", json=body)
        assert response.status_code == 201, response.text

    def armed_faults(self) -> list[dict[str, Any]]:
        faults: list[dict[str, Any]] = self.call("GET", "/sandbox/faults").json()
        return faults

    def clear_faults(self) -> None:
        assert self.call("DELETE", "/sandbox/faults").status_code == 200

    # -- the ledger -----------------------------------------------------------------------------------

    def ledger(self) -> list[dict[str, Any]]:
        """``/sandbox/transactions``."""
        answer: list[dict[str, Any]] = json.loads(
            self.call("GET", "/sandbox/transactions").text, parse_float=Decimal
        )
        return answer

    def ledger_entry(self, invoice: str | _Invoice) -> dict[str, Any]:
        """The one transaction of ``invoice``."""
        wanted = _invoice_text(invoice)
        matches = [t for t in self.ledger() if t["invoiceId"] == wanted]
        assert len(matches) == 1, matches
        return matches[0]

    def operations(self, invoice: str | _Invoice, kind: str = "refund") -> list[dict[str, Any]]:
        """The gateway's operations of ``kind`` (refund, charge, cancel) on ``invoice``."""
        return [op for op in self.ledger_entry(invoice)["operations"] if op["kind"] == kind]

    def refunded_minor(self, invoice: str | _Invoice) -> int:
        """What the gateway refunded of ``invoice``, in tiyn."""
        return sum(int(Decimal(str(op["amount"])) * 100) for op in self.operations(invoice))

    # -- the merchant and the customer -----------------------------------------------------------------

    def issue_payment_token(self, invoice: str | _Invoice, amount: Money) -> dict[str, Any]:
        """A payment token the way any merchant backend gets one (not through a client under test)."""
        form = {
            "grant_type": "client_credentials",
            "scope": "payment",
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "terminal": TERMINAL_ID,
            "invoiceID": _invoice_text(invoice),
            "amount": amount.gateway_str(),
            "currency": amount.currency,
        }
        response = self.call("POST", "/oauth2/token", data=form)
        assert response.status_code == 200, response.text
        token: dict[str, Any] = response.json()
        return token

    def customer_pays(
        self, invoice: str | _Invoice, pan: str = APPROVED_CARD, **extra: Any
    ) -> dict[str, Any]:
        """``POST /sandbox/pay``: the customer's attempt with the latest payment token of the invoice."""
        body = {
            "invoiceId": _invoice_text(invoice),
            "pan": pan,
            "expiry": future_expiry(),
            "cvc": "123",
            "name": "TEST BUYER",
            **extra,
        }
        response = self.call("POST", "/sandbox/pay", json=body)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer


@contextmanager
def sandbox_process(*argv: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``python *argv`` (a command that serves the sandbox) in a child process, and the URL it prints
    first; the child killed if the test left it running, its output closed."""
    proc = subprocess.Popen(
        [sys.executable, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        yield proc, url
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()


def call_sandbox(base_url: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One call to the sandbox at ``base_url`` (a control route, ``/sandbox/pay``, ...), on its own client."""
    with SandboxControl(base_url) as control:
        return control.call(method, path, **kwargs)
