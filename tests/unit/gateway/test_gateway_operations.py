"""charge / cancel / refund: request shape, success, typed refusals, never retried, OutcomeUnknown."""

from __future__ import annotations

from collections.abc import Awaitable
from collections.abc import Callable

import httpx
import pytest

from epay_desktop.domain import Money
from epay_desktop.gateway import AuthError
from epay_desktop.gateway import EpayClient
from epay_desktop.gateway import GatewayUnavailable
from epay_desktop.gateway import InvalidRequest
from epay_desktop.gateway import InvalidState
from epay_desktop.gateway import NotFound
from epay_desktop.gateway import OperationResult
from epay_desktop.gateway import OutcomeUnknown

Call = Callable[[EpayClient], Awaitable[object]]

MUTATIONS: dict[str, Call] = {
    "charge": lambda c: c.charge("af2089fe-43b1-47eb-a61f-c78dd196e18d", Money.parse("300")),
    "cancel": lambda c: c.cancel("af2089fe-43b1-47eb-a61f-c78dd196e18d"),
    "refund": lambda c: c.refund("af2089fe-43b1-47eb-a61f-c78dd196e18d", Money.parse("10"), "ref-1"),
}


def call(h, fn: Call) -> object:
    async def go() -> object:
        async with h.make_client() as client:
            return await fn(client)

    return h.run(go())


def test_refund_query_params_and_headers(h, gw):
    route = gw.post(h.operation_url("refund")).respond(json={"code": 0, "message": "ok"})
    result = call(h, lambda c: c.refund(h.TX_ID, Money.parse("1500.5"), external_id="rf-000123"))
    request = route.calls.last.request
    assert request.url.path == f"/api/operation/{h.TX_ID}/refund"
    assert request.url.query == b"amount=1500.5&externalID=rf-000123"
    assert request.headers["authorization"] == f"Bearer {h.SERVICE_TOKEN}"
    assert request.content == b""
    assert result == OperationResult(
        operation="refund",
        target_id=h.TX_ID,
        http_status=200,
        code=0,
        message="ok",
        amount=Money(150050),
        external_id="rf-000123",
    )


def test_full_refund_sends_no_query(h, gw):
    route = gw.post(h.operation_url("refund")).respond(200)
    result = call(h, lambda c: c.refund(h.TX_ID))
    assert route.calls.last.request.url.query == b""
    assert result.raw is None and result.code is None


def test_charge_with_and_without_amount(h, gw):
    route = gw.post(h.operation_url("charge")).respond(200, text="OK")
    call(h, lambda c: c.charge(h.TX_ID, Money.parse("2400.07")))
    assert route.calls.last.request.url.query == b"amount=2400.07"
    result = call(h, lambda c: c.charge(h.TX_ID))
    assert route.calls.last.request.url.query == b""
    assert result.raw == "OK"


def test_cancel_request(h, gw):
    route = gw.post(h.operation_url("cancel")).respond(200, json={})
    call(h, lambda c: c.cancel(h.TX_ID))
    assert route.calls.last.request.method == "POST"
    assert route.calls.last.request.url.query == b""


def test_zero_amount_is_rejected_before_sending(h, gw):
    route = gw.post(h.operation_url("refund")).respond(200)
    with pytest.raises(ValueError):
        call(h, lambda c: c.refund(h.TX_ID, Money(0)))
    assert route.call_count == 0


@pytest.mark.parametrize("name", sorted(MUTATIONS))
@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("peer closed connection"),
        httpx.ReadError("reset"),
        httpx.WriteTimeout("write timed out"),
        httpx.Response(502),
        httpx.Response(500, json={"code": 1, "message": "boom"}),
        httpx.Response(503),
        httpx.Response(429),
    ],
    ids=["ReadTimeout", "RemoteProtocolError", "ReadError", "WriteTimeout", "502", "500", "503", "429"],
)
def test_unclear_failure_is_outcome_unknown_and_not_retried(h, gw, name, failure):
    route = gw.post(h.operation_url(name))
    if isinstance(failure, httpx.Response):
        route.respond(failure.status_code, content=failure.content)
    else:
        route.side_effect = failure
    with pytest.raises(OutcomeUnknown) as info:
        call(h, MUTATIONS[name])
    assert route.call_count == 1
    assert info.value.operation == name
    assert info.value.transaction_id == h.TX_ID
    assert "check the payment's status" in info.value.user_message


@pytest.mark.parametrize("name", sorted(MUTATIONS))
@pytest.mark.parametrize(
    "failure", [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("pool")]
)
def test_connect_failure_is_gateway_unavailable_and_not_retried(h, gw, name, failure):
    route = gw.post(h.operation_url(name))
    route.side_effect = failure
    with pytest.raises(GatewayUnavailable) as info:
        call(h, MUTATIONS[name])
    assert route.call_count == 1
    assert "safe to try again" in info.value.user_message


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (400, {"code": 100, "message": "Operation not allowed in status AUTH"}, InvalidState),
        (400, {"code": 4, "message": "Неверный статус транзакции"}, InvalidState),
        (409, {"code": 5, "message": "conflict"}, InvalidState),
        (400, {"code": 100, "message": "Amount exceeds available amount"}, InvalidRequest),
        (400, {"code": 100, "message": "Refund amount must be at least 10"}, InvalidRequest),
        (404, {"code": 100, "message": "transaction does not exist"}, NotFound),
        (400, {"code": 100, "message": "Transaction not found"}, NotFound),
        (422, None, InvalidRequest),
    ],
)
def test_error_bodies_map_to_typed_errors(h, gw, status, body, error):
    route = gw.post(h.operation_url("refund"))
    route.respond(status, json=body) if body is not None else route.respond(status, text="bad")
    with pytest.raises(error) as info:
        call(h, MUTATIONS["refund"])
    assert type(info.value) is error
    assert route.call_count == 1
    assert info.value.http_status == status
    if body is not None:
        assert info.value.gateway_code == body["code"]
        assert info.value.gateway_message == body["message"]
    assert "Nothing was changed" in info.value.user_message


def test_mutation_401_refreshes_and_replays_once(h, gw):
    route = gw.post(h.operation_url("cancel"))
    route.side_effect = [httpx.Response(401), httpx.Response(200, json={"code": 0})]
    result = call(h, MUTATIONS["cancel"])
    assert result.http_status == 200
    assert route.call_count == 2
    assert gw["token"].call_count == 2


def test_mutation_403_is_auth_error_without_replay(h, gw):
    route = gw.post(h.operation_url("charge")).respond(403)
    with pytest.raises(AuthError):
        call(h, MUTATIONS["charge"])
    assert route.call_count == 1


def test_token_failure_before_mutation_is_gateway_unavailable(h, gw):
    gw["token"].side_effect = httpx.ConnectError("down")
    route = gw.post(h.operation_url("refund")).respond(200)
    with pytest.raises(GatewayUnavailable):
        call(h, MUTATIONS["refund"])
    assert route.call_count == 0
    assert gw["token"].call_count == 3  # the token (a read) is retried; the refund was never sent


def test_token_read_timeout_before_mutation_is_not_outcome_unknown(h, gw):
    gw["token"].side_effect = httpx.ReadTimeout("slow")
    with pytest.raises(GatewayUnavailable):
        call(h, MUTATIONS["charge"])


def test_transaction_id_is_escaped_in_path(h, gw):
    route = gw.post(f"{h.API_URL}/operation/a%2Fb/cancel").respond(200)
    call(h, lambda c: c.cancel("a/b"))
    assert route.call_count == 1


def test_bank_decline_code_on_a_refund_is_not_declined(h, gw):
    gw.post(h.operation_url("refund")).respond(400, json={"code": 470, "message": "invalid amount"})
    with pytest.raises(InvalidRequest):
        call(h, MUTATIONS["refund"])
