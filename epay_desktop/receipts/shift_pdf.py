"""A shift's X or Z report as an A4 PDF (decision 0108), with the receipts' fonts (Kazakh letters, ₸).

Draws :func:`epay_desktop.domain.shifts.report_lines`: headings in bold, each label on the left and
its value on the right, pages added as the lines need. reportlab loads when the first report is
drawn (this module is imported then, not at start-up). CPU-bound: call it from an executor.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from epay_desktop.domain.shifts import ShiftReport, report_lines
from epay_desktop.receipts.fonts import register_fonts

__all__ = ["render_shift_pdf"]

_MARGIN = 18 * mm
_SIZE = 10.0
_LEADING = _SIZE * 1.4
_GAP = 4 * mm  # at least this between a label and its value on one line
_INDENT = 8 * mm  # a wrapped value's lines


def render_shift_pdf(report: ShiftReport) -> bytes:
    """The report as PDF bytes (A4, as many pages as it needs). A value too long to stand right of its
    label goes on the lines below it, wrapped."""
    regular, bold = register_fonts()
    width, height = A4
    column = width - 2 * _MARGIN
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(f"{report.kind.value} report, shift {report.shift.label}")
    canvas.setCreator("epay-desktop")
    lines = _Lines(canvas, height)
    for label, value in report_lines(report):
        heading = bool(label) and not value and not label.startswith(" ")
        font = bold if heading else regular
        y = lines.next()
        canvas.setFont(font, _SIZE)
        canvas.drawString(_MARGIN, y, label)
        canvas.setFont(regular, _SIZE)
        if stringWidth(label, font, _SIZE) + _GAP + stringWidth(value, regular, _SIZE) <= column:
            canvas.drawRightString(width - _MARGIN, y, value)
            continue
        for part in simpleSplit(value, regular, _SIZE, column - _INDENT):
            y = lines.next()
            canvas.setFont(regular, _SIZE)
            canvas.drawString(_MARGIN + _INDENT, y, part)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class _Lines:
    """Where the next line goes, down the page; a new page when this one is full."""

    def __init__(self, canvas: Canvas, height: float) -> None:
        self._canvas = canvas
        self._top = float(height - _MARGIN)
        self._y = self._top + _LEADING

    def next(self) -> float:
        self._y -= _LEADING
        if self._y < _MARGIN:
            self._canvas.showPage()
            self._y = self._top
        return self._y
