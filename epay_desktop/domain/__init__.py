"""Domain values of the console: money, invoice ids, payment statuses. Standard library only."""

from .invoice import INVOICE_MAX_DIGITS, INVOICE_MIN_DIGITS, InvoiceId, InvoiceIdError
from .money import MAX_MINOR, Money, MoneyError, parse_decimal_amount
from .status import PaymentStatus

__all__ = [
    "INVOICE_MAX_DIGITS",
    "INVOICE_MIN_DIGITS",
    "MAX_MINOR",
    "InvoiceId",
    "InvoiceIdError",
    "Money",
    "MoneyError",
    "PaymentStatus",
    "parse_decimal_amount",
]
