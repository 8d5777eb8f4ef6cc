"""Drawing helpers for receipts: word wrapping by measured width, and a seam-free QR code."""

from __future__ import annotations

import functools
import itertools

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_NON_ZERO
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

__all__ = ["draw_qr", "qr_modules", "wrap"]

_QR_QUIET = 4  # modules of white around the code, as the QR standard asks
_QR_OVERLAP = 1.06  # a dark run's height in modules: it reaches a little into the row below
#: QR codes kept encoded (issue 10, P4: encoding is most of a receipt's QR cost): a preview, then
#: the printed or saved receipt, then perhaps a duplicate all draw the same invoice id
_QR_CACHE = 64


@functools.lru_cache(maxsize=_QR_CACHE)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``payload`` at error-correction level M (reportlab's encoder, which picks
    the version and the mask): rows top-down of dark (True) / light modules, without the quiet
    zone. Pure; cached per payload."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


@functools.lru_cache(maxsize=_QR_CACHE)
def _qr_path(payload: str) -> tuple[PDFPathObject, int]:
    """The dark modules of ``payload``'s code as one path in module units (origin at the top-left
    corner of the quiet zone, y up) and the code's width in modules, quiet zone included.

    Independent of where and how large the code is drawn, so it is built once per payload; it is
    never changed after it is built (drawing it only reads it)."""
    modules = qr_modules(payload)
    path = PDFPathObject()
    for r, row in enumerate(modules):
        c = 0
        top = -(r + _QR_QUIET)
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.rect(c + _QR_QUIET, top - _QR_OVERLAP, length, _QR_OVERLAP)
            c += length
    return path, len(modules) + 2 * _QR_QUIET


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw ``payload`` as a QR code (level M, 4-module quiet zone) in the square at (x, y).

    Dark modules are drawn as runs per row into ONE filled path, each run reaching slightly
    into the row below, so viewers and printer drivers show no hairline seams between rows.
    The path is kept per payload in module units and placed by a transform.
    """
    path, count = _qr_path(payload)
    module = size / count
    canvas.saveState()
    canvas.translate(x, y + size)
    canvas.scale(module, module)
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)  # overlaps stay dark
    canvas.restoreState()


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``; words longer than a line are split."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if stringWidth(candidate, font, size) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while stringWidth(current, font, size) > width and len(current) > 1:
                cut = len(current) - 1
                while cut > 1 and stringWidth(current[:cut], font, size) > width:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines
