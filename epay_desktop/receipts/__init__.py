"""Receipt PDFs (80 mm and 58 mm rolls, A4) in Kazakh, Russian and English.

Imports only the domain, the standard library and reportlab. Build a :class:`ReceiptData`,
then ``render_pdf(data, "80")`` returns the PDF bytes; ``write_atomic`` saves them safely.
"""

from epay_desktop.domain.receipts import ReceiptKind, ReceiptLanguage, ReceiptWidth

from .data import TEST_ENVIRONMENTS, ReceiptData, card_last4, masked_card
from .files import write_atomic
from .layout import KZ_TIME, local_time
from .pdf import render_pdf
from .qr import LEGACY_QR_PREFIX, QR_PREFIX, payment_qr_payload, read_payment_qr

__all__ = [
    "KZ_TIME",
    "LEGACY_QR_PREFIX",
    "QR_PREFIX",
    "TEST_ENVIRONMENTS",
    "ReceiptData",
    "ReceiptKind",
    "ReceiptLanguage",
    "ReceiptWidth",
    "card_last4",
    "local_time",
    "masked_card",
    "payment_qr_payload",
    "read_payment_qr",
    "render_pdf",
    "write_atomic",
]
