"""The receipt laid out in character cells: 32, 42 or 48 columns of one cell per letter (decision 0103).

``layout_cells`` turns the blocks of :func:`~epay_desktop.receipts.layout.build_blocks` into lines of
at most ``cols`` characters that every ESC/POS renderer prints the same way (text in a code page, or
drawn into an image). Text is prepared first (:func:`prepare_text`, docs/escpos.md section 5.4):
NFC, no-break spaces as spaces, and for a text code page the few signs it lacks written with ones it
has (« » -> ", — -> -, … -> ...; the tenge sign as ``тг`` / ``KZT``): nothing becomes ``?``.
Wrapping (section 5.5): words wrap at ``cols``, a word longer than a line is split; a label's value
(amount, date, RRN, approval code) is right-aligned and never broken. Pure and deterministic.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.receipts.data import ReceiptData
from epay_desktop.receipts.layout import Banner
from epay_desktop.receipts.layout import Block
from epay_desktop.receipts.layout import Gap
from epay_desktop.receipts.layout import Pair
from epay_desktop.receipts.layout import Qr
from epay_desktop.receipts.layout import Rule
from epay_desktop.receipts.layout import Size
from epay_desktop.receipts.layout import Text
from epay_desktop.receipts.layout import build_blocks

__all__ = [
    "CellLine",
    "QrCell",
    "ReceiptCells",
    "blocks_cells",
    "encodable",
    "layout_cells",
    "pair_lines",
    "prepare_text",
    "prepare_texts",
    "tenge_sign",
    "wrap_cells",
]

TENGE = "\u20b8"
#: Signs a text code page may lack, and what is printed instead (only when the page lacks them).
_FALLBACKS: dict[str, str] = {
    "«": '"',
    "»": '"',
    "„": '"',
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "—": "-",
    "–": "-",
    "‑": "-",
    "−": "-",
    "…": "...",
    "×": "x",
    "•": "*",
    "·": ".",
    "№": "N",
}
_INVISIBLE = {"Cc": " ", "Cf": ""}
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


@dataclass(frozen=True, slots=True)
class CellLine:
    """One printed line: at most ``cols`` characters, already padded for its alignment.
    ``tall`` is double height (the total; width stays one cell per character)."""

    text: str
    bold: bool = False
    tall: bool = False


@dataclass(frozen=True, slots=True)
class QrCell:
    """The QR code, centred on its own."""

    payload: str


Cell = CellLine | QrCell


@dataclass(frozen=True, slots=True)
class ReceiptCells:
    """A receipt laid out for ``cols`` columns with text prepared for ``codec`` (None: an image)."""

    cols: int
    codec: str | None
    lines: tuple[Cell, ...]

    def text_lines(self) -> list[str]:
        """The printed lines as text (the QR code as ``[QR]``), trailing spaces dropped."""
        return [c.text.rstrip() if isinstance(c, CellLine) else "[QR]" for c in self.lines]


def tenge_sign(language: ReceiptLanguage, codec: str | None) -> str:
    """How the tenge sign prints, decided once: ``₸`` in an image (the shipped font has it), else
    ``тг`` in Kazakh and Russian and ``KZT`` in English (no code page holds U+20B8)."""
    if codec is None:
        return TENGE
    return "KZT" if language is ReceiptLanguage.EN else "тг"


def encodable(text: str, codec: str) -> bool:
    """Whether every character of ``text`` is in ``codec`` (strict: nothing replaced)."""
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def prepare_text(text: str, codec: str | None, tenge: str = TENGE) -> str:
    """``text`` ready to lay out: NFC, every no-break space and control character a plain space (no
    byte of a shop's name or address can reach the printer as a command), the tenge sign as
    ``tenge``; for a text ``codec``, each sign it lacks written with the fallback it has. Letters are
    never replaced: a line the codec cannot hold is drawn as an image by the renderer instead, and a
    text with such a letter keeps its real signs (« », —, …) for the image (:func:`prepare_texts`)."""
    return prepare_texts((text,), codec, tenge)[0]


def prepare_texts(texts: Iterable[str], codec: str | None, tenge: str = TENGE) -> tuple[str, ...]:
    """Texts printed together (a label and its value share a line) prepared as :func:`prepare_text`
    does: the fallbacks only when every one of them then prints as text in ``codec``; else none is
    replaced, since their lines go as an image, which draws every sign."""
    plain = tuple(_plain(text, tenge) for text in texts)
    if codec is None:
        return plain
    fallen = tuple(
        "".join(_FALLBACKS[ch] if ch in _FALLBACKS and not encodable(ch, codec) else ch for ch in text)
        for text in plain
    )
    return fallen if all(encodable(text, codec) for text in fallen) else plain


def _plain(text: str, tenge: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_SPACES)
    # a control character would reach the printer as a command: a space; an invisible format
    # character (soft hyphen, zero-width space) takes no cell on paper: dropped
    text = "".join(_INVISIBLE.get(unicodedata.category(ch), ch) for ch in text)
    return text.replace(TENGE, tenge)


def wrap_cells(text: str, cols: int) -> list[str]:
    """Greedy word wrap at ``cols`` cells; a word longer than a line (a long id) is split hard."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > cols:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cols])
            word = word[cols:]
        if not word:
            continue
        if current and len(current) + 1 + len(word) <= cols:
            current = f"{current} {word}"
        else:
            if current:
                lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def pair_lines(label: str, value: str, cols: int) -> list[str]:
    """A label on the left and its value right-aligned on the same line when both fit.

    Otherwise the label wraps and the value goes on the label's last line, or right-aligned on its
    own line. A value is never broken unless it is longer than a whole line: then free text wraps
    by words and one long id is split hard, each piece right-aligned. With no value the label is a
    paragraph: wrapped, nothing after it."""
    if not value:
        return wrap_cells(label, cols)
    if len(value) > cols:
        return [*wrap_cells(label, cols), *(piece.rjust(cols) for piece in wrap_cells(value, cols))]
    if len(label) + 1 + len(value) <= cols:
        return [label + value.rjust(cols - len(label))]
    lines = wrap_cells(label, cols)
    last = lines[-1]
    if len(last) + 1 + len(value) <= cols:
        lines[-1] = last + value.rjust(cols - len(last))
    else:
        lines.append(value.rjust(cols))
    return lines


def _centred(text: str, cols: int, *, bold: bool = False, tall: bool = False) -> list[CellLine]:
    return [CellLine((" " * ((cols - len(line)) // 2) + line), bold, tall) for line in wrap_cells(text, cols)]


def layout_cells(data: ReceiptData, cols: int, codec: str | None) -> ReceiptCells:
    """``data`` laid out in ``cols`` columns, its text prepared for ``codec`` (``None``: the receipt
    is drawn as an image). Same content and order as the PDF (:func:`build_blocks`)."""
    return blocks_cells(build_blocks(data), cols, codec, data.language)


def blocks_cells(
    blocks: Iterable[Block], cols: int, codec: str | None, language: ReceiptLanguage
) -> ReceiptCells:
    """Any paper's ``blocks`` (a receipt's, a shift report's) laid out in ``cols`` columns, the text
    prepared for ``codec`` and the tenge sign written as ``language`` prints it in text."""
    tenge = tenge_sign(language, codec)

    def prep(*texts: str) -> tuple[str, ...]:
        return prepare_texts(texts, codec, tenge)

    lines: list[Cell] = []
    for block in blocks:
        lines += _block_cells(block, cols, prep)
    return ReceiptCells(cols, codec, tuple(lines))


def _block_cells(block: Block, cols: int, prep: Callable[..., tuple[str, ...]]) -> list[Cell]:
    match block:
        case Text():
            tall = block.size in (Size.TITLE, Size.LARGE)
            return list(_centred(prep(block.text)[0], cols, bold=block.bold, tall=tall))
        case Pair():
            tall = block.size is Size.LARGE  # the total: double height, full width
            label, value = prep(block.label, block.value)  # one line: text together, or an image together
            return [CellLine(t, block.bold, tall) for t in pair_lines(label, value, cols)]
        case Rule():
            return [CellLine(("=" if block.heavy else "-") * cols)]
        case Gap():
            return [CellLine("")] if block.lines >= 0.5 else []
        case Banner():
            rule = CellLine("*" * cols, bold=True)
            title = _centred(prep(block.text)[0], cols, bold=True, tall=True)
            return [rule, *title, *_centred(prep(block.subtitle)[0], cols), rule]
        case Qr():
            return [QrCell(block.payload), *_centred(prep(block.caption)[0], cols)]
    raise TypeError(f"unknown receipt block {block!r}")
