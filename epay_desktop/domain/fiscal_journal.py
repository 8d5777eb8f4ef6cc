"""The fiscal journal's records: one fiscal registration (a card sale's receipt, or a refund's return) and
where it stands. Written by ``services/fiscal`` through ``tx.fiscal`` (decision 0124)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from urllib.parse import parse_qs
from urllib.parse import urlsplit

from epay_desktop.domain.money import Money

__all__ = ["FiscalKind", "FiscalRecord", "FiscalState", "KeptReceipt", "ticket_fiscal_sign"]


class FiscalKind(StrEnum):
    SALE = "sale"
    RETURN = "return"


class FiscalState(StrEnum):
    """``INTENT``: written, not yet answered (or not sent: the provider unreachable). ``UNKNOWN``: asked,
    and the answer lost; asked again with the same number. ``NEEDS_PERSON``: refused for a reason only a
    person can remove (a shift past 24 hours, a blocked register, wrong credentials)."""

    INTENT = "intent"
    REGISTERED = "registered"
    UNKNOWN = "unknown"
    NEEDS_PERSON = "needs_person"

    @property
    def is_open(self) -> bool:
        return self is not FiscalState.REGISTERED


@dataclass(frozen=True, slots=True)
class KeptReceipt:
    """What is kept of a registered receipt: what the customer's receipt shows and a return names."""

    check_number: str  # the fiscal sign
    registered_at: str  # ISO 8601 with the register's UTC offset
    registration_number: str  # RNM
    cashbox_number: str  # ZNM
    shift_number: int
    order_number: int | None
    ofd_name: str
    ticket_url: str
    offline: bool


@dataclass(frozen=True, slots=True)
class FiscalRecord:
    id: int
    payment_id: int
    money_op_id: str | None  # the refund a return registers; None for a sale
    kind: FiscalKind
    external_number: str  # the provider's ExternalCheckNumber, derived from our own id
    amount: Money
    state: FiscalState
    attempts: int
    last_error: str | None
    receipt: KeptReceipt | None  # set once registered
    created_at: datetime
    updated_at: datetime
    #: The register it was asked at (its settings' provider:cashbox; decision 0129), written before the
    #: first request; None: not asked yet, or a record from before it was kept (migration 0013).
    asked_at_register: str | None = None
    #: The VAT rate sent with it (None: no VAT), meaningful once ``asked_at_register`` is set (0130).
    vat_percent: int | None = None

    @property
    def keeps_vat(self) -> bool:
        """Whether the VAT rate it was registered with is kept (records from before 0013 keep none)."""
        return self.asked_at_register is not None


def ticket_fiscal_sign(text: str) -> str | None:
    """The fiscal sign in the OFD check link a fiscal receipt's QR holds (``http://{host}?i={sign}&f={RNM}
    &s={total}&t={time}``, fiscal.md 1.11), as a hand scanner types it into the search box; None when
    ``text`` is not such a link (decision 0125)."""
    text = text.strip()
    if not text.lower().startswith(("http://", "https://")):
        return None
    signs = parse_qs(urlsplit(text).query).get("i", [])
    return signs[0] if len(signs) == 1 and signs[0].isascii() and signs[0].isdigit() else None
