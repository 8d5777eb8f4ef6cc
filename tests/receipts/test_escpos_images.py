"""The receipts' ESC/POS bytes printed back to paper by the sandbox's interpreter and compared with the
golden images (``goldens/<case>.png``; regenerate with ``python -m tests.receipts.escpos_images``):
kk, ru and en, 58 and 80 mm, modes kz1048, hybrid and raster (decision 0106). Beside the picture: the
bytes hold no command or letter a printer would misread (strict interpreter), the Kazakh text lines
decode to the right letters, the QR code scans back to the invoice, and the paper is cut once."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image

from epay_desktop.domain.receipts import ReceiptLanguage
from epay_desktop.receipts import read_payment_qr
from epay_desktop.receipts.escpos_profile import TextMode
from epay_desktop.sandbox.printer.interpreter import render_escpos
from tests.receipts.escpos_goldens import CASES
from tests.receipts.escpos_goldens import KAZAKH_LETTERS
from tests.receipts.escpos_goldens import SHOP_ADDRESS
from tests.receipts.escpos_goldens import SHOP_NAME
from tests.receipts.escpos_goldens import Case
from tests.receipts.escpos_images import compare
from tests.receipts.escpos_images import golden_path
from tests.receipts.escpos_images import printout

REGENERATE = "regenerate with: .venv-dev/bin/python -m tests.receipts.escpos_images (then look at the images)"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_receipt_prints_as_its_golden_image(case: Case, tmp_path):
    printed = printout(case)
    golden = golden_path(case)
    assert golden.exists(), f"no golden image {golden.name}; {REGENERATE}"
    difference = compare(printed.image, Image.open(golden))
    if not difference.ok:
        printed.image.save(tmp_path / f"{case.name}.png")  # the test's artefacts, for a look
        if difference.diff is not None:
            difference.diff.save(tmp_path / f"{case.name}-diff.png")
    assert difference.size is None, (
        f"{case.name}: printed {difference.size[0]}, golden {difference.size[1]}; {REGENERATE}"
    )
    differ = f"{case.name}: {difference.dots} dots differ (at most {difference.allowed}); see {tmp_path}"
    assert difference.ok, f"{differ}; {REGENERATE}"
    assert len(printed.cuts) == 1 and printed.lost_bytes == 0 and printed.skipped == 0


@pytest.mark.parametrize("case", [c for c in CASES if c.mode is TextMode.KZ1048], ids=lambda case: case.name)
def test_kz1048_text_lines_decode_to_every_kazakh_letter(case: Case):
    text = printout(case).text
    assert SHOP_NAME in text and "Ұлы Дала" in text and "Шаһар" in text
    assert set(KAZAKH_LETTERS) <= set((SHOP_NAME + SHOP_ADDRESS).lower()) <= set(text.lower())
    assert "?" not in text


@pytest.mark.parametrize("language", list(ReceiptLanguage), ids=lambda language: language.value)
def test_hybrid_prints_the_kazakh_lines_as_images_and_the_rest_as_text(language):
    [case] = [
        c
        for c in CASES
        if c.mode is TextMode.HYBRID
        and c.language is language
        and c.width.value == "80"
        and c.kind.value == "sale"
    ]
    text = printout(case).text
    assert not set(KAZAKH_LETTERS) & set(text.lower())  # cp866 has none of them: those lines are images
    assert "406112345678" in text  # the rest is text (the RRN line)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.width.value == "58" and c.kind.value == "sale"], ids=lambda c: c.name
)
def test_the_printed_qr_code_finds_the_payment(case: Case):
    [found] = zxingcpp.read_barcodes(printout(case).image.convert("L"))
    assert read_payment_qr(found.text)[0].value == "000123456"


@pytest.mark.parametrize(("kazakh", "russian"), [("Ғ", "Г"), ("Қ", "К"), ("Ө", "О")])
def test_the_comparison_sees_one_kazakh_letter_printed_as_its_russian_twin(kazakh, russian):
    [case] = [c for c in CASES if c.name == "sale-kk-58-kz1048"]
    wrong = case.render().replace(kazakh.encode("kz1048"), russian.encode("kz1048"), 1)
    difference = compare(render_escpos(wrong, 384).image, Image.open(golden_path(case)))
    assert difference.size is None and not difference.ok
