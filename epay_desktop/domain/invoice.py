"""Invoice ids as the gateway wants them.

The gateway accepts 6 to 15 ASCII digits. When an id is longer than six digits its
last six digits must also be unique among the merchant's invoices, so two ids that
share a tail collide at the gateway even though they differ. The allocator that
guarantees that comes with the store; this module only states and checks the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["INVOICE_MAX_DIGITS", "INVOICE_MIN_DIGITS", "InvoiceId", "InvoiceIdError"]

INVOICE_MIN_DIGITS: Final = 6
INVOICE_MAX_DIGITS: Final = 15
_DIGITS = re.compile(r"^[0-9]{6,15}$")


class InvoiceIdError(ValueError):
    """Text that is not a valid invoice id; the message says what is wrong."""


@dataclass(frozen=True, order=True, slots=True)
class InvoiceId:
    """A gateway invoice id: 6-15 ASCII digits, leading zeros significant."""

    value: str

    def __post_init__(self) -> None:
        if not isinstance(self.value, str):
            raise InvoiceIdError(f"invoice id must be text, not {type(self.value).__name__}")
        if not _DIGITS.match(self.value):
            raise InvoiceIdError(
                f"invoice id {self.value!r} must be {INVOICE_MIN_DIGITS} to {INVOICE_MAX_DIGITS} digits"
            )

    @classmethod
    def parse(cls, text: str) -> InvoiceId:
        """Invoice id from what a person typed: surrounding spaces are ignored."""
        return cls(text.strip())

    @classmethod
    def from_number(cls, number: int, width: int = 9) -> InvoiceId:
        """Zero-padded id from a counter value (``from_number(42)`` -> ``000000042``)."""
        if number < 0:
            raise InvoiceIdError("invoice counter cannot be negative")
        if not INVOICE_MIN_DIGITS <= width <= INVOICE_MAX_DIGITS:
            raise InvoiceIdError(f"width must be {INVOICE_MIN_DIGITS}..{INVOICE_MAX_DIGITS}")
        text = f"{number:0{width}d}"
        return cls(text)

    @property
    def tail(self) -> str:
        """The last six digits, which the gateway requires to be unique."""
        return self.value[-INVOICE_MIN_DIGITS:]

    def __str__(self) -> str:
        return self.value
