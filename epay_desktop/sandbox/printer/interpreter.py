"""An ESC/POS interpreter: the bytes a receipt printer is sent, turned back into the paper it prints.

It plays the printer's side, like the rest of the sandbox, and knows nothing of how the console
writes its receipts: the golden-image tests compare what it draws with what a person expects, and the
fake network printer (:mod:`.server`) prints through it. The paper is a 1-bit Pillow image as wide as
the head (384 dots for 58 mm, 576 for 80 mm); text is drawn in the shipped DejaVu Sans Mono in the
printer's cells (Font A 12 x 24 dots, Font B 9 x 17), raster images are pasted dot for dot.

Commands (docs escpos.md, sections 2-4): ``ESC @``, ``ESC t n`` (the slot's code page from
:data:`CODE_PAGES` or the map given), ``LF``, ``CR``, ``ESC d n``, ``ESC J n``, ``ESC 3 n``,
``ESC 2``, ``ESC a n``, ``ESC E n``, ``ESC G n``, ``ESC - n``, ``ESC M n``, ``ESC !``, ``GS !``,
``GS B n``, ``GS v 0`` raster, ``GS ( k`` QR (model, module size, error level, store, print),
``GS V`` cut (a dashed line marks it), ``ESC p`` drawer kick, ``FS .`` and ``FS &`` (Kanji mode off
and on) and ``DLE EOT n`` (a status request: :attr:`Interpreter.on_status` answers it). In strict mode
(the default) anything else, or a byte the active code page has no letter for, raises
:class:`EscPosError` naming the offset; otherwise it is skipped and counted in ``Printout.skipped``.

Feed the bytes in any pieces (:meth:`Interpreter.feed`): a command cut in two waits for its rest. When
the paper runs out (:class:`Paper`), commands are still read (a status request is still answered) but
nothing more is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image
    from PIL import ImageFont

__all__ = [
    "CODE_PAGES",
    "EscPosError",
    "Interpreter",
    "Paper",
    "Printout",
    "render_escpos",
]

#: ESC t slot -> Python codec, as escpos.md section 2.1 lists them for Epson and the generic Chinese
#: boards (17 and 59 PC866, 46 and 73 WPC1251, 53 KZ-1048). Slot numbers are not portable: a printer
#: with another table (Rongta: 6 = WPC1251, 7 = PC866) is described by the map given to the interpreter.
CODE_PAGES: Mapping[int, str] = {
    0: "cp437",
    17: "cp866",
    46: "cp1251",
    53: "kz1048",
    59: "cp866",
    73: "cp1251",
}
#: Rongta RP326/RP332's table (escpos.md section 2.1).
RONGTA_CODE_PAGES: Mapping[int, str] = {0: "cp437", 6: "cp1251", 7: "cp866"}

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10
LF, CR = 0x0A, 0x0D
DEFAULT_LINE_SPACING = 30  # dots: the power-on line pitch (ESC 2)
FONT_FILE = ("fonts", "DejaVuSansMono.ttf")
#: (cell width, cell height, font size in pixels): Font A and Font B.
_FONTS = ((12, 24, 20), (9, 17, 14))
_QR_LEVELS = {48: "L", 49: "M", 50: "Q", 51: "H"}


class EscPosError(ValueError):
    """Bytes the interpreter cannot print: an unknown command, or a letter the code page lacks."""


class _NeedMore(Exception):
    """The command at the read position is not complete yet."""


@dataclass
class Paper:
    """The roll: it runs out now (``ended``), after ``bytes_left`` more bytes or ``lines_left`` more
    printed lines (text lines, feeds and raster rows of 24 dots count as lines)."""

    ended: bool = False
    near_end: bool = False
    bytes_left: int | None = None
    lines_left: int | None = None

    def load(self) -> None:
        """A new roll: paper again, no end planned."""
        self.ended = self.near_end = False
        self.bytes_left = self.lines_left = None

    def used_bytes(self, count: int) -> None:
        if self.bytes_left is not None:
            self.bytes_left -= count
            if self.bytes_left <= 0:
                self.ended = True

    def used_lines(self, count: int) -> None:
        if self.lines_left is not None and count > 0:
            self.lines_left -= count
            if self.lines_left <= 0:
                self.ended = True


@dataclass
class Printout:
    """What came out: the paper, the text of each printed line (decoded), where it was cut, the drawer
    kicks, the status requests (their ``n``) and how many bytes were read but not printed."""

    image: Image.Image
    lines: list[str] = field(default_factory=list)
    cuts: list[int] = field(default_factory=list)
    drawer_kicks: int = 0
    status_requests: list[int] = field(default_factory=list)
    lost_bytes: int = 0
    skipped: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class _Style:
    font: int = 0  # 0 = Font A, 1 = Font B
    bold: bool = False
    underline: int = 0
    width: int = 1  # GS ! / ESC ! multipliers
    height: int = 1
    reverse: bool = False


@dataclass
class _Run:
    """Letters of one style on the line being collected."""

    text: str
    style: _Style


@dataclass
class _State:
    codec: str = "cp437"
    align: int = 0
    line_spacing: int = DEFAULT_LINE_SPACING
    style: _Style = field(default_factory=_Style)
    kanji: bool = False
    qr_data: bytes = b""
    qr_module: int = 3
    qr_level: str = "L"


class Interpreter:
    """Reads ESC/POS bytes and prints them on a :class:`Paper` of ``width`` dots."""

    def __init__(
        self,
        width: int = 576,
        *,
        code_pages: Mapping[int, str] = CODE_PAGES,
        strict: bool = True,
        paper: Paper | None = None,
        on_status: Callable[[int], None] | None = None,
    ) -> None:
        from PIL import Image

        self.width = width
        self.code_pages = dict(code_pages)
        self.strict = strict
        self.paper = paper or Paper()
        #: called with ``n`` for each ``DLE EOT n`` read (the fake printer answers it)
        self.on_status = on_status
        self._pending = b""
        self._offset = 0  # bytes read before ``_pending``
        self._state = _State()
        self._runs: list[_Run] = []
        self._canvas = Image.new("1", (width, 1024), 1)
        self._y = 0
        self._out = Printout(self._canvas)

    # -- input ---------------------------------------------------------------------------------

    def feed(self, data: bytes) -> None:
        """Read ``data``; a command cut at its end waits for the next piece. Raises EscPosError (strict)."""
        self._pending += data
        pos = 0
        while pos < len(self._pending):
            ended = self.paper.ended
            try:
                end = self._command(self._pending, pos)
            except _NeedMore:
                break
            if ended and not self._is_status(self._pending, pos):
                self._out.lost_bytes += end - pos
            self.paper.used_bytes(end - pos)
            pos = end
        self._offset += pos
        self._pending = self._pending[pos:]

    def finish(self) -> Printout:
        """The printout so far. Letters after the last line feed are not on it: a printer prints a line
        only when told to (LF, ESC d, ESC J, a cut or an image)."""
        from PIL import Image

        height = max(self._y, 1)
        image = Image.new("1", (self.width, height), 1)
        image.paste(self._canvas.crop((0, 0, self.width, height)), (0, 0))
        self._out.image = image
        return self._out

    @property
    def incomplete(self) -> bytes:
        """Bytes of a command not complete yet (at the end of the job: a cut-off command)."""
        return self._pending

    # -- commands ------------------------------------------------------------------------------

    @staticmethod
    def _is_status(data: bytes, pos: int) -> bool:
        return data[pos] == DLE and data[pos + 1 : pos + 2] == b"\x04"

    def _command(self, data: bytes, pos: int) -> int:
        """Run the command at ``pos``; returns the position after it. Raises _NeedMore, EscPosError."""
        byte = data[pos]
        if byte == LF:
            self._print_line(feed=self._state.line_spacing, lines=1)
            return pos + 1
        if byte == CR:
            return pos + 1
        if byte == ESC:
            return self._esc(data, pos)
        if byte == GS:
            return self._gs(data, pos)
        if byte == FS:
            second = _need(data, pos + 1)
            if second in (ord("."), ord("&")):
                self._state.kanji = second == ord("&")
                return pos + 2
            return self._unknown(data, pos, 2)
        if byte == DLE:
            if _need(data, pos + 1) == 0x04:
                n = _need(data, pos + 2)
                self._out.status_requests.append(n)
                if self.on_status is not None:
                    self.on_status(n)
                return pos + 3
            return self._unknown(data, pos, 2)
        if byte < 0x20:
            return self._unknown(data, pos, 1)
        self._text(byte, pos)
        return pos + 1

    def _esc(self, data: bytes, pos: int) -> int:
        s = self._state
        code = _need(data, pos + 1)
        if code == ord("@"):
            self._runs = []
            self._state = _State()
            return pos + 2
        if code == ord("2"):
            s.line_spacing = DEFAULT_LINE_SPACING
            return pos + 2
        n = _need(data, pos + 2)
        if code == ord("t"):
            if n not in self.code_pages:
                return self._fail(pos, f"ESC t {n}: no code page in slot {n}")
            s.codec = self.code_pages[n]
        elif code == ord("a"):
            s.align = n % 48 if n >= 48 else n
        elif code in (ord("E"), ord("G")):
            s.style = _restyle(s.style, bold=bool(n & 1))
        elif code == ord("-"):
            s.style = _restyle(s.style, underline=n % 48 if n >= 48 else n)
        elif code == ord("M"):
            s.style = _restyle(s.style, font=(n % 48 if n >= 48 else n) & 1)
        elif code == ord("!"):
            s.style = _Style(
                font=n & 1,
                bold=bool(n & 0x08),
                underline=1 if n & 0x80 else 0,
                width=2 if n & 0x20 else 1,
                height=2 if n & 0x10 else 1,
                reverse=s.style.reverse,
            )
        elif code == ord("3"):
            s.line_spacing = n
        elif code == ord("d"):
            self._print_line(feed=n * s.line_spacing, lines=n)
        elif code == ord("J"):
            self._print_line(feed=n, lines=0)
        elif code == ord("p"):
            _need(data, pos + 4)
            self._out.drawer_kicks += 1
            return pos + 5
        else:
            return self._unknown(data, pos, 2)
        return pos + 3

    def _gs(self, data: bytes, pos: int) -> int:
        s = self._state
        code = _need(data, pos + 1)
        if code == ord("!"):
            n = _need(data, pos + 2)
            s.style = _restyle(s.style, width=(n >> 4 & 7) + 1, height=(n & 7) + 1)
            return pos + 3
        if code == ord("B"):
            s.style = _restyle(s.style, reverse=bool(_need(data, pos + 2) & 1))
            return pos + 3
        if code == ord("V"):
            m = _need(data, pos + 2)
            end = pos + 3
            if m in (65, 66):
                self._feed(_need(data, pos + 3), lines=0)
                end = pos + 4
            elif m not in (0, 1, 48, 49):
                return self._fail(pos, f"GS V {m}: not a cut")
            self._print_line(feed=0)
            self._cut()
            return end
        if code == ord("v"):
            return self._raster(data, pos)
        if code == ord("(") and _need(data, pos + 2) == ord("k"):
            return self._qr(data, pos)
        return self._unknown(data, pos, 2)

    def _raster(self, data: bytes, pos: int) -> int:
        from PIL import Image

        if _need(data, pos + 2) != ord("0"):
            return self._unknown(data, pos, 3)
        m = _need(data, pos + 3)
        x_bytes = _need(data, pos + 4) + 256 * _need(data, pos + 5)
        rows = _need(data, pos + 6) + 256 * _need(data, pos + 7)
        end = pos + 8 + x_bytes * rows
        _need(data, end - 1) if x_bytes * rows else None
        if x_bytes * 8 > self.width:
            return self._fail(pos, f"GS v 0: an image {x_bytes * 8} dots wide on a {self.width}-dot head")
        if x_bytes and rows:
            image = Image.frombytes("1", (x_bytes * 8, rows), data[pos + 8 : end], "raw", "1;I")
            if m % 48 in (1, 3):
                image = image.resize((image.width * 2, image.height), Image.Resampling.NEAREST)
            if m % 48 in (2, 3):
                image = image.resize((image.width, image.height * 2), Image.Resampling.NEAREST)
            self._print_line(feed=0)
            self._place(image, lines=max(1, image.height // 24))
        return end

    def _qr(self, data: bytes, pos: int) -> int:
        size = _need(data, pos + 3) + 256 * _need(data, pos + 4)
        end = pos + 5 + size
        _need(data, end - 1)
        cn, fn = data[pos + 5], data[pos + 6] if size > 1 else -1
        s = self._state
        if cn != 49:
            return self._fail(pos, f"GS ( k: symbol {cn} is not a QR code (49)")
        if fn == 65:  # model
            pass
        elif fn == 67:
            s.qr_module = data[pos + 7]
        elif fn == 69:
            s.qr_level = _QR_LEVELS.get(data[pos + 7], "L")
        elif fn == 80:
            s.qr_data = data[pos + 8 : end]
        elif fn == 81:
            self._print_line(feed=0)
            self._place(_qr_image(s.qr_data, s.qr_module, s.qr_level), lines=1)
        elif fn != 82:
            return self._fail(pos, f"GS ( k: function {fn} is not known")
        return end

    def _unknown(self, data: bytes, pos: int, length: int) -> int:
        shown = " ".join(f"{b:02X}" for b in data[pos : pos + length])
        return self._fail(pos, f"unknown command {shown}", length)

    def _fail(self, pos: int, what: str, length: int = 1) -> int:
        """Strict: EscPosError; else skip ``length`` bytes (its parameters, unknown, are read as data)."""
        if self.strict:
            raise EscPosError(f"byte {self._offset + pos}: {what}")
        self._out.skipped += 1
        return pos + length

    # -- printing ------------------------------------------------------------------------------

    def _text(self, byte: int, pos: int) -> None:
        try:
            letter = bytes([byte]).decode(self._state.codec)
        except UnicodeDecodeError:
            self._fail(pos, f"byte {byte:02X} has no letter in {self._state.codec}")
            return
        style = self._state.style
        if self._line_dots() + _cell(style)[0] > self.width:
            self._print_line(feed=self._state.line_spacing, lines=1)  # full: the printer wraps
        if self._runs and self._runs[-1].style == style:
            self._runs[-1].text += letter
        else:
            self._runs.append(_Run(letter, style))

    def _line_dots(self) -> int:
        return _runs_dots(self._runs)

    def _print_line(self, *, feed: int, lines: int = 0) -> None:
        """Print the collected line (LF, ESC d, ESC J, a cut and before an image), then move the paper
        ``feed`` dots from the line's top (at least the line's height); ``lines`` is what the roll counts."""
        from PIL import Image

        runs, self._runs = self._runs, []
        if not runs:
            self._feed(feed, lines=lines)
            return
        height = max(_cell(run.style)[1] for run in runs)
        line = Image.new("1", (_runs_dots(runs), height), 1)
        x = 0
        for run in runs:
            width, cell_height = _cell(run.style)
            for letter in run.text:
                line.paste(_glyph(letter, run.style), (x, height - cell_height))
                x += width
        if not self.paper.ended:
            self._out.lines.append("".join(run.text for run in runs).rstrip())
        self._place(line, lines=max(lines, 1), advance=max(feed, height))

    def _place(self, image: Image.Image, *, lines: int, advance: int | None = None) -> None:
        """Paste ``image`` at the current line by the alignment and move the paper on."""
        if self.paper.ended:
            return
        free = self.width - image.width
        x = {0: 0, 1: free // 2, 2: free}.get(self._state.align, 0)
        self._grow(self._y + max(image.height, advance or 0))
        self._canvas.paste(image, (max(0, x), self._y))
        self._y += image.height if advance is None else advance
        self.paper.used_lines(lines)

    def _feed(self, dots: int, *, lines: int) -> None:
        if self.paper.ended or dots <= 0:
            return
        self._grow(self._y + dots)
        self._y += dots
        self.paper.used_lines(lines)

    def _cut(self) -> None:
        if self.paper.ended:
            return
        self._out.cuts.append(self._y)
        self._grow(self._y + 1)
        for x in range(0, self.width, 8):
            for dx in range(4):
                self._canvas.putpixel((x + dx, self._y), 0)
        self._y += 1

    def _grow(self, height: int) -> None:
        from PIL import Image

        if height <= self._canvas.height:
            return
        bigger = Image.new("1", (self.width, max(height, self._canvas.height * 2)), 1)
        bigger.paste(self._canvas, (0, 0))
        self._canvas = bigger


def _runs_dots(runs: list[_Run]) -> int:
    """How many dots wide ``runs`` print."""
    return sum(_cell(run.style)[0] * len(run.text) for run in runs)


def _need(data: bytes, index: int) -> int:
    """The byte at ``index``, or _NeedMore when it has not come yet."""
    if index >= len(data):
        raise _NeedMore
    return data[index]


def _restyle(style: _Style, **changes: object) -> _Style:
    from dataclasses import replace

    return replace(style, **changes)  # type: ignore[arg-type]


def _cell(style: _Style) -> tuple[int, int]:
    width, height, _size = _FONTS[style.font]
    return width * style.width, height * style.height


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    from epay_desktop.resources import resource_path

    return ImageFont.truetype(str(resource_path(*FONT_FILE)), size)


@cache
def _glyph(letter: str, style: _Style) -> Image.Image:
    """One letter in its cell, 1-bit (no antialiasing), scaled for double width or height."""
    from PIL import Image
    from PIL import ImageDraw

    width, height, size = _FONTS[style.font]
    cell = Image.new("1", (width, height), 1)
    draw = ImageDraw.Draw(cell)
    font = _font(size)
    ascent, _descent = font.getmetrics()
    baseline = min(height - 1, ascent + (height - ascent - _descent) // 2)
    for dx in (0, 1) if style.bold else (0,):
        draw.text((width / 2 + dx, baseline), letter, font=font, fill=0, anchor="ms")
    for row in range(style.underline):
        draw.line((0, height - 1 - row, width - 1, height - 1 - row), fill=0)
    if style.reverse:
        from PIL import ImageOps

        cell = ImageOps.invert(cell.convert("L")).convert("1")
    if style.width > 1 or style.height > 1:
        cell = cell.resize((width * style.width, height * style.height), Image.Resampling.NEAREST)
    return cell


def _qr_image(data: bytes, module: int, level: str) -> Image.Image:
    """The stored QR code as the printer draws it: ``module`` dots a module, no quiet zone."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_H
    from qrcode.constants import ERROR_CORRECT_L
    from qrcode.constants import ERROR_CORRECT_M
    from qrcode.constants import ERROR_CORRECT_Q

    levels = {"L": ERROR_CORRECT_L, "M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}
    code = qrcode.QRCode(error_correction=levels[level], box_size=max(1, module), border=0)
    code.add_data(data)
    code.make(fit=True)
    image: Image.Image = code.make_image().get_image()
    return image.convert("1")


def render_escpos(
    data: bytes, width: int = 576, *, code_pages: Mapping[int, str] = CODE_PAGES, strict: bool = True
) -> Printout:
    """The printout of one job's bytes. Raises EscPosError (strict: an unknown command, a letter the
    code page lacks, or a command cut off at the end)."""
    interpreter = Interpreter(width, code_pages=code_pages, strict=strict)
    interpreter.feed(data)
    if interpreter.incomplete and strict:
        raise EscPosError(f"the job ends inside a command: {interpreter.incomplete[:8].hex(' ')}")
    return interpreter.finish()
