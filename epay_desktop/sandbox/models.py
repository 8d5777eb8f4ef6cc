"""The values the payment page and the state exchange (the hosted page's interface)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING
from typing import Literal

if TYPE_CHECKING:
    from epay_desktop.sandbox.ledger import Transaction

__all__ = ["AttemptResult", "CardInput", "Checkout", "CheckoutInfo", "Order", "PostLinks", "SavedCardPayment"]


@dataclass(frozen=True)
class CardInput:
    pan: str  # digits, spaces allowed
    expiry: str  # "MM/YY"
    cvc: str
    name: str


@dataclass(frozen=True)
class Order:
    """What the payment object says about the order and its payer. The transaction keeps its latest
    attempt's (with the cardholder's name) and echoes it in check-status, answers and postLinks."""

    description: str = ""
    account_id: str = ""
    email: str = ""
    phone: str = ""
    name: str = ""
    language: str = "rus"
    data: str = ""

    @classmethod
    def read(cls, get: Callable[[str], str]) -> Order:
        """The order as the payment object's keys say it; ``get(key)`` is "" for a key not sent."""
        return cls(
            description=get("description"),
            account_id=get("accountId"),
            email=get("email"),
            phone=get("phone"),
            name=get("name"),
            language=get("language") or "rus",
            data=get("data"),
        )


@dataclass(frozen=True)
class PostLinks:
    """Where the gateway posts an attempt's result: ``success`` (``postLink``) after an approval,
    ``failure`` (``failurePostLink``) after a decline. Given with the payment token and again in the
    payment object, whose links win."""

    success: str = ""
    failure: str = ""

    @classmethod
    def read(cls, get: Callable[[str], str]) -> PostLinks:
        """The links as the token request's or payment object's keys say them (``get`` as in Order.read)."""
        return cls(success=get("postLink"), failure=get("failurePostLink"))


@dataclass(frozen=True)
class Checkout:
    invoice_id: str
    access_token: str
    amount: str  # decimal text as in the payment object
    currency: str
    terminal: str
    order: Order = Order()
    card_save: bool = False
    post_links: PostLinks = PostLinks()


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
    challenge_id: str | None  # the MD of a pending 3-D Secure step
    card_id: str | None
    pa_req: str | None = None  # with needs_3ds: what to post to the ACS along with MD
    reference: str = ""  # the bank's reference of an approved attempt
    attempts_left: int = 0  # declined: further attempts this invoice allows while its token lives


@dataclass(frozen=True)
class SavedCardPayment:
    """``/payments/cards/auth``'s outcome: the transaction, and for a 3-D Secure card the pending
    challenge (``md``/``pa_req``) the client must take to the ACS."""

    txn: Transaction
    md: str = ""
    pa_req: str = ""
