"""Exact amounts in and out: no float ever touches money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from epay_desktop.sandbox.amounts import parse_amount
from epay_desktop.sandbox.amounts import to_decimal
from epay_desktop.sandbox.errors import SandboxError
from epay_desktop.sandbox.render import dumps


def test_decimals_written_digit_for_digit() -> None:
    value = {"amount": Decimal("12.22"), "big": Decimal("99999999999999.99"), "n": [Decimal("10")]}
    assert dumps(value) == '{"amount":12.22,"big":99999999999999.99,"n":[10]}'


def test_floats_refused_in_answers() -> None:
    with pytest.raises(TypeError):
        dumps({"amount": 12.22})


@pytest.mark.parametrize(
    ("raw", "tiyn"),
    [("1500.50", 150050), ("1500.5", 150050), ("10", 1000), (Decimal("12.220"), 1222), (7, 700)],
)
def test_parse_amount(raw, tiyn) -> None:
    assert parse_amount(raw) == tiyn


@pytest.mark.parametrize(
    "raw", ["1.005", "-1", "1e3", "1,5", "", "NaN", 1.5, True, None, Decimal("Infinity")]
)
def test_parse_amount_refuses(raw) -> None:
    with pytest.raises(SandboxError) as err:
        parse_amount(raw)
    assert err.value.code == 816


def test_to_decimal_has_no_trailing_zeros() -> None:
    assert [str(to_decimal(m)) for m in (150050, 1000, 1, 0)] == ["1500.5", "10", "0.01", "0"]
