"""Money as an integer number of minor units (tiyn for KZT).

Everything inside the console counts money in integer minor units. Decimal values
appear only at the edges: parsing what a person or the gateway wrote, and
formatting for a person, a file or the gateway. Floats are never accepted.

Parsing is strict: more than two decimals, negative values, NaN/infinity,
exponents that hide fractions and absurd sizes are rejected with
:class:`MoneyError`, never rounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

__all__ = [
    "MAX_MINOR",
    "Money",
    "MoneyError",
    "parse_decimal_amount",
]

#: Minor units per major unit for the currencies the gateway knows.
_EXPONENT: Final = {"KZT": 2, "USD": 2, "EUR": 2, "RUB": 2}
_SYMBOL: Final = {"KZT": "₸", "USD": "$", "EUR": "€", "RUB": "₽"}

#: 10^14 tiyn = one trillion tenge: far above any card payment, far below
#: what an int64 column or JSON number can hold exactly.
MAX_MINOR: Final = 10**14

_PLAIN_NUMBER = re.compile(r"^\s*\+?(\d{1,15})(?:[.,](\d{1,2}))?\s*$")
_NBSP = "\u00a0"
_NNBSP = "\u202f"


class MoneyError(ValueError):
    """A value cannot be read as an amount of money. The message says why, in plain words."""


def parse_decimal_amount(value: object, currency: str = "KZT") -> int:
    """Convert a decimal amount in major units (tenge) to integer minor units (tiyn).

    Accepts ``Decimal``, ``int`` and ``str`` (``"1500"``, ``"1500.5"``, ``"1 500,50"``).
    Rejects floats (they cannot hold money exactly), booleans, negatives, non-finite
    values, more than two decimals and values above :data:`MAX_MINOR`.
    """
    exponent = _currency_exponent(currency)
    if isinstance(value, (bool, float)):
        raise MoneyError(f"amount {value!r} is not an exact decimal number")
    if isinstance(value, int):
        dec = Decimal(value)
    elif isinstance(value, Decimal):
        dec = value
    elif isinstance(value, str):
        dec = _decimal_from_text(value)
    else:
        raise MoneyError(f"amount of type {type(value).__name__} is not a number")
    if not dec.is_finite():
        raise MoneyError(f"amount {value!r} is not a finite number")
    if dec.is_signed() and dec != 0:
        raise MoneyError(f"amount {value!r} is negative")
    scaled = dec.scaleb(exponent)
    if scaled != scaled.to_integral_value():
        raise MoneyError(f"amount {value!r} has more than {exponent} decimal places")
    minor = int(scaled)
    if minor > MAX_MINOR:
        raise MoneyError(f"amount {value!r} is too large")
    return minor


def _decimal_from_text(text: str) -> Decimal:
    cleaned = text.replace(_NBSP, "").replace(_NNBSP, "").replace(" ", "")
    for symbol in ("₸", "KZT", "тг", "tg"):
        cleaned = cleaned.replace(symbol, "")
    if not cleaned:
        raise MoneyError("amount is empty")
    match = _PLAIN_NUMBER.match(cleaned)
    if match is None:
        # Gateway JSON may carry 1e2 or 12.220; Decimal decides, scaling checks the rest.
        try:
            dec = Decimal(cleaned)
        except InvalidOperation:
            raise MoneyError(f"{text!r} is not an amount (write it like 1500 or 1500.50)") from None
        if cleaned.lstrip("+-").lower() in {"nan", "snan", "inf", "infinity"}:
            raise MoneyError(f"amount {text!r} is not a finite number")
        return dec
    whole, frac = match.group(1), match.group(2) or ""
    return Decimal(f"{whole}.{frac}" if frac else whole)


def _currency_exponent(currency: str) -> int:
    try:
        return _EXPONENT[currency]
    except KeyError:
        raise MoneyError(f"unknown currency {currency!r}") from None


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An exact, non-negative amount: integer minor units plus an ISO 4217 currency code."""

    minor: int
    currency: str = "KZT"

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise MoneyError(f"minor units must be an int, not {type(self.minor).__name__}")
        if self.minor < 0:
            raise MoneyError("amount cannot be negative")
        if self.minor > MAX_MINOR:
            raise MoneyError("amount is too large")
        _currency_exponent(self.currency)

    # -- construction -------------------------------------------------------------------

    @classmethod
    def parse(cls, value: object, currency: str = "KZT") -> Money:
        """Money from a decimal amount in major units; see :func:`parse_decimal_amount`."""
        return cls(parse_decimal_amount(value, currency), currency)

    @classmethod
    def zero(cls, currency: str = "KZT") -> Money:
        return cls(0, currency)

    # -- arithmetic (same currency only, never negative) --------------------------------

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        if other.minor > self.minor:
            raise MoneyError("result would be negative")
        return Money(self.minor - other.minor, self.currency)

    def _same_currency(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise MoneyError(f"cannot combine {self.currency} with {other.currency}")

    def __bool__(self) -> bool:
        return self.minor != 0

    # -- representations ----------------------------------------------------------------

    def to_decimal(self) -> Decimal:
        """The amount in major units, exact (``Decimal('1234.56')``)."""
        return Decimal(self.minor).scaleb(-_currency_exponent(self.currency))

    def gateway_str(self) -> str:
        """Decimal text for the gateway: ``1500``, ``1500.5`` style without trailing zeros."""
        exp = _currency_exponent(self.currency)
        whole, frac = divmod(self.minor, 10**exp)
        if frac == 0:
            return str(whole)
        return f"{whole}.{frac:0{exp}d}".rstrip("0")

    def iso(self) -> str:
        """Stable text for logs and files: ``1234.56 KZT``."""
        return f"{self.plain()} {self.currency}"

    def plain(self) -> str:
        """Decimal text with exactly two decimals and a dot: ``1234.56``."""
        exp = _currency_exponent(self.currency)
        whole, frac = divmod(self.minor, 10**exp)
        return f"{whole}.{frac:0{exp}d}"

    def format(self) -> str:
        """Kazakhstan style for people: ``1 234,56 ₸`` (narrow no-break spaces between groups)."""
        exp = _currency_exponent(self.currency)
        whole, frac = divmod(self.minor, 10**exp)
        groups = f"{whole:,}".replace(",", _NNBSP)
        symbol = _SYMBOL.get(self.currency, self.currency)
        return f"{groups},{frac:0{exp}d}{_NBSP}{symbol}"

    def __str__(self) -> str:
        return self.format()
