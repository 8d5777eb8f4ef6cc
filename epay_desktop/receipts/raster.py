"""Receipt lines drawn as 1-bit images for a thermal head, and those images as ``GS v 0`` bands.

Images here are *ink* images: Pillow mode ``"1"``, a set pixel (1) is a dot the head burns, so
``Image.tobytes()`` is exactly the raster data ``GS v 0`` takes. Text is drawn in the shipped DejaVu
Sans Mono (``resources/fonts``, so an image does not depend on the machine's fonts), one character
per cell of ``profile.cell_dots`` dots, without antialiasing. Imported by the ESC/POS renderer when
a receipt is printed (Pillow loads then, not at start-up).
"""

from __future__ import annotations

import functools
import io
import math

from PIL import Image
from PIL import ImageDraw
from PIL import ImageFont

from epay_desktop.receipts.cells import CellLine
from epay_desktop.receipts.escpos_profile import RenderProfile
from epay_desktop.resources import resource_path

__all__ = [
    "MONO_ADVANCE",
    "MONO_FONTS",
    "QR_QUIET",
    "line_image",
    "qr_geometry",
    "qr_image",
    "raster_bands",
    "stack",
]

#: regular and bold: DejaVu Sans Mono has every Kazakh and Russian letter and the tenge sign
MONO_FONTS = {False: "DejaVuSansMono.ttf", True: "DejaVuSansMono-Bold.ttf"}
MONO_ADVANCE = 1233 / 2048  # DejaVu Sans Mono's advance width in em
_QR_DOTS = 200  # 25 mm at 8 dots per mm: a QR code phones read off a receipt
QR_QUIET = 2  # modules of white above and below (the paper's margins do the sides)
_GS_V0 = b"\x1dv0\x00"
_ESC_J = b"\x1bJ"
_MIN_FEED = 8  # white rows worth an ESC J rather than sent as dots


@functools.lru_cache(maxsize=8)
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    data = resource_path("fonts", MONO_FONTS[bold]).read_bytes()
    return ImageFont.truetype(io.BytesIO(data), size)


def line_image(line: CellLine, profile: RenderProfile) -> Image.Image:
    """One cell line: ``head_dots`` wide, ``line_dots`` high (twice that when ``tall``)."""
    cell = profile.cell_dots
    font = _font(line.bold, int(cell / MONO_ADVANCE))
    image = Image.new("1", (profile.head_dots, profile.line_dots), 0)
    ascent, descent = font.getmetrics()
    top = (profile.line_dots - ascent - descent) // 2
    left = (profile.head_dots - cell * profile.columns) // 2
    draw = ImageDraw.Draw(image)
    for i, ch in enumerate(line.text):
        if not ch.isspace():
            draw.text((left + i * cell, top), ch, font=font, fill=1)
    if line.tall:  # double height, as GS ! 1 prints it: each row twice
        image = image.resize((profile.head_dots, profile.line_dots * 2), Image.Resampling.NEAREST)
    return image


def qr_geometry(payload: str, head_dots: int) -> tuple[tuple[tuple[bool, ...], ...], int]:
    """The QR code's modules (level M, as on the PDF) and the dots per module that make it about
    25 mm and still fit the head."""
    from epay_desktop.receipts.primitives import qr_modules  # reportlab's encoder, as the PDF uses

    modules = qr_modules(payload)
    count = len(modules)
    return modules, max(1, min(10, math.ceil(_QR_DOTS / count), head_dots // (count + 2 * QR_QUIET)))


def qr_image(payload: str, head_dots: int) -> Image.Image:
    """The QR code of ``payload``, centred on a ``head_dots`` wide image with ``QR_QUIET`` white
    modules above and below."""
    modules, dots = qr_geometry(payload, head_dots)
    count = len(modules)
    image = Image.new("1", (head_dots, (count + 2 * QR_QUIET) * dots), 0)
    left = (head_dots - count * dots) // 2
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(modules):
        y = (r + QR_QUIET) * dots
        for c, dark in enumerate(row):
            if dark:
                draw.rectangle((left + c * dots, y, left + (c + 1) * dots - 1, y + dots - 1), fill=1)
    return image


def stack(images: list[Image.Image]) -> Image.Image:
    """Images of one width, one under another."""
    out = Image.new("1", (images[0].width, sum(i.height for i in images)), 0)
    y = 0
    for image in images:
        out.paste(image, (0, y))
        y += image.height
    return out


def raster_bands(image: Image.Image, band_rows: int) -> bytes:
    """``image`` as ``GS v 0`` bands of at most ``band_rows`` rows; a run of at least
    ``_MIN_FEED`` white rows is fed with ``ESC J`` instead of sent as dots (a receipt is mostly
    white between its lines); shorter gaps stay inside their band."""
    width_bytes = (image.width + 7) // 8
    data = image.tobytes()
    rows = [data[r * width_bytes : (r + 1) * width_bytes] for r in range(image.height)]
    out = bytearray()
    for blank, start, end in _runs([not any(row) for row in rows]):
        step = 255 if blank else band_rows
        for top in range(start, end, step):
            count = min(step, end - top)
            if blank:
                out += _ESC_J + bytes([count])
            else:
                out += _GS_V0 + width_bytes.to_bytes(2, "little") + count.to_bytes(2, "little")
                out += b"".join(rows[top : top + count])
    return bytes(out)


def _runs(blank: list[bool]) -> list[tuple[bool, int, int]]:
    """(white?, first row, end row) runs; white runs shorter than ``_MIN_FEED`` join the ink."""
    runs: list[tuple[bool, int, int]] = []
    r = 0
    while r < len(blank):
        start = r
        while r < len(blank) and blank[r] == blank[start]:
            r += 1
        white = blank[start] and r - start >= _MIN_FEED
        if runs and runs[-1][0] == white:
            runs[-1] = (white, runs[-1][1], r)
        else:
            runs.append((white, start, r))
    return runs
