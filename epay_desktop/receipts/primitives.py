"""Drawing helpers for receipts: word wrapping by measured width, and a seam-free QR code."""

from __future__ import annotations

import itertools

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas

__all__ = ["draw_qr", "wrap"]

_QR_QUIET = 4  # modules of white around the code, as the QR standard asks


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw ``payload`` as a QR code (level M, 4-module quiet zone) in the square at (x, y).

    Dark modules are drawn as runs per row into ONE filled path, each run reaching slightly
    into the row below, so viewers and printer drivers show no hairline seams between rows.
    """
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    module = size / (count + 2 * _QR_QUIET)
    path = canvas.beginPath()
    for r, row in enumerate(code.modules):
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            length = len(list(run))
            if dark:
                top = y + size - (r + _QR_QUIET) * module
                # overlap the next row a little: touching edges still leave anti-aliasing seams
                path.rect(x + (c + _QR_QUIET) * module, top - module * 1.06, length * module, module * 1.06)
            c += length
    canvas.saveState()
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
