"""A shift's Z report on the thermal printer (decision 0114): byte goldens and golden images of a
Kazakh report on 58 and 80 mm in each mode (kz1048, hybrid, raster), printed back by the sandbox's
ESC/POS interpreter; and what a wrong byte or layout would break: every line within the columns,
the Kazakh text decoding back exactly in kz1048, the audit anchor printed whole, amounts as the
console writes money (grouped, a decimal comma, ``тг`` in a text page).

Regenerate after a deliberate change (then read the .txt diff and look at the images)::

    .venv-dev/bin/python -m tests.receipts.escpos_goldens
    .venv-dev/bin/python -m tests.receipts.escpos_images
"""

from __future__ import annotations

import pytest
from PIL import Image

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.domain.receipts import ReceiptWidth
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.receipts.shift_layout import shift_cells
from epay_desktop.sandbox.printer.interpreter import render_escpos
from tests.receipts.escpos_goldens import GOLDENS
from tests.receipts.escpos_goldens import SHIFT_ANCHOR
from tests.receipts.escpos_goldens import SHIFT_CASES
from tests.receipts.escpos_goldens import SHIFT_FISCAL_CASES
from tests.receipts.escpos_goldens import ShiftCase
from tests.receipts.escpos_goldens import read_job
from tests.receipts.escpos_goldens import shift_report
from tests.receipts.escpos_images import compare
from tests.receipts.escpos_images import golden_path

REGENERATE = (
    "if the change is meant, run: .venv-dev/bin/python -m tests.receipts.escpos_goldens and "
    ".venv-dev/bin/python -m tests.receipts.escpos_images (then look at the images)"
)


def test_the_cases_cover_both_rolls_and_every_mode() -> None:
    assert {(c.width, c.mode, c.language) for c in SHIFT_CASES} == {
        (w, m, ReceiptLanguage.KK) for w in (ReceiptWidth.MM58, ReceiptWidth.MM80) for m in TextMode
    }


@pytest.mark.parametrize("case", [*SHIFT_CASES, *SHIFT_FISCAL_CASES], ids=lambda c: c.name)
def test_bytes_match_the_golden(case: ShiftCase) -> None:
    golden = (GOLDENS / f"{case.name}.bin").read_bytes()
    job = case.render()
    assert job == golden, f"{case.name}: {len(job)} bytes, golden {len(golden)}; {REGENERATE}"


@pytest.mark.parametrize("case", [*SHIFT_CASES, *SHIFT_FISCAL_CASES], ids=lambda c: c.name)
def test_the_report_prints_as_its_golden_image(case: ShiftCase, tmp_path) -> None:
    printed = render_escpos(case.render(), case.profile.head_dots)  # strict: no byte misread
    golden = golden_path(case)
    assert golden.exists(), f"no golden image {golden.name}; {REGENERATE}"
    difference = compare(printed.image, Image.open(golden))
    if not difference.ok:
        printed.image.save(tmp_path / f"{case.name}.png")
    assert difference.ok, (
        f"{case.name}: {difference.size or difference.dots} differs; see {tmp_path}; {REGENERATE}"
    )
    assert len(printed.cuts) == 1 and printed.lost_bytes == 0 and printed.skipped == 0


@pytest.mark.parametrize("case", [c for c in SHIFT_CASES if c.mode is TextMode.KZ1048], ids=lambda c: c.name)
def test_kz1048_prints_the_kazakh_report_as_text_that_decodes_back(case: ShiftCase) -> None:
    read = read_job(case.render())
    texts = read.texts("kz1048")
    cells = shift_cells(shift_report(), case.profile.columns, "kz1048", ReceiptLanguage.KK)
    assert texts == cells.text_lines()
    assert read.images() == []  # every line in the Kazakh page: no image
    assert texts[0].strip() == "Z-ЕСЕП" and "Ауысым жабылды" in texts[1]
    assert all(len(line) <= case.profile.columns for line in texts)
    net = next(line for line in texts if line.startswith("ТАЗА ТҮСІМ"))
    assert net.endswith("710 000,50 тг")  # grouped, a decimal comma, the tenge as the page writes it
    assert any(line.startswith("Тексерілген төлемдер") and line.endswith("6 ішінен 4") for line in texts)
    assert "000123460 төлемі банкпен" in " ".join(texts)  # the late payment's note, in Kazakh
    anchor_at = next(i for i, line in enumerate(texts) if "бақылау белгісі" in line)
    assert SHIFT_ANCHOR in " ".join(texts[anchor_at : anchor_at + 2])  # whole, never cut


@pytest.mark.parametrize("cols", [32, 42, 48])
def test_a_long_anchor_wraps_at_the_columns_and_stays_whole(cols: int) -> None:
    from dataclasses import replace

    long_anchor = "audit 123456789 " + "-".join(["3f2a9c0177be0d4c"] * 4)
    cells = shift_cells(replace(shift_report(), anchor=long_anchor), cols, None, "ru")
    lines = cells.text_lines()
    assert all(len(line) <= cols for line in lines)
    start = next(i for i, line in enumerate(lines) if "Контрольная метка" in line)
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith("="))
    assert "".join(line.strip() for line in lines[start + 1 : end]).replace(" ", "") == long_anchor.replace(
        " ", ""
    )


def test_hybrid_cp866_draws_the_kazakh_lines_and_sends_the_others_as_text() -> None:
    [case] = [c for c in SHIFT_CASES if c.mode is TextMode.HYBRID and c.width is ReceiptWidth.MM80]
    read = read_job(case.render())
    texts = read.texts("cp866")
    assert "Ауысым                                KASSA-1/12" in texts  # no Kazakh letter: text
    assert not any(set("әғқңөұүһі") & set(t.lower()) for t in texts)
    assert read.images()  # the lines with Kazakh letters went as images
