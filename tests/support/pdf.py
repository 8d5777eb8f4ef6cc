"""What a printed or saved PDF says: its text and the QR codes a phone would scan.

Used by the receipt and audit-anchor tests of tests/ui, tests/e2e and tests/benchmarks.

* :func:`pdf_text` ``(pdf)``: the words of every page, one space between them (no-break spaces of money
  amounts as plain spaces), so a test looks for a phrase without caring where a line was wrapped.
* :func:`page_count` ``(pdf)``.
* :func:`qr_codes` ``(pdf)``: the first page rendered to pixels (pypdfium2), every barcode on it decoded
  (zxing-cpp).
"""

from __future__ import annotations

import io

import pypdf
import pypdfium2 as pdfium
import zxingcpp

__all__ = ["page_count", "pdf_text", "qr_codes"]


def pdf_text(pdf: bytes) -> str:
    """The words of every page, separated by single spaces."""
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def qr_codes(pdf: bytes, scale: float = 4.0) -> list[str]:
    """The first page rendered at ``scale`` and every barcode on it, decoded."""
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=scale).to_pil()
    finally:
        document.close()
    return [code.text for code in zxingcpp.read_barcodes(image)]
