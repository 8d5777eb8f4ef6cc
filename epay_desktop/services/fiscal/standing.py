"""Where a payment's fiscal receipt stands, in words for a person (decision 0128): one line per fiscal
record (the sale's receipt, each refund's return), for the payment's detail and its timeline in the
console and for ``epay-desktop payments show``.

Registered: the fiscal sign, the register's shift and the receipt's number in it, at the register's own
time, with the OFD's page to check it. Not answered yet (an intent, or an answer lost): pending, the
console asks again by itself. Refused for a reason only a person can remove: the reason and what to do
(:func:`~.service.needs_person_message`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final
from urllib.parse import urlsplit

from epay_desktop.domain.fiscal_journal import FiscalKind
from epay_desktop.domain.fiscal_journal import FiscalRecord
from epay_desktop.domain.fiscal_journal import FiscalState
from epay_desktop.domain.i18n import QT_TRANSLATE_NOOP
from epay_desktop.domain.i18n import Message
from epay_desktop.domain.i18n import Word
from epay_desktop.domain.i18n import msg

__all__ = ["FiscalStanding", "standing_of"]

_C = "fiscal"
_RECEIPT: Final = {
    FiscalKind.SALE: Word(_C, QT_TRANSLATE_NOOP("fiscal", "Fiscal receipt")),
    FiscalKind.RETURN: Word(_C, QT_TRANSLATE_NOOP("fiscal", "Fiscal return receipt")),
}
_NUMBERED = QT_TRANSLATE_NOOP(
    "fiscal", "{receipt} registered: fiscal sign {sign}, shift {shift}, No. {number}"
)
_UNNUMBERED = QT_TRANSLATE_NOOP("fiscal", "{receipt} registered: fiscal sign {sign}, shift {shift}")
_PENDING = QT_TRANSLATE_NOOP("fiscal", "{receipt} pending (will be retried)")
_REFUSED = QT_TRANSLATE_NOOP("fiscal", "{receipt} not registered")
_OFFLINE = QT_TRANSLATE_NOOP(
    "fiscal",
    "Registered while the cash register was offline: it sends the receipt to the OFD once it is back online.",
)


@dataclass(frozen=True, slots=True)
class FiscalStanding:
    """One fiscal record in words. ``when``: the register's time on a registered receipt, else when the
    console last wrote the record (its own clock; ``register_time`` tells them apart). ``check_url``: the
    OFD's page of a registered receipt ('' when it has none). ``note``: more about a registered one.
    ``reason``: what is wrong and what to do, when a person must act."""

    headline: Message
    when: datetime
    check_url: str = ""
    register_time: bool = False
    note: Message | None = None
    reason: Message | None = None


def standing_of(record: FiscalRecord) -> FiscalStanding:
    """Where ``record`` stands, in words."""
    receipt = _RECEIPT[record.kind]
    kept = record.receipt
    if record.state is FiscalState.REGISTERED and kept is not None:
        template = _UNNUMBERED if kept.order_number is None else _NUMBERED
        headline = msg(
            _C,
            template,
            receipt=receipt,
            sign=kept.check_number,
            shift=kept.shift_number,
            number=kept.order_number,
        )
        at = _register_time(kept.registered_at)
        return FiscalStanding(
            headline,
            at or record.updated_at,
            register_time=at is not None,
            note=msg(_C, _OFFLINE) if kept.offline else None,
            check_url=kept.ticket_url if _web_address(kept.ticket_url) else "",
        )
    # on need: the service loads the store and the provider (``epay-desktop --help`` loads neither)
    from epay_desktop.services.fiscal.service import needs_person_message

    reason = needs_person_message(record)
    if reason is not None:
        return FiscalStanding(msg(_C, _REFUSED, receipt=receipt), record.updated_at, reason=reason)
    return FiscalStanding(msg(_C, _PENDING, receipt=receipt), record.updated_at)


def _register_time(text: str) -> datetime | None:
    """The receipt's time as the register wrote it (ISO 8601 with its offset); None when unreadable."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _web_address(url: str) -> bool:
    """Only a web page is offered to open (the provider's answer names it; never a file or a script)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
