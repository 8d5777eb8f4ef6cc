"""Drawing receipts as PDF with reportlab: 80 mm and 58 mm rolls (height follows the content) and A4.

Output is deterministic for the same data (reportlab's ``invariant`` mode: fixed creation date
and document id), so a receipt can be compared byte for byte with a golden copy.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts.cells import CellLine
from epay_desktop.receipts.cells import QrCell
from epay_desktop.receipts.cells import layout_cells
from epay_desktop.receipts.data import ReceiptData
from epay_desktop.receipts.escpos_profile import render_profile
from epay_desktop.receipts.fonts import MONO
from epay_desktop.receipts.fonts import MONO_BOLD
from epay_desktop.receipts.fonts import register_fonts
from epay_desktop.receipts.layout import Banner
from epay_desktop.receipts.layout import Block
from epay_desktop.receipts.layout import Gap
from epay_desktop.receipts.layout import Pair
from epay_desktop.receipts.layout import Qr
from epay_desktop.receipts.layout import Rule
from epay_desktop.receipts.layout import Size
from epay_desktop.receipts.layout import Text
from epay_desktop.receipts.layout import build_blocks
from epay_desktop.receipts.layout import receipt_number
from epay_desktop.receipts.primitives import draw_qr
from epay_desktop.receipts.primitives import wrap
from epay_desktop.receipts.raster import MONO_ADVANCE
from epay_desktop.receipts.raster import QR_QUIET
from epay_desktop.receipts.raster import qr_geometry

__all__ = ["GEOMETRIES", "Geometry", "render_pdf"]

LEADING = 1.32  # line height as a multiple of the font size
#: The smallest QR code an A4 page draws in what is left of it (a fiscal receipt's OFD link stays on the page
#: of the receipt it checks); smaller, the code goes to the next page at its full size.
MIN_QR = 30 * mm
_RUN = re.compile(r"\S+(?: \S+)*")  # the words of a cell line, split where it is padded
_DOT: float = mm / 8  # one dot of a 203-dpi thermal head
_MONO_ASCENT, _MONO_DESCENT = 1901 / 2048, 483 / 2048  # DejaVu Sans Mono, in em

# reportlab's TrueType subsetting keeps per-document state on the shared font objects;
# one render at a time keeps that state from mixing when executor threads overlap.
_render_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Geometry:
    """Paper and type sizes for one width (points, 1/72 inch)."""

    page_width: float
    content_width: float
    margin_top: float
    margin_bottom: float
    sizes: dict[Size, float]
    qr_size: float
    fixed_height: float | None = None  # A4; rolls grow with the content

    @property
    def left(self) -> float:
        return (self.page_width - self.content_width) / 2


GEOMETRIES: dict[ReceiptWidth, Geometry] = {
    ReceiptWidth.MM80: Geometry(
        page_width=80 * mm,
        content_width=72 * mm,
        margin_top=5 * mm,
        margin_bottom=8 * mm,
        sizes={Size.SMALL: 7.0, Size.BODY: 8.5, Size.LARGE: 11.0, Size.TITLE: 13.0},
        qr_size=32 * mm,
    ),
    ReceiptWidth.MM58: Geometry(
        page_width=58 * mm,
        content_width=51 * mm,
        margin_top=4 * mm,
        margin_bottom=7 * mm,
        sizes={Size.SMALL: 6.0, Size.BODY: 7.2, Size.LARGE: 9.2, Size.TITLE: 11.0},
        qr_size=28 * mm,
    ),
    ReceiptWidth.A4: Geometry(
        page_width=A4[0],
        content_width=120 * mm,
        margin_top=25 * mm,
        margin_bottom=20 * mm,
        sizes={Size.SMALL: 9.0, Size.BODY: 11.0, Size.LARGE: 14.0, Size.TITLE: 18.0},
        qr_size=45 * mm,
        fixed_height=A4[1],
    ),
}


def render_pdf(data: ReceiptData, width: ReceiptWidth | str = ReceiptWidth.MM80) -> bytes:
    """The receipt as PDF bytes for ``width`` ("80", "58" or "a4").

    CPU-bound (about 10 ms, benchmarks/bench_receipt.py): call it from an executor, never on the GUI
    or database thread.
    Registers the packaged fonts on first use. Raises ``ValueError`` for an unknown width.
    """
    paper = ReceiptWidth(width)
    geometry = GEOMETRIES[paper]
    regular, bold = register_fonts()
    with _render_lock:
        if paper is not ReceiptWidth.A4:  # a roll: the printer's character cells (decision 0104)
            return _RollPainter(data, paper, geometry).document()
        blocks = build_blocks(data)
        painter = _Painter(geometry, regular, bold)
        height = geometry.fixed_height or (
            geometry.margin_top + painter.measure(blocks) + geometry.margin_bottom
        )
        return _document(
            data,
            (geometry.page_width, height),
            lambda canvas: painter.draw(
                canvas,
                blocks,
                top=height - geometry.margin_top,
                bottom=geometry.margin_bottom if geometry.fixed_height else None,
            ),
        )


def _document(data: ReceiptData, size: tuple[float, float], draw: Callable[[Canvas], None]) -> bytes:
    """One receipt document of page ``size``, drawn by ``draw``; deterministic (invariant mode)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, invariant=1, pageCompression=1)
    canvas.setTitle(f"Receipt {data.register_id} {receipt_number(data)}")
    canvas.setCreator("epay-desktop")
    canvas.setAuthor(data.shop_name)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class _RollPainter:
    """A 58 or 80 mm roll drawn line for line as the thermal printer prints it (decision 0104): the
    receipt's character cells (:func:`~epay_desktop.receipts.cells.layout_cells`) in DejaVu Sans Mono,
    one cell as wide as the printer's (12 dots of 1/8 mm), its line pitch, double height for the total,
    and the QR code as large as on paper."""

    def __init__(self, data: ReceiptData, paper: ReceiptWidth, geometry: Geometry) -> None:
        self.data = data
        self.profile = render_profile(paper)  # the roll's head and columns, as the printer has them
        self.geometry = geometry
        self.cells = layout_cells(data, self.profile.columns, None)  # as drawn: ₸ and every sign kept
        self.cell = self.profile.cell_dots * _DOT
        self.size = self.cell / MONO_ADVANCE
        self.pitch = self.profile.line_dots * _DOT
        self.left = (geometry.page_width - self.profile.columns * self.cell) / 2

    def _height(self, cell: CellLine | QrCell) -> float:
        if isinstance(cell, QrCell):
            modules, dots = qr_geometry(cell.payload, self.profile.head_dots)
            return (len(modules) + 2 * QR_QUIET) * dots * _DOT
        return self.pitch * (2 if cell.tall else 1)

    def document(self) -> bytes:
        heights = [self._height(cell) for cell in self.cells.lines]
        g = self.geometry
        page = (g.page_width, g.margin_top + sum(heights) + g.margin_bottom)

        def draw(canvas: Canvas) -> None:
            top = page[1] - g.margin_top
            for cell, height in zip(self.cells.lines, heights, strict=True):
                if isinstance(cell, QrCell):
                    self._qr(canvas, cell.payload, top, height)
                elif cell.text.strip():
                    self._line(canvas, cell, top - height)
                top -= height

        return _document(self.data, page, draw)

    def _line(self, canvas: Canvas, line: CellLine, bottom: float) -> None:
        """One cell line; its baseline where the printer's Font A has it, centred in the pitch."""
        font = MONO_BOLD if line.bold else MONO
        baseline = (self.pitch - (_MONO_ASCENT + _MONO_DESCENT) * self.size) / 2 + _MONO_DESCENT * self.size
        canvas.saveState()
        canvas.translate(self.left, bottom)
        if line.tall:  # double height, full width: GS ! 1
            canvas.scale(1, 2)
        canvas.setFont(font, self.size)
        for run in _RUN.finditer(line.text):  # each run at its cells: a PDF's text reads "label value"
            canvas.drawString(run.start() * self.cell, baseline, run.group())
        canvas.restoreState()

    def _qr(self, canvas: Canvas, payload: str, top: float, height: float) -> None:
        modules, dots = qr_geometry(payload, self.profile.head_dots)
        module = dots * _DOT
        size = (len(modules) + 8) * module  # draw_qr's square holds a 4-module quiet zone
        code_top = top - QR_QUIET * module
        draw_qr(canvas, payload, (self.geometry.page_width - size) / 2, code_top + 4 * module - size, size)


class _Painter:
    """Measures and draws blocks inside the content column of one geometry."""

    def __init__(self, geometry: Geometry, regular: str, bold: str) -> None:
        self.g = geometry
        self.regular = regular
        self.bold = bold
        self.canvas: Canvas | None = None
        self._qr_size = geometry.qr_size  # smaller for a code drawn in what is left of a page
        # each text is measured, then drawn: wrapped once (issue 10, P4)
        self._wrapped: dict[tuple[str, str, float, float], list[str]] = {}

    def measure(self, blocks: list[Block]) -> float:
        self.canvas = None
        return sum(self._place(block, 0.0) for block in blocks)

    def draw(self, canvas: Canvas, blocks: list[Block], *, top: float, bottom: float | None) -> None:
        """Draw top-down from ``top``; with a ``bottom`` (fixed pages) start a new page when full."""
        y = top
        for block in blocks:
            if bottom is not None and y < top:
                self.canvas = None
                if y - self._place(block, y) < bottom and not self._fits_smaller(block, y - bottom):
                    canvas.showPage()
                    y = top
            self.canvas = canvas
            y -= self._place(block, y)
            self._qr_size = self.g.qr_size

    def _fits_smaller(self, block: Block, room: float) -> bool:
        """Whether ``block`` is a QR code that fits the ``room`` left on the page when drawn smaller, down to
        :data:`MIN_QR` (then it is drawn so, beside what it belongs to, rather than alone on a new page)."""
        if not isinstance(block, Qr):
            return False
        size = room - (self._qr(block, 0.0) - self._qr_size)  # what the caption leaves
        if size < MIN_QR:
            return False
        self._qr_size = size
        return True

    # -- one block: returns its height; draws it when a canvas is set -------------------

    def _place(self, block: Block, y: float) -> float:
        match block:
            case Text():
                return self._text(block, y)
            case Pair():
                return self._pair(block, y)
            case Rule():
                return self._rule(block, y)
            case Gap():
                return block.lines * self.g.sizes[Size.BODY] * LEADING
            case Banner():
                return self._banner(block, y)
            case Qr():
                return self._qr(block, y)
        raise TypeError(f"unknown receipt block {block!r}")

    def _font(self, bold: bool) -> str:
        return self.bold if bold else self.regular

    def _lines(
        self, text: str, y: float, size: float, bold: bool, align: str, width: float | None = None
    ) -> float:
        font, line_h = self._font(bold), size * LEADING
        lines = self._wrap(text, font, size, width or self.g.content_width)
        if self.canvas is not None:
            self.canvas.setFont(font, size)
            for i, line in enumerate(lines):
                baseline = y - (i + 1) * line_h + (line_h - size) / 2 + size * 0.22
                if align == "center":
                    self.canvas.drawCentredString(self.g.page_width / 2, baseline, line)
                elif align == "right":
                    self.canvas.drawRightString(self.g.left + self.g.content_width, baseline, line)
                else:
                    self.canvas.drawString(self.g.left, baseline, line)
        return len(lines) * line_h

    def _wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        key = (text, font, size, width)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = self._wrapped[key] = wrap(text, font, size, width)
        return lines

    def _text(self, block: Text, y: float) -> float:
        return self._lines(block.text, y, self.g.sizes[block.size], block.bold, "center")

    def _pair(self, block: Pair, y: float) -> float:
        size = self.g.sizes[block.size]
        label_font, value_font = (
            self._font(block.bold and block.size is not Size.BODY),
            self._font(block.bold),
        )
        gap = size * 1.2
        one_line = (
            stringWidth(block.label, label_font, size) + gap + stringWidth(block.value, value_font, size)
            <= self.g.content_width
        )
        if not one_line:  # label on its own line(s), value right-aligned under it
            h = self._lines(block.label, y, size, block.bold and block.size is not Size.BODY, "left")
            return h + self._lines(block.value, y - h, size, block.bold, "right")
        self._lines(block.label, y, size, block.bold and block.size is not Size.BODY, "left")
        return self._lines(block.value, y, size, block.bold, "right")

    def _rule(self, block: Rule, y: float) -> float:
        height = self.g.sizes[Size.BODY] * 0.9
        if self.canvas is not None:
            c = self.canvas
            c.saveState()
            c.setLineWidth(1.0 if block.heavy else 0.5)
            if block.dashed:
                c.setDash(1.5, 1.5)
            c.line(self.g.left, y - height / 2, self.g.left + self.g.content_width, y - height / 2)
            c.restoreState()
        return height

    def _banner(self, block: Banner, y: float) -> float:
        pad = self.g.sizes[Size.BODY] * 0.4
        title, sub = self.g.sizes[Size.TITLE], self.g.sizes[Size.BODY]
        width = self.g.content_width - 2 * pad  # the text stays inside the bar
        inner = (
            len(self._wrap(block.text, self.bold, title, width)) * title * LEADING
            + len(self._wrap(block.subtitle, self.bold, sub, width)) * sub * LEADING
        )
        height = inner + 2 * pad
        if self.canvas is not None:
            c = self.canvas
            c.saveState()
            c.setFillGray(0)
            c.rect(self.g.left, y - height, self.g.content_width, height, stroke=0, fill=1)
            c.setFillGray(1)
            h = self._lines(block.text, y - pad, title, True, "center", width)
            self._lines(block.subtitle, y - pad - h, sub, True, "center", width)
            c.restoreState()
        return height

    def _qr(self, block: Qr, y: float) -> float:
        size = self._qr_size
        if self.canvas is not None:
            draw_qr(self.canvas, block.payload, (self.g.page_width - size) / 2, y - size, size)
        return size + self._lines(block.caption, y - size, self.g.sizes[Size.SMALL], False, "center")
