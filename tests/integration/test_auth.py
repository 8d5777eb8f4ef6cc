"""The token endpoint refusing the merchant: wrong secret, and an invoice id whose tail is taken."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.gateway import AuthError
from epay_desktop.gateway import EpayError


def test_wrong_secret_is_auth_error(h: Any) -> None:
    counter = h.Counter()

    async def go() -> AuthError:
        async with h.counting_http(counter) as http, h.client(secret="not-the-secret", http=http) as client:
            with pytest.raises(AuthError) as refused:
                await client.check_status(h.new_invoice())
            return refused.value

    refused = asyncio.run(go())
    assert refused.http_status == 401
    assert "client secret" in refused.user_message and "settings" in refused.user_message
    assert "not-the-secret" not in str(refused)
    assert counter.token_calls == 1  # a refusal is not retried
    assert counter.count("GET", "/check-status/") == 0


def test_invoice_sharing_the_last_six_digits_is_refused_clearly(h: Any) -> None:
    first = h.new_invoice()
    twin = InvoiceId("9" + first.value)  # a different id with the same last six digits
    assert twin.tail == first.tail

    async def go() -> EpayError:
        async with h.client() as client:
            await client.get_payment_token(first, Money.parse("100"))
            with pytest.raises(EpayError) as refused:
                await client.get_payment_token(twin, Money.parse("100"))
            return refused.value

    refused = asyncio.run(go())
    assert isinstance(refused, AuthError)
    assert refused.http_status == 400
    assert refused.invoice_id == twin.value
    assert refused.user_message.strip()
    assert "invoice number" in refused.user_message
