"""Receipts as ESC/POS bytes for 58 and 80 mm thermal printers, in Kazakh, Russian and English.

:func:`render_escpos` lays the receipt out in character cells (:mod:`~epay_desktop.receipts.cells`)
and writes the bytes itself (never python-escpos's MagicEncode, which prints ``?`` for Kazakh
letters: docs/escpos.md), in the profile's mode (decision 0103):

- ``kz1048``: every line as text in the printer's KZ-1048 page (``ESC t 53`` by default);
- ``hybrid``: text in a base page (cp866 or cp1251); a line the page cannot hold goes as an image
  of exactly that line's height, so text and image lines keep one rhythm;
- ``raster``: the whole receipt as a 1-bit image in ``GS v 0`` bands.

In a text mode a line is never printed with a character replaced: it goes as an image instead.
The job: ``ESC @`` (``FS .``), ``ESC 3`` line pitch, ``ESC t`` page, the lines (bold ``ESC E``,
double height ``GS !``), the QR code (an image, or ``GS ( k`` when the profile says the printer has
it), a feed and the cut. Pure and deterministic: the same receipt and profile give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts.cells import CellLine
from epay_desktop.receipts.cells import QrCell
from epay_desktop.receipts.cells import ReceiptCells
from epay_desktop.receipts.cells import encodable
from epay_desktop.receipts.cells import layout_cells
from epay_desktop.receipts.data import ReceiptData
from epay_desktop.receipts.escpos_profile import Cutter
from epay_desktop.receipts.escpos_profile import RenderProfile

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = ["escpos_job", "escpos_renderer", "render_escpos"]

ESC, GS, FS, LF = b"\x1b", b"\x1d", b"\x1c", b"\n"
_CUT = {Cutter.FULL: GS + b"V\x00", Cutter.PARTIAL: GS + b"V\x01", Cutter.NONE: b""}


def render_escpos(
    data: ReceiptData, profile: RenderProfile, language: ReceiptLanguage | str | None = None
) -> bytes:
    """The receipt as one ESC/POS job for the printer of ``profile`` (in ``language`` when given,
    else the receipt's own). CPU-bound in raster mode (Pillow): call it from an executor."""
    if language is not None:
        data = replace(data, language=ReceiptLanguage(language))
    return escpos_job(layout_cells(data, profile.columns, profile.text_codec), profile)


def escpos_renderer(
    profile_for: Callable[[ReceiptWidth], RenderProfile],
) -> Callable[[ReceiptData, ReceiptWidth], bytes]:
    """A renderer of the receipt service's shape (data, width) -> bytes: ESC/POS for the profile
    ``profile_for`` gives the receipt's width (``render_profile`` with a mode, or a printer's own)."""

    def render(data: ReceiptData, width: ReceiptWidth) -> bytes:
        return render_escpos(data, profile_for(width))

    return render


def escpos_job(cells: ReceiptCells, profile: RenderProfile) -> bytes:
    """The bytes of a job printing ``cells`` (laid out for ``profile.columns``) on ``profile``."""
    job = _Job(profile)
    for cell in cells.lines:
        if isinstance(cell, QrCell):
            job.qr(cell.payload)
        else:
            job.line(cell)
    return job.finish()


class _Job:
    """One job being written: the printer's bold/height state and the image lines waiting to go."""

    def __init__(self, profile: RenderProfile) -> None:
        self.profile = profile
        self.codec = profile.text_codec
        self.out = bytearray(ESC + b"@")
        if profile.cancel_kanji:
            self.out += FS + b"."
        self.out += ESC + b"3" + bytes([profile.line_dots])
        if self.codec is not None:
            self.out += ESC + b"t" + bytes([profile.code_page])
        self.bold = False
        self.tall = False
        self.images: list[Image] = []

    def line(self, line: CellLine) -> None:
        text = line.text.rstrip()
        if self.codec is None or not encodable(text, self.codec):
            from epay_desktop.receipts.raster import line_image

            self.images.append(line_image(line, self.profile))
            return
        self._flush()
        self._style(line.bold, line.tall)
        self.out += text.encode(self.codec) + LF

    def qr(self, payload: str) -> None:
        if not self.profile.qr_native:
            from epay_desktop.receipts.raster import qr_image

            self.images.append(qr_image(payload, self.profile.head_dots))
            return
        self._flush()
        self._style(False, False)
        self.out += _native_qr(payload, self.profile.head_dots)

    def finish(self) -> bytes:
        self._flush()
        self._style(False, False)
        self.out += ESC + b"d" + bytes([self.profile.feed_lines]) + _CUT[self.profile.cutter]
        return bytes(self.out)

    def _style(self, bold: bool, tall: bool) -> None:
        if bold != self.bold:
            self.out += ESC + b"E" + bytes([bold])
            self.bold = bold
        if tall != self.tall:
            self.out += GS + b"!" + bytes([1 if tall else 0])
            self.tall = tall

    def _flush(self) -> None:
        """Send the image lines gathered so far, as bands of at most ``band_rows`` rows."""
        if not self.images:
            return
        from epay_desktop.receipts.raster import raster_bands
        from epay_desktop.receipts.raster import stack

        self.out += raster_bands(stack(self.images), self.profile.band_rows)
        self.images = []


def _native_qr(payload: str, head_dots: int) -> bytes:
    """``GS ( k``: QR model 2, level M, the module size the image would have, centred, printed."""
    from epay_desktop.receipts.raster import qr_geometry

    data = payload.encode("ascii")  # an invoice id: digits (decision 0006)
    module = qr_geometry(payload, head_dots)[1]

    def qr_fn(body: bytes) -> bytes:
        return GS + b"(k" + (len(body) + 1).to_bytes(2, "little") + b"1" + body  # cn 49 + fn + data

    return (
        ESC
        + b"a\x01"
        + qr_fn(b"A2\x00")  # model 2
        + qr_fn(b"C" + bytes([module]))  # module size in dots
        + qr_fn(b"E1")  # error correction M (49)
        + qr_fn(b"P0" + data)  # store the data
        + qr_fn(b"Q0")  # print it
        + LF
        + ESC
        + b"a\x00"
    )
