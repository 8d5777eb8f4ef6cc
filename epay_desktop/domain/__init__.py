"""Domain values of the console: money, invoice ids, payment statuses. Standard library only."""

from epay_desktop.domain.errors import AccountLocked
from epay_desktop.domain.errors import ApprovalError
from epay_desktop.domain.errors import AuthenticationFailed
from epay_desktop.domain.errors import ConsoleError
from epay_desktop.domain.errors import NotFoundError
from epay_desktop.domain.errors import OperationInProgress
from epay_desktop.domain.errors import PermissionDenied
from epay_desktop.domain.errors import RuleViolation
from epay_desktop.domain.errors import StaleRemaining
from epay_desktop.domain.invoice import INVOICE_MAX_DIGITS
from epay_desktop.domain.invoice import INVOICE_MIN_DIGITS
from epay_desktop.domain.invoice import InvoiceId
from epay_desktop.domain.invoice import InvoiceIdError
from epay_desktop.domain.money import MAX_MINOR
from epay_desktop.domain.money import Money
from epay_desktop.domain.money import MoneyError
from epay_desktop.domain.money import parse_decimal_amount
from epay_desktop.domain.records import ConsoleStatus
from epay_desktop.domain.records import Discrepancy
from epay_desktop.domain.records import GatewaySnapshot
from epay_desktop.domain.records import MoneyOp
from epay_desktop.domain.records import OpKind
from epay_desktop.domain.records import OpState
from epay_desktop.domain.records import Payment
from epay_desktop.domain.records import PaymentEvent
from epay_desktop.domain.records import PaymentEventKind
from epay_desktop.domain.records import Role
from epay_desktop.domain.records import User
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
