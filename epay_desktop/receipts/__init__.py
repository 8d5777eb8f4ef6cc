"""Receipt PDFs (80 mm and 58 mm rolls, A4) in Kazakh, Russian and English.

Imports only the domain, the standard library and reportlab; reportlab (and its fonts) only when
the first receipt is drawn: ``render_pdf`` is looked up on first use (decision 0055). Build a
:class:`ReceiptData` (with a :class:`FiscalPart` it is the fiscal receipt, decision 0125), then
``render_pdf(data, "80")`` returns the PDF bytes (``epay_desktop.safe_files`` saves them).
``render_escpos(data, profile)`` (:mod:`~epay_desktop.receipts.escpos`) writes the same receipt as
ESC/POS bytes for a thermal printer described by a ``RenderProfile`` (``receipts.escpos_profile``).

Modules: ``data`` (ReceiptData, FiscalPart), ``layout`` (the blocks, reading order), ``texts`` (kk/ru/en
labels), ``qr``, ``cells`` (the blocks in 32/42/48 character cells: what the paper and the roll PDFs print),
``escpos_profile``, ``escpos`` (the job's bytes), ``raster`` (1-bit images, ``GS v 0`` bands; Pillow),
``pdf``, ``shift_pdf``, ``primitives`` and ``fonts`` (reportlab), ``printers`` (transports and status).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import Any

from epay_desktop.domain.receipts import ReceiptKind
from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts.data import TEST_ENVIRONMENTS
from epay_desktop.receipts.data import FiscalPart
from epay_desktop.receipts.data import ReceiptData
from epay_desktop.receipts.data import card_last4
from epay_desktop.receipts.data import masked_card
from epay_desktop.receipts.layout import KZ_TIME
from epay_desktop.receipts.layout import local_time
from epay_desktop.receipts.qr import LEGACY_QR_PREFIX
from epay_desktop.receipts.qr import QR_PREFIX
from epay_desktop.receipts.qr import payment_qr_payload
from epay_desktop.receipts.qr import read_payment_qr

if TYPE_CHECKING:
    from epay_desktop.receipts.escpos import render_escpos
    from epay_desktop.receipts.pdf import render_pdf

__all__ = [
    "KZ_TIME",
    "LEGACY_QR_PREFIX",
    "QR_PREFIX",
    "TEST_ENVIRONMENTS",
    "FiscalPart",
    "ReceiptData",
    "ReceiptKind",
    "ReceiptLanguage",
    "ReceiptWidth",
    "card_last4",
    "local_time",
    "masked_card",
    "payment_qr_payload",
    "read_payment_qr",
    "render_escpos",
    "render_pdf",
]


def __getattr__(name: str) -> Any:
    if name == "render_pdf":  # reportlab loads here, at the first receipt, not at start-up
        from epay_desktop.receipts.pdf import render_pdf

        return render_pdf
    if name == "render_escpos":  # Pillow loads with the first raster line, not at start-up
        from epay_desktop.receipts.escpos import render_escpos

        return render_escpos
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
