"""Payment token (never cached, whole object) and service token (cache, refresh, single flight, 401)."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs

import httpx
import pytest

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.gateway import AuthError
from epay_desktop.gateway import PaymentToken
from epay_desktop.gateway import StatusFound

FORM = "application/x-www-form-urlencoded"


def form_of(request: httpx.Request) -> dict[str, list[str]]:
    return parse_qs(request.content.decode(), keep_blank_values=True)


def _service_token_form(h) -> dict[str, list[str]]:
    """The client-credentials form every token request sends (a payment token's adds the payment)."""
    return {
        "grant_type": ["client_credentials"],
        "scope": ["webapi usermanagement email_send verification statement statistics payment"],
        "client_id": ["test"],
        "client_secret": [h.CLIENT_SECRET],
        "terminal": [h.TERMINAL],
    }


def test_payment_token_request_form_fields(h, gw):
    gw["token"].respond(json=h.token_body(h.PAYMENT_TOKEN))

    async def go() -> PaymentToken:
        async with h.make_client() as client:
            return await client.get_payment_token(
                InvoiceId("000000123"),
                Money.parse("1500.50"),
                post_link="https://shop.test/post",
                failure_post_link="https://shop.test/fail",
                secret_hash="hash-1",
            )

    h.run(go())
    request = gw["token"].calls.last.request
    assert request.method == "POST"
    assert request.headers["content-type"] == FORM
    assert form_of(request) == {
        **_service_token_form(h),
        "invoiceID": ["000000123"],
        "amount": ["1500.5"],
        "currency": ["KZT"],
        "postLink": ["https://shop.test/post"],
        "failurePostLink": ["https://shop.test/fail"],
        "secret_hash": ["hash-1"],
    }
    assert "authorization" not in request.headers


def test_payment_token_omits_secret_hash_when_not_given(h, gw):
    async def go() -> None:
        async with h.make_client() as client:
            await client.get_payment_token(InvoiceId("000000123"), Money.parse("100"))

    h.run(go())
    form = form_of(gw["token"].calls.last.request)
    assert "secret_hash" not in form
    assert form["amount"] == ["100"]


def test_service_token_request_form_fields(h, gw):
    gw.get(h.status_url()).respond(json={"resultCode": "102"})

    async def go() -> None:
        async with h.make_client() as client:
            await client.check_status(InvoiceId(h.INVOICE))

    h.run(go())
    request = gw["token"].calls.last.request
    assert request.headers["content-type"] == FORM
    assert form_of(request) == _service_token_form(h)
    api_request = gw.calls.last.request
    assert api_request.headers["authorization"] == f"Bearer {h.SERVICE_TOKEN}"


def test_payment_token_is_never_cached(h, gw):
    async def go() -> tuple[PaymentToken, PaymentToken]:
        async with h.make_client() as client:
            first = await client.get_payment_token(InvoiceId("000000123"), Money.parse("100"))
            second = await client.get_payment_token(InvoiceId("000000123"), Money.parse("100"))
            return first, second

    first, second = h.run(go())
    assert gw["token"].call_count == 2
    assert first is not second


def test_payment_token_keeps_whole_response_for_widget(h, gw):
    body = h.token_body(h.PAYMENT_TOKEN, expires_in="1200")
    gw["token"].respond(json=body)
    clock = h.FakeClock(500.0)

    async def go() -> PaymentToken:
        async with h.make_client(clock=clock) as client:
            return await client.get_payment_token(InvoiceId("000000123"), Money.parse("12.22"))

    token = h.run(go())
    assert token.auth_object() == body
    assert token.access_token == h.PAYMENT_TOKEN
    assert token.expires_in == 1200
    assert token.obtained_at == 500.0
    assert token.invoice_id == InvoiceId("000000123")
    assert token.amount == Money(1222)


@pytest.mark.parametrize("expires_in", [7200, "7200", " 7200 ", 7200.0])
def test_expires_in_number_or_string(h, gw, expires_in):
    gw["token"].respond(json=h.token_body(h.PAYMENT_TOKEN, expires_in=expires_in))

    async def go() -> PaymentToken:
        async with h.make_client() as client:
            return await client.get_payment_token(InvoiceId("000000123"), Money.parse("1"))

    assert h.run(go()).expires_in == 7200


def test_payment_token_repr_hides_token(h, gw):
    gw["token"].respond(json=h.token_body(h.PAYMENT_TOKEN))

    async def go() -> PaymentToken:
        async with h.make_client() as client:
            return await client.get_payment_token(InvoiceId("000000123"), Money.parse("1"))

    token = h.run(go())
    assert h.PAYMENT_TOKEN not in repr(token)
    assert h.PAYMENT_TOKEN not in str(token)


def test_credentials_repr_hides_secret(h):
    assert h.CLIENT_SECRET not in repr(h.CREDENTIALS)
    assert h.CLIENT_SECRET not in str(h.CREDENTIALS)
    assert h.CLIENT_SECRET not in repr(h.make_client())


def test_service_token_is_cached(h, gw):
    route = gw.get(h.status_url()).respond(json={"resultCode": "102"})

    async def go() -> None:
        async with h.make_client() as client:
            for _ in range(3):
                await client.check_status(InvoiceId(h.INVOICE))

    h.run(go())
    assert gw["token"].call_count == 1
    assert route.call_count == 3


def test_service_token_refreshed_before_expiry_with_fake_clock(h, gw):
    gw.get(h.status_url()).respond(json={"resultCode": "102"})
    clock = h.FakeClock(0.0)

    async def go() -> None:
        async with h.make_client(clock=clock) as client:
            await client.check_status(InvoiceId(h.INVOICE))
            clock.advance(7200 - 31)  # still outside the 30 s margin
            await client.check_status(InvoiceId(h.INVOICE))
            assert gw["token"].call_count == 1
            clock.advance(2)  # 29 s left: refresh early
            await client.check_status(InvoiceId(h.INVOICE))
            assert gw["token"].call_count == 2

    h.run(go())


def test_short_lived_token_does_not_refresh_loop(h, gw):
    gw["token"].respond(json=h.token_body(expires_in="20"))
    gw.get(h.status_url()).respond(json={"resultCode": "102"})
    clock = h.FakeClock(0.0)

    async def go() -> None:
        async with h.make_client(clock=clock) as client:
            for _ in range(5):
                await client.check_status(InvoiceId(h.INVOICE))
            assert gw["token"].call_count == 1  # margin is 2 s, not 30 s
            clock.advance(19)
            await client.check_status(InvoiceId(h.INVOICE))
            assert gw["token"].call_count == 2

    h.run(go())


def test_single_flight_under_five_concurrent_callers(h, gw):
    answer: list[asyncio.Event] = []
    asked: list[httpx.Request] = []

    async def slow_token(request: httpx.Request) -> httpx.Response:
        asked.append(request)
        await answer[0].wait()  # the token endpoint answers when the test says
        return httpx.Response(200, json=h.token_body())

    gw["token"].side_effect = slow_token
    gw.get(h.status_url()).respond(json={"resultCode": "102"})

    async def go() -> None:
        answer.append(asyncio.Event())
        async with h.make_client() as client:
            callers = [asyncio.ensure_future(client.check_status(InvoiceId(h.INVOICE))) for _ in range(5)]
            for _ in range(20):  # turns of the loop, no clock: every caller gets as far as the token
                await asyncio.sleep(0)
            assert len(asked) == 1 and not any(c.done() for c in callers)
            answer[0].set()
            await asyncio.gather(*callers)

    h.run(go())
    assert gw["token"].call_count == 1


def test_401_refreshes_once_and_replays_once(h, gw):
    gw["token"].side_effect = [
        httpx.Response(200, json=h.token_body("OLD_TOKEN_1")),
        httpx.Response(200, json=h.token_body("NEW_TOKEN_2")),
    ]
    route = gw.get(h.status_url())
    route.side_effect = [httpx.Response(401), httpx.Response(200, json=h.status_body())]

    async def go() -> object:
        async with h.make_client() as client:
            return await client.check_status(InvoiceId(h.INVOICE))

    result = h.run(go())
    assert isinstance(result, StatusFound)
    assert gw["token"].call_count == 2
    assert route.call_count == 2
    assert route.calls[0].request.headers["authorization"] == "Bearer OLD_TOKEN_1"
    assert route.calls[1].request.headers["authorization"] == "Bearer NEW_TOKEN_2"


def test_second_401_is_auth_error(h, gw):
    route = gw.post(h.operation_url("refund")).respond(401)

    async def go() -> None:
        async with h.make_client() as client:
            await client.refund(h.TX_ID, Money.parse("10"))

    with pytest.raises(AuthError) as info:
        h.run(go())
    assert route.call_count == 2
    assert gw["token"].call_count == 2
    assert info.value.http_status == 401
    assert "client secret" in info.value.user_message


def test_401_burst_from_five_callers_refreshes_once(h, gw):
    gw["token"].side_effect = [
        httpx.Response(200, json=h.token_body("OLD_TOKEN_1")),
        httpx.Response(200, json=h.token_body("NEW_TOKEN_2")),
    ]

    def answer(request: httpx.Request) -> httpx.Response:
        if request.headers["authorization"] == "Bearer OLD_TOKEN_1":
            return httpx.Response(401)
        return httpx.Response(200, json={"resultCode": "102"})

    gw.get(h.status_url()).side_effect = answer

    async def go() -> None:
        async with h.make_client() as client:
            await asyncio.gather(*(client.check_status(InvoiceId(h.INVOICE)) for _ in range(5)))

    h.run(go())
    assert gw["token"].call_count == 2


@pytest.mark.parametrize("status", [400, 401, 403])
def test_token_endpoint_refusal_is_auth_error(h, gw, status):
    gw["token"].respond(status, json={"error": "invalid_client"})

    async def go() -> None:
        async with h.make_client() as client:
            await client.check_status(InvoiceId(h.INVOICE))

    with pytest.raises(AuthError) as info:
        h.run(go())
    assert gw["token"].call_count == 1  # a refusal is not retried
    assert "client ID" in info.value.user_message
    assert "terminal" in info.value.user_message


def test_token_without_access_token_is_protocol_error(h, gw):
    from epay_desktop.gateway import ProtocolError

    gw["token"].respond(json={"expires_in": 7200})

    async def go() -> None:
        async with h.make_client() as client:
            await client.get_payment_token(InvoiceId("000000123"), Money.parse("1"))

    with pytest.raises(ProtocolError):
        h.run(go())
