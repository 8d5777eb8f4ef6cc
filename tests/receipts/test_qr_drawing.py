"""The receipt's QR code after issue 10's speed-up (P4): the same modules as reportlab's encoder gives,
drawn where and as large as before, encoded once per invoice id however often it is drawn."""

from __future__ import annotations

import io
import itertools

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import ImageChops
from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import FILL_NON_ZERO
from reportlab.pdfgen.canvas import Canvas

from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts import primitives
from epay_desktop.receipts.pdf import render_pdf
from epay_desktop.receipts.primitives import draw_qr
from epay_desktop.receipts.primitives import qr_modules

PAYLOADS = ["000123456", "999999999999999", "epay-desktop:payment?invoice=000123456&txn=a+b%26c"]


def _reportlab(payload: str) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return [[bool(m) for m in row] for row in code.modules]


def _draw_as_before(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """draw_qr as it was before the cache: page coordinates, one run at a time."""
    modules = _reportlab(payload)
    module = size / (len(modules) + 8)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                top = y + size - (r + 4) * module
                path.rect(x + (c + 4) * module, top - module * 1.06, length * module, module * 1.06)
            c += length
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)
    canvas.restoreState()


def _page(draw, payload: str, x: float, y: float, size: float) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(200, 200), invariant=1)
    draw(canvas, payload, x, y, size)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _pixels(pdf: bytes):
    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].render(scale=4).to_pil().convert("L")
    finally:
        document.close()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_modules_are_reportlabs_for_the_same_content_and_level(payload: str) -> None:
    assert [list(row) for row in qr_modules(payload)] == _reportlab(payload)


@pytest.mark.parametrize(("x", "y", "size"), [(20.0, 30.0, 90.7), (7.5, 101.25, 79.4), (0.0, 0.0, 127.6)])
def test_the_code_is_drawn_where_and_as_large_as_before(x: float, y: float, size: float) -> None:
    payload = PAYLOADS[0]
    new, old = (
        _pixels(_page(draw_qr, payload, x, y, size)),
        _pixels(_page(_draw_as_before, payload, x, y, size)),
    )
    difference = ImageChops.difference(new, old)
    # the same rectangles through a transform: at most a grey level on an anti-aliased edge pixel
    assert difference.getextrema()[1] <= 2
    assert [b.text for b in zxingcpp.read_barcodes(new)] == [payload]


def test_each_invoice_id_is_encoded_once_however_often_it_is_drawn(pdf) -> None:
    primitives.qr_modules.cache_clear()
    primitives._qr_path.cache_clear()
    data = pdf.sample()
    for width in ReceiptWidth:  # a preview, the receipt, its duplicate, at every width
        assert pdf.qr(render_pdf(data, width)) == [data.qr_text]
    assert primitives.qr_modules.cache_info().misses == 1
    other = pdf.sample(invoice_id=type(data.invoice_id)("000123457"))
    assert pdf.qr(render_pdf(other, ReceiptWidth.MM80)) == ["000123457"]
    assert primitives.qr_modules.cache_info().misses == 2
