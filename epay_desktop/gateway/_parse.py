"""Strict readers for gateway JSON. Internal: callers turn :class:`BodyError` into the right EpayError.

JSON is decoded with ``parse_float=Decimal`` (and ``NaN``/``Infinity`` become Decimal too, so money
parsing rejects them), so no amount ever passes through a binary float. Integers stay ``int``,
which is already exact. Amounts may be JSON numbers or numeric strings; more than two decimals,
negatives, non-finite values, booleans and other types are rejected, never rounded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from datetime import tzinfo
from decimal import Decimal
from decimal import InvalidOperation
from typing import Final
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError

from epay_desktop.domain import Money
from epay_desktop.domain import MoneyError

__all__ = [
    "KZ_SINCE_2024",
    "BodyError",
    "almaty_time",
    "decode_json",
    "get_bool",
    "get_datetime",
    "get_decimal",
    "get_int",
    "get_money",
    "get_reason_code",
    "get_text",
    "raw_text",
    "require_mapping",
    "to_int",
]

_NUMERIC_TEXT: Final = re.compile(r"^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$")
_TRUE: Final = frozenset({"true", "yes", "y", "1"})
_FALSE: Final = frozenset({"false", "no", "n", "0", ""})


class BodyError(ValueError):
    """The body is not what the documented API sends. The message names the field, never its secret."""


def decode_json(content: bytes) -> object:
    """Parse a response body; floats and NaN/Infinity become ``Decimal``."""
    try:
        text = content.decode("utf-8-sig")
        return json.loads(text, parse_float=Decimal, parse_constant=Decimal)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BodyError(f"body is not valid JSON ({type(exc).__name__})") from None


def require_mapping(value: object, what: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise BodyError(f"{what} is not a JSON object")
    return value


def get_money(obj: Mapping[str, object], key: str, currency: str, *, required: bool = True) -> Money:
    """Money from a JSON number or numeric string; a missing optional field is zero."""
    value = obj.get(key)
    if value is None:
        if required:
            raise BodyError(f"{key} is missing")
        return Money.zero(currency)
    return parse_amount(value, key, currency)


def parse_amount(value: object, key: str, currency: str) -> Money:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise BodyError(f"{key} is not a number")
    if isinstance(value, str):
        text = value.strip()
        if not _NUMERIC_TEXT.match(text):
            raise BodyError(f"{key} {value!r} is not a plain decimal number")
        try:
            value = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the regex admits only valid text
            raise BodyError(f"{key} {value!r} is not a number") from None
    try:
        return Money.parse(value, currency)
    except (MoneyError, ArithmeticError) as exc:
        raise BodyError(f"{key}: {exc}") from None


def get_text(obj: Mapping[str, object], key: str, *, required: bool = False) -> str:
    """A string field. Missing or null is ``""``; integers become their digits."""
    value = obj.get(key)
    if value is None:
        if required:
            raise BodyError(f"{key} is missing")
        return ""
    if isinstance(value, bool):
        raise BodyError(f"{key} is a boolean, expected text")
    if isinstance(value, str):
        text = value
    elif isinstance(value, int) or (isinstance(value, Decimal) and value.is_finite()):
        text = str(value)
    elif isinstance(value, (Mapping, list)) and key == "data":
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        raise BodyError(f"{key} has type {type(value).__name__}, expected text")
    if required and not text:
        raise BodyError(f"{key} is empty")
    return text


def to_int(value: object, key: str) -> int | None:
    """An integer from ``0``, ``"0"`` or an integral Decimal; ``None``/``""`` are None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BodyError(f"{key} is a boolean, expected an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]{1,18}", value.strip()):
        return int(value.strip())
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    raise BodyError(f"{key} {value!r} is not an integer")


def get_int(obj: Mapping[str, object], key: str) -> int | None:
    return to_int(obj.get(key), key)


def get_bool(obj: Mapping[str, object], key: str) -> bool:
    """``true``/``false`` or the texts ``"true"``/``"yes"``/``"1"``...; missing is False."""
    value = obj.get(key)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    raise BodyError(f"{key} {value!r} is not a yes/no value")


def get_decimal(obj: Mapping[str, object], key: str) -> Decimal | None:
    """A non-money number (coordinates): JSON number or numeric text, None if absent."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BodyError(f"{key} is a boolean, expected a number")
    try:
        result = Decimal(value) if isinstance(value, (int, str, Decimal)) else None
    except InvalidOperation:
        result = None
    if result is None or not result.is_finite():
        raise BodyError(f"{key} {value!r} is not a number")
    return result


def get_datetime(obj: Mapping[str, object], key: str, *, required: bool = False) -> datetime | None:
    """An ISO-8601 timestamp (``2022-11-15T03:52:17.289853+06:00``, ``...Z``).

    A timestamp without an offset is the bank's local time: Kazakhstan, read by :func:`almaty_time`
    (decision 0034). An unreadable one is a :class:`BodyError`.
    """
    text = get_text(obj, key)
    if not text:
        if required:
            raise BodyError(f"{key} is missing")
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BodyError(f"{key} {text!r} is not an ISO-8601 timestamp") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        return almaty_time(moment.replace(tzinfo=None))
    return moment


#: Kazakhstan has been on one zone, UTC+5, since 2024-03-01 00:00 local time. The offset is fixed
#: here for those dates so that a machine with an older tzdata (which still says +6) reads them right.
KZ_SINCE_2024: Final = timezone(timedelta(hours=5), "Asia/Almaty")
_KZ_SINGLE_ZONE_FROM: Final = datetime(2024, 3, 1)
#: Before 2024-03-01 Almaty was +6 (since 2004); used only when no tzdata is installed.
_KZ_BEFORE_2024: Final = timezone(timedelta(hours=6), "Asia/Almaty")


def almaty_time(local: datetime) -> datetime:
    """A naive Kazakhstan wall-clock time as an aware datetime.

    On or after 2024-03-01 00:00: +05:00 (fixed). Before: the ``Asia/Almaty`` rules of the installed
    tzdata (+06:00 from 2004, with the older summer time before), or +06:00 without tzdata.
    """
    if local >= _KZ_SINGLE_ZONE_FROM:
        return local.replace(tzinfo=KZ_SINCE_2024)
    try:
        zone: tzinfo = ZoneInfo("Asia/Almaty")
    except (ZoneInfoNotFoundError, ValueError):  # pragma: no cover - tzdata is a dependency
        zone = _KZ_BEFORE_2024
    return local.replace(tzinfo=zone)


def raw_text(value: object) -> str:
    """Any JSON value as the bank sent it, for showing: text as is, anything else as JSON (``null``)."""
    if isinstance(value, str) and value.strip():
        return value.strip()[:200]
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    try:
        return json.dumps(value, ensure_ascii=False, default=str)[:200]
    except (TypeError, ValueError):  # pragma: no cover - decode_json gives only JSON types
        return type(value).__name__


def get_reason_code(obj: Mapping[str, object], key: str) -> tuple[int | None, str | None]:
    """``reasonCode`` as (integer code, raw text): an integer (any, known or not) is the code; a value
    that is not an integer (``"05A"``, ``12.5``, ``true``) is kept as text with no code; missing,
    ``null`` or ``""`` is neither. Never raises: a decline reason is not worth losing the payment over.
    """
    value = obj.get(key)
    try:
        return to_int(value, key), None
    except BodyError:
        return None, raw_text(value)
