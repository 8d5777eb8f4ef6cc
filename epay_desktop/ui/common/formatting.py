"""Display text for domain values in lists: Kazakhstan local time, masked cards, optional money."""

from __future__ import annotations

import re
from datetime import UTC
from datetime import datetime
from typing import Final
from zoneinfo import ZoneInfo

from epay_desktop.domain import Money

__all__ = ["KAZAKHSTAN", "card_last4", "card_text", "grouped_text", "local_time_text", "money_text"]

#: Kazakhstan moved to one zone (UTC+5) in 2024; tzdata knows, so no offset is hard-coded.
KAZAKHSTAN: Final = ZoneInfo("Asia/Almaty")

_LAST4 = re.compile(r"(\d{4})\D*$")


def local_time_text(when: datetime, tz: ZoneInfo = KAZAKHSTAN) -> str:
    """``15.01.2026 14:30`` in Kazakhstan time (a naive value is taken as UTC)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(tz).strftime("%d.%m.%Y %H:%M")


def card_last4(mask: str | None) -> str:
    """The last four digits of the gateway's card mask (``440563...5096`` -> ``5096``), or ''."""
    if not mask:
        return ""
    match = _LAST4.search(mask)
    return match.group(1) if match else ""


def card_text(mask: str | None) -> str:
    """``•••• 5096``: never more of the card than its last four digits."""
    last4 = card_last4(mask)
    return f"•••• {last4}" if last4 else ""


def money_text(amount: Money | None, *, blank_zero: bool = True) -> str:
    """``1 500,00 ₸``; '' for None (and for zero when ``blank_zero``)."""
    if amount is None or (blank_zero and amount.minor == 0):
        return ""
    return amount.format()


def grouped_text(number: int) -> str:
    """A whole number grouped as the console's money is (``50 000``: narrow no-break spaces), e.g. a
    chart's axis in tenge."""
    return f"{number:,}".replace(",", "\u202f")
