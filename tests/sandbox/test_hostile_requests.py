"""Issue 11, sandbox robustness: malformed, deep or huge bodies, unbounded fault values and a
request that never ends all get an answer in the gateway's error shape ``{"code", "message"}``."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.faults import MAX_FAULT_DELAY
from epay_desktop.sandbox.faults import parse_fault


def _error(response, status: int, code: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message"} and body["code"] == code, body
    assert isinstance(body["message"], str) and body["message"]
    return str(body["message"])


def test_json_nested_100000_deep_is_400_not_500(sb) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    for path in ("/sandbox/faults", "/sandbox/pay", "/sandbox/options"):
        response = sb.post(path, content=deep, headers={"content-type": "application/json"})
        assert "nested" in _error(response, 400, 854)


def test_json_deeper_than_the_limit_is_refused_even_when_python_could_parse_it(sb) -> None:
    body = '{"operation": "refund", "kind": "delay", "value": 0, "x": ' + "[" * 100 + "]" * 100 + "}"
    response = sb.post("/sandbox/faults", content=body, headers={"content-type": "application/json"})
    _error(response, 400, 854)
    assert sb.get("/sandbox/faults").json() == []


def test_a_charge_body_nested_deep_is_400(sb) -> None:
    txn_id = sb.paid("000001101", "1000")
    body = '{"amount": ' + "[" * 50_000 + "]" * 50_000 + "}"
    response = sb.post(
        f"/operation/{txn_id}/charge", content=body, headers={**sb.auth(), "content-type": "application/json"}
    )
    _error(response, 400, 854)


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity", '{"value": NaN}', "{", "\xff"])
def test_malformed_json_and_non_finite_numbers_are_400(sb, text: str) -> None:
    response = sb.post("/sandbox/faults", content=text.encode("latin-1"))
    _error(response, 400, 851)


def test_a_huge_body_is_refused_with_400_before_it_is_read_whole(make_sandbox) -> None:
    sb = make_sandbox(max_body_bytes=4096)
    big = b'{"operation": "refund", "kind": "delay", "pad": "' + b"x" * 5000 + b'"}'
    assert "too large" in _error(sb.post("/sandbox/faults", content=big), 400, 853)

    async def chunks():  # no Content-Length: the limit counts what arrives
        for _ in range(10):
            yield b"x" * 1000

    assert "too large" in _error(sb.post("/sandbox/faults", content=chunks()), 400, 853)
    token = sb.post("/oauth2/token", data={**sb.credentials, "pad": "y" * 5000})
    _error(token, 400, 853)
    assert sb.token().status_code == 200  # a normal request still works


def test_the_default_body_limit_is_one_mebibyte(sb) -> None:
    response = sb.post("/sandbox/faults", content=b" " * (1024 * 1024 + 1))
    _error(response, 400, 853)


@pytest.mark.parametrize(
    "value",
    [
        1e308,
        "1e308",
        Decimal("1e308"),
        Decimal("1E+999999999"),
        MAX_FAULT_DELAY + 1,
        -1,
    ],
)
def test_a_delay_fault_value_out_of_bounds_is_refused(sb, value: object) -> None:
    raw = value if isinstance(value, str) else str(value)
    body = '{"operation": "refund", "kind": "delay", "value": ' + raw + "}"
    response = sb.post("/sandbox/faults", content=body, headers={"content-type": "application/json"})
    _error(response, 400, 850)
    assert sb.get("/sandbox/faults").json() == []


def test_the_longest_delay_is_accepted(sb) -> None:
    body = {"operation": "refund", "kind": "delay", "value": MAX_FAULT_DELAY}
    assert sb.post("/sandbox/faults", json=body).status_code == 201


@pytest.mark.parametrize(
    "body",
    [
        {"operation": "status", "kind": "result_code", "value": Decimal("1E+999999999")},
        {"operation": "refund", "kind": "http_status", "value": Decimal("1E+999999999")},
        {"operation": "refund", "kind": "code_in_200", "value": Decimal("1E+999999999")},
        {"operation": "refund", "kind": "delay", "value": Decimal("NaN")},
        {"operation": "refund", "kind": "delay", "value": Decimal("Infinity")},
        {"operation": "refund", "kind": "drop_after_apply", "times": 10**30},
    ],
)
def test_fault_numbers_are_bounded_without_computing_huge_integers(body: dict) -> None:
    with pytest.raises(SandboxError) as caught:
        parse_fault(body)
    assert caught.value.code == 850


def test_every_request_has_a_server_side_time_limit(make_sandbox) -> None:
    sb = make_sandbox(request_time_limit=0.2)
    txn_id = sb.paid("000001102", "1000")
    headers = sb.auth()
    sb.post("/sandbox/faults", json={"operation": "refund", "kind": "delay", "value": 30})

    async def refund():
        return await asyncio.wait_for(
            sb.client.post(f"/operation/{txn_id}/refund", params={"amount": "100"}, headers=headers), 10
        )

    response = sb.run(refund())
    assert "0.2" in _error(response, 504, 855)
    # the delay fault answers late AFTER applying: the refund did happen, as after a real timeout
    assert sb.txn("000001102")["payoutAmount"] == Decimal("100")
    assert sb.get("/sandbox/transactions").status_code == 200  # the next request is served
