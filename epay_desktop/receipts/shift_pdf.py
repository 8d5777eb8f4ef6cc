"""A shift's X or Z report as an A4 PDF (decision 0108), with the receipts' fonts (Kazakh letters, ₸).

Draws :func:`epay_desktop.domain.shifts.report_lines`: headings in bold, each label on the left and
its value on the right, pages added as the lines need. reportlab loads when the first report is
drawn (this module is imported then, not at start-up). CPU-bound: call it from an executor.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from epay_desktop.domain.shifts import ShiftReport, report_lines
from epay_desktop.receipts.fonts import register_fonts

__all__ = ["render_shift_pdf"]

_MARGIN = 18 * mm
_SIZE = 10.0
_LEADING = _SIZE * 1.4


def render_shift_pdf(report: ShiftReport) -> bytes:
    """The report as PDF bytes (A4, as many pages as it needs)."""
    regular, bold = register_fonts()
    width, height = A4
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(f"{report.kind.value} report, shift {report.shift.label}")
    canvas.setCreator("epay-desktop")
    y = height - _MARGIN
    for label, value in report_lines(report):
        if y < _MARGIN:
            canvas.showPage()
            y = height - _MARGIN
        heading = bool(label) and not value and not label.startswith(" ")
        canvas.setFont(bold if heading else regular, _SIZE)
        canvas.drawString(_MARGIN, y, label)
        if value:
            canvas.drawRightString(width - _MARGIN, y, value)
        y -= _LEADING
    canvas.showPage()
    canvas.save()
    return out.getvalue()
