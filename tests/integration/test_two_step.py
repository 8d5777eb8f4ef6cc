"""A two-step terminal: payments end in AUTH and are charged (fully or partly) or cancelled by the client."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import ApiError
from epay_desktop.gateway import InvalidState
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import Transaction


async def status_of(client: Any, invoice: Any) -> Transaction:
    result = await client.check_status(invoice)
    assert isinstance(result, StatusFound)
    return result.transaction


def test_partial_charge_of_an_auth(h2: Any) -> None:
    invoice, txn_id = h2.paid("1500")

    async def go() -> tuple[Transaction, Transaction]:
        async with h2.client() as client:
            held = await status_of(client, invoice)
            result = await client.charge(txn_id, Money.parse("1000.50"))
            assert result.http_status == 200
            assert result.amount == Money.parse("1000.50")
            return held, await status_of(client, invoice)

    held, charged = asyncio.run(go())
    assert (held.status, held.amount, held.org_amount) == (
        PaymentStatus.AUTH,
        Money.parse("1500"),
        Money.parse("1500"),
    )
    assert charged.id == txn_id
    assert charged.status is PaymentStatus.CHARGE
    assert charged.amount == Money.parse("1000.50")  # what was charged
    assert charged.org_amount == Money.parse("1500")  # what was authorised
    assert [(op["kind"], str(op["amount"])) for op in h2.ledger_entry(invoice)["operations"]] == [
        ("auth", "1500"),
        ("charge", "1000.5"),
    ]


def test_cancel_of_an_auth(h2: Any) -> None:
    invoice, txn_id = h2.paid("700")

    async def go() -> Transaction:
        async with h2.client() as client:
            await client.cancel(txn_id)
            return await status_of(client, invoice)

    cancelled = asyncio.run(go())
    assert cancelled.status is PaymentStatus.CANCEL
    assert [op["kind"] for op in h2.ledger_entry(invoice)["operations"]] == ["auth", "cancel"]


def test_cancel_of_a_charge_is_invalid_state(h2: Any) -> None:
    invoice, txn_id = h2.paid("1500")

    async def go() -> InvalidState:
        async with h2.client() as client:
            await client.charge(txn_id)  # full charge
            with pytest.raises(InvalidState) as refused:
                await client.cancel(txn_id)
            assert (await status_of(client, invoice)).status is PaymentStatus.CHARGE
            return refused.value

    refused = asyncio.run(go())
    assert refused.http_status == 400
    assert refused.transaction_id == txn_id
    assert "Nothing was changed" in refused.user_message
    assert [op["kind"] for op in h2.ledger_entry(invoice)["operations"]] == ["auth", "charge"]


def test_charge_above_the_authorised_amount_is_refused(h2: Any) -> None:
    invoice, txn_id = h2.paid("1500")

    async def go() -> ApiError:
        async with h2.client() as client:
            with pytest.raises(ApiError) as refused:
                await client.charge(txn_id, Money.parse("1500.01"))
            assert (await status_of(client, invoice)).status is PaymentStatus.AUTH
            return refused.value

    refused = asyncio.run(go())
    assert not isinstance(refused, InvalidState)
    assert refused.http_status == 400
    assert "more than" in refused.user_message and "Nothing was changed" in refused.user_message
    assert [op["kind"] for op in h2.ledger_entry(invoice)["operations"]] == ["auth"]
