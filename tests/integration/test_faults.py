"""Every sandbox fault kind against the client: what the client raises or returns, and what the ledger shows.

Mutations are sent once: an unclear end is OutcomeUnknown, and whether it was applied is read from the
ledger and from check-status (which is how the services layer resolves it). Reads are retried; the
retries sleep through an injected no-op, so these tests do not wait for backoff.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import httpx
import pytest

from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus
from epay_desktop.gateway import ApiError
from epay_desktop.gateway import InvalidRequest
from epay_desktop.gateway import OutcomeUnknown
from epay_desktop.gateway import SavedCard
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway import StatusInProgress
from epay_desktop.gateway import StatusResult
from epay_desktop.gateway import Transaction

REFUND = Money.parse("500")


async def found(client: Any, invoice: Any) -> Transaction:
    result = await client.check_status(invoice)
    assert isinstance(result, StatusFound)
    return result.transaction


def refund_amounts(h: Any, invoice: Any) -> list[Decimal]:
    return [op["amount"] for op in h.operations(invoice, "refund")]


# -- refund ---------------------------------------------------------------------------------------------


def test_refund_dropped_after_apply_is_outcome_unknown_but_applied(h: Any) -> None:
    invoice, txn_id = h.paid("1500")
    h.fault("refund", "drop_after_apply")

    async def go() -> tuple[OutcomeUnknown, Transaction]:
        async with h.client() as client:
            with pytest.raises(OutcomeUnknown) as unclear:
                await client.refund(txn_id, REFUND, external_id="r-drop-after")
            return unclear.value, await found(client, invoice)

    unclear, after = asyncio.run(go())
    assert unclear.transaction_id == txn_id
    assert "Do not repeat it" in unclear.user_message
    assert [(op["amount"], op["externalID"]) for op in h.operations(invoice, "refund")] == [
        (500, "r-drop-after")
    ]
    # What the services layer will do: ask check-status, which shows the refund was applied.
    assert (after.status, after.amount, after.payout_amount) == (
        PaymentStatus.CHARGE,
        Money.parse("1000"),
        Money.parse("500"),
    )


def test_refund_dropped_before_apply_is_outcome_unknown_and_not_applied(h: Any) -> None:
    invoice, txn_id = h.paid("1500")
    h.fault("refund", "drop_before_apply")

    async def go() -> Transaction:
        async with h.client() as client:
            with pytest.raises(OutcomeUnknown):
                await client.refund(txn_id, REFUND)
            return await found(client, invoice)

    after = asyncio.run(go())
    assert refund_amounts(h, invoice) == []
    assert (after.amount, after.payout_amount) == (Money.parse("1500"), Money.parse("0"))


def test_refund_slower_than_the_read_timeout_is_outcome_unknown_sent_once(h: Any) -> None:
    invoice, txn_id = h.paid("1500")
    h.fault("refund", "hold")  # applied, answered only when released (the fixture's reset does)
    counter = h.Counter()

    async def go() -> None:
        async with (
            h.counting_http(counter, timeout=httpx.Timeout(1.0)) as http,
            h.client(http=http) as client,
        ):
            with pytest.raises(OutcomeUnknown) as unclear:
                await client.refund(txn_id, REFUND, external_id="r-slow")
            assert "ReadTimeout" in str(unclear.value)

    asyncio.run(go())
    assert counter.count("POST", "/refund") == 1  # never re-sent
    assert [(op["amount"], op["externalID"]) for op in h.operations(invoice, "refund")] == [(500, "r-slow")]


def test_refund_slower_than_the_clients_own_timeout_setting(h: Any) -> None:
    """Same as above, with the timeout given to EpayClient itself rather than to a caller's http client."""
    invoice, txn_id = h.paid("1500")
    h.fault("refund", "hold")  # applied, answered only when released (the fixture's reset does)

    async def go() -> None:
        async with h.client(timeout=httpx.Timeout(1.0)) as client:
            with pytest.raises(OutcomeUnknown):
                await client.refund(txn_id, REFUND)

    asyncio.run(go())
    assert refund_amounts(h, invoice) == [500]


def test_refund_answered_503_is_outcome_unknown_and_not_applied(h: Any) -> None:
    invoice, txn_id = h.paid("1500")
    h.fault("refund", "http_status", 503)

    async def go() -> OutcomeUnknown:
        async with h.client() as client:
            with pytest.raises(OutcomeUnknown) as unclear:
                await client.refund(txn_id, REFUND)
            return unclear.value

    unclear = asyncio.run(go())
    assert unclear.http_status == 503  # the client cannot know whether a 503 came before or after
    assert refund_amounts(h, invoice) == []  # this one came before: the sandbox applied nothing


def test_refund_answered_400_is_api_error(h: Any) -> None:
    invoice, txn_id = h.paid("1500")
    h.fault("refund", "http_status", 400)

    async def go() -> ApiError:
        async with h.client() as client:
            with pytest.raises(ApiError) as refused:
                await client.refund(txn_id, REFUND)
            return refused.value

    refused = asyncio.run(go())
    assert isinstance(refused, InvalidRequest)
    assert (refused.http_status, refused.gateway_code) == (400, 860)
    assert refund_amounts(h, invoice) == []


def test_refund_with_a_revoked_token_refreshes_once_and_applies_once(h: Any) -> None:
    invoice, txn_id = h.paid("1500")
    h.fault("refund", "expire_token")
    counter = h.Counter()

    async def go() -> None:
        async with h.counting_http(counter) as http, h.client(http=http) as client:
            result = await client.refund(txn_id, REFUND, external_id="r-expired")
            assert result.http_status == 200

    asyncio.run(go())
    assert counter.token_calls == 2  # the first service token, then one refresh
    assert counter.count("POST", "/refund") == 2  # refused with 401, then replayed
    assert [(op["amount"], op["externalID"]) for op in h.operations(invoice, "refund")] == [
        (500, "r-expired")
    ]


# -- charge and cancel (two-step terminal) --------------------------------------------------------------


def test_charge_dropped_after_apply_is_outcome_unknown_but_applied(h2: Any) -> None:
    invoice, txn_id = h2.paid("1500")
    h2.fault("charge", "drop_after_apply")

    async def go() -> Transaction:
        async with h2.client() as client:
            with pytest.raises(OutcomeUnknown):
                await client.charge(txn_id, Money.parse("1200"))
            return await found(client, invoice)

    after = asyncio.run(go())
    assert (after.status, after.amount, after.org_amount) == (
        PaymentStatus.CHARGE,
        Money.parse("1200"),
        Money.parse("1500"),
    )
    assert [op["amount"] for op in h2.operations(invoice, "charge")] == [1200]


def test_cancel_dropped_after_apply_is_outcome_unknown_but_applied(h2: Any) -> None:
    invoice, txn_id = h2.paid("1500")
    h2.fault("cancel", "drop_after_apply")

    async def go() -> Transaction:
        async with h2.client() as client:
            with pytest.raises(OutcomeUnknown):
                await client.cancel(txn_id)
            return await found(client, invoice)

    after = asyncio.run(go())
    assert after.status is PaymentStatus.CANCEL
    assert len(h2.operations(invoice, "cancel")) == 1


# -- check-status -----------------------------------------------------------------------------------------


def status_with(h: Any, counter: Any, invoice: Any) -> StatusResult:
    async def go() -> StatusResult:
        async with h.counting_http(counter) as http, h.client(http=http) as client:
            return await client.check_status(invoice)

    result: StatusResult = asyncio.run(go())
    return result


def test_status_in_progress(h: Any) -> None:
    invoice, _ = h.paid("1500")
    h.fault("status", "result_code", 107)
    counter = h.Counter()

    result = status_with(h, counter, invoice)
    assert isinstance(result, StatusInProgress)
    assert result.invoice_id == invoice.value
    assert counter.count("GET", "/check-status/") == 1  # a state, not retried


@pytest.mark.parametrize(
    ("kind", "value"),
    [("result_code", 103), ("http_status", 502), ("drop_before_apply", 0)],
)
def test_status_transient_failure_is_retried(h: Any, kind: str, value: int) -> None:
    invoice, txn_id = h.paid("1500")
    h.fault("status", kind, value, times=1)
    counter = h.Counter()

    result = status_with(h, counter, invoice)
    assert isinstance(result, StatusFound)
    assert (result.transaction.id, result.transaction.status) == (txn_id, PaymentStatus.CHARGE)
    assert counter.count("GET", "/check-status/") == 2
    assert h.armed_faults() == []


def test_status_slow_answer_still_succeeds(h: Any) -> None:
    """A check-status answer that keeps the client waiting is waited for, not given up on or re-asked."""
    invoice, _ = h.paid("1500")
    h.fault("status", "hold")
    counter = h.Counter()

    with ThreadPoolExecutor(max_workers=1) as pool:
        asking = pool.submit(status_with, h, counter, invoice)
        held = h.control.get("/sandbox/held", params={"operation": "status", "wait": 30})
        assert held.status_code == 200, held.text
        assert not asking.done()
        assert h.control.post("/sandbox/release").json() == {"released": 1}
        result = asking.result(timeout=30)
    assert isinstance(result, StatusFound)
    assert counter.count("GET", "/check-status/") == 1


def test_status_with_a_revoked_token_refreshes_transparently(h: Any) -> None:
    invoice, _ = h.paid("1500")
    h.fault("status", "expire_token")
    counter = h.Counter()

    result = status_with(h, counter, invoice)
    assert isinstance(result, StatusFound)
    assert counter.token_calls == 2
    assert counter.count("GET", "/check-status/") == 2


# -- the token endpoint -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "value"), [("http_status", 500), ("drop_after_apply", 0)])
def test_service_token_failure_is_retried(h: Any, kind: str, value: int) -> None:
    invoice, txn_id = h.paid("1500")
    h.fault("token", kind, value, times=1)
    counter = h.Counter()

    async def go() -> tuple[StatusResult, int]:
        async with h.counting_http(counter) as http, h.client(http=http) as client:
            status = await client.check_status(invoice)
            await client.refund(txn_id, REFUND)  # a mutation reuses the token fetched for the read
            return status, counter.token_calls

    status, token_calls = asyncio.run(go())
    assert isinstance(status, StatusFound)
    assert token_calls == 2  # one failed, one retried
    assert refund_amounts(h, invoice) == [500]


def test_payment_token_failure_is_retried(h: Any) -> None:
    h.fault("token", "http_status", 500, times=1)
    invoice = h.new_invoice()
    counter = h.Counter()

    async def go() -> None:
        async with h.counting_http(counter) as http, h.client(http=http) as client:
            token = await client.get_payment_token(invoice, Money.parse("1500"))
            assert token.invoice_id == invoice

    asyncio.run(go())
    assert counter.token_calls == 2


# -- saved cards --------------------------------------------------------------------------------------------


def test_card_list_answered_503_is_retried(h: Any) -> None:
    h.paid("1000", cardSave=True, accountId="acc-503")
    h.fault("cards", "http_status", 503, times=1)
    counter = h.Counter()

    async def go() -> list[SavedCard]:
        async with h.counting_http(counter) as http, h.client(http=http) as client:
            return await client.list_cards("acc-503")

    cards = asyncio.run(go())
    assert len(cards) == 1 and cards[0].account_id == "acc-503"
    assert counter.count("GET", "/cards/") == 2


def test_saved_card_payment_dropped_after_apply_is_outcome_unknown_but_paid(h: Any) -> None:
    first, _ = h.paid("1000", cardSave=True, accountId="acc-drop")
    card_id = h.ledger_entry(first)["cardId"]
    invoice, amount = h.new_invoice(), Money.parse("300")
    h.fault("card_pay", "drop_after_apply")

    async def go() -> Transaction:
        async with h.client() as client:
            token = await client.get_payment_token(invoice, amount)
            with pytest.raises(OutcomeUnknown) as unclear:
                await client.pay_with_saved_card(
                    token, invoice, amount, card_id, "acc-drop", description="Repeat order"
                )
            assert unclear.value.invoice_id == invoice.value
            return await found(client, invoice)

    after = asyncio.run(go())
    assert (after.status, after.amount, after.card_id) == (PaymentStatus.CHARGE, amount, card_id)
    assert h.ledger_entry(invoice)["status"] == "CHARGE"
