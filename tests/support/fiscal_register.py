"""The fiscal sandbox as the shop's fiscal register, for the console's tests of its shift (decision 0127):
``from tests.support.fiscal_register import fiscal_register, module_fiscal_sandbox  # noqa: F401
(fixtures fiscal, fiscal_sandbox)``.

* fixture ``fiscal_sandbox``: one fiscal sandbox on loopback for the test module;
* fixture ``fiscal``: it made fresh for the test (no receipts, shifts, tokens or faults);
* :func:`webkassa` the settings that point the console at it, :func:`control` a control-API call,
  :func:`registered` the ExternalCheckNumbers it has registered, in order;
* :func:`set_up` a real console's fiscal register saved as the sandbox, :func:`sale` a card sale and its
  fiscal receipt asked for (the first one opens the register's shift), :func:`sale_asked` one with only
  its receipt's intent written, :func:`refused_as_blocked` one whose receipt the register refused as
  blocked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from epay_desktop.app import store_of
from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from epay_desktop.sandbox.fiscal.server import start_in_thread
from epay_desktop.services.fiscal.journal import sale_number
from epay_desktop.services.fiscal.setup import FiscalSettings
from tests.support.builders import stored_payment
from tests.support.sandbox import TLS

__all__ = [
    "control",
    "fiscal_register",
    "module_fiscal_sandbox",
    "refused_as_blocked",
    "registered",
    "sale",
    "sale_asked",
    "set_up",
    "webkassa",
]

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
    httpx.post(f"{running.base_url}{path}", json=body, timeout=10, verify=TLS).raise_for_status()


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


def sale_asked(console: Any, number: int, amount: str = "700", description: str = "Торт") -> tuple[Any, str]:
    """A card sale the bank charged and its fiscal receipt's intent, nothing asked of the register yet:
    the payment and the receipt's number."""
    store, now = store_of(console.ctx), console.ctx.clock()
    paid = stored_payment(
        store, number, amount, at=now, created_by=console.manager.id, description=description
    )
    receipt = sale_number(paid.invoice_id)
    with store.write() as tx:
        tx.fiscal.add_intent(
            payment_id=paid.id,
            money_op_id=None,
            kind=FiscalKind.SALE,
            external_number=receipt,
            amount_minor=paid.amount.minor,
            now=now,
        )
    return paid, receipt


def refused_as_blocked(console: Any, number: int) -> str:
    """A card sale of 300 the bank charged whose fiscal receipt the register refused as blocked (no
    licence), as the demo seeds one: the receipt's number (Needs attention lists it)."""
    _paid, receipt = sale_asked(console, number, "300", "Чай")
    with store_of(console.ctx).write() as tx:
        tx.fiscal.record(
            receipt, FiscalState.NEEDS_PERSON, now=console.ctx.clock(), error="FiscalCashboxBlocked"
        )
    return receipt


def sale(console: Any, arun: Any, number: int, description: str) -> Any:
    """A card sale the bank charged, and its fiscal receipt asked for (what the console does after the
    bank's confirmation): the payment and its fiscal record."""
    ctx = console.ctx
    paid = stored_payment(
        store_of(ctx), number, "700", at=ctx.clock(), created_by=console.manager.id, description=description
    )
    return paid, arun(ctx.fiscal.fiscalise_sale(paid.id), timeout=SLOW)
