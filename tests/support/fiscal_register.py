"""The fiscal sandbox as the shop's fiscal register, for the console's tests of its shift (decision 0127):
``from tests.support.fiscal_register import fiscal_register, module_fiscal_sandbox  # noqa: F401
(fixtures fiscal, fiscal_sandbox)``.

* fixture ``fiscal_sandbox``: one fiscal sandbox on loopback for the test module;
* fixture ``fiscal``: it made fresh for the test (no receipts, shifts, tokens or faults);
* :func:`webkassa` the settings that point the console at it, :func:`control` a control-API call,
  :func:`registered` the ExternalCheckNumbers it has registered, in order;
* :func:`set_up` a real console's fiscal register saved as the sandbox, :func:`sale` a card sale and its
  fiscal receipt asked for (the first one opens the register's shift).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from epay_desktop.app import store_of
from epay_desktop.sandbox.fiscal.account import API_KEY, CASHBOX, LOGIN, PASSWORD
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox, start_in_thread
from epay_desktop.services.fiscal.setup import FiscalSettings
from tests.support.builders import stored_payment

__all__ = ["control", "fiscal_register", "module_fiscal_sandbox", "registered", "sale", "set_up", "webkassa"]

SLOW = 15_000


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


def set_up(console: Any, arun: Any, running: RunningFiscalSandbox) -> None:
    """``console`` (tests/ui's ``real_console``): its manager saves the sandbox as the fiscal register."""
    settings = webkassa(running)
    save = console.ctx.fiscal_setup.save(console.manager, settings, api_key=API_KEY, password=PASSWORD)
    arun(save, timeout=SLOW)


def sale(console: Any, arun: Any, number: int, description: str) -> Any:
    """A card sale the bank charged, and its fiscal receipt asked for (what the console does after the
    bank's confirmation): the payment and its fiscal record."""
    ctx = console.ctx
    paid = stored_payment(
        store_of(ctx), number, "700", at=ctx.clock(), created_by=console.manager.id, description=description
    )
    return paid, arun(ctx.fiscal.fiscalise_sale(paid.id), timeout=SLOW)
