from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from epay_desktop.domain import MAX_MINOR
from epay_desktop.domain import Money
from epay_desktop.domain import MoneyError
from epay_desktop.domain import parse_decimal_amount

NNBSP = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "minor"),
    [
        (Decimal("12.22"), 1222),
        (Decimal("0.1"), 10),
        (Decimal("100"), 10000),
        (Decimal("1e2"), 10000),
        (Decimal("12.220"), 1222),
        ("12.22", 1222),
        ("1500,50", 150050),
        ("1 500,50", 150050),
        (f"1{NNBSP}234,56{NBSP}₸", 123456),
        ("0", 0),
        (7, 700),
    ],
)
def test_parse_exact(value, minor):
    assert parse_decimal_amount(value) == minor


@pytest.mark.parametrize(
    "value",
    [
        Decimal("10.005"),
        "10.005",
        Decimal("-1"),
        "-1",
        Decimal("NaN"),
        "NaN",
        Decimal("Infinity"),
        "inf",
        Decimal("1234567890123456789"),
        "",
        "abc",
        "1.2.3",
        12.22,
        True,
        None,
    ],
)
def test_parse_rejects(value):
    with pytest.raises(MoneyError):
        parse_decimal_amount(value)


def test_parse_rejects_unknown_currency():
    with pytest.raises(MoneyError, match="currency"):
        Money.parse("1", "XXX")


def test_money_rejects_float_negative_and_huge():
    with pytest.raises(MoneyError):
        Money(12.5)  # type: ignore[arg-type]
    with pytest.raises(MoneyError):
        Money(-1)
    with pytest.raises(MoneyError):
        Money(MAX_MINOR + 1)


def test_formats():
    m = Money(123456)
    assert m.format() == f"1{NNBSP}234,56{NBSP}₸"
    assert m.plain() == "1234.56"
    assert m.iso() == "1234.56 KZT"
    assert Money(150000).gateway_str() == "1500"
    assert Money(150050).gateway_str() == "1500.5"
    assert Money(150005).gateway_str() == "1500.05"
    assert Money(5).format() == f"0,05{NBSP}₸"
    assert Money(100_000_000_00).format() == f"100{NNBSP}000{NNBSP}000,00{NBSP}₸"


def test_arithmetic_same_currency_only():
    assert Money(100) + Money(50) == Money(150)
    assert Money(100) - Money(50) == Money(50)
    with pytest.raises(MoneyError):
        Money(50) - Money(100)
    with pytest.raises(MoneyError):
        Money(1, "KZT") + Money(1, "USD")


@given(st.integers(min_value=0, max_value=MAX_MINOR))
def test_round_trip_gateway_text(minor):
    m = Money(minor)
    assert Money.parse(m.gateway_str()) == m
    assert Money.parse(m.plain()) == m
    assert Money.parse(m.to_decimal()) == m
    assert Money.parse(m.format()) == m
