"""The Webkassa adapter against the fiscal sandbox (the two sides written from the same doc, fiscal.md):
a card sale and a partial return naming it; a repeated sale read back as the first receipt; a lost answer,
an expired token, a shift past 24 h and its Z, offline past 72 h, the print form."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from epay_desktop.domain import Money
from epay_desktop.fiscal.errors import FiscalAuthError
from epay_desktop.fiscal.errors import OfflineOver72Hours
from epay_desktop.fiscal.errors import ShiftAlreadyClosed
from epay_desktop.fiscal.errors import ShiftOver24Hours
from epay_desktop.fiscal.models import FiscalOperation
from epay_desktop.fiscal.models import FiscalReceipt
from epay_desktop.fiscal.models import FiscalSale
from epay_desktop.fiscal.models import PaperKind
from epay_desktop.fiscal.webkassa import WebkassaClient
from epay_desktop.fiscal.webkassa import WebkassaConfig
from epay_desktop.gateway import Secret
from epay_desktop.sandbox.fiscal.account import API_KEY
from epay_desktop.sandbox.fiscal.account import CASHBOX
from epay_desktop.sandbox.fiscal.account import LOGIN
from epay_desktop.sandbox.fiscal.account import PASSWORD
from epay_desktop.sandbox.fiscal.server import RunningFiscalSandbox
from tests.support.fiscal_sandbox import running_fiscal_sandbox
from tests.support.fiscal_values import card_sale
from tests.support.fiscal_values import return_of


@pytest.fixture
def served() -> Iterator[RunningFiscalSandbox]:
    with running_fiscal_sandbox() as (running, _integrator):
        yield running


def _client(url: str, api_key: str = API_KEY, timeout: float | None = None) -> WebkassaClient:
    config = WebkassaConfig(
        url=url, api_key=Secret(api_key), login=LOGIN, password=Secret(PASSWORD), cashbox=CASHBOX
    )
    return WebkassaClient(config, timeout=timeout)


def _sale(amount: int, external: str = "op-7-sale") -> FiscalSale:
    return card_sale(external, amount, order="000007")


async def _sale_return_repeat(url: str) -> tuple[FiscalReceipt, FiscalReceipt, FiscalReceipt]:
    client = _client(url)
    try:
        sale = await client.register_sale(_sale(1234567))
        refund = await client.register_return(return_of(sale, "op-7-refund-1", 400000))
        again = await client.register_sale(_sale(1234567))
        return sale, refund, again
    finally:
        await client.aclose()


def test_a_sale_and_its_partial_return_on_the_fiscal_sandbox(served):
    sale, refund, again = asyncio.run(_sale_return_repeat(served.base_url))

    assert sale.operation is FiscalOperation.SALE and sale.total == Money(1234567)
    assert sale.check_number and sale.registration_number and sale.cashbox_number == CASHBOX
    assert sale.registered_at.utcoffset() is not None and sale.ticket_url and sale.ofd.name
    assert not sale.already_registered and sale.print_lines

    assert refund.operation is FiscalOperation.SALE_RETURN and refund.total == Money(400000)
    assert refund.check_number != sale.check_number
    assert refund.shift_number == sale.shift_number

    assert again.already_registered and again.check_number == sale.check_number
    assert again.registered_at == sale.registered_at
    registered = httpx.get(f"{served.base_url}/sandbox/checks").json()
    assert [r["ExternalCheckNumber"] for r in registered] == ["op-7-sale", "op-7-refund-1"]


async def _faults_and_limits(url: str) -> None:
    """Each fault and limit, and what the client made of it (the test drives the control API itself)."""
    client = _client(url)
    async with httpx.AsyncClient(base_url=url) as control:
        try:
            assert (await client.shift_state()).shift_number is None  # none open before the first receipt
            lost = {"operation": "check", "kind": "drop_after_apply", "times": 1}
            (await control.post("/sandbox/faults", json=lost)).raise_for_status()
            first = await client.register_sale(_sale(50000))
            assert first.already_registered  # the answer was lost: registered once, read back

            (await control.post("/sandbox/tokens/expire")).raise_for_status()
            x = await client.x_report()  # logs in again by itself
            assert x.sales.card == Money(50000) and x.sales.count == 1 and x.closed_at is None

            (await control.post("/sandbox/shift/expire")).raise_for_status()
            with pytest.raises(ShiftOver24Hours):
                await client.register_sale(_sale(70000, "op-8-sale"))
            z = await client.close_shift()
            assert z.closed_at is not None and z.shift_number == x.shift_number
            with pytest.raises(ShiftAlreadyClosed):
                await client.close_shift()
            after = await client.register_sale(_sale(70000, "op-8-sale"))
            assert after.shift_number == z.shift_number + 1 and not after.already_registered
            state = await client.shift_state()
            assert state.shift_number == after.shift_number and state.close_by is not None
            assert await client.print_form("op-8-sale", PaperKind.TAPE_58MM, ("ru-RU", "kk-KZ"))

            offline = {"offline": True, "sinceSeconds": 73 * 3600}
            (await control.post("/sandbox/offline", json=offline)).raise_for_status()
            with pytest.raises(OfflineOver72Hours):
                await client.register_sale(_sale(90000, "op-9-sale"))
        finally:
            await client.aclose()


def test_lost_answers_tokens_and_the_shift_and_offline_limits_on_the_fiscal_sandbox(served):
    asyncio.run(_faults_and_limits(served.base_url))
    checks = httpx.get(f"{served.base_url}/sandbox/checks").json()
    assert [r["ExternalCheckNumber"] for r in checks] == ["op-7-sale", "op-8-sale"]


async def _with_a_wrong_api_key(url: str) -> None:
    client = _client(url, "WKD-wrong")
    try:
        with pytest.raises(FiscalAuthError) as caught:
            await client.register_sale(_sale(50000))
        assert caught.value.needs_person and "API key" in caught.value.user_message
    finally:
        await client.aclose()


def test_a_wrong_api_key_is_an_auth_error_on_the_fiscal_sandbox(served):
    asyncio.run(_with_a_wrong_api_key(served.base_url))
    assert httpx.get(f"{served.base_url}/sandbox/checks").json() == []


async def _held_answer(url: str) -> FiscalReceipt:
    client = _client(url, timeout=3.0)
    async with httpx.AsyncClient(base_url=url) as control:
        try:
            held = {"operation": "check", "kind": "hold", "times": 1}
            (await control.post("/sandbox/faults", json=held)).raise_for_status()
            return await client.register_sale(_sale(250000))
        finally:
            await control.delete("/sandbox/faults")  # lets the held answer go to its closed connection
            await client.aclose()


def test_a_timed_out_receipt_is_asked_again_and_registered_once_on_the_fiscal_sandbox(served):
    """The register kept the answer back past the client's timeout: an unknown outcome, repeated with the
    same ExternalCheckNumber, read back as the receipt registered the first time."""
    receipt = asyncio.run(_held_answer(served.base_url))
    assert receipt.already_registered and receipt.total == Money(250000)
    checks = httpx.get(f"{served.base_url}/sandbox/checks").json()
    assert [(r["ExternalCheckNumber"], r["CheckNumber"]) for r in checks] == [
        ("op-7-sale", receipt.check_number)
    ]
