"""The golden images of the ESC/POS receipts: what each golden case's bytes print, as the sandbox's
ESC/POS interpreter draws the paper (decision 0106), kept as ``goldens/<case>.png`` (1-bit, the head's
width: 384 dots for 58 mm, 576 for 80 mm).

The cases are the byte goldens' (``escpos_goldens.CASES``: a sale and a refund with every Kazakh
letter in the shop's name and address, in kk, ru and en, 58 and 80 mm, modes kz1048, hybrid and
raster; ``FISCAL_CASES``: the fiscal Kazakh sale and Russian return; ``SHIFT_CASES``: a Kazakh Z
report on 58 and 80 mm in each mode; ``SHIFT_FISCAL_CASES``: a Russian Z report with the fiscal register's
check, decision 0126). Look at the images after
regenerating: every Kazakh letter must read right in all three modes. Regenerate after a deliberate change::

    .venv-dev/bin/python -m tests.receipts.escpos_images
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from PIL import ImageChops

from epay_desktop.sandbox.printer.interpreter import Printout
from epay_desktop.sandbox.printer.interpreter import render_escpos
from tests.receipts.escpos_goldens import CASES
from tests.receipts.escpos_goldens import FISCAL_CASES
from tests.receipts.escpos_goldens import GOLDENS
from tests.receipts.escpos_goldens import SHIFT_CASES
from tests.receipts.escpos_goldens import SHIFT_FISCAL_CASES
from tests.receipts.escpos_goldens import Case
from tests.receipts.escpos_goldens import ShiftCase

#: Dots that may differ from the golden (a Pillow or FreeType upgrade may move a few): fewer than the
#: 17 dots between ғ and г, the closest pair of a Kazakh letter and the Russian one it is mistaken for
#: (test_escpos_images checks the comparison sees it). More moved dots: look, then regenerate.
TOLERANCE_DOTS = 8


def printout(case: Case | ShiftCase) -> Printout:
    """What the case's bytes print (strict: an unknown command or a letter its page lacks fails)."""
    return render_escpos(case.render(), case.profile.head_dots)


def golden_path(case: Case | ShiftCase) -> Path:
    return GOLDENS / f"{case.name}.png"


@dataclass(frozen=True, slots=True)
class Difference:
    """How a printed image differs from its golden: ``None`` size when the sizes agree."""

    size: tuple[tuple[int, int], tuple[int, int]] | None
    dots: int
    allowed: int
    diff: Image.Image | None

    @property
    def ok(self) -> bool:
        return self.size is None and self.dots <= self.allowed


def compare(printed: Image.Image, golden: Image.Image) -> Difference:
    """The dots that differ (white where equal) and how many may."""
    if printed.size != golden.size:
        return Difference((printed.size, golden.size), 0, 0, None)
    diff = ImageChops.difference(printed.convert("L"), golden.convert("L"))
    dots = sum(diff.histogram()[1:])
    return Difference(None, dots, TOLERANCE_DOTS, Image.eval(diff, lambda v: 255 - v).convert("1"))


def main() -> None:
    cases = [*CASES, *FISCAL_CASES, *SHIFT_CASES, *SHIFT_FISCAL_CASES]
    for case in cases:
        printout(case).image.save(golden_path(case), optimize=True)
    print(f"wrote {len(cases)} golden receipt and shift report images to {GOLDENS}")


if __name__ == "__main__":
    main()
