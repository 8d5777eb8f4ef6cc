"""What the QR code on a receipt says, and how a scanner reads it back.

Format (docs/decisions/0006-receipt-qr-payload.md)::

    epay-desktop:payment?invoice=000123456&txn=<gateway transaction id>

``invoice`` is always present (it is how the console finds the payment); ``txn`` only when
the gateway has given a transaction id. Values are percent-encoded. Nothing secret and no
card data is ever put in the code.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from epay_desktop.domain import InvoiceId, InvoiceIdError

__all__ = ["QR_PREFIX", "payment_qr_payload", "read_payment_qr"]

QR_PREFIX = "epay-desktop:payment?"


def payment_qr_payload(invoice_id: InvoiceId, transaction_id: str | None = None) -> str:
    """The QR text that finds a payment again; pure, no side effects."""
    params = {"invoice": invoice_id.value}
    if transaction_id:
        params["txn"] = transaction_id
    return QR_PREFIX + urlencode(params)


def read_payment_qr(text: str) -> tuple[InvoiceId, str | None]:
    """Invoice id and transaction id from a scanned receipt QR.

    Raises ``ValueError`` (with a plain message) when the text is not one of our codes.
    """
    text = text.strip()
    if not text.startswith(QR_PREFIX):
        raise ValueError("this QR code is not from an epay-desktop receipt")
    params = parse_qs(text[len(QR_PREFIX) :], strict_parsing=False)
    invoices = params.get("invoice", [])
    if len(invoices) != 1:
        raise ValueError("the receipt QR code has no invoice number")
    try:
        invoice = InvoiceId(invoices[0])
    except InvoiceIdError as exc:
        raise ValueError(f"the receipt QR code has a bad invoice number: {exc}") from None
    txns = params.get("txn", [])
    return invoice, (txns[0] if txns else None)
