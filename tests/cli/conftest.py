"""The CLI against a real loopback sandbox: in-process (``main([...])`` + capsys) and as subprocesses.

Test modules cannot import this conftest (importlib mode): everything they need is on the ``cli``
fixture (a :class:`CliHarness`). Each test gets its own EPAYMENT_HOME (a fresh SQLite database) and
the session's sandbox made fresh (tests/support/sandbox.py): an empty ledger, no faults, no tokens.
In this process (``cli.run``) PINs are hashed and checked at Argon2id's smallest cost
(tests/support/quick_pins.py, decisions 0134 and 0154): a command signs its user in, and the PIN
check is not what these tests look at. A child process (``cli.sub``/``cli.spawn``) runs the shipped
cost; argon2 reads the cost from the hash, so each side checks the other's hashes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from epay_desktop.cli import main
from epay_desktop.sandbox import RunningSandbox
from tests.support.quick_pins import quick_pins  # noqa: F401  (autouse: PINs at the smallest cost)
from tests.support.sandbox import TLS
from tests.support.sandbox import CardForm
from tests.support.sandbox import SandboxControl

MANAGER, MANAGER_PASSWORD = "boss", "manager-pass-1"
CASHIER, CASHIER_PASSWORD = "anna", "4321"
REPO = Path(__file__).resolve().parents[2]


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
    #: The sandbox's control API (faults, ledger, the customer's payment).
    bank: SandboxControl
    home: Path
    env: dict[str, str]
    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch

    MANAGER = MANAGER
    MANAGER_PASSWORD = MANAGER_PASSWORD
    CASHIER = CASHIER
    CASHIER_PASSWORD = CASHIER_PASSWORD

    @property
    def control(self) -> httpx.Client:
        """The sync HTTP client on the sandbox, for control-API calls without a method here."""
        return self.bank.http

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

    def charged(self, amount: str = "1000.00") -> str:
        """A manager, and a payment the customer paid and the console saw (``status``); its invoice."""
        self.add_manager()
        invoice = self.pay(amount)
        assert self.run("status", invoice).code == 0
        return invoice

    # -- the customer and the gateway ------------------------------------------------------------

    def customer_pays(self, invoice: str) -> dict[str, Any]:
        answer = self.bank.customer_pays(invoice)
        assert answer["outcome"] == "approved", answer
        return answer

    def customer_pays_on_page(self, url: str) -> httpx.Response:
        """Open the printed URL like a browser, fill the card form and submit it."""
        with httpx.Client(timeout=10, follow_redirects=False, verify=TLS) as browser:
            page = browser.get(url)
            assert page.status_code == 200, page.text
            form = CardForm.read(page.text)
            assert form.action, "no card form on the page"
            return browser.post(str(page.url.join(form.action)), data=form.filled())

    def fault(self, operation: str, kind: str, value: float | int = 0, times: int = 1) -> None:
        self.bank.fault(operation, kind, value, times)

    def gateway_refunds(self, invoice: str) -> list[dict[str, Any]]:
        return self.bank.operations(invoice, "refund")


def _harness(
    sandbox: RunningSandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[CliHarness]:
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
    with SandboxControl(base) as bank:
        yield CliHarness(sandbox, bank, tmp_path / "home", env, capsys, monkeypatch)


@pytest.fixture
def cli(
    sandbox: RunningSandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[CliHarness]:
    """The CLI on a fresh home against a fresh one-step sandbox (payments end in CHARGE)."""
    yield from _harness(sandbox, tmp_path, capsys, monkeypatch)


@pytest.fixture
def cli_two_step(
    two_step_sandbox: RunningSandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[CliHarness]:
    """The CLI on a fresh home against a fresh two-step sandbox (payments end in AUTH)."""
    yield from _harness(two_step_sandbox, tmp_path, capsys, monkeypatch)


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
