"""Strict reading and exact writing of gateway amounts (decimal tenge, never floats).

The ledger counts integer tiyn. Requests carry decimal text (``"1500.50"``) or JSON numbers
(read as ``Decimal``); more than two significant decimals are refused, never rounded.
"""

from __future__ import annotations

import re
from decimal import Decimal
from decimal import InvalidOperation
from typing import Final

from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError

__all__ = ["MIN_REFUND", "amount_text", "parse_amount", "to_decimal"]

#: The gateway refuses refunds below 10 KZT (in tiyn).
MIN_REFUND: Final = 1000
_TEXT = re.compile(r"^\s*\d{1,15}(\.\d{1,6})?\s*$")
_MAX: Final = 10**14


def parse_amount(value: object, what: str = "amount", code: int = Code.BAD_AMOUNT) -> int:
    """Tiyn from ``"1500.50"``, ``1500``, ``Decimal("1500.5")``; SandboxError otherwise."""
    if isinstance(value, (bool, float)):
        raise SandboxError(code, f"{what} {value!r} is not an exact decimal number")
    if isinstance(value, int):
        dec = Decimal(value)
    elif isinstance(value, Decimal):
        dec = value
    elif isinstance(value, str) and _TEXT.match(value):
        try:
            dec = Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the regex admits only plain numbers
            raise SandboxError(code, f"{what} {value!r} is not a number") from None
    else:
        raise SandboxError(code, f"{what} {value!r} is not a decimal number like 1500 or 1500.50")
    if not dec.is_finite() or dec < 0:
        raise SandboxError(code, f"{what} {value!r} must be a non-negative finite number")
    scaled = dec.scaleb(2)
    if scaled != scaled.to_integral_value():
        raise SandboxError(code, f"{what} {value!r} has more than 2 decimal places")
    minor = int(scaled)
    if minor > _MAX:
        raise SandboxError(code, f"{what} {value!r} is too large")
    return minor


def to_decimal(minor: int) -> Decimal:
    """Exact decimal tenge with no trailing zeros: 150050 -> 1500.5, 1000 -> 10."""
    whole, frac = divmod(minor, 100)
    if frac == 0:
        return Decimal(whole)
    return Decimal(f"{whole}.{frac:02d}".rstrip("0"))


def amount_text(minor: int) -> str:
    return str(to_decimal(minor))
