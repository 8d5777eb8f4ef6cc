"""The calibration page (decision 0109): printed back by the sandbox's interpreter, each candidate
code page's numbered line comes out right only where the printer's slot holds that page, and the
manager's answer sets the printer's text mode."""

from __future__ import annotations

import pytest

from epay_desktop.receipts.calibration import CANDIDATES
from epay_desktop.receipts.calibration import calibrated
from epay_desktop.receipts.calibration import calibration_page
from epay_desktop.receipts.calibration import candidate_line
from epay_desktop.receipts.escpos_profile import Cutter
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.escpos_profile import render_profile
from epay_desktop.sandbox.printer.interpreter import CODE_PAGES
from epay_desktop.sandbox.printer.interpreter import Interpreter

KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"


def _printed(data: bytes, width: int, code_pages=CODE_PAGES) -> list[str]:
    interpreter = Interpreter(width, code_pages=code_pages)
    interpreter.feed(data)
    printout = interpreter.finish()
    assert len(printout.cuts) == 1 and printout.lost_bytes == 0
    return printout.lines


@pytest.mark.parametrize(("width", "dots"), [("58", 384), ("80", 576)])
def test_each_candidate_line_prints_right_on_a_printer_that_has_every_page(width: str, dots: int) -> None:
    page = calibration_page("Касса 1", render_profile(width, "raster"))
    lines = _printed(page, dots)
    assert lines == [candidate_line(c) for c in CANDIDATES]  # the name and the image line are images
    assert lines[0] == "1 ӘәҒғҚқҢңӨөҰұҮүҺһІі ЁёЖжЩщЫыЯя"  # every Kazakh letter in KZ-1048
    assert all(len(line) <= 32 for line in lines)


def test_a_clone_whose_slot_53_is_not_kz1048_prints_line_1_wrong() -> None:
    clone = {**CODE_PAGES, 53: "cp1251"}
    lines = _printed(calibration_page("front", render_profile("58", "kz1048")), 384, clone)
    assert not any(letter in lines[0] for letter in KAZAKH.replace("Іі", ""))  # other letters instead
    assert lines[1:] == [candidate_line(c) for c in CANDIDATES[1:]]  # cp866 and cp1251 are right


def test_the_answer_sets_the_text_mode_and_keeps_the_rest() -> None:
    render = render_profile("80", "raster", cutter=Cutter.FULL)
    kz = calibrated(render, 1)
    assert (kz.mode, kz.codec, kz.code_page, kz.columns, kz.cutter) == (
        TextMode.KZ1048,
        "kz1048",
        53,
        48,
        Cutter.FULL,
    )
    assert (calibrated(render, 2).mode, calibrated(render, 2).codec, calibrated(render, 2).code_page) == (
        TextMode.HYBRID,
        "cp866",
        17,
    )
    assert (calibrated(kz, 3).codec, calibrated(kz, 3).code_page) == ("cp1251", 46)
    assert calibrated(kz, None).mode is TextMode.RASTER and calibrated(kz, 4).mode is TextMode.RASTER
    with pytest.raises(ValueError, match="no line 7"):
        calibrated(render, 7)
