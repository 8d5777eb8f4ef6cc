"""``record_of``: a row becomes its frozen record, each field read as the record's type says."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import SimpleNamespace

import pytest

from epay_desktop.domain import Money
from epay_desktop.store.repos.repo import record_of


class _Colour(StrEnum):
    RED = "red"
    GREEN = "green"


@dataclass(frozen=True, slots=True)
class _Record:
    id: int
    colour: _Colour
    amount: Money
    note: str | None
    shade: _Colour | None = None
    refunded: Money | None = None


def _row(**changed: object) -> SimpleNamespace:
    values: dict[str, object] = {
        "id": 7,
        "colour": "green",
        "amount_minor": 12_345,
        "note": None,
        "shade": None,
        "refunded_minor": None,
    }
    return SimpleNamespace(**{**values, **changed})


def test_enums_and_amounts_are_read_by_the_fields_types() -> None:
    record = record_of(_Record, _row(shade="red", refunded_minor=500, note="n"), "KZT")
    assert record == _Record(7, _Colour.GREEN, Money(12_345, "KZT"), "n", _Colour.RED, Money(500, "KZT"))
    assert type(record.colour) is _Colour and type(record.shade) is _Colour


def test_an_empty_column_stays_none_where_the_field_allows_it() -> None:
    assert record_of(_Record, _row(), "KZT") == _Record(7, _Colour.GREEN, Money(12_345, "KZT"), None)


def test_a_value_outside_the_enum_is_the_enums_own_error() -> None:
    with pytest.raises(ValueError, match="blue"):
        record_of(_Record, _row(colour="blue"), "KZT")


def test_converted_fields_are_taken_as_given() -> None:
    record = record_of(_Record, _row(), "KZT", colour=_Colour.RED, amount=Money(1, "USD"))
    assert (record.colour, record.amount) == (_Colour.RED, Money(1, "USD"))


def test_a_name_that_is_no_field_is_refused() -> None:
    with pytest.raises(TypeError, match="has no field \\['colour_name'\\]"):
        record_of(_Record, _row(), "KZT", colour_name="red")


def test_an_amount_needs_its_currency() -> None:
    with pytest.raises(TypeError, match="amount is an amount"):
        record_of(_Record, _row())
