"""Which roll a printer prints on is decided by its head's dots (services/printing.py ``paper_width``): a
58 mm head has 384 dots (up to 432 on some), an 80 mm head 576 at 203 dpi or 512 at 180 dpi (Epson
TM-T88IV/V); a 512-dot head was taken for 58 mm when only 576 and wider counted as 80 mm."""

from __future__ import annotations

from dataclasses import replace

import pytest

from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts.printers import make_profile
from epay_desktop.services.printing import MM58_MAX_DOTS
from epay_desktop.services.printing import paper_width


@pytest.mark.parametrize(
    ("dots", "roll"),
    [
        (360, ReceiptWidth.MM58),  # 58 mm at 180 dpi
        (384, ReceiptWidth.MM58),  # 58 mm at 203 dpi
        (MM58_MAX_DOTS, ReceiptWidth.MM58),
        (512, ReceiptWidth.MM80),  # 80 mm at 180 dpi: TM-T88IV/V
        (576, ReceiptWidth.MM80),  # 80 mm at 203 dpi
        (640, ReceiptWidth.MM80),
    ],
)
def test_the_roll_follows_the_heads_dots(dots: int, roll: ReceiptWidth) -> None:
    printer = make_profile("front", "network:127.0.0.1:9100", "80")
    columns = min(dots // 12, 48)  # font A is 12 dots wide: a 512-dot head prints 42 columns
    head = replace(printer, render=replace(printer.render, head_dots=dots, columns=columns))
    assert paper_width(head) is roll


def test_the_profiles_made_for_each_roll_print_on_it() -> None:
    for width in ("58", "80"):
        assert paper_width(make_profile("front", "network:127.0.0.1:9100", width)).value == width
