"""A shift's X or Z report as an A4 PDF (decisions 0108, 0114), in Kazakh, Russian or English, with the
receipts' fonts (DejaVu: Kazakh letters, ₸).

Draws :func:`~epay_desktop.receipts.shift_layout.shift_blocks`, the content the thermal printer prints:
the title centred and large, headings in bold, each label on the left and its value on the right, rules
between the parts, pages added as the lines need. reportlab loads when the first report is drawn (this
module is imported then, not at start-up). CPU-bound: call it from an executor.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.shifts import ReportKind
from epay_desktop.domain.shifts import ShiftReport
from epay_desktop.receipts.fonts import register_fonts
from epay_desktop.receipts.layout import Gap
from epay_desktop.receipts.layout import Pair
from epay_desktop.receipts.layout import Rule
from epay_desktop.receipts.layout import Size
from epay_desktop.receipts.layout import Text
from epay_desktop.receipts.shift_layout import shift_blocks
from epay_desktop.receipts.shift_texts import shift_label

__all__ = ["render_shift_pdf"]

_MARGIN = 18 * mm
_SIZE = 10.0
_TITLE = 16.0
_LEADING = _SIZE * 1.4
_GAP = 4 * mm  # at least this between a label and its value on one line
_INDENT = 8 * mm  # a wrapped value's lines
_STEP = 2.5 * mm  # a label's leading space (the figures under a cashier or a card brand)


def render_shift_pdf(report: ShiftReport, language: ReceiptLanguage | str = ReceiptLanguage.EN) -> bytes:
    """The report as PDF bytes (A4, as many pages as it needs) in ``language``. A label too long for
    its line wraps; a value too long to stand right of its label goes on the lines below it, wrapped."""
    lang = ReceiptLanguage(language)
    regular, bold = register_fonts()
    width, height = A4
    column = width - 2 * _MARGIN
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
    title = shift_label("title_z" if report.kind is ReportKind.Z else "title_x", lang)
    canvas.setTitle(f"{title} {report.shift.label}")
    canvas.setCreator("epay-desktop")
    lines = _Lines(canvas, height)
    for block in shift_blocks(report, lang):
        match block:
            case Text(size=Size.TITLE):
                lines.next(_TITLE * 1.4)
                canvas.setFont(bold, _TITLE)
                canvas.drawCentredString(width / 2, lines.y, block.text)
            case Text(bold=True):  # a heading
                for part in simpleSplit(block.text, bold, _SIZE, column):
                    y = lines.next()  # first: a new page forgets the font
                    canvas.setFont(bold, _SIZE)
                    canvas.drawString(_MARGIN, y, part)
            case Text():  # under the title, and the closing line
                for part in simpleSplit(block.text, regular, _SIZE, column):
                    y = lines.next()
                    canvas.setFont(regular, _SIZE)
                    canvas.drawCentredString(width / 2, y, part)
            case Pair():
                _pair(canvas, lines, block, (bold if block.bold else regular, regular), column)
            case Rule():
                y = lines.next(_LEADING * 0.6) + _SIZE * 0.3
                canvas.setLineWidth(1.0 if block.heavy else 0.4)
                canvas.line(_MARGIN, y, width - _MARGIN, y)
            case Gap():
                lines.next()
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _pair(canvas: Canvas, lines: _Lines, pair: Pair, fonts: tuple[str, str], column: float) -> None:
    """A label on the left (wrapped when long) and its value on the right of its last line, or below
    it, wrapped and indented, when the two do not fit on one line."""
    font, regular = fonts
    left = _MARGIN + _STEP * (len(pair.label) - len(pair.label.lstrip(" ")))  # a group's figures
    labels = simpleSplit(pair.label.strip(), font, _SIZE, _MARGIN + column - left) or [""]
    for part in labels:
        y = lines.next()  # first: a new page forgets the font
        canvas.setFont(font, _SIZE)
        canvas.drawString(left, y, part)
    if not pair.value:
        return
    value_font = font if pair.size is Size.LARGE else regular
    right = _MARGIN + column
    if (
        left
        - _MARGIN
        + stringWidth(labels[-1], font, _SIZE)
        + _GAP
        + stringWidth(pair.value, value_font, _SIZE)
        <= column
    ):
        canvas.setFont(value_font, _SIZE)
        canvas.drawRightString(right, lines.y, pair.value)
        return
    for part in simpleSplit(pair.value, value_font, _SIZE, column - _INDENT):
        y = lines.next()
        canvas.setFont(value_font, _SIZE)
        canvas.drawString(_MARGIN + _INDENT, y, part)


class _Lines:
    """Where the next line goes, down the page; a new page when this one is full."""

    def __init__(self, canvas: Canvas, height: float) -> None:
        self._canvas = canvas
        self._top = float(height - _MARGIN)
        self.y = self._top + _LEADING

    def next(self, leading: float = _LEADING) -> float:
        self.y -= leading
        if self.y < _MARGIN:
            self._canvas.showPage()
            self.y = self._top
        return self.y
