"""Sane bounds for the dates and whole numbers a person gives (decision 0074). Standard library only.

A date outside :data:`EARLIEST_DATE`..:data:`LATEST_DATE` is a typo (``0001-01-01``, ``9999-12-31``
overflow the day arithmetic and the database's timestamps), not a question about payments: the console
refuses it with the range in the message. Whole numbers (a list's size, an id) are bounded the same way.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from epay_desktop.domain.errors import ConsoleError
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import msg

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "LIST_LIMIT_MAX",
    "MAX_ID",
    "BoundsError",
    "check_date",
    "check_whole_number",
    "parse_date_text",
    "parse_whole_number",
]

#: The console has no payments before 2000 and keeps no plans past 2100.
EARLIEST_DATE: Final = date(2000, 1, 1)
LATEST_DATE: Final = date(2100, 12, 31)
#: The most rows one list or page may ask for.
LIST_LIMIT_MAX: Final = 10_000
#: The largest id a database row can have (a signed 64-bit integer).
MAX_ID: Final = 2**63 - 1

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE = re.compile(r"[0-9]{1,25}")


class BoundsError(ConsoleError, ValueError):
    """A date or number outside what the console accepts; the message gives the range."""


def check_date(day: date) -> date:
    """``day`` when within :data:`EARLIEST_DATE`..:data:`LATEST_DATE`; else :class:`BoundsError`."""
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise BoundsError(
            msg(
                "bounds",
                QT_TRANSLATE_NOOP(
                    "bounds", "The date {day} is outside {earliest} to {latest}; check the year."
                ),
                day=day.isoformat(),
                earliest=EARLIEST_DATE.isoformat(),
                latest=LATEST_DATE.isoformat(),
            )
        )
    return day


def parse_date_text(text: str) -> date:
    """A date written ``YYYY-MM-DD`` (ASCII digits) within the bounds; :class:`BoundsError` otherwise."""
    cleaned = text.strip()
    try:
        if not _ISO_DATE.fullmatch(cleaned):
            raise ValueError(cleaned)
        day = date.fromisoformat(cleaned)
    except ValueError:
        raise BoundsError(
            msg(
                "bounds",
                QT_TRANSLATE_NOOP("bounds", "{text} is not a date; write it like 2024-05-31."),
                text=repr(text),
            )
        ) from None
    return check_date(day)


def check_whole_number(value: int, lowest: int, highest: int) -> int:
    """``value`` when ``lowest <= value <= highest``; else :class:`BoundsError` giving the range."""
    if not lowest <= value <= highest:
        raise BoundsError(
            msg(
                "bounds",
                QT_TRANSLATE_NOOP("bounds", "{value} is outside {lowest} to {highest}."),
                value=value,
                lowest=lowest,
                highest=highest,
            )
        )
    return value


def parse_whole_number(text: str, lowest: int, highest: int) -> int:
    """A whole number in ASCII digits within ``lowest..highest``; :class:`BoundsError` otherwise."""
    cleaned = text.strip()
    if not _WHOLE.fullmatch(cleaned):
        raise BoundsError(
            msg(
                "bounds",
                QT_TRANSLATE_NOOP(
                    "bounds", "{text} is not a whole number from {lowest} to {highest} (digits 0-9 only)."
                ),
                text=repr(text) if len(text) <= 40 else repr(text[:40] + "…"),
                lowest=lowest,
                highest=highest,
            )
        )
    return check_whole_number(int(cleaned), lowest, highest)
