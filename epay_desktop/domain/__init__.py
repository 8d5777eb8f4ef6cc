"""Domain values of the console: money, invoice ids, payment statuses. Standard library only."""

from epay_desktop.domain.errors import (
    AccountLocked,
    ApprovalError,
    AuthenticationFailed,
    ConsoleError,
    NotFoundError,
    OperationInProgress,
    PermissionDenied,
    RuleViolation,
    StaleRemaining,
)
from epay_desktop.domain.invoice import INVOICE_MAX_DIGITS, INVOICE_MIN_DIGITS, InvoiceId, InvoiceIdError
from epay_desktop.domain.money import MAX_MINOR, Money, MoneyError, parse_decimal_amount
from epay_desktop.domain.records import (
    ConsoleStatus,
    Discrepancy,
    GatewaySnapshot,
    MoneyOp,
    OpKind,
    OpState,
    Payment,
    PaymentEvent,
    PaymentEventKind,
    Role,
    User,
)
from epay_desktop.domain.status import PaymentStatus

__all__ = [
    "INVOICE_MAX_DIGITS",
    "INVOICE_MIN_DIGITS",
    "MAX_MINOR",
    "AccountLocked",
    "ApprovalError",
    "AuthenticationFailed",
    "ConsoleError",
    "ConsoleStatus",
    "Discrepancy",
    "GatewaySnapshot",
    "InvoiceId",
    "InvoiceIdError",
    "Money",
    "MoneyError",
    "MoneyOp",
    "NotFoundError",
    "OpKind",
    "OpState",
    "OperationInProgress",
    "Payment",
    "PaymentEvent",
    "PaymentEventKind",
    "PaymentStatus",
    "PermissionDenied",
    "Role",
    "RuleViolation",
    "StaleRemaining",
    "User",
    "parse_decimal_amount",
]
