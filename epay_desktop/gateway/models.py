"""Typed results of gateway calls. Amounts are :class:`Money`; ``raw`` keeps the original JSON.

Field names follow epay-api.md in snake_case (``invoiceID`` -> ``invoice_id``, ``cardID`` ->
``card_id``, ``terminalID`` -> ``terminal_id``). Secrets (access tokens, card tokens) are kept out
of ``repr``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from decimal import Decimal
from typing import TypeAlias

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import Money
from epay_desktop.domain import PaymentStatus

__all__ = [
    "AccessToken",
    "CardPaymentResult",
    "OperationResult",
    "PaymentToken",
    "SavedCard",
    "StatusFound",
    "StatusInProgress",
    "StatusNotFound",
    "StatusResult",
    "Transaction",
]


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class AccessToken:
    """An OAuth token as the gateway issued it. ``obtained_at`` is on the monotonic clock."""

    access_token: str = field(repr=False)
    token_type: str
    scope: str
    #: Lifetime in seconds as the gateway stated it (it may send a number or a string).
    expires_in: int
    obtained_at: float
    raw: Mapping[str, object] = field(repr=False)

    @property
    def expires_at(self) -> float:
        """Monotonic time at which the gateway stops accepting the token."""
        return self.obtained_at + self.expires_in

    @property
    def authorization(self) -> str:
        """The ``Authorization`` header value. Never log it."""
        return f"Bearer {self.access_token}"

    def auth_object(self) -> dict[str, object]:
        """The whole token response, JSON-ready, for the payment widget's ``auth`` field.

        The widget needs every field (access_token, expires_in, refresh_token, scope, token_type);
        passing only the access token makes a fresh checkout show as expired (epay-api.md §2.3).
        """
        return {key: _jsonable(value) for key, value in self.raw.items()}


def _jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    return value


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class PaymentToken(AccessToken):
    """An invoice-bound token (variant B): one invoice, one amount, one payment. Never reused."""

    invoice_id: InvoiceId
    amount: Money
    terminal_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Transaction:
    """``transaction`` of a check-status answer (epay-api.md §5.1), every documented field.

    Odd values are kept, not fatal (decision 0034): a ``statusName`` this version does not know
    leaves ``status`` None with the bank's text in ``status_name``; a ``reasonCode`` that is not an
    integer leaves ``reason_code`` None with its text in ``reason_code_text``. ``org_amount`` and
    ``payout_amount`` are None when the bank left them out (never guessed as zero).
    """

    id: str
    invoice_id: str
    created_date: datetime | None
    #: Current net amount: ``org_amount`` minus what was refunded (``payout_amount``).
    amount: Money
    org_amount: Money | None
    payout_amount: Money | None
    amount_bonus: Money
    currency: str
    #: None when ``statusName`` is not one of :class:`PaymentStatus` (see ``status_name``).
    status: PaymentStatus | None
    terminal: str  # 8-digit POS number
    terminal_id: str  # terminal UUID
    account_id: str
    description: str
    language: str
    card_mask: str
    card_type: str
    issuer: str
    reference: str
    approval_code: str
    reason: str
    reason_code: int | None
    int_reference: str
    secure: bool
    secure_details: str
    status_id: str
    name: str
    email: str
    phone: str
    card_id: str
    xls_rrn: str
    data: str
    ip: str
    ip_country: str
    ip_city: str
    ip_region: str
    ip_district: str
    ip_latitude: Decimal | None
    ip_longitude: Decimal | None
    raw: Mapping[str, object] = field(repr=False, compare=False)
    #: ``statusName`` as the bank sent it (``"PARTIAL_REFUND"``, ``""`` shown as JSON); filled from
    #: ``status`` when not given.
    status_name: str = ""
    #: ``reasonCode`` as the bank sent it when it is not an integer (``"05A"``); else None.
    reason_code_text: str | None = None

    def __post_init__(self) -> None:
        if not self.status_name and self.status is not None:
            object.__setattr__(self, "status_name", self.status.value)

    @property
    def status_known(self) -> bool:
        """The console knows what ``statusName`` means."""
        return self.status is not None


@dataclass(frozen=True, slots=True)
class StatusFound:
    """resultCode 100: the gateway has a transaction for the invoice; look at ``transaction.status``."""

    transaction: Transaction
    result_message: str = ""


@dataclass(frozen=True, slots=True)
class StatusNotFound:
    """resultCode 102: no payment attempt for this invoice yet. A state, not an error."""

    invoice_id: str
    result_message: str = ""


@dataclass(frozen=True, slots=True)
class StatusInProgress:
    """resultCode 107: an operation on this invoice is still running; ask again later."""

    invoice_id: str
    result_message: str = ""


StatusResult: TypeAlias = StatusFound | StatusNotFound | StatusInProgress


@dataclass(frozen=True, slots=True, kw_only=True)
class OperationResult:
    """A 2xx answer to charge/cancel/refund/deactivate: the gateway applied the operation.

    The 200 body is undocumented; ``code``/``message`` are taken from it when present (``message``
    is ``status`` for card deactivation) and ``raw`` is the parsed JSON, the text, or None.
    """

    operation: str
    target_id: str
    http_status: int
    code: int | None = None
    message: str = ""
    amount: Money | None = None
    external_id: str | None = None
    raw: object = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class SavedCard:
    """One entry of ``GET /cards/{accountId}`` (PascalCase keys in the JSON)."""

    id: str
    transaction_id: str
    merchant_id: str
    card_hash: str = field(repr=False)
    card_mask: str
    payer_name: str
    reference: str
    int_reference: str
    token: str = field(repr=False)
    terminal: str
    created_date: str
    payment_available: bool
    account_id: str
    raw: Mapping[str, object] = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class CardPaymentResult:
    """A 2xx answer of ``POST /payments/cards/auth`` (saved-card payment)."""

    id: str
    invoice_id: str
    amount: Money | None
    currency: str
    reference: str
    approval_code: str
    card_id: str
    code: str
    status: PaymentStatus | None
    reason_code: int | None
    secure3d: Mapping[str, object] | None
    raw: Mapping[str, object] = field(repr=False, compare=False)

    @property
    def requires_3ds(self) -> bool:
        """The terminal asks for 3-D Secure: the payment is not finished until the ACS step is done."""
        return bool(self.secure3d)
