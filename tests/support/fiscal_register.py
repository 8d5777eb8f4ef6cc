"""The fiscal sandbox as the shop's fiscal register, for the console's tests of its shift (decision 0127):
``from tests.support.fiscal_register import fiscal_register, module_fiscal_sandbox  # noqa: F401
(fixtures fiscal, fiscal_sandbox)``.

* fixture ``fiscal_sandbox``: one fiscal sandbox on loopback for the test module;
* fixture ``fiscal``: it made fresh for the test (no receipts, shifts, tokens or faults);
* :func:`webkassa` the settings that point the console at it, :func:`control` a control-API call,
  :func:`registered` the ExternalCheckNumbers it has registered, in order.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from epay_desktop.sandbox.fiscal.account import CASHBOX, LOGIN
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox, start_in_thread
from epay_desktop.services.fiscal.setup import FiscalSettings

__all__ = ["control", "fiscal_register", "module_fiscal_sandbox", "registered", "webkassa"]


@pytest.fixture(scope="module", name="fiscal_sandbox")
def module_fiscal_sandbox() -> Iterator[RunningFiscalSandbox]:
    with start_in_thread() as running:
        yield running


@pytest.fixture(name="fiscal")
def fiscal_register(fiscal_sandbox: RunningFiscalSandbox) -> RunningFiscalSandbox:
    control(fiscal_sandbox, "/sandbox/reset")
    return fiscal_sandbox


def control(running: RunningFiscalSandbox, path: str, body: object = None) -> None:
    """``POST path`` of the control API (``/sandbox/shift/expire``, ``/sandbox/faults``...)."""
    httpx.post(f"{running.base_url}{path}", json=body, timeout=10).raise_for_status()


def registered(running: RunningFiscalSandbox) -> list[str]:
    register = running.sandbox.register
    with register.lock:
        return [r.external for r in register.receipts]


def webkassa(running: RunningFiscalSandbox) -> FiscalSettings:
    """Webkassa at the sandbox, its cash register, VAT 16 % (the API key and password: its account's)."""
    return FiscalSettings("webkassa", running.base_url, LOGIN, CASHBOX, vat_rate="16", vat_payer="yes")
