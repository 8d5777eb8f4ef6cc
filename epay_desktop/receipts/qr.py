"""What the QR code on a receipt says, and how a scanner reads it back.

Format (docs/decisions/0006-receipt-qr-payload.md): the payment's invoice id, nothing else::

    000123456

It is exactly what the console's search box finds (an invoice id, or its first digits, is one of
the things the search matches), so a hand scanner that "types" the code into the search field at
the counter brings the payment up, and a phone shows a number a cashier can type. Nothing secret
and no card data is ever put in the code.

Receipts printed by earlier versions carry ``epay-desktop:payment?invoice=…&txn=…``;
:func:`read_payment_qr` still reads those.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from epay_desktop.domain import InvoiceId
from epay_desktop.domain import InvoiceIdError

__all__ = ["LEGACY_QR_PREFIX", "QR_PREFIX", "payment_qr_payload", "read_payment_qr"]

#: The prefix of the QR text printed before decision 0006 was revised (still read, never written).
LEGACY_QR_PREFIX = "epay-desktop:payment?"
QR_PREFIX = LEGACY_QR_PREFIX  # the old name, kept for importers


def payment_qr_payload(invoice_id: InvoiceId) -> str:
    """The QR text that finds a payment again: its invoice id. Pure, no side effects."""
    return invoice_id.value


def read_payment_qr(text: str) -> tuple[InvoiceId, str | None]:
    """Invoice id (and, for an old receipt, the gateway transaction id) from a scanned receipt QR.

    Raises ``ValueError`` (with a plain message) when the text is not one of our codes.
    """
    text = text.strip()
    if not text.startswith(LEGACY_QR_PREFIX):
        try:
            return InvoiceId(text), None
        except InvoiceIdError:
            raise ValueError("this QR code is not from an epay-desktop receipt") from None
    params = parse_qs(text[len(LEGACY_QR_PREFIX) :], strict_parsing=False)
    invoices = params.get("invoice", [])
    if len(invoices) != 1:
        raise ValueError("the receipt QR code has no invoice number")
    try:
        invoice = InvoiceId(invoices[0])
    except InvoiceIdError as exc:
        raise ValueError(f"the receipt QR code has a bad invoice number: {exc}") from None
    txns = params.get("txn", [])
    return invoice, (txns[0] if txns else None)
