"""Decimal amounts at the gateway edge: exact, strict, never rounded (reliability.md T09)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from epay_desktop.domain import MAX_MINOR
from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.gateway import ProtocolError
from epay_desktop.gateway import StatusFound
from epay_desktop.gateway._parse import BodyError
from epay_desktop.gateway._parse import decode_json
from epay_desktop.gateway._parse import get_money
from epay_desktop.gateway.status import interpret_status


def amount_from_raw_json(raw_amount: str) -> Money:
    """Parse a check-status body whose amount is the given JSON text, exactly as it came off the wire."""
    body = '{"resultCode":"100","transaction":{"id":"t","currency":"KZT","statusName":"CHARGE","amount":%s}}'
    result = interpret_status(decode_json((body % raw_amount).encode()), invoice_id="000001", http_status=200)
    assert isinstance(result, StatusFound)
    return result.transaction.amount


@pytest.mark.parametrize(
    ("raw", "minor"),
    [
        ("12.22", 1222),
        ("0.1", 10),
        ("100", 10000),
        ("1e2", 10000),
        ("12.220", 1222),
        ('"12.22"', 1222),
        ('"100"', 10000),
        ("0", 0),
        ("99999999999.99", 9999999999999),
    ],
)
def test_accepted_amounts_are_exact(raw, minor):
    assert amount_from_raw_json(raw).minor == minor


@pytest.mark.parametrize(
    "raw",
    [
        "10.005",
        '"10.005"',
        "-1",
        '"-1"',
        "NaN",
        "Infinity",
        "-Infinity",
        "1234567890123456789",
        "1e999999999",
        "true",
        "null",
        '"12,22"',
        '"1 500"',
        '"abc"',
        "[12]",
        "{}",
    ],
)
def test_rejected_amounts(raw):
    with pytest.raises(ProtocolError):
        amount_from_raw_json(raw)


def test_float_parsing_would_have_lost_exactness():
    # 0.1 + 0.2 style drift cannot happen: the decoder never produces a float.
    body = decode_json(b'{"a": 0.1, "b": 1e2, "c": NaN}')
    assert isinstance(body, dict)
    assert not any(isinstance(value, float) for value in body.values())


def test_check_status_end_to_end_keeps_decimals_exact(h, gw):
    gw.get(h.status_url()).respond(
        content=json.dumps(h.status_body(amount="PLACEHOLDER")).replace('"PLACEHOLDER"', "2400.07").encode(),
        headers={"content-type": "application/json"},
    )

    async def go() -> object:
        async with h.make_client() as client:
            return await client.check_status(InvoiceId(h.INVOICE))

    result = h.run(go())
    assert result.transaction.amount == Money(240007)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=MAX_MINOR))
def test_round_trip_format_json_parse_is_identity(minor):
    money = Money(minor)
    for text in (money.gateway_str(), money.plain(), json.dumps(money.gateway_str())):
        wire = ('{"amount": ' + text + "}").encode()
        assert get_money(decode_json(wire), "amount", "KZT") == money


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=9))
def test_three_decimals_never_round(whole, last_digit):
    wire = f'{{"amount": {whole}.00{last_digit}}}'.encode()
    with pytest.raises(BodyError):
        get_money(decode_json(wire), "amount", "KZT")
