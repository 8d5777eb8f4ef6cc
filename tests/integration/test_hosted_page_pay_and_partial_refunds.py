"""Pay on the hosted payment page, then refund in parts until the gateway refuses (the console's first
"Done when" scenario), end to end through the gateway client, and its log output.

Merchant side: the client gets a payment token and builds the payment object like a shop's page does for
``halyk.pay``. Customer side: the hosted page at ``/payform/`` is loaded and its card form posted with
plain httpx. Then the client checks the status and refunds in parts until the gateway refuses.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from dataclasses import field
from typing import Any

import httpx
import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import ApiError
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import PaymentToken
from epay_desktop.gateway import StatusFound
from epay_desktop.payform.codec import pack_params
from tests.support.sandbox import CardForm

BACK_LINK = "http://127.0.0.1:9/shop/thanks"  # never fetched: the test does not follow the redirect
FAILURE_BACK_LINK = "http://127.0.0.1:9/shop/failed"


def payment_object(token: PaymentToken, terminal_id: str) -> dict[str, object]:
    """What a shop's checkout page hands to ``halyk.pay`` (epay-api.md §3)."""
    return {
        "invoiceId": token.invoice_id.value,
        "invoiceIdAlt": token.invoice_id.value,
        "backLink": BACK_LINK,
        "failureBackLink": FAILURE_BACK_LINK,
        "postLink": "",
        "failurePostLink": "",
        "language": "rus",
        "description": f"Order {token.invoice_id.tail}",
        "accountId": "",
        "terminal": terminal_id,
        "amount": token.amount.gateway_str(),  # a JS number: 1500
        "currency": token.amount.currency,
        "data": "",
        "cardSave": False,
        "auth": token.auth_object(),  # the whole token response, as the docs insist
    }


def customer_pays_on_hosted_page(base_url: str, payment: dict[str, object], expiry: str) -> httpx.Response:
    """Open the page as ``payment-api.js`` does (``?params=`` unescaped), fill the card, submit."""
    with httpx.Client(base_url=base_url, timeout=10, follow_redirects=False) as browser:
        page = browser.get(f"/payform/?params={pack_params(payment)}")
        assert page.status_code == 200, page.text
        assert "1 500,00" in page.text.replace("\u202f", " ").replace("\u00a0", " ")
        form = CardForm.read(page.text)
        assert form.action == "pay"
        assert {"params", "pan", "expiry", "cvc", "name"} <= form.inputs.keys()
        fields = {**form.filled(name="Test Buyer"), "expiry": expiry}
        return browser.post(f"/payform/{form.action}", data=fields)


@dataclass
class Outcome:
    invoice: InvoiceId
    token: PaymentToken
    transaction_id: str
    refused: ApiError
    ledger: dict[str, Any] = field(default_factory=dict)


HttpFactory = Callable[[], httpx.AsyncClient]


@asynccontextmanager
async def merchant_session(h: Any, make_http: HttpFactory | None) -> AsyncIterator[EpayClient]:
    """A client created and closed inside the running coroutine (with a caller-owned http client if given)."""
    http = make_http() if make_http is not None else None
    try:
        async with h.client(http=http) as client:
            yield client
    finally:
        if http is not None:
            await http.aclose()


def pay_then_refund_in_parts(h: Any, make_http: HttpFactory | None = None) -> Outcome:
    invoice = h.new_invoice()

    async def merchant_gets_token() -> PaymentToken:
        async with merchant_session(h, make_http) as client:
            return await client.get_payment_token(invoice, Money.parse("1500.00"))

    token = asyncio.run(merchant_gets_token())
    assert token.invoice_id == invoice
    assert token.amount == Money.parse("1500")

    payment = payment_object(token, h.TERMINAL_ID)
    redirect = customer_pays_on_hosted_page(h.base_url, payment, h.future_expiry())
    assert redirect.status_code == 303, redirect.text
    assert redirect.headers["location"] == BACK_LINK

    async def merchant_checks_and_refunds() -> Outcome:
        async with merchant_session(h, make_http) as client:
            status = await client.check_status(invoice)
            assert isinstance(status, StatusFound)
            txn = status.transaction
            assert txn.status is PaymentStatus.CHARGE
            assert txn.amount == Money.parse("1500")
            assert txn.org_amount == Money.parse("1500")
            assert txn.card_mask.startswith("440563")

            first = await client.refund(txn.id, Money.parse("500"), external_id=f"refund-{invoice}-1")
            assert (first.http_status, first.amount, first.external_id) == (
                200,
                Money.parse("500"),
                f"refund-{invoice}-1",
            )
            await client.refund(txn.id, Money.parse("600"), external_id=f"refund-{invoice}-2")

            after = await client.check_status(invoice)
            assert isinstance(after, StatusFound)
            assert after.transaction.status is PaymentStatus.CHARGE
            assert after.transaction.amount == Money.parse("400")
            assert after.transaction.payout_amount == Money.parse("1100")
            assert after.transaction.org_amount == Money.parse("1500")

            with pytest.raises(ApiError) as refused:
                await client.refund(txn.id, Money.parse("500"), external_id=f"refund-{invoice}-3")
            return Outcome(invoice, token, txn.id, refused.value)

    outcome = asyncio.run(merchant_checks_and_refunds())
    outcome.ledger = h.ledger_entry(invoice)
    return outcome


def test_pay_on_the_hosted_page_then_refund_in_parts_until_refused(h: Any) -> None:
    outcome = pay_then_refund_in_parts(h)

    refused = outcome.refused
    assert refused.http_status == 400
    assert refused.transaction_id == outcome.transaction_id
    message = refused.user_message.lower()
    assert "more than" in message and "remain" in message, refused.user_message  # what went wrong
    assert "nothing was changed" in message
    assert "refresh" in message or "check" in message  # and what to do

    ledger = outcome.ledger
    assert (ledger["status"], str(ledger["amount"]), str(ledger["payoutAmount"])) == ("CHARGE", "400", "1100")
    refunds = [op for op in ledger["operations"] if op["kind"] == "refund"]
    assert [(str(op["amount"]), op["externalID"]) for op in refunds] == [
        ("500", f"refund-{outcome.invoice}-1"),
        ("600", f"refund-{outcome.invoice}-2"),
    ]


def test_the_scenario_logs_no_secrets_and_one_line_per_attempt(
    h: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="httpx")
    caplog.set_level(logging.DEBUG, logger="httpcore")
    counter = h.Counter()
    issued: list[str] = []

    async def keep_tokens(response: httpx.Response) -> None:
        if response.request.url.path.endswith("/oauth2/token") and response.status_code == 200:
            await response.aread()
            issued.append(response.json()["access_token"])

    def make_http() -> httpx.AsyncClient:
        http = h.counting_http(counter)
        http.event_hooks["response"] = [keep_tokens]
        return http

    outcome = pay_then_refund_in_parts(h, make_http)

    assert outcome.token.access_token in issued
    assert len(issued) == 2  # the payment token, then one service token for the status and refund session
    text = caplog.text
    assert "event=gateway_call" in text  # the capture works
    assert h.CLIENT_SECRET not in text
    for token in issued:
        assert token not in text
    assert not re.search(r"(?i)bearer(\s|%20|\+)+[A-Za-z0-9]", text)
    gateway_lines = [r for r in caplog.records if r.getMessage().startswith("event=gateway_call ")]
    assert all(r.name == "epay_desktop.gateway._transport" for r in gateway_lines)
    # token, token, status, refund, refund, status, refund
    assert len(counter.requests) == 7
    assert len(gateway_lines) == len(counter.requests)
