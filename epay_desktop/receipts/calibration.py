"""The one-page calibration print that tells which code page a thermal printer really has (issue 13
item 1, decision 0109).

A printer's ``ESC t`` slots are not portable (docs/escpos.md section 2.1): slot 53 is KZ-1048 on an
Epson-compatible board and something else on a clone. The page prints, under the printer's name, one
numbered line per :data:`CANDIDATES` page, each switched to with its own ``ESC t`` and holding every
Kazakh and Russian test letter that page has, and last the same letters as an image (always right).
The manager says which numbered line came out right; :func:`calibrated` turns the answer into the
printer's text mode: ``kz1048`` for line 1, ``hybrid`` on cp866 or cp1251 for lines 2 and 3 (their
Kazakh lines then go as images), ``raster`` for none. Pure: bytes in, profile out.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace

from epay_desktop.receipts.cells import CellLine
from epay_desktop.receipts.cells import ReceiptCells
from epay_desktop.receipts.cells import encodable
from epay_desktop.receipts.escpos import escpos_job
from epay_desktop.receipts.escpos_profile import DEFAULT_SLOTS
from epay_desktop.receipts.escpos_profile import Cutter
from epay_desktop.receipts.escpos_profile import RenderProfile
from epay_desktop.receipts.escpos_profile import TextMode

__all__ = ["CANDIDATES", "TEST_LETTERS", "Candidate", "calibrated", "calibration_page", "candidate_line"]

#: The letters a receipt needs: the nine Kazakh ones, and the Russian ones clones get wrong most.
TEST_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі ЁёЖжЩщЫыЯя"  # 31 cells with its number: fits 58 mm
ESC, LF = b"\x1b", b"\n"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One numbered line of the page: the code page (a Python codec), its ``ESC t`` slot and the mode
    the printer gets when the manager picks it."""

    number: int
    codec: str
    mode: TextMode

    @property
    def slot(self) -> int:
        return DEFAULT_SLOTS[self.codec]


CANDIDATES: tuple[Candidate, ...] = (
    Candidate(1, "kz1048", TextMode.KZ1048),
    Candidate(2, "cp866", TextMode.HYBRID),
    Candidate(3, "cp1251", TextMode.HYBRID),
)
#: The number of the image line (what right looks like); picking it, or none, means raster.
IMAGE_LINE = len(CANDIDATES) + 1


def candidate_line(candidate: Candidate) -> str:
    """The line as it should print: its number and the test letters its page has."""
    letters = "".join(ch for ch in TEST_LETTERS if ch == " " or encodable(ch, candidate.codec))
    return f"{candidate.number} {' '.join(letters.split())}"


def calibration_page(name: str, render: RenderProfile) -> bytes:
    """The page's bytes for a printer called ``name`` drawn as ``render`` says (its width, cutter)."""
    cols = render.columns
    image = replace(render, mode=TextMode.RASTER)
    head = (CellLine(name.center(cols)[:cols], bold=True), CellLine("-" * cols))
    out = bytearray(
        escpos_job(ReceiptCells(cols, None, head), replace(image, feed_lines=0, cutter=Cutter.NONE))
    )
    for candidate in CANDIDATES:
        text = candidate_line(candidate)[:cols]
        out += ESC + b"t" + bytes([candidate.slot]) + text.encode(candidate.codec) + LF
    every = f"{IMAGE_LINE} {' '.join(TEST_LETTERS.split())}"[:cols]
    out += escpos_job(ReceiptCells(cols, None, (CellLine(every),)), image)
    return bytes(out)


def calibrated(render: RenderProfile, line: int | None) -> RenderProfile:
    """The printer's profile after the manager said line ``line`` printed right (None: none did, or
    only the image line): kz1048, hybrid on that line's page, or raster. ValueError for another number."""
    if line is None or line == IMAGE_LINE:
        return replace(render, mode=TextMode.RASTER)
    for candidate in CANDIDATES:
        if candidate.number == line:
            return replace(render, mode=candidate.mode, codec=candidate.codec, code_page=candidate.slot)
    raise ValueError(f"no line {line} on the calibration page")
