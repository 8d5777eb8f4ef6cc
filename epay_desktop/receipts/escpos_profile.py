"""How one thermal printer is driven: the render profile the ESC/POS renderer reads (decision 0103).

A :class:`RenderProfile` is a small frozen value: head width in dots and the columns of the character
cells, the text mode (``kz1048`` native, ``hybrid`` with a base code page, or ``raster``), the ``ESC t``
slot of the code page, QR native (``GS ( k``) or as an image, the cutter, the raster band height. A
printer profile (transport, status, drawer) holds one; :func:`render_profile` builds one for a paper
width. Standard library only: importing this module loads nothing heavy.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from enum import StrEnum

from epay_desktop.domain.receipts import ReceiptWidth

__all__ = [
    "CELL_DOTS",
    "DEFAULT_SLOTS",
    "HEAD_DOTS",
    "HYBRID_PAGES",
    "Cutter",
    "RenderProfile",
    "TextMode",
    "codec_name",
    "render_profile",
]

#: A Font A character cell is 12 dots wide (24 high): 384 dots give 32 columns, 576 give 48.
CELL_DOTS = 12
#: The printable width of each roll at 203 dpi (8 dots per mm): 48 mm and 72 mm.
HEAD_DOTS: dict[ReceiptWidth, int] = {ReceiptWidth.MM58: 384, ReceiptWidth.MM80: 576}
#: The usual ``ESC t`` slot of each code page (Epson's numbering); the calibration print confirms it
#: per printer (clones differ, docs/escpos.md section 2.1).
DEFAULT_SLOTS: dict[str, int] = {"kz1048": 53, "cp866": 17, "cp1251": 46}
#: The base pages ``hybrid`` prints its text in (calibration's lines 2 and 3; cp866 the default).
HYBRID_PAGES: tuple[str, ...] = ("cp866", "cp1251")


class TextMode(StrEnum):
    """How the receipt's lines reach the paper."""

    KZ1048 = "kz1048"  # text in the printer's KZ-1048 page (every Kazakh and Russian letter)
    HYBRID = "hybrid"  # text in a base page (cp866/cp1251); a line the page cannot hold as an image
    RASTER = "raster"  # the whole receipt as one 1-bit image: slower, always right


class Cutter(StrEnum):
    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"


@dataclass(frozen=True, slots=True)
class RenderProfile:
    """What the ESC/POS renderer needs to know about one printer.

    ``codec`` is the Python codec of the text page (``kz1048`` in ``kz1048`` mode; ``cp866`` or
    ``cp1251`` in ``hybrid``; ignored in ``raster``) and ``code_page`` its ``ESC t`` slot. ``columns``
    is the count of character cells per line (32 on 384 dots, 48 on 576; 42 for 80 mm clones with
    42-column firmware). ``line_dots`` is the line pitch (``ESC 3 n``) and the height of a raster line;
    ``band_rows`` bounds each ``GS v 0`` image (cheap printers drop bytes of larger ones over USB).
    ``cancel_kanji`` sends ``FS .`` after ``ESC @`` (Chinese firmwares that power up in GB mode).
    Raises ``ValueError`` on values no printer takes.
    """

    head_dots: int = 576
    columns: int = 48
    mode: TextMode = TextMode.RASTER
    codec: str = "kz1048"
    code_page: int = 53
    qr_native: bool = False
    cutter: Cutter = Cutter.PARTIAL
    band_rows: int = 256
    line_dots: int = 30
    feed_lines: int = 4
    cancel_kanji: bool = False

    def __post_init__(self) -> None:
        if self.head_dots % 8 or not 128 <= self.head_dots <= 832:
            raise ValueError(f"head width {self.head_dots} dots: expected a multiple of 8 from 128 to 832")
        if not 16 <= self.columns <= self.head_dots // 8:
            raise ValueError(f"{self.columns} columns do not fit {self.head_dots} dots")
        if not 0 <= self.code_page <= 255:
            raise ValueError(f"code page slot {self.code_page}: ESC t takes 0 to 255")
        if self.mode is TextMode.KZ1048 and codec_name(self.codec) != "kz1048":
            raise ValueError(f"kz1048 mode prints in the kz1048 code page, not {self.codec}")
        if not 24 <= self.line_dots <= 255:
            raise ValueError(f"line pitch {self.line_dots} dots: expected 24 to 255")
        if not self.line_dots * 2 <= self.band_rows <= 2400:
            raise ValueError(f"band of {self.band_rows} rows: expected {self.line_dots * 2} to 2400")
        if not 0 <= self.feed_lines <= 20:
            raise ValueError(f"feed of {self.feed_lines} lines before the cut: expected 0 to 20")

    @property
    def text_codec(self) -> str | None:
        """The codec text lines are encoded in; ``None`` when everything is an image."""
        return None if self.mode is TextMode.RASTER else self.codec

    @property
    def cell_dots(self) -> int:
        """The width of one character cell in a raster image (12 dots for 32 and 48 columns)."""
        return self.head_dots // self.columns


def codec_name(codec: str) -> str:
    """Python's name of ``codec`` (``CP866`` -> ``cp866``); ``ValueError`` for a codec it lacks."""
    try:
        return codecs.lookup(codec).name
    except LookupError:
        raise ValueError(f"unknown code page {codec!r}: expected e.g. kz1048, cp866 or cp1251") from None


def render_profile(
    width: ReceiptWidth | str,
    mode: TextMode | str = TextMode.RASTER,
    *,
    codec: str | None = None,
    code_page: int | None = None,
    columns: int | None = None,
    qr_native: bool = False,
    cutter: Cutter | str = Cutter.PARTIAL,
) -> RenderProfile:
    """The profile of a ``width`` roll ("58" or "80") in ``mode``.

    Defaults: ``kz1048`` mode prints in kz1048 at slot 53; ``hybrid`` in cp866 at slot 17 (the page
    nearly every clone has); columns follow the head (32 or 48). Raises ``ValueError`` for A4 (a
    sheet, not a roll) and for anything :class:`RenderProfile` refuses.
    """
    paper = ReceiptWidth(width)
    if paper not in HEAD_DOTS:
        raise ValueError(f"ESC/POS prints on 58 or 80 mm rolls, not {paper.value}")
    chosen = TextMode(mode)
    page = codec or ("cp866" if chosen is TextMode.HYBRID else "kz1048")
    slot = code_page if code_page is not None else DEFAULT_SLOTS.get(codec_name(page), 0)
    head = HEAD_DOTS[paper]
    return RenderProfile(
        head_dots=head,
        columns=columns or head // CELL_DOTS,
        mode=chosen,
        codec=page,
        code_page=slot,
        qr_native=qr_native,
        cutter=Cutter(cutter),
        band_rows=256,
    )
