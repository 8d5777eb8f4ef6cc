"""The values the payment page and the state exchange (the hosted page's interface)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

__all__ = ["AttemptResult", "CardInput", "Checkout", "CheckoutInfo"]


@dataclass(frozen=True)
class CardInput:
    pan: str  # digits, spaces allowed
    expiry: str  # "MM/YY"
    cvc: str
    name: str


@dataclass(frozen=True)
class Checkout:
    invoice_id: str
    access_token: str
    amount: str  # decimal text as in the payment object
    currency: str
    terminal: str
    description: str = ""
    account_id: str = ""
    email: str = ""
    phone: str = ""
    name: str = ""
    language: str = "rus"
    card_save: bool = False
    data: str = ""
    post_link: str = ""
    failure_post_link: str = ""


@dataclass(frozen=True)
class CheckoutInfo:
    invoice_id: str
    amount: Decimal
    currency: str
    description: str
    shop_name: str
    expires_at: datetime


@dataclass(frozen=True)
class AttemptResult:
    outcome: Literal["approved", "declined", "needs_3ds"]
    invoice_id: str
    transaction_id: str
    status: str  # statusName
    reason_code: int  # 0 when approved
    reason: str
    challenge_id: str | None
    card_id: str | None
