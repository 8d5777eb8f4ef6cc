"""What the console keeps about payments, money operations, users and receipts.

These frozen records are what the store returns and what services and the UI pass
around; they hold no database session and no gateway types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from epay_desktop.domain.invoice import InvoiceId
from epay_desktop.domain.money import Money

__all__ = [
    "ConsoleStatus",
    "Discrepancy",
    "GatewaySnapshot",
    "MoneyOp",
    "OpKind",
    "OpState",
    "Payment",
    "PaymentEvent",
    "PaymentEventKind",
    "Role",
    "User",
]


class ConsoleStatus(StrEnum):
    """A payment's status as the console knows it.

    The gateway's own words (``statusName``) plus three local ones: ``PENDING`` (a payment
    token was issued and the customer has not finished; the gateway answers 102 or NEW),
    ``UNKNOWN`` (the console could not learn the outcome yet) and ``EXPIRED`` (the token
    ran out and the gateway confirmed that no attempt was made). ``NEW`` is also the
    local status of a payment saved before its token was obtained.
    """

    NEW = "NEW"
    PENDING = "PENDING"
    UNKNOWN = "UNKNOWN"
    EXPIRED = "EXPIRED"
    FINGERPRINT = "FINGERPRINT"
    THREE_DS = "3D"
    AUTH = "AUTH"
    CHARGE = "CHARGE"
    CANCEL = "CANCEL"
    CANCEL_OLD = "CANCEL_OLD"
    REFUND = "REFUND"
    REJECT = "REJECT"
    FAILED = "FAILED"
    VERIFIED = "VERIFIED"
    #: Local marks over an unpaid payment (docs/decisions/0018): the cashier cancelled the sale, or the
    #: gateway's page could not load at all. Checked with the bank until the token expires (a late
    #: CHARGE/AUTH wins), then final.
    CASHIER_CANCEL = "CASHIER_CANCEL"
    PAGE_FAILED = "PAGE_FAILED"

    @property
    def needs_polling(self) -> bool:
        """The gateway may still change this payment by itself (customer paying, hold expiring)."""
        return self in _POLLED

    @property
    def stopped_at_counter(self) -> bool:
        """A local mark (cashier cancelled, page failed): polled only while its payment token lives."""
        return self in (ConsoleStatus.CASHIER_CANCEL, ConsoleStatus.PAGE_FAILED)


_POLLED = frozenset(
    {
        ConsoleStatus.NEW,
        ConsoleStatus.PENDING,
        ConsoleStatus.UNKNOWN,
        ConsoleStatus.FINGERPRINT,
        ConsoleStatus.AUTH,
    }
)


class OpKind(StrEnum):
    CHARGE = "CHARGE"
    CANCEL = "CANCEL"
    REFUND = "REFUND"


class OpState(StrEnum):
    """Life of a money operation (docs/reliability.md).

    SENDING: intent committed, request about to leave or in flight.
    SUCCEEDED / FAILED: final; FAILED means the gateway did not apply it.
    UNKNOWN: the answer was lost; only check-status may resolve it, never a re-send.
    NEEDS_REVIEW: check-status could not say; a manager decides. Blocks new operations.
    """

    SENDING = "SENDING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    UNKNOWN = "UNKNOWN"
    NEEDS_REVIEW = "NEEDS_REVIEW"

    @property
    def is_unresolved(self) -> bool:
        return self in (OpState.SENDING, OpState.UNKNOWN, OpState.NEEDS_REVIEW)


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"

    @property
    def can_move_money(self) -> bool:
        """Charge, cancel and refund without someone else's approval."""
        return self in (Role.MANAGER, Role.ADMIN)


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: Role
    active: bool
    failed_attempts: int
    locked_until: datetime | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Payment:
    id: int
    invoice_id: InvoiceId
    amount: Money  # what the customer was asked to pay
    status: ConsoleStatus
    description: str
    email: str | None
    phone: str | None
    account_id: str | None
    save_card: bool
    language: str
    register_id: str
    created_by: int | None
    created_at: datetime
    updated_at: datetime
    transaction_id: str | None
    gateway_amount: Money | None  # the gateway's current `amount` (after charges/refunds)
    org_amount: Money | None
    payout_amount: Money | None  # refunded so far, per the gateway
    card_mask: str | None
    card_type: str | None
    card_id: str | None
    reference: str | None  # RRN
    approval_code: str | None
    reason: str | None
    reason_code: int | None
    token_expires_at: datetime | None
    next_poll_at: datetime | None
    last_polled_at: datetime | None
    version: int
    #: When the bank says the payment happened (check-status ``createdDate``); None until it said so
    bank_time: datetime | None = None
    bank_status: str | None = None  # a statusName this console does not know, kept as the bank sent it
    reason_code_text: str | None = None  # a reasonCode that is not an integer, kept as the bank sent it


@dataclass(frozen=True, slots=True)
class MoneyOp:
    id: str  # also the externalID sent with refunds
    payment_id: int
    kind: OpKind
    amount: Money
    state: OpState
    expected_remaining: Money | None
    requested_by: int
    approved_by: int | None
    reason: str | None
    gateway_code: int | None
    gateway_message: str | None
    created_at: datetime
    sent_at: datetime | None
    resolved_at: datetime | None
    # what the gateway showed when the intent was made (its refunded total and status):
    # check-status answers are compared with these to tell whether this operation was applied
    base_payout: Money | None = None
    base_status: ConsoleStatus | None = None
    attempts: int = 0  # requests sent for this operation (a manager's retry adds one, same externalID)
    # the register (counter) where it was asked, whose shift counts it; None: at the payment's (0119)
    register_id: str | None = None


@dataclass(frozen=True, slots=True)
class GatewaySnapshot:
    """What check-status said about a payment, in domain terms (the store never sees gateway types).

    ``amount`` is the gateway's current net amount (after partial charges and refunds),
    ``org_amount`` the originally authorised one, ``payout_amount`` the refunded total.
    """

    status: ConsoleStatus
    observed_at: datetime
    transaction_id: str | None = None
    amount: Money | None = None
    org_amount: Money | None = None
    payout_amount: Money | None = None
    card_mask: str | None = None
    card_type: str | None = None
    card_id: str | None = None
    reference: str | None = None
    approval_code: str | None = None
    reason: str | None = None
    reason_code: int | None = None
    bank_time: datetime | None = None  # the transaction's ``createdDate``: the bank's own time
    bank_status: str | None = None  # the raw statusName when this console does not know it
    reason_code_text: str | None = None  # the raw reasonCode when it is not an integer


class PaymentEventKind(StrEnum):
    ATTEMPT = "attempt"  # a customer's card attempt that ended (declined or approved), as first seen
    EXTERNAL_REFUND = "external_refund"  # money refunded outside this console (the bank's cabinet)


@dataclass(frozen=True, slots=True)
class PaymentEvent:
    """Something the bank did to a payment that the payment row alone cannot show (table payment_events).

    ``at``: this console's clock when it was seen; ``bank_time``: the bank's own time, if it said one.
    ``status``: the bank's statusName of an attempt; ``amount``: an outside refund's amount.
    """

    id: int
    payment_id: int
    kind: PaymentEventKind
    at: datetime
    bank_time: datetime | None = None
    status: str | None = None
    amount: Money | None = None
    reason_code: int | None = None
    reason: str | None = None
    card_mask: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """The console's books and the bank's disagree about one payment (table discrepancies).

    ``kind`` names what disagrees (e.g. ``refunded``, ``charged``); ``console`` / ``bank`` are the two
    amounts when last seen. Open while ``resolved_at`` is None; a manager resolves it.
    """

    id: int
    payment_id: int
    kind: str
    console: Money | None
    bank: Money | None
    detail: str
    detected_at: datetime
    last_seen_at: datetime
    resolved_at: datetime | None = None
    resolved_by: int | None = None
    resolution: str | None = None

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
