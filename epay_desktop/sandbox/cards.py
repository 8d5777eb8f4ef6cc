"""Test cards and saved cards.

The published test PANs behave as the bank's documentation says (epay-api.md section 13);
``4111 1111 1111 1111`` asks for 3-D Secure. Any other number that passes the Luhn check is
"no such card" (471). Saved cards are kept per account id and terminal.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Final
from typing import Literal

from epay_desktop.sandbox.errors import Code
from epay_desktop.sandbox.errors import SandboxError

__all__ = [
    "TEST_CARD_3DS",
    "TEST_CARD_DECLINED",
    "TEST_CARD_MASTERCARD",
    "TEST_CARD_RESTRICTED",
    "TEST_CARD_VISA",
    "THREE_DS_CODE",
    "CardBehaviour",
    "CardVault",
    "MaskedCard",
    "SavedCard",
    "behaviour_of",
    "card_mask",
    "card_type",
    "check_cvc",
    "expiry_passed",
    "normalize_pan",
    "pan_valid",
]

#: The one-time code that passes the sandbox's 3-D Secure step.
THREE_DS_CODE: Final = "000000"
ISSUER: Final = "JSC HALYK BANK (SANDBOX)"

#: The published test cards, as a person would type them.
TEST_CARD_VISA: Final = "4405 6397 0401 5096"  # approved
TEST_CARD_MASTERCARD: Final = "5522 0427 0506 6736"  # approved
TEST_CARD_DECLINED: Final = "4003 0327 0454 7597"  # REJECT, reasonCode 465
TEST_CARD_RESTRICTED: Final = "5578 3427 1075 0560"  # REJECT, reasonCode 479
TEST_CARD_3DS: Final = "4111 1111 1111 1111"  # asks for 3-D Secure


@dataclass(frozen=True, slots=True)
class CardBehaviour:
    kind: Literal["approve", "decline", "3ds"]
    reason_code: int = 0
    reason: str = "success"


_TEST_CARDS: Final = {
    "4405639704015096": CardBehaviour("approve"),
    "5522042705066736": CardBehaviour("approve"),
    "4003032704547597": CardBehaviour("decline", 465, "card restricted"),
    "5578342710750560": CardBehaviour("decline", 479, "restricted card"),
    "4111111111111111": CardBehaviour("3ds"),
}
_NO_SUCH_CARD: Final = CardBehaviour("decline", 471, "no such card")
_EXPIRY = re.compile(r"^\s*(\d{2})\s*/\s*(\d{2})\s*$")


def normalize_pan(text: str) -> str:
    """Digits of a typed card number; SandboxError 840 unless 12-19 digits passing Luhn."""
    pan = re.sub(r"[\s-]", "", text)
    if not pan_valid(pan):
        raise SandboxError(Code.BAD_CARD_NUMBER, "card number is not valid")
    return pan


def pan_valid(pan: str) -> bool:
    """12 to 19 digits passing the Luhn check (what the payment page checks too, payform_input.py)."""
    return pan.isascii() and pan.isdigit() and 12 <= len(pan) <= 19 and _luhn_ok(pan)


def _luhn_ok(pan: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(pan)):
        digit = int(ch)
        if i % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def expiry_passed(expiry: str, now: datetime) -> bool:
    """Whether an ``MM/YY`` card has expired (cards are valid to the end of their month)."""
    match = _EXPIRY.match(expiry)
    if match is None or not 1 <= int(match.group(1)) <= 12:
        raise SandboxError(Code.BAD_EXPIRY, "expiry must be MM/YY with month 01-12")
    month, year = int(match.group(1)), 2000 + int(match.group(2))
    return (year, month) < (now.year, now.month)


def check_cvc(cvc: str) -> None:
    if not re.fullmatch(r"\d{3,4}", cvc.strip()):
        raise SandboxError(Code.BAD_CVC, "CVC must be 3 or 4 digits")


def behaviour_of(pan: str) -> CardBehaviour:
    return _TEST_CARDS.get(pan, _NO_SUCH_CARD)


def card_mask(pan: str) -> str:
    return f"{pan[:6]}...{pan[-4:]}"


def card_type(pan: str) -> str:
    if pan.startswith("4"):
        return "VISA"
    if pan[:2] in {"51", "52", "53", "54", "55"} or "2221" <= pan[:4] <= "2720":
        return "MASTERCARD"
    if pan[:2] in {"34", "37"}:
        return "AMEX"
    return "UNKNOWN"


@dataclass(frozen=True, slots=True)
class MaskedCard:
    """The card of an attempt as the gateway shows it (never the full number)."""

    mask: str = ""
    type: str = ""
    issuer: str = ""

    @classmethod
    def of(cls, pan: str) -> MaskedCard:
        return cls(card_mask(pan), card_type(pan), ISSUER)


@dataclass(slots=True)
class SavedCard:
    id: str
    pan: str
    account_id: str
    terminal_id: str
    payer_name: str
    transaction_id: str
    reference: str
    int_reference: str
    created: datetime
    active: bool = True

    @property
    def mask(self) -> str:
        return card_mask(self.pan)

    @property
    def card_hash(self) -> str:
        return hashlib.sha256(f"sandbox:{self.pan}".encode()).hexdigest().upper()[:40]


class CardVault:
    def __init__(self) -> None:
        self._cards: dict[str, SavedCard] = {}

    def save(self, card: SavedCard) -> SavedCard:
        """Store a card; the same PAN already active for this account keeps its id."""
        for known in self._cards.values():
            if known.active and (known.pan, known.account_id, known.terminal_id) == (
                card.pan,
                card.account_id,
                card.terminal_id,
            ):
                return known
        self._cards[card.id] = card
        return card

    @staticmethod
    def new_id() -> str:
        return str(uuid.uuid4())

    def active_for(self, account_id: str, terminal_id: str) -> list[SavedCard]:
        return [
            c
            for c in self._cards.values()
            if c.active and c.account_id == account_id and c.terminal_id == terminal_id
        ]

    def get(self, card_id: str, terminal_id: str) -> SavedCard:
        card = self._cards.get(card_id)
        if card is None or card.terminal_id != terminal_id:
            raise SandboxError(Code.NO_CARD, f"no saved card {card_id!r}", 404)
        return card

    def deactivate(self, card_id: str, terminal_id: str) -> None:
        card = self.get(card_id, terminal_id)
        if not card.active:
            raise SandboxError(Code.CARD_DEACTIVATED, "card is already deactivated")
        card.active = False

    def clear(self) -> None:
        self._cards.clear()
