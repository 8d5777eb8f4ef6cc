"""The CLI against a real loopback sandbox: in-process (``main([...])`` + capsys) and as subprocesses.

Test modules cannot import this conftest (importlib mode): everything they need is on the ``cli``
fixture (a :class:`CliHarness`). Each test gets its own EPAYMENT_HOME (a fresh SQLite database) and
a sandbox with an empty ledger and no faults.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest

from epay_desktop.cli import main
from epay_desktop.sandbox import RunningSandbox, SandboxConfig, start_in_thread

APPROVED_CARD = "4405 6397 0401 5096"
MANAGER, MANAGER_PASSWORD = "boss", "manager-pass-1"
CASHIER, CASHIER_PASSWORD = "anna", "4321"
REPO = Path(__file__).resolve().parents[2]


def future_expiry() -> str:
    today = date.today()
    return f"{today.month:02d}/{(today.year + 1) % 100:02d}"


class _FormInputs(HTMLParser):
    """``action`` and ``<input>`` values of the hosted page's card form."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.inputs: dict[str, str] = {}
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "form" and "pay-form" in attributes.get("class", ""):
            self._in_form, self.action = True, attributes.get("action")
        elif tag == "input" and self._in_form and attributes.get("name"):
            self.inputs[attributes["name"]] = attributes.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out, parse_float=Decimal)

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


@dataclass
class CliHarness:
    sandbox: RunningSandbox
    control: httpx.Client
    home: Path
    env: dict[str, str]
    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch

    MANAGER = MANAGER
    MANAGER_PASSWORD = MANAGER_PASSWORD
    CASHIER = CASHIER
    CASHIER_PASSWORD = CASHIER_PASSWORD

    # -- running the CLI -------------------------------------------------------------------------

    def run(self, *args: str, user: str | None = MANAGER, password: str | None = None, **env: str) -> Result:
        """``main([...])`` in this process, as ``user`` (EPAY_USER/EPAY_PASSWORD), capturing output."""
        self.capsys.readouterr()
        with self.monkeypatch.context() as m:
            for name in ("EPAY_USER", "EPAY_PASSWORD", "EPAY_NEW_PASSWORD", "EPAY_APPROVER_PASSWORD"):
                m.delenv(name, raising=False)
            if user is not None:
                m.setenv("EPAY_USER", user)
                m.setenv("EPAY_PASSWORD", password if password is not None else self.password_of(user))
            for name, value in env.items():
                m.setenv(name, value)
            code = main(list(args))
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def password_of(self, user: str) -> str:
        return {MANAGER: MANAGER_PASSWORD, CASHIER: CASHIER_PASSWORD}.get(user, "unknown-password")

    def process_env(self, user: str | None = MANAGER, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("EPAY_", "EPAYMENT_"))}
        env.update(self.env)
        env["PYTHONUNBUFFERED"] = "1"
        if user is not None:
            env["EPAY_USER"] = user
            env["EPAY_PASSWORD"] = self.password_of(user)
        env.update(extra)
        return env

    def spawn(self, *args: str, user: str | None = MANAGER, **extra: str) -> subprocess.Popen[str]:
        """``python -m epay_desktop ...`` as a child process (stdin closed: no terminal to prompt on)."""
        return subprocess.Popen(
            [sys.executable, "-m", "epay_desktop", *args],
            cwd=REPO,
            env=self.process_env(user, **extra),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def sub(self, *args: str, user: str | None = MANAGER, timeout: float = 60, **extra: str) -> Result:
        proc = self.spawn(*args, user=user, **extra)
        out, err = proc.communicate(timeout=timeout)
        return Result(proc.returncode, out, err)

    # -- set-up shortcuts ------------------------------------------------------------------------

    def add_manager(self) -> None:
        result = self.run(
            "user", "add", MANAGER, "--role", "manager", user=None, EPAY_NEW_PASSWORD=MANAGER_PASSWORD
        )
        assert result.code == 0, result.err

    def add_cashier(self) -> None:
        result = self.run("user", "add", CASHIER, "--role", "cashier", EPAY_NEW_PASSWORD=CASHIER_PASSWORD)
        assert result.code == 0, result.err

    def pay(self, amount: str = "1000.00") -> str:
        """A payment taken with the CLI and paid by the customer (control API); returns its invoice."""
        result = self.run("pay", amount, "--json")
        assert result.code == 0, result.err
        invoice = str(result.json()["invoice_id"])
        self.customer_pays(invoice)
        return invoice

    # -- the customer and the gateway ------------------------------------------------------------

    def customer_pays(self, invoice: str) -> dict[str, Any]:
        body = {
            "invoiceId": invoice,
            "pan": APPROVED_CARD,
            "expiry": future_expiry(),
            "cvc": "123",
            "name": "T B",
        }
        response = self.control.post("/sandbox/pay", json=body)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        assert answer["outcome"] == "approved", answer
        return answer

    def customer_pays_on_page(self, url: str) -> httpx.Response:
        """Open the printed URL like a browser, fill the card form and submit it."""
        with httpx.Client(timeout=10, follow_redirects=False) as browser:
            page = browser.get(url)
            assert page.status_code == 200, page.text
            form = _FormInputs()
            form.feed(page.text)
            assert form.action, "no card form on the page"
            fields = {
                **form.inputs,
                "pan": APPROVED_CARD,
                "expiry": future_expiry(),
                "cvc": "123",
                "name": "T B",
            }
            return browser.post(str(page.url.join(form.action)), data=fields)

    def fault(self, operation: str, kind: str, value: float | int = 0, times: int = 1) -> None:
        body = {"operation": operation, "kind": kind, "value": value, "times": times}
        response = self.control.post("/sandbox/faults", json=body)
        assert response.status_code == 201, response.text

    def ledger_entry(self, invoice: str) -> dict[str, Any]:
        response = self.control.get("/sandbox/transactions")
        matches = [t for t in json.loads(response.text, parse_float=Decimal) if t["invoiceId"] == invoice]
        assert len(matches) == 1, matches
        entry: dict[str, Any] = matches[0]
        return entry

    def gateway_refunds(self, invoice: str) -> list[dict[str, Any]]:
        return [op for op in self.ledger_entry(invoice)["operations"] if op["kind"] == "refund"]


def _running(two_step: bool) -> Iterator[tuple[RunningSandbox, httpx.Client]]:
    with (
        start_in_thread(SandboxConfig(two_step=two_step)) as sandbox,
        httpx.Client(base_url=sandbox.base_url, timeout=10) as control,
    ):
        yield sandbox, control


@pytest.fixture(scope="module")
def _one_step_sandbox() -> Iterator[tuple[RunningSandbox, httpx.Client]]:
    yield from _running(False)


@pytest.fixture(scope="module")
def _two_step_sandbox() -> Iterator[tuple[RunningSandbox, httpx.Client]]:
    yield from _running(True)


def _harness(
    running: tuple[RunningSandbox, httpx.Client],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> CliHarness:
    sandbox, control = running
    assert control.post("/sandbox/reset").status_code == 200
    assert control.delete("/sandbox/faults").status_code == 200
    base = sandbox.base_url
    env = {
        "EPAYMENT_HOME": str(tmp_path / "home"),
        "EPAYMENT_ENV": "sandbox",
        "EPAYMENT_API_URL": base,
        "EPAYMENT_OAUTH_URL": f"{base}/oauth2/token",
        "EPAYMENT_WIDGET_URL": f"{base}/payform/payment-api.js",
        "EPAYMENT_REGISTER": "counter-1",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for name in (
        "EPAY_USER",
        "EPAY_PASSWORD",
        "EPAY_NEW_PASSWORD",
        "EPAY_APPROVER_PASSWORD",
        "EPAY_FAULT_AT",
    ):
        monkeypatch.delenv(name, raising=False)
    return CliHarness(sandbox, control, tmp_path / "home", env, capsys, monkeypatch)


@pytest.fixture
def cli(
    _one_step_sandbox: tuple[RunningSandbox, httpx.Client],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> CliHarness:
    """The CLI on a fresh home against the one-step sandbox (payments end in CHARGE)."""
    return _harness(_one_step_sandbox, tmp_path, capsys, monkeypatch)


@pytest.fixture
def cli_two_step(
    _two_step_sandbox: tuple[RunningSandbox, httpx.Client],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> CliHarness:
    """The CLI on a fresh home against a two-step sandbox (payments end in AUTH)."""
    return _harness(_two_step_sandbox, tmp_path, capsys, monkeypatch)


def one_line(result: Result) -> str:
    """The single stderr line of a failed command (asserts there is exactly one, and no traceback)."""
    assert "Traceback" not in result.err
    lines = result.err_lines
    assert len(lines) == 1, result.err
    assert lines[0].startswith("epay-desktop: ")
    return lines[0]


@pytest.fixture
def err_line() -> Any:
    return one_line
