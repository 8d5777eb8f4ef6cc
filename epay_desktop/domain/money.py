"""Money as an integer number of minor units (tiyn for KZT).

Everything inside the console counts money in integer minor units. Decimal values
appear only at the edges: parsing what a person or the gateway wrote, and
formatting for a person, a file or the gateway. Floats are never accepted.

Parsing is strict: more than two decimals, negative values, NaN/infinity,
exponents that hide fractions and absurd sizes are rejected with
:class:`MoneyError`, never rounded. What a PERSON types (the command line's amounts and every
amount field of the console) is read by :func:`parse_amount_text` only: ASCII digits, one
decimal mark, at most two decimals, optional group spaces (decision 0072).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from decimal import InvalidOperation
from typing import Final

from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import msg

__all__ = [
    "MAX_MINOR",
    "Money",
    "MoneyError",
    "parse_amount_text",
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
    """A value cannot be read as an amount of money. The message says why, in plain words.

    Raised with a :class:`Message`, it carries ``message`` and ``user_message`` like the console's own
    errors, so the GUI and the command line show it in the reader's language.
    """

    def __init__(self, text: str | Message) -> None:
        self.message: Message | None = text if isinstance(text, Message) else None
        self.user_message: str = text.text() if isinstance(text, Message) else text
        super().__init__(self.user_message)


#: Digit groups a person may type: ``1500``, ``1 500``, ``1 500 000`` (plain, no-break or narrow
#: no-break spaces between groups of three; the Kazakh locale and Money.format() write the last two).
_GROUP_SPACES: Final = " \u00a0\u202f"
_TYPED_WHOLE = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+|[0-9]+")
_TYPED = re.compile(r"(?P<whole>[0-9][0-9 \u00a0\u202f]*)?(?:(?P<mark>[.,])(?P<frac>[0-9]*))?")
#: The example every refusal of a typed amount gives.
_AMOUNT_EXAMPLE: Final = "1500, 1500.50, 1 500,50"


def _typed_error(template: str, **args: object) -> MoneyError:
    return MoneyError(msg("money", template, example=_AMOUNT_EXAMPLE, **args))


def parse_amount_text(text: str, currency: str = "KZT") -> int:
    """Minor units (tiyn) of an amount as a person typed it; :class:`MoneyError` saying why otherwise.

    Accepted: ASCII digits; optional spaces between groups of three digits (plain, no-break or narrow
    no-break: what Money.format() and the Kazakh locale write); one decimal mark, ``.`` or ``,``, with
    at most two decimals after it; spaces around the whole; a trailing ``₸`` (an amount copied from
    the console itself). Nothing else: no sign, exponent, underscore, other script's digits, letters,
    or a second mark. Zero is an amount here (the caller decides whether it may be zero). Never a
    float; the value is built from the digits with integer arithmetic.
    """
    exponent = _currency_exponent(currency)
    if not isinstance(text, str):
        raise MoneyError(f"amount of type {type(text).__name__} is not text")
    stripped = text.strip(" \t" + _GROUP_SPACES)
    if stripped.endswith("₸"):
        stripped = stripped[:-1].rstrip(_GROUP_SPACES)
    if not stripped:
        raise _typed_error(QT_TRANSLATE_NOOP("money", "The amount is empty. Write it like {example}."))
    for ch in stripped:
        if ch.isdigit() and not ("0" <= ch <= "9"):
            raise _typed_error(
                QT_TRANSLATE_NOOP(
                    "money",
                    "The amount {text} has a digit that is not 0-9 ({char}). Write it like {example}.",
                ),
                text=repr(text),
                char=f"U+{ord(ch):04X}",
            )
    if stripped[0] in "+-":
        raise _typed_error(
            QT_TRANSLATE_NOOP(
                "money", "The amount {text} has a sign (+ or -); an amount has none. Write it like {example}."
            ),
            text=repr(text),
        )
    match = _TYPED.fullmatch(stripped)
    if match is None or (match["whole"] is None and not match["frac"]):
        raise _typed_error(
            QT_TRANSLATE_NOOP(
                "money",
                "{text} is not an amount: only digits 0-9, group spaces and one decimal mark (. or ,) "
                "are allowed. Write it like {example}.",
            ),
            text=repr(text),
        )
    whole = (match["whole"] or "0").rstrip(_GROUP_SPACES)
    if whole != (match["whole"] or "0") or not _TYPED_WHOLE.fullmatch(whole):
        raise _typed_error(
            QT_TRANSLATE_NOOP(
                "money",
                "The amount {text} has spaces that do not separate groups of three digits. "
                "Write it like {example}.",
            ),
            text=repr(text),
        )
    frac = match["frac"] or ""
    if len(frac) > exponent:
        raise _typed_error(
            QT_TRANSLATE_NOOP(
                "money", "The amount {text} has more than {places} decimals. Write it like {example}."
            ),
            text=repr(text),
            places=exponent,
        )
    digits = "".join(ch for ch in whole if ch.isascii() and ch.isdigit())
    if len(digits.lstrip("0")) > 15:
        raise _typed_error(
            QT_TRANSLATE_NOOP("money", "The amount {text} is too large. Write it like {example}."),
            text=repr(text),
        )
    minor: int = int(digits) * 10**exponent + int(frac.ljust(exponent, "0") or "0")
    if minor > MAX_MINOR:
        raise _typed_error(
            QT_TRANSLATE_NOOP("money", "The amount {text} is too large. Write it like {example}."),
            text=repr(text),
        )
    return minor


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
    def from_text(cls, text: str, currency: str = "KZT") -> Money:
        """Money as a person typed it; see :func:`parse_amount_text` (the CLI's and the GUI's parser)."""
        return cls(parse_amount_text(text, currency), currency)

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
